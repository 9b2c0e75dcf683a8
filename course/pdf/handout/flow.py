"""Where the handout's flowing text may go on its portrait pages (course/pdf/flow.py lays it down)."""

from __future__ import annotations

from course.pdf.flow import Block, lay_out
from course.pdf.page import A4_LONG, Document

PAGE_H = A4_LONG  # portrait
TOP = 13.0
FOOTER_TOP = PAGE_H - 12.5
BOTTOM = FOOTER_TOP - 4.5  # where the flowing text must stop

__all__ = ["BOTTOM", "FOOTER_TOP", "PAGE_H", "TOP", "Block", "flow"]


def flow(pdf: Document, sections: list[list[Block]], keep_sections: bool) -> None:
    lay_out(pdf, sections, keep_sections, TOP, BOTTOM)
