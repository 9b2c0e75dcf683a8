"""What every page needs and no run changes: the app's own styles and its page scripts (the page's
language, read aloud, the focus kept in place, quick exit), as one stylesheet and one script.

Where the app serves them (course/asgi.py), they are two files named by their content, cached by the
browser for good and named in the page's <head> (course/web/page_kit.py): a run sends only the page's
marker, a hidden element whose data (the language, the voice's speed) the script applies whenever it
changes. Under a plain `streamlit run` or AppTest the same stylesheet and script are sent inline with
each full run, as every style and script was before.

Each run used to send them all (about 14 kB of styles and scripts, six elements): a class joining at
once paid for them on every page it opened (docs/performance.md).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json

import streamlit as st

import course.web
from course import languages
from course.locales import t
from course.ui import bars, celebration, grid_table, header, learner_card, listen, quick_exit, reading
from course.ui.state import Visitor
from course.ui.widgets import chat, picture
from course.web import scripts

MARKER = scripts.MARKER  # the class of the hidden element that carries the page's data

# An element that only holds a script or the marker takes no room: the page's flex layout put a gap
# before it (the top bar moved down 16 px on a first visit; a projected question no longer fitted 720 px).
NO_ROOM = (
    '[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child),'
    f' [data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > .{MARKER})'
    " { display: none; }"
)

# A device that asks for less motion gets none: Streamlit's own transitions (buttons, inputs, the
# fading of a page being redrawn) and any animation end at once (WCAG 2.3.3).
REDUCED_MOTION = (
    "@media (prefers-reduced-motion: reduce) { *, *::before, *::after {"
    " animation-duration: 0s !important; animation-delay: 0s !important;"
    " transition-duration: 0s !important; transition-delay: 0s !important;"
    " scroll-behavior: auto !important; } }"
)


@functools.cache
def css() -> str:
    """Every page's styles: the top bar, read-aloud buttons, quick exit, chats, pictures, answer bars, the
    live grid."""
    return "\n".join(
        [
            NO_ROOM,
            REDUCED_MOTION,
            header.LAYOUT_CSS,
            learner_card.STYLE,
            listen.CSS,
            quick_exit.STYLE,
            chat.STYLE,
            picture.STYLE,
            bars.STYLE,
            grid_table.STYLE,
            celebration.STARS_STYLE,
        ]
    )


def _language_data(lang: str) -> dict[str, object]:
    return {
        "texts": header.streamlit_texts(lang),
        "missing": t("listen.no_voice", lang),
        "exit": t("exit.url", lang),
    }


@functools.cache
def _kit_data() -> dict[str, object]:
    return {
        "languages": {lang: _language_data(lang) for lang in languages.codes()},
        "exitFlag": quick_exit.EXIT_FLAG,
        "exitCookie": quick_exit.EXIT_COOKIE,
    }


@functools.cache
def js() -> str:
    """The kit's script as a file: course/web/scripts.py (PAGE_KIT) with its data written in."""
    return scripts.PAGE_KIT.with_data(_kit_data())


@functools.cache
def _inline() -> tuple[str, str]:
    """The kit's stylesheet and script elements, sent with each full run where the app does not serve it."""
    return f"<style>{css()}</style>", scripts.tag(scripts.PAGE_KIT, _kit_data())


@functools.cache
def version() -> str:
    """A short digest of both files: their addresses change with their content."""
    return hashlib.sha256((css() + js()).encode("utf-8")).hexdigest()[:12]


def marker(who: Visitor, exit_keys: bool) -> str:
    data = json.dumps({"lang": who.lang, "rate": listen.RATES[who.reading.rate], "exit": exit_keys})
    return f'<div hidden class="{MARKER}" data-course="{html.escape(data, quote=True)}"></div>'


def install(who: Visitor, exit_keys: bool = True) -> None:
    """Once per full run: the page's marker and this visitor's reading settings; the kit itself too
    where the app does not serve it. `exit_keys`: Escape twice leaves (not on the projector, where a
    presenter's habit would send the class's screen away)."""
    own = reading.css(who.reading)
    styles = f"<style>{own}</style>" if own else ""
    if course.web.ROUTES_SERVED:
        st.html(styles + marker(who, exit_keys))
    else:
        stylesheet, script = _inline()
        st.html(stylesheet + styles + marker(who, exit_keys) + script, unsafe_allow_javascript=True)
