"""Laying blocks down the pages: a section moves whole to the next page when it fits there, a block
kept with the next one never ends a page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from course.pdf.page import A4_LONG, Document

PAGE_H = A4_LONG  # portrait
TOP = 13.0
FOOTER_TOP = PAGE_H - 12.5
BOTTOM = FOOTER_TOP - 4.5  # where the flowing text must stop


@dataclass
class Block:
    """A strip of the page whose height is known before it is drawn at a given top."""

    height: float
    draw: Callable[[float], None]
    space_before: float = 0.0  # dropped at the top of a page
    keep_with_next: bool = False


def flow(pdf: Document, sections: list[list[Block]], keep_sections: bool) -> None:
    """Lay the sections down the pages from the top of the current one, moving a section whole to
    the next page when it fits there and `keep_sections` is set."""
    y = TOP
    room = BOTTOM - TOP
    for section in sections:
        total = sum(block.height + block.space_before for block in section) - section[0].space_before
        if keep_sections and y > TOP and y + section[0].space_before + total > BOTTOM and total <= room:
            pdf.add_page()
            y = TOP
        for index, block in enumerate(section):
            need = block.height + (block.space_before if y > TOP else 0)
            follow = index
            while section[follow].keep_with_next and follow + 1 < len(section):
                follow += 1
                need += section[follow].height + section[follow].space_before
            if y > TOP and y + need > BOTTOM:
                pdf.add_page()
                y = TOP
            if y > TOP:
                y += block.space_before
            block.draw(y)
            y += block.height
