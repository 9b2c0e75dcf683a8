"""Answer counts as horizontal bars in plain HTML: no chart library, readable on a phone or a projector."""

from __future__ import annotations

import html

import streamlit as st

STYLE = (
    "<style>.bars .result{display:grid;grid-template-columns:minmax(6rem,2fr) 3fr 6rem;gap:.75rem;"
    "align-items:center;margin:.4rem 0}"
    ".bars.hall .result{grid-template-columns:minmax(8rem,2fr) 3fr 7rem;gap:1rem;margin:.6rem 0;"
    "font-size:clamp(1.1rem,2vw,1.8rem)}"
    ".bars .bar{background:#e4e8ef;border-radius:.4rem;height:1.4rem;overflow:hidden}"
    ".bars.hall .bar{height:2.2rem}"
    ".bars .bar span{display:block;height:100%;background:#1d5fa8}"
    ".bars .count{font-weight:700}</style>"
)


def bars_html(labels: dict[str, str], counts: dict[str, int], title: str, hall: bool = False) -> str:
    """One bar per option of `labels` (id -> text), in the options' own order, with count and share."""
    total = sum(counts.get(oid, 0) for oid in labels) or 1
    rows = []
    for oid, label in labels.items():
        count = counts.get(oid, 0)
        share = round(100 * count / total)
        rows.append(
            f'<div class="result" role="listitem"><div class="label">{html.escape(label)}</div>'
            f'<div class="bar"><span style="width:{share}%"></span></div>'
            f'<div class="count">{count} · {share} %</div></div>'
        )
    size = " hall" if hall else ""
    label = html.escape(title)
    return f'{STYLE}<div class="bars{size}" role="list" aria-label="{label}">{"".join(rows)}</div>'


def answer_bars(labels: dict[str, str], counts: dict[str, int], title: str, hall: bool = False) -> None:
    st.html(bars_html(labels, counts, title, hall))
