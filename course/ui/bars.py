"""Answer counts as horizontal bars in plain HTML: no chart library, readable on a phone or a projector.

Each bar is a share of the people who answered (not of all ticks), so a tick-all-that-apply question
can show 100 % on several options. Right answers carry a visible ✓ and a text for screen readers, not
a colour alone. `hall` is the projector's size: large type, compact rows, so a question with its bars
fits a 1280×720 screen.
"""

from __future__ import annotations

import html
from collections.abc import Collection

import streamlit as st

from course.classroom.answers_shown import share

# Part of every page's styles (course/ui/page_kit.py).
STYLE = (
    ".bars .result{display:grid;grid-template-columns:minmax(6rem,2fr) 3fr 6rem;gap:.75rem;"
    "align-items:center;margin:.4rem 0}"
    ".bars.hall .result{grid-template-columns:minmax(10rem,3fr) 2fr 7.5rem;gap:.3rem 1rem;margin:.15rem 0;"
    "font-size:clamp(1rem,1.85vw,1.9rem);line-height:1.2}"
    ".bars .bar{background:#e4e8ef;border-radius:.4rem;height:1.4rem;overflow:hidden}"
    ".bars.hall .bar{height:1.3em}"
    ".bars .bar span{display:block;height:100%;background:#1d5fa8}"
    ".bars .right .bar span{background:#176639}"
    ".bars .label{display:flex;align-items:baseline}"
    ".bars .right .label{font-weight:700}"
    ".bars .mark{flex:none;width:1.3em;color:#176639;font-weight:800}"
    ".bars .count{font-weight:700;font-variant-numeric:tabular-nums}"
    ".bars .sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap;border:0}"
    ".bars+.note{margin:.3rem 0 0;color:#4b5260;font-size:.9rem;line-height:1.3}"
    ".bars.hall+.note{font-size:clamp(.9rem,1.2vw,1.25rem)}"
    "@media (max-width:640px){.bars .result,.bars.hall .result{grid-template-columns:1fr 6.5rem;"
    "gap:.2rem .75rem}"
    ".bars .result .label{grid-column:1/-1}}"
)


def bars_html(
    labels: dict[str, str],
    counts: dict[str, int],
    title: str,
    *,
    respondents: int,
    hall: bool = False,
    right: Collection[str] = (),
    right_text: str = "",
    note: str = "",
) -> str:
    """One bar per option of `labels` (id -> text), in the options' own order, with its count and its
    share of the `respondents` (the people who answered); the `right` ones marked ✓ and `right_text`;
    `note` in small type under the bars (e.g. of how many people the shares are)."""
    marked = bool(right)
    rows = []
    for oid, label in labels.items():
        count = counts.get(oid, 0)
        percent = share(count, respondents)
        is_right = oid in right
        mark = '<span class="mark" aria-hidden="true">✓</span>' if is_right else ""
        if marked and not is_right:
            mark = '<span class="mark" aria-hidden="true"></span>'  # the labels stay aligned
        said = f'<span class="sr"> ({html.escape(right_text)})</span>' if is_right and right_text else ""
        rows.append(
            f'<div class="result{" right" if is_right else ""}" role="listitem">'
            f'<div class="label">{mark}{html.escape(label)}{said}</div>'  # text: a flex item of its own
            f'<div class="bar"><span style="width:{percent}%"></span></div>'
            f'<div class="count">{count} · {percent} %</div></div>'
        )
    size = " hall" if hall else ""
    label = html.escape(title)
    below = f'<div class="note">{html.escape(note)}</div>' if note else ""
    return f'<div class="bars{size}" role="list" aria-label="{label}">{"".join(rows)}</div>{below}'


def answer_bars(labels: dict[str, str], counts: dict[str, int], title: str, **options) -> None:
    """bars_html on the page (the same keyword options: respondents, hall, right, right_text, note)."""
    st.html(bars_html(labels, counts, title, **options))
