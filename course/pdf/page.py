"""The page set-up every PDF of the course shares: A4 in millimetres, the standard Helvetica in
Windows-1252 (see course/pdf/text.py), no automatic page break (each document lays out its own pages),
no inner cell margin, the same document properties, and text measured and written with fpdf2's markdown
(**bold**) at a size in points."""

from __future__ import annotations

import datetime
from typing import cast

from fpdf import FPDF

from course.pdf.text import ENCODING

PT = 25.4 / 72  # one point in millimetres
A4_SHORT, A4_LONG = 210.0, 297.0  # the sides of an A4 page, millimetres
LINE = 1.25  # line height / font size

Colour = tuple[int, int, int]


class Document(FPDF):
    ink: Colour = (0, 0, 0)  # the text colour when `font` is given none

    def __init__(self, orientation: str, margins: tuple[float, float, float]) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_auto_page_break(False)
        self.set_margins(*margins)
        self.c_margin = 0

    def font(self, size: float, style: str = "", color: Colour | None = None) -> None:
        self.set_font("Helvetica", style, size)
        self.set_text_color(*(color or self.ink))

    @staticmethod
    def line_h(size: float) -> float:
        return size * PT * LINE

    def text_height(self, width: float, text: str, size: float, style: str = "") -> float:
        self.font(size, style)
        lines = cast(  # fpdf2 types the result of every output mode as one union: "LINES" gives a list
            list[str],
            self.multi_cell(width, self.line_h(size), text, dry_run=True, output="LINES", markdown=True),
        )
        return len(lines) * self.line_h(size)

    def write_text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        size: float,
        style: str = "",
        color: Colour | None = None,
        align: str = "L",
    ) -> None:
        self.font(size, style, color)
        self.set_xy(x, y)
        self.multi_cell(width, self.line_h(size), text, align=align, markdown=True)

    def describe(
        self, title: str, subject: str, lang: str, created: datetime.date, keywords: str | None = None
    ) -> None:
        """The document's properties. `created` (noon UTC) stands for the creation date, so that the same
        arguments always give the same bytes."""
        self.set_title(title)
        self.set_subject(subject)
        if keywords is not None:
            self.set_keywords(keywords)
        self.set_creator("course")
        self.set_lang(lang)
        self.set_creation_date(
            datetime.datetime(created.year, created.month, created.day, 12, tzinfo=datetime.UTC)
        )
        self.set_display_mode("fullpage")
