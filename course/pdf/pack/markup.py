"""Lesson text as the pack prints it: the content's markdown (### headings, - and 1. lists, **bold**,
*italic*) made into blocks, in characters the standard PDF fonts can show (course/pdf/text.py)."""

from __future__ import annotations

import re

from fpdf import FPDF

from course.pdf.flow import Block
from course.pdf.pack.blocks import PackPages
from course.pdf.text import typeset

_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*]+?)(?<!\s)\*(?![*\w])")
_NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$")


def inline(text: str, lang: str) -> str:
    """One paragraph for fpdf2's markdown: **bold** kept, *italic* as fpdf2 writes it (__), every other
    marker printed as is, typeset for `lang` (no-break spaces, emoji dropped)."""
    text = typeset(text, lang)
    for marker in FPDF.MARKDOWN_MARKERS:
        if marker != "**":
            text = text.replace(marker, "\\" + marker)
    return _ITALIC.sub(r"__\1__", text)


def markdown_blocks(pdf: PackPages, body: str, lang: str, size: float) -> list[Block]:
    """A lesson's markdown text as blocks: headings, paragraphs, bullet and numbered lists."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            blocks.append(pdf.paragraph(inline(" ".join(paragraph), lang), size, after=size * 0.3))
            paragraph.clear()

    for raw in body.splitlines():
        line = raw.strip()
        numbered = _NUMBERED.match(line)
        if line.startswith("#"):
            end_paragraph()
            blocks.append(pdf.heading(inline(line.lstrip("#").strip(), lang), size * 1.2, before=size * 0.2))
        elif line.startswith(("- ", "* ")):
            end_paragraph()
            blocks.append(pdf.item(inline(line[2:], lang), size, "dot", indent=size * 0.15))
        elif numbered:
            end_paragraph()
            blocks.append(pdf.item(inline(numbered[2], lang), size, "none", f"{numbered[1]}.", size * 0.15))
        elif line:
            paragraph.append(line.removeprefix("> "))
        else:
            end_paragraph()
    end_paragraph()
    return blocks
