"""A plain HTML table for the teacher's live grid: light to send every few seconds, read by screen readers."""

from __future__ import annotations

import html

# Part of every page's styles (course/ui/page_kit.py).
STYLE = (
    ".grid-wrap{overflow-x:auto}.grid{border-collapse:collapse;width:100%;font-size:.95rem}"
    ".grid th,.grid td{border-bottom:1px solid #d5d9e0;padding:.35rem .6rem;text-align:left;"
    "white-space:nowrap}.grid thead th{background:#f0f2f6}.grid tbody tr:nth-child(even){background:#fafbfc}"
)


def table_html(headers: list[str], rows: list[list[str]], label: str) -> str:
    """The first column names the row (a pupil); every cell is escaped."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "".join(
        f'<tr><th scope="row">{html.escape(row[0])}</th>'
        + "".join(f"<td>{html.escape(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="grid-wrap"><table class="grid" aria-label="{html.escape(label)}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
