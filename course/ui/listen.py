"""Read-aloud: a listen button beside each text a learner reads (a step, a question and each of its
choices, the feedback, the help card), spoken by the browser's own voices.

A button is plain HTML (st.html, in the page itself, not a frame) carrying the words to say
(course/content/spoken.py) and their language; one script per page (course/web/scripts.py
READ_ALOUD, in the page kit: course/ui/page_kit.py) speaks them. A click causes no rerun and
nothing reaches the server.

An option can be listened to before it is chosen: the choices of a question are lettered (A, B, C…,
by CSS, in the order this learner sees them) and the question's bar has one button per letter.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from string import ascii_uppercase
from urllib.parse import quote

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from course.content.spoken import joined, spoken
from course.ui.state import Visitor

RATES = {"slow": 0.75, "normal": 1.0, "fast": 1.3}  # the voice's speed, by reading setting

# The icons, drawn by CSS masks (st.html keeps no <svg>): a speaker, and a square while it speaks.
SPEAKER = "data:image/svg+xml," + quote(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5'
    ' 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"/></svg>'
)
STOP = "data:image/svg+xml," + quote(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="6" y="6" width="12" height="12"'
    ' rx="1.5"/></svg>'
)

CHOICES_KEY = "listen_choices"  # the container whose choices are lettered (see CSS)

CSS = """
.listen-bar { display: flex; flex-wrap: wrap; align-items: center; gap: .375rem; }
button.listen { display: inline-flex; align-items: center; gap: .25rem; min-height: 2rem;
  min-width: 2rem; padding: .125rem .625rem .125rem .5rem; border-radius: 1rem; font: inherit;
  font-size: .875rem; font-weight: 600; line-height: 1.2; cursor: pointer;
  color: #1d5fa8; background: #eef4fb; border: 1px solid #b9cfe8; }
button.listen::before { content: ""; flex: none; width: 1.125rem; height: 1.125rem;
  background: currentColor; -webkit-mask: var(--listen-icon) center / contain no-repeat;
  mask: var(--listen-icon) center / contain no-repeat; }
button.listen { --listen-icon: url("SPEAKER"); }
button.listen.speaking { --listen-icon: url("STOP"); }
button.listen:hover { background: #dce8f6; }
button.listen:focus-visible { outline: 3px solid #1d5fa8; outline-offset: 2px; }
button.listen.speaking { color: #fff; background: #1d5fa8; border-color: #1d5fa8; }
.listen-missing { flex-basis: 100%; margin: .25rem 0 0; font-size: .875rem; color: #17171c; }
[class*="st-key-listen_choices"] { counter-reset: choice; }
[class*="st-key-listen_choices"] [data-testid="stRadioOption"] > div:first-of-type::before,
[class*="st-key-listen_choices"] [data-testid="stCheckbox"] > label::before,
[class*="st-key-listen_choices"] [data-testid="stButton"] > button::before {
  counter-increment: choice; content: counter(choice, upper-alpha) / "";
  flex: none; display: inline-flex; justify-content: center; align-items: center;
  width: 1.5rem; height: 1.5rem; margin-right: .5rem; border-radius: 50%;
  font-size: .8rem; font-weight: 700; color: #1d5fa8; background: #eef4fb; border: 1px solid #b9cfe8; }
""".replace("SPEAKER", SPEAKER).replace("STOP", STOP)


def button(say: str, lang: str, name: str, shown: str) -> str:
    """A listen button: it says `say` (already spoken words) in `lang`; `name` is its accessible name,
    `shown` its visible text beside the speaker icon."""
    return (
        f'<button type="button" class="listen" lang="{html.escape(lang)}" aria-pressed="false"'
        f' aria-label="{html.escape(name)}" title="{html.escape(name)}" data-say="{html.escape(say)}">'
        f"<span>{html.escape(shown)}</span></button>"
    )


def bar(buttons: Sequence[str]) -> None:
    st.html(f'<div class="listen-bar">{"".join(buttons)}</div>')


def listen(texts: Sequence[str], who: Visitor, name_key: str = "listen.step") -> None:
    """One button reading `texts` (markdown) one after another."""
    say = joined([spoken(text, who.lang) for text in texts])
    if say:
        bar([button(say, who.lang, who.t(name_key), who.t("listen.label"))])


def letter(index: int) -> str:
    return ascii_uppercase[index] if index < len(ascii_uppercase) else str(index + 1)


def question(prompt: str, choices: Mapping[str, str], who: Visitor) -> None:
    """The question's bar: the question with its lettered choices, then each choice alone.

    `choices`: id -> text, in the order shown (empty once the question is answered)."""
    lang = who.lang
    said = [spoken(text, lang) for text in choices.values()]
    lettered = [who.t("listen.choice_said", letter=letter(i), text=text) for i, text in enumerate(said)]
    buttons = [
        button(
            joined([spoken(prompt, lang), *lettered]), lang, who.t("listen.question"), who.t("listen.label")
        )
    ]
    buttons += [
        button(text, lang, who.t("listen.choice", letter=letter(i)), letter(i)) for i, text in enumerate(said)
    ]
    bar(buttons)


def choices_box(key: str) -> DeltaGenerator:
    """The container whose choices (radio, checkboxes, buttons) are lettered A, B, C… in order."""
    return st.container(key=f"{CHOICES_KEY}_{re.sub(r'[^a-zA-Z0-9_-]', '-', key)}")
