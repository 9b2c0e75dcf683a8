"""A lesson's picture on screen: as wide as the column (up to the picture's own width), with its alt text.

Served by the app (course/web/pictures.py) at an address the browser caches for good; under a plain
`streamlit run` or AppTest, where that route does not exist, Streamlit sends the file itself.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import streamlit as st

import course.web
from course.content.checks import media_path
from course.web import pictures

# Part of every page's styles (course/ui/page_kit.py).
STYLE = (
    ".course-picture{margin:0 0 .75rem}.course-picture img{display:block;width:100%;max-width:30rem;"
    "height:auto;margin:0 auto;border-radius:1rem}.course-picture figcaption{text-align:center;"
    "font-size:.875rem;opacity:.8;margin-top:.25rem}"
)


def figure(address: str, alt: str, caption: str | None) -> str:
    """The <figure> of a picture; every text in it escaped (alt and caption come from the content)."""
    text = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="course-picture"><img src="{escape(address)}" alt="{escape(alt)}" '
        f'width="640" height="320" decoding="async">{text}</figure>'
    )


def show_picture(root: Path, src: str, alt: str, caption: str | None = None) -> None:
    address = pictures.url(src, root) if course.web.ROUTES_SERVED else None
    if address is not None:
        st.html(figure(address, alt, caption))
        return
    path = media_path(root, src)
    if path is not None and path.is_file():  # the content check refuses any other path
        st.image(str(path), caption=caption, alt=alt)
