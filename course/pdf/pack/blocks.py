"""The pack's pages and what they are made of: the footer, headings, paragraphs, bullets, a key-message
callout, chat bubbles, boxes to tick or number, a story's boxes, the help card's rows.

Pages are A4, landscape for the slides and portrait for the rest; every block is measured at the width
of the page it will be drawn on (add the page first) and at a size in points, so that a slide can try
smaller type until it fits (course/pdf/pack/slides.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from fpdf.enums import PageOrientation

from course.pdf.colours import (
    CORAL_DARK,
    CORAL_LIGHT,
    DEEP_TEAL,
    INK,
    NAVY,
    RULE,
    SOFT_INK,
    TEAL,
    TEAL_LIGHT,
    WHITE,
)
from course.pdf.flow import Block
from course.pdf.page import Colour, Document

MARGIN = 16.0
TOP = 14.0
FOOTER_SIZE = 9.0
FOOTER_GAP = 11.0  # from the page's foot to the footer's line
BOX = 0.62  # the side of a tick box, in font sizes (points -> millimetres below)
PT_MM = 25.4 / 72
PICTURE_RATIO = 2.0  # the lessons' pictures are 640 × 320 (course/pictures)

Mark = Literal["box", "circle", "dot", "tick", "none"]


class PackPages(Document):
    """The pack's pages. `footer_left` names the lesson; `part` (set as each part starts) names the part;
    `page_label` is "Page {page} of {pages}"."""

    ink = INK

    def __init__(self, lang: str, footer_left: str, page_label: str) -> None:
        super().__init__("landscape", (MARGIN, TOP, MARGIN))
        self.lang = lang
        self.footer_left = footer_left
        self.page_label = page_label
        self.part = ""

    # ------------------------------------------------------------------ geometry of the current page

    @property
    def content_w(self) -> float:
        return self.w - 2 * MARGIN

    @property
    def bottom(self) -> float:
        """Where flowing text must stop, above the footer."""
        return self.h - FOOTER_GAP - 4.0

    def start(self, orientation: Literal["portrait", "landscape"], part: str) -> None:
        """A new page for a new part (its name goes in the footer from this page on)."""
        self.def_orientation = PageOrientation.coerce(orientation)  # the part's next pages too
        self.add_page()
        self.start_section(part)  # a bookmark: the PDF's outline lists the parts
        self.part = part

    def footer(self) -> None:
        y = self.h - FOOTER_GAP
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(MARGIN, y - 1.8, self.w - MARGIN, y - 1.8)
        page = self.page_label.format(page=self.page_no(), pages="{nb}")
        self.font(FOOTER_SIZE, "", SOFT_INK)
        page_w = self.get_string_width(page.replace("{nb}", "99")) + 1
        self.set_xy(self.w - MARGIN - page_w, y)
        self.cell(page_w, self.line_h(FOOTER_SIZE), page, align="R")  # a cell: "{nb}" is replaced at the end
        left = f"{self.footer_left} · {self.part}" if self.part else self.footer_left
        self.set_xy(MARGIN, y)
        self.cell(self.content_w - page_w - 4, self.line_h(FOOTER_SIZE), left)

    # ------------------------------------------------------------------ text

    def heading(self, text: str, size: float, color: Colour = NAVY, before: float = 4.0) -> Block:
        height = self.text_height(self.content_w, text, size, "B") + size * 0.18

        def draw(y: float) -> None:
            self.write_text(MARGIN, y, self.content_w, text, size, "B", color)

        return Block(height, draw, space_before=before, keep_with_next=True)

    def paragraph(
        self,
        text: str,
        size: float,
        style: str = "",
        color: Colour | None = None,
        indent: float = 0.0,
        after: float | None = None,
    ) -> Block:
        width = self.content_w - indent
        gap = size * 0.22 if after is None else after
        height = self.text_height(width, text, size, style) + gap

        def draw(y: float) -> None:
            self.write_text(MARGIN + indent, y, width, text, size, style, color)

        return Block(height, draw)

    def item(self, text: str, size: float, mark: Mark = "dot", label: str = "", indent: float = 0.0) -> Block:
        """One line of a list: a dot, or a box (to tick) or circle, then its label ('A', '3.') and text."""
        first = self.line_h(size)
        side = size * BOX * PT_MM * 1.6
        self.font(size, "B")
        label_w = self.get_string_width(label + " ") if label else 0.0
        x0 = MARGIN + indent
        text_x = x0 + (side + size * 0.25 if mark != "none" else 0.0) + label_w
        width = MARGIN + self.content_w - text_x
        height = self.text_height(width, text, size) + size * 0.2

        def draw(y: float) -> None:
            self.mark(mark, x0, y + (first - side) / 2, side)
            if label:
                self.write_text(text_x - label_w, y, label_w, label, size, "B", NAVY)
            self.write_text(text_x, y, width, text, size)

        return Block(height, draw)

    def mark(self, mark: Mark, x: float, y: float, side: float) -> None:
        """A tick box, a circle or a dot of `side` millimetres, its top left at (x, y)."""
        self.set_draw_color(*NAVY)
        self.set_line_width(max(0.35, side * 0.08))
        if mark == "box":
            self.rect(x, y, side, side, round_corners=True, corner_radius=side * 0.12)
        elif mark == "circle":
            self.circle(x + side / 2, y + side / 2, side / 2)
        elif mark == "dot":
            self.set_fill_color(*NAVY)
            self.circle(x + side / 2, y + side / 2, side * 0.2, style="F")
        elif mark == "tick":  # a right answer in the key
            self.set_draw_color(*DEEP_TEAL)
            self.set_line_width(side * 0.16)
            with self.local_context(stroke_cap_style="ROUND", stroke_join_style="ROUND"):
                points = [(0.1, 0.55), (0.4, 0.85), (0.92, 0.18)]
                self.polyline([(x + side * px, y + side * py) for px, py in points])

    def callout(
        self, text: str, size: float, fill: Colour = TEAL_LIGHT, bar: Colour = TEAL, color: Colour = NAVY
    ) -> Block:
        pad = size * 0.3
        inner = self.content_w - 2 * pad - 2.5
        style = "" if "**" in text else "B"  # the content's own bold, or all of it
        text_h = self.text_height(inner, text, size, style)
        height = text_h + 2 * pad

        def draw(y: float) -> None:
            self.set_fill_color(*fill)
            self.rect(MARGIN, y, self.content_w, height, style="F", round_corners=True, corner_radius=2)
            self.set_fill_color(*bar)
            self.rect(MARGIN, y, 2.5, height, style="F")
            self.write_text(MARGIN + 2.5 + pad, y + pad, inner, text, size, style, color)

        return Block(height + size * 0.2, draw, space_before=2.0)

    def framed(self, lines: list[tuple[str, str]], size: float) -> Block:
        """Lines (text, style) in a thin frame: a pretend post, a picture's description."""
        pad = size * 0.3
        inner = self.content_w - 2 * pad
        heights = [self.text_height(inner, text, size, style) for text, style in lines]
        height = sum(heights) + 2 * pad

        def draw(y: float) -> None:
            self.set_draw_color(*RULE)
            self.set_line_width(0.5)
            self.rect(MARGIN, y, self.content_w, height, round_corners=True, corner_radius=2)
            top = y + pad
            for (text, style), text_h in zip(lines, heights, strict=True):
                self.write_text(MARGIN + pad, top, inner, text, size, style)
                top += text_h

        return Block(height + size * 0.25, draw, space_before=1.0)

    def picture(self, path: Path, height: float) -> Block:
        """A lesson's picture (SVG), centred, `height` mm high; its alt text is on the step's screen
        reader only: on paper the picture speaks for itself."""
        width = height * PICTURE_RATIO

        def draw(y: float) -> None:
            self.image(str(path), x=MARGIN + (self.content_w - width) / 2, y=y, w=width, h=height)

        return Block(height + 2.0, draw, space_before=1.0)

    def bubble(
        self, name: str, text: str, mine: bool, size: float, mark: Mark = "none", label: str = ""
    ) -> Block:
        """A chat message: the other person's on the left, the character's on the right, with an optional
        box to tick (a warning sign?) and a label ('A') in the margin before it."""
        pad = size * 0.28
        side = size * BOX * PT_MM * 1.6
        gutter = side + size * 0.35 if mark != "none" or label else 0.0
        self.font(size, "B")
        label_w = self.get_string_width(label + " ") if label else 0.0
        gutter += label_w
        width = (self.content_w - gutter) * 0.72
        inner = width - 2 * pad
        name_size = size * 0.75
        name_h = self.text_height(inner, name, name_size, "B") if name else 0.0
        text_h = self.text_height(inner, text, size)
        height = name_h + text_h + 2 * pad
        x = MARGIN + gutter + (self.content_w - gutter - width if mine else 0.0)

        def draw(y: float) -> None:
            if mark != "none":
                self.mark(mark, MARGIN, y + pad + name_h + (self.line_h(size) - side) / 2, side)
            if label:
                self.write_text(
                    MARGIN + gutter - label_w - size * 0.15, y + pad + name_h, label_w, label, size, "B", NAVY
                )
            self.set_fill_color(*(TEAL_LIGHT if mine else (238, 240, 245)))
            self.rect(x, y, width, height, style="F", round_corners=True, corner_radius=min(4.0, size * 0.3))
            if name:
                self.write_text(x + pad, y + pad, inner, name, name_size, "B", SOFT_INK)
            self.write_text(x + pad, y + pad + name_h, inner, text, size)

        return Block(height + size * 0.25, draw)

    def numbered(self, number: str, text: str, size: float, color: Colour = DEEP_TEAL) -> Block:
        """A numbered disc and bold text: a question's number, a story's box."""
        disc = self.line_h(size) * 1.05
        text_x = MARGIN + disc + size * 0.3
        width = MARGIN + self.content_w - text_x
        height = max(disc, self.text_height(width, text, size, "B")) + size * 0.2

        def draw(y: float) -> None:
            self.set_fill_color(*color)
            self.circle(MARGIN + disc / 2, y + self.line_h(size) / 2, disc / 2, style="F")
            small = size * (0.8 if len(number) < 3 else 0.6)
            self.font(small, "B", WHITE)
            self.set_xy(MARGIN, y + (self.line_h(size) - self.line_h(small)) / 2)
            self.cell(disc, self.line_h(small), number, align="C")
            self.write_text(text_x, y, width, text, size, "B")

        return Block(height, draw, space_before=size * 0.35, keep_with_next=True)

    def columns_row(self, cells: list[str], widths: list[float], size: float, style: str = "") -> Block:
        """A row of a table (settings): cells at fractions `widths` of the page's width, a rule under it."""
        pad = size * 0.15
        spans = [self.content_w * share for share in widths]
        height = max(
            self.text_height(span - 2, cell, size, style) for cell, span in zip(cells, spans, strict=True)
        )
        height += 2 * pad

        def draw(y: float) -> None:
            x = MARGIN
            for cell, span in zip(cells, spans, strict=True):
                self.write_text(x, y + pad, span - 2, cell, size, style)
                x += span
            self.set_draw_color(*RULE)
            self.set_line_width(0.25)
            self.line(MARGIN, y + height, MARGIN + self.content_w, y + height)

        return Block(height, draw)

    def choice_boxes(self, labels: list[str], size: float, indent: float = 0.0) -> Block:
        """Boxes side by side on one line: ☐ True   ☐ False."""
        side = size * BOX * PT_MM * 1.6
        first = self.line_h(size)
        self.font(size)
        widths = [side + size * 0.3 + self.get_string_width(label) + size * 1.2 for label in labels]
        height = first + size * 0.25

        def draw(y: float) -> None:
            x = MARGIN + indent
            for label, width in zip(labels, widths, strict=True):
                self.mark("box", x, y + (first - side) / 2, side)
                self.write_text(x + side + size * 0.3, y, width, label, size)
                x += width

        return Block(height, draw)

    def emergency(self, text: str, size: float) -> Block:
        return self.callout(text, size, CORAL_LIGHT, CORAL_DARK, CORAL_DARK)

    def space(self, height: float) -> Block:
        return Block(height, lambda y: None)
