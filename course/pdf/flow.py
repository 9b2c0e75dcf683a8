"""Laying blocks down the pages between a top and a bottom: a section moves whole to the next page when
it fits there, a block kept with the next one never ends a page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from course.pdf.page import Document


@dataclass
class Block:
    """A strip of the page whose height is known before it is drawn at a given top."""

    height: float
    draw: Callable[[float], None]
    space_before: float = 0.0  # dropped at the top of a page
    keep_with_next: bool = False


def height_of(section: list[Block]) -> float:
    """The height `section` takes from the top of a page (its first space dropped)."""
    return sum(block.height + block.space_before for block in section) - section[0].space_before


def pages_of(section: list[Block], room: float) -> int:
    """How many pages of height `room` lay_out would fill with `section` (blocks kept with the next)."""
    pages, y = 1, 0.0
    for index, block in enumerate(section):
        need = block.height + (block.space_before if y > 0 else 0)
        follow = index
        while section[follow].keep_with_next and follow + 1 < len(section):
            follow += 1
            need += section[follow].height + section[follow].space_before
        if y > 0 and y + need > room:
            pages, y = pages + 1, 0.0
        y += block.height + (block.space_before if y > 0 else 0)
    return pages


def lay_out(
    pdf: Document, sections: list[list[Block]], keep_sections: bool, top: float, bottom: float
) -> float:
    """Lay the sections down the pages from `top` of the current one, moving a section whole to the
    next page when it fits there and `keep_sections` is set. Returns where the last block ends."""
    y = top
    room = bottom - top
    for section in sections:
        if not section:
            continue
        total = height_of(section)
        if keep_sections and y > top and y + section[0].space_before + total > bottom and total <= room:
            pdf.add_page()
            y = top
        for index, block in enumerate(section):
            need = block.height + (block.space_before if y > top else 0)
            follow = index
            while section[follow].keep_with_next and follow + 1 < len(section):
                follow += 1
                need += section[follow].height + section[follow].space_before
            if y > top and y + need > bottom:
                pdf.add_page()
                y = top
            if y > top:
                y += block.space_before
            block.draw(y)
            y += block.height
    return y
