"""The handout's page furniture (the footer) and its blocks: a banner, numbered headings, paragraphs,
two-column lists, the age bands' columns, a callout, numbered steps, the emergency box, helpline rows.
Each block knows its height before it is drawn (course/pdf/handout/flow.py lays them down the pages)."""

from __future__ import annotations

from typing import Literal

from course.locales import t
from course.pdf.colours import (
    BAND_COLOURS,
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
from course.pdf.handout.flow import FOOTER_TOP, TOP, Block
from course.pdf.page import A4_SHORT, Document
from course.pdf.text import typeset

PAGE_W = A4_SHORT  # portrait
MARGIN_X = 14.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
GUTTER = 8.0
FOOTER_SIZE = 10.0


class HandoutPages(Document):
    """The handout's pages: their footer, and the blocks its sections are made of, measured at the body
    text size `body` (points)."""

    ink = INK

    def __init__(self, lang: str, body: float, footer_text: str, emergency: str, page_label: str) -> None:
        super().__init__("portrait", (MARGIN_X, TOP, MARGIN_X))
        self.lang = lang
        self.body = body
        self.footer_text = footer_text
        self.emergency = emergency
        self.page_label = page_label

    # ------------------------------------------------------------------ page furniture

    def footer(self) -> None:
        """One line: the emergency number (every page), what this is, and the page number."""
        size = FOOTER_SIZE
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(MARGIN_X, FOOTER_TOP - 2.2, PAGE_W - MARGIN_X, FOOTER_TOP - 2.2)
        page = self.page_label.format(page=self.page_no(), pages="{nb}")
        self.font(size)
        page_w = self.get_string_width(page.replace("{nb}", "9")) + 1
        self.font(size, "", SOFT_INK)
        self.set_xy(PAGE_W - MARGIN_X - page_w, FOOTER_TOP)
        self.cell(page_w, self.line_h(size), page, align="R")  # a cell: "{nb}" is only replaced at the end
        x = MARGIN_X
        room = CONTENT_W - page_w - 4
        if self.emergency:
            self.font(size, "B")
            width = min(room, self.get_string_width(self.emergency) + 1)
            self.write_text(x, FOOTER_TOP, width, self.emergency, size, "B", CORAL_DARK)
            x += width + 4
            room -= width + 4
        self.font(size)
        if self.footer_text and self.get_string_width(self.footer_text) < room:
            self.write_text(x, FOOTER_TOP, room, self.footer_text, size, "", SOFT_INK)

    # ------------------------------------------------------------------ blocks

    def banner(self, title: str, subtitle: str) -> Block:
        title_size, sub_size = 21.0, 12.5
        text_x = MARGIN_X + 15
        text_w = CONTENT_W - 15
        title_h = self.text_height(text_w, title, title_size, "B")
        sub_h = self.text_height(text_w, subtitle, sub_size)
        height = title_h + 1.5 + sub_h + 4.5

        def draw(y: float) -> None:
            self.shield(MARGIN_X + 5.5, y + 6.5)
            self.write_text(text_x, y, text_w, title, title_size, "B", NAVY)
            self.write_text(text_x, y + title_h + 1.5, text_w, subtitle, sub_size, "", SOFT_INK)
            self.set_draw_color(*TEAL)
            self.set_line_width(0.8)
            self.line(MARGIN_X, y + height - 1.2, PAGE_W - MARGIN_X, y + height - 1.2)

        return Block(height, draw)

    def shield(self, x: float, y: float) -> None:
        """A small shield with a tick, centred on (x, y)."""
        w, h = 11.0, 13.0
        top = y - h / 2
        points = [(x - w / 2, top + 1.5), (x, top), (x + w / 2, top + 1.5), (x + w / 2, top + h * 0.45)]
        points += [(x + w / 2 * 0.8, top + h * 0.72), (x, top + h), (x - w / 2 * 0.8, top + h * 0.72)]
        points += [(x - w / 2, top + h * 0.45)]
        self.set_fill_color(*TEAL)
        self.polyline(points, polygon=True, style="F")
        self.set_draw_color(*WHITE)
        self.set_line_width(1.1)
        with self.local_context(stroke_cap_style="ROUND", stroke_join_style="ROUND"):
            self.polyline([(x - 2.6, y + 0.2), (x - 0.6, y + 2.3), (x + 2.9, y - 2.0)])

    def heading(self, number: int, text: str) -> Block:
        size = 15.0
        disc = 7.6
        text_x = MARGIN_X + disc + 3
        text_w = CONTENT_W - disc - 3
        height = max(disc, self.text_height(text_w, text, size, "B")) + 2.2

        def draw(y: float) -> None:
            self.set_fill_color(*NAVY)
            self.circle(MARGIN_X + disc / 2, y + disc / 2, disc / 2, style="F")
            self.font(12.5, "B", WHITE)
            self.set_xy(MARGIN_X, y + disc / 2 - self.line_h(12.5) / 2)
            self.cell(disc, self.line_h(12.5), str(number), align="C")
            self.write_text(text_x, y + (disc - self.line_h(size)) / 2, text_w, text, size, "B", NAVY)

        return Block(height, draw, space_before=5.0, keep_with_next=True)

    def paragraph(self, text: str, color=INK, style: str = "", after: float = 2.0) -> Block:
        size = self.body
        height = self.text_height(CONTENT_W, text, size, style) + after

        def draw(y: float) -> None:
            self.write_text(MARGIN_X, y, CONTENT_W, text, size, style, color)

        return Block(height, draw)

    def two_columns(self, left: str, right: str | None, marker: Literal["box", "dot"]) -> Block:
        """One row of a two-column list: tick boxes (the checklist) or dots (warning signs)."""
        column_w = (CONTENT_W - GUTTER) / 2
        indent = 6.8 if marker == "box" else 4.8
        text_w = column_w - indent
        height = max(self.text_height(text_w, text, self.body) for text in (left, right) if text)
        height += 2.0 if marker == "box" else 1.2
        first_line = self.line_h(self.body)

        def draw(y: float) -> None:
            for column, text in enumerate((left, right)):
                if not text:
                    continue
                x = MARGIN_X + column * (column_w + GUTTER)
                if marker == "box":
                    side = 4.0
                    self.set_draw_color(*NAVY)
                    self.set_line_width(0.45)
                    self.rect(
                        x, y + (first_line - side) / 2, side, side, round_corners=True, corner_radius=0.6
                    )
                else:
                    self.set_fill_color(*NAVY)
                    self.circle(x + 1.3, y + first_line / 2, 1.05, style="F")
                self.write_text(x + indent, y, text_w, text, self.body)

        return Block(height, draw)

    def band_columns(self, labels: list[str], starters: list[list[str]]) -> Block:
        """The conversation starters: one column per age band, under a coloured tag."""
        gap = 5.0
        column_w = (CONTENT_W - gap * (len(labels) - 1)) / len(labels)
        pad = 2.6
        text_w = column_w - 2 * pad
        between = 1.6
        tag_h = self.line_h(self.body) + 2.4
        heights = [[self.text_height(text_w, text, self.body) for text in column] for column in starters]
        body_h = max(sum(column) + between * (len(column) - 1) for column in heights)
        height = tag_h + 2 * pad + body_h + 2.0

        def draw(y: float) -> None:
            for index, (label, column, column_heights) in enumerate(
                zip(labels, starters, heights, strict=True)
            ):
                x = MARGIN_X + index * (column_w + gap)
                colour = BAND_COLOURS[index % len(BAND_COLOURS)]
                self.set_draw_color(*colour)
                self.set_line_width(0.8)
                self.rect(x, y, column_w, height - 2.0, round_corners=True, corner_radius=2.2)
                self.set_fill_color(*colour)
                self.rect(x, y, column_w, tag_h, style="F", round_corners=True, corner_radius=2.2)
                self.rect(x, y + tag_h - 2.2, column_w, 2.2, style="F")  # square lower corners
                self.font(self.body, "B", INK)
                self.set_xy(x, y + 1.2)
                self.cell(column_w, self.line_h(self.body), label, align="C")
                top = y + tag_h + pad
                for text, text_h in zip(column, column_heights, strict=True):
                    self.write_text(x + pad, top, text_w, text, self.body)
                    top += text_h + between

        return Block(height, draw)

    def callout(self, text: str) -> Block:
        pad = 3.0
        inner_w = CONTENT_W - 2 * pad - 2
        text_h = self.text_height(inner_w, text, self.body)
        height = text_h + 2 * pad

        def draw(y: float) -> None:
            self.set_fill_color(*TEAL_LIGHT)
            self.rect(MARGIN_X, y, CONTENT_W, height, style="F", round_corners=True, corner_radius=2)
            self.set_fill_color(*TEAL)
            self.rect(MARGIN_X, y, 2, height, style="F")
            self.write_text(MARGIN_X + 2 + pad, y + pad, inner_w, text, self.body)

        return Block(height, draw, space_before=1.0)

    def step(self, number: int, text: str) -> Block:
        disc = 6.2
        text_x = MARGIN_X + disc + 3.2
        text_w = CONTENT_W - disc - 3.2
        height = self.text_height(text_w, text, self.body) + 1.9
        first_line = self.line_h(self.body)

        def draw(y: float) -> None:
            self.set_fill_color(*DEEP_TEAL)
            self.circle(MARGIN_X + disc / 2, y + first_line / 2, disc / 2, style="F")
            size = self.body - 0.5
            self.font(size, "B", WHITE)
            self.set_xy(MARGIN_X, y + first_line / 2 - self.line_h(size) / 2)
            self.cell(disc, self.line_h(size), str(number), align="C")
            self.write_text(text_x, y, text_w, text, self.body)

        return Block(height, draw)

    def emergency_box(self, label: str, contacts: list[str]) -> Block:
        size = self.body + 2
        pad = 2.4
        text = typeset(t("handout.label", self.lang, label=label), self.lang)
        text += " **" + "  ·  ".join(contacts) + "**"
        inner_w = CONTENT_W - 2 * pad - 2
        text_h = self.text_height(inner_w, text, size)
        height = text_h + 2 * pad + 1.0

        def draw(y: float) -> None:
            box_h = text_h + 2 * pad
            self.set_fill_color(*CORAL_LIGHT)
            self.rect(MARGIN_X, y, CONTENT_W, box_h, style="F", round_corners=True, corner_radius=2)
            self.set_fill_color(*CORAL_DARK)
            self.rect(MARGIN_X, y, 2, box_h, style="F")
            self.write_text(MARGIN_X + 2 + pad, y + pad, inner_w, text, size, "", CORAL_DARK)

        return Block(height, draw, space_before=0.5, keep_with_next=True)

    def helpline_row(self, name: str, contact: str, purpose: str) -> Block:
        """Name and contact on the left (what a parent scans for), what it is for on the right."""
        left_w = 66.0
        right_x = MARGIN_X + left_w + 5
        right_w = CONTENT_W - left_w - 5
        pad = 1.5
        name_h = self.text_height(left_w, name, self.body, "B")
        contact_h = self.text_height(left_w, contact, self.body, "B")
        purpose_h = self.text_height(right_w, purpose, self.body)
        height = max(name_h + contact_h, purpose_h) + 2 * pad

        def draw(y: float) -> None:
            self.write_text(MARGIN_X, y + pad, left_w, name, self.body, "B", INK)
            self.write_text(MARGIN_X, y + pad + name_h, left_w, contact, self.body, "B", DEEP_TEAL)
            self.write_text(right_x, y + pad, right_w, purpose, self.body, "", INK)
            self.set_draw_color(*RULE)
            self.set_line_width(0.25)
            self.line(MARGIN_X, y + height, PAGE_W - MARGIN_X, y + height)

        return Block(height, draw)
