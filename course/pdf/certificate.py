"""A printable one-page PDF certificate for a child who finished some lessons (pure Python, no Streamlit).

The child is only known by the nickname the app generated ("Loutre courageuse"): no real name is ever
asked for, printed or stored. Every label arrives already translated in a `CertificateText`; this module
only writes the date in the right language. Fonts and characters: course/pdf/text.py.

The output is deterministic: the same arguments give the same bytes (the creation date is `when`).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from course import languages
from course.pdf.colours import CORAL, CREAM, MINT, NAVY, PINK, SKY, SLATE, SOFT_SLATE, SUN, SUN_LIGHT, TEAL
from course.pdf.page import A4_LONG, A4_SHORT, PT, Document
from course.pdf.text import ENCODING, base_language, format_date, keep_together, pdf_safe

__all__ = ["CertificateText", "certificate_pdf"]


@dataclass(frozen=True)
class CertificateText:
    """Every label printed on the certificate, already in the child's language."""

    heading: str  # "Certificat" / "Certificate"
    awarded_to: str  # "décerné à" / "awarded to"
    for_completing: str  # "pour avoir terminé" / "for completing"
    date_label: str  # "Le" / "On"
    footer: str  # what the certificate records (no claim of mastery), and that no real name is stored
    quiz_score: str = "{score} %"  # after a lesson's title: its best quiz score, e.g. "quiz: {score} %"


# -------------------------------------------------------------------------------------------- layout

PAGE_W, PAGE_H = A4_LONG, A4_SHORT  # landscape

OUTER, INNER = 8.0, 14.0  # border insets

# The list of lessons lives in this box, between the shield (left) and the medal (right); its top moves
# down if a very long nickname needs two lines.
LIST_X, LIST_W = 62.0, 173.0
LIST_TOP, LIST_BOTTOM = 89.0, 164.0
MAX_SIZE, MIN_SIZE = 16.0, 6.0
LINE_SPACING = 1.3  # line height / font size
ITEM_GAP = 0.45  # extra space between two lessons, in lines
BULLET = 1.55  # room for the tick before each title, in font sizes
GUTTER = 9.0  # between two columns
FOOTER_W = 235.0
LONGEST_TITLE = 160  # characters; a longer title is cut with "…"


@dataclass(frozen=True)
class _ListLayout:
    columns: int
    size: float  # points
    lines: tuple[tuple[str, ...], ...]  # the wrapped lines of each title

    @property
    def line_h(self) -> float:
        return self.size * PT * LINE_SPACING

    def split(self) -> list[list[int]]:
        """Indexes of the titles in each column, in reading order (down the first column first)."""
        per_column = math.ceil(len(self.lines) / self.columns)
        return [
            list(range(start, min(start + per_column, len(self.lines))))
            for start in range(0, len(self.lines), per_column)
        ]

    def column_height(self, indexes: Sequence[int]) -> float:
        rows = sum(len(self.lines[i]) for i in indexes) + ITEM_GAP * (len(indexes) - 1)
        return rows * self.line_h

    @property
    def height(self) -> float:
        return max((self.column_height(column) for column in self.split()), default=0.0)


class _Certificate(Document):
    ink = SLATE

    def __init__(self) -> None:
        super().__init__("landscape", (0, 0, 0))

    # ------------------------------------------------------------------ text helpers

    def centred(
        self, y: float, text: str, size: float, style: str = "", color=SLATE, min_size: float = 0
    ) -> float:
        """One centred line at `y` (top), shrunk to `min_size` to fit, wrapped beyond; returns the bottom."""
        width = PAGE_W - 2 * INNER - 24
        self.font(size, style, color)
        while min_size and size > min_size and self.get_string_width(text) > width:
            size = max(min_size, size - 1)
            self.font(size, style, color)
        line_h = size * PT * 1.15
        self.set_xy((PAGE_W - width) / 2, y)
        self.multi_cell(width, line_h, text, align="C")
        return self.get_y()

    # ------------------------------------------------------------------ decoration

    def frame(self) -> None:
        self.set_fill_color(*CREAM)
        self.rect(0, 0, PAGE_W, PAGE_H, style="F")
        self.border(OUTER, TEAL, 3.2, 9)
        self.border(INNER, SUN, 0.9, 6, dashed=True)
        # a big star in each corner, with a little friend
        for x, y, friend_dx, friend_dy in (
            (INNER + 2, INNER + 2, 12, 2),
            (PAGE_W - INNER - 2, INNER + 2, -12, 2),
            (INNER + 2, PAGE_H - INNER - 2, 12, -2),
            (PAGE_W - INNER - 2, PAGE_H - INNER - 2, -12, -2),
        ):
            self.star_at(x, y, 7.5, SUN, rotate=-18)
            self.star_at(x + friend_dx, y + friend_dy, 3.2, CORAL, rotate=10)
        # confetti along the top and the bottom
        for i, x in enumerate(range(40, 260, 11)):
            color = (CORAL, SKY, PINK, TEAL)[i % 4]
            self.set_fill_color(*color)
            for y in (INNER + 4.5 + (i % 2) * 2.2, PAGE_H - INNER - 4.5 - (i % 2) * 2.2):
                self.circle(x + 5.5, y, 0.85 + (i % 3) * 0.25, style="F")

    def border(self, inset: float, color, width: float, radius: float, dashed: bool = False) -> None:
        """A rounded rectangle `inset` mm inside the page's edge."""
        self.set_draw_color(*color)
        self.set_line_width(width)
        if dashed:
            self.set_dash_pattern(dash=3, gap=2.2)
        w, h = PAGE_W - 2 * inset, PAGE_H - 2 * inset
        self.rect(inset, inset, w, h, style="D", round_corners=True, corner_radius=radius)
        if dashed:
            self.set_dash_pattern()

    def star_at(self, x: float, y: float, radius: float, color, rotate: float = 0) -> None:
        self.set_fill_color(*color)
        self.star(x, y, radius * 0.45, radius, 5, rotate_degrees=rotate, style="F")

    def tick(self, x: float, y: float, radius: float, color=TEAL) -> None:
        """A white tick in a coloured disc centred on (x, y)."""
        self.set_fill_color(*color)
        self.circle(x, y, radius, style="F")
        self.set_draw_color(255, 255, 255)
        self.set_line_width(radius * 0.32)
        with self.local_context(stroke_cap_style="ROUND", stroke_join_style="ROUND"):
            self.polyline(
                [
                    (x - radius * 0.45, y + radius * 0.02),
                    (x - radius * 0.1, y + radius * 0.38),
                    (x + radius * 0.5, y - radius * 0.35),
                ]
            )

    def medal(self, x: float, y: float) -> None:
        """A gold rosette with two ribbons, centred on (x, y)."""
        for dx, color in ((-5.5, CORAL), (5.5, SKY)):
            self.set_fill_color(*color)
            top = y + 6
            self.polyline(
                [
                    (x + dx - 4.2, top),
                    (x + dx + 4.2, top),
                    (x + dx + 4.2 + dx * 0.25, top + 20),
                    (x + dx + dx * 0.25, top + 16),
                    (x + dx - 4.2 + dx * 0.25, top + 20),
                ],
                polygon=True,
                style="F",
            )
        self.set_fill_color(*SUN)
        self.star(x, y, 12.5, 15, 16, style="F")  # scalloped edge
        self.set_fill_color(*SUN_LIGHT)
        self.circle(x, y, 10.5, style="F")
        self.star_at(x, y, 8, SUN)

    def shield(self, x: float, y: float) -> None:
        """A shield with a tick (staying safe online), centred on (x, y)."""
        w, h = 24.0, 28.0
        top = y - h / 2
        points = [(x - w / 2, top + 3), (x, top), (x + w / 2, top + 3)]
        for k in range(1, 13):  # the rounded lower part down to the tip
            angle = math.pi / 2 * k / 12
            points.append((x + w / 2 * math.cos(angle), top + 3 + (h - 3) * math.sin(angle)))
        points += [(x - px + x, py) for px, py in reversed(points[3:-1])]
        self.set_fill_color(*TEAL)
        self.polyline(points, polygon=True, style="F")
        self.set_fill_color(*MINT)
        inner = [(x + (px - x) * 0.78, top + 3.2 + (py - top) * 0.78) for px, py in points]
        self.polyline(inner, polygon=True, style="F")
        self.tick(x, y - 0.5, 6.5)

    # ------------------------------------------------------------------ the list of lessons

    def wrap(self, text: str, width: float) -> tuple[str, ...]:
        # fpdf2 types the result of every output mode as one union: "LINES" gives a list of lines
        lines = cast(list[str], self.multi_cell(width, 5, text, align="L", dry_run=True, output="LINES"))
        # fpdf2 hands the lines back already encoded for the font (one byte per character): decode them
        return tuple(line.encode("latin-1").decode(ENCODING) for line in lines) or ("",)

    def list_layout(self, titles: Sequence[str], height: float) -> _ListLayout:
        """The biggest font (then the fewest columns) with which every title fits in `height` mm."""
        best = None
        for columns in (1, 2, 3):
            if columns > max(1, len(titles)):
                break
            column_w = (LIST_W - GUTTER * (columns - 1)) / columns
            size = MAX_SIZE
            while size >= MIN_SIZE:
                self.font(size)
                text_w = column_w - BULLET * size * PT
                layout = _ListLayout(columns, size, tuple(self.wrap(t, text_w) for t in titles))
                if layout.height <= height:
                    if best is None or size > best.size:
                        best = layout
                    break
                size -= 0.5
            if best is not None and best.size >= MAX_SIZE:
                break
        if best is None:  # far more titles than a certificate is meant for: smallest print, 3 columns
            self.font(MIN_SIZE)
            column_w = (LIST_W - 2 * GUTTER) / 3
            best = _ListLayout(
                3, MIN_SIZE, tuple(self.wrap(t, column_w - BULLET * MIN_SIZE * PT) for t in titles)
            )
        return best

    def lesson_list(self, titles: Sequence[str], box_top: float) -> None:
        layout = self.list_layout(titles, LIST_BOTTOM - box_top)
        self.font(layout.size, "B", NAVY)
        line_h = layout.line_h
        bullet_w = BULLET * layout.size * PT
        columns = layout.split()
        top = box_top + (LIST_BOTTOM - box_top - layout.height) / 2
        if layout.columns == 1:  # one column: centre the block on the widest title
            widest = max(self.get_string_width(line) for lines in layout.lines for line in lines)
            lefts = [LIST_X + (LIST_W - widest - bullet_w) / 2]
        else:
            column_w = (LIST_W - GUTTER * (layout.columns - 1)) / layout.columns
            lefts = [LIST_X + k * (column_w + GUTTER) for k in range(layout.columns)]
        for left, column in zip(lefts, columns, strict=False):
            y = top
            for i in column:
                tick_colour = (TEAL, CORAL, SKY, PINK)[i % 4]
                self.tick(left + bullet_w * 0.38, y + line_h / 2, layout.size * PT * 0.42, tick_colour)
                for line in layout.lines[i]:
                    self.set_xy(left + bullet_w, y)
                    self.cell(text=line, h=line_h)
                    y += line_h
                y += ITEM_GAP * line_h


def certificate_pdf(
    nickname: str,
    lesson_titles: Sequence[str],
    when: datetime.date,
    text: CertificateText,
    lang: str,
) -> bytes:
    """A one-page A4 landscape certificate, as PDF bytes.

    `nickname` is the app-generated pseudonym, `lesson_titles` the finished lessons (up to about ten fit
    comfortably; the print shrinks and goes to two or three columns as needed), `when` the date printed
    and used as the PDF creation date, `text` the translated labels and `lang` the language of all of
    them ("fr" or "en", also "fr-FR" etc.), used for the date and the PDF's language tag.
    With no lessons, the "for completing" line is left out. Raises ValueError for an unknown language.
    """
    base = base_language(lang, languages.codes(), "unknown language")
    nickname_shown = pdf_safe(nickname)
    titles = [keep_together(pdf_safe(title)) for title in lesson_titles]
    titles = [t if len(t) <= LONGEST_TITLE else t[: LONGEST_TITLE - 1].rstrip() + "\u2026" for t in titles]

    pdf = _Certificate()
    pdf.describe(
        f"{text.heading} \u2013 {nickname.strip()}", "; ".join(t.strip() for t in lesson_titles), lang, when
    )
    pdf.add_page()
    pdf.frame()

    # heading, flanked by two stars
    heading = pdf_safe(text.heading)
    bottom = pdf.centred(24, heading, 44, "B", NAVY, min_size=28)
    half = min(pdf.get_string_width(heading), PAGE_W - 2 * INNER - 60) / 2
    for side in (-1, 1):
        pdf.star_at(PAGE_W / 2 + side * (half + 11), 24 + (bottom - 24) / 2 + 0.5, 5.5, SUN, rotate=side * 12)

    awarded_bottom = pdf.centred(bottom + 3, pdf_safe(text.awarded_to), 16, "", SOFT_SLATE)

    # the nickname, big, on a sunny underline
    nick_bottom = pdf.centred(awarded_bottom + 2.5, nickname_shown, 40, "B", CORAL, min_size=22)
    line_w = min(PAGE_W - 2 * INNER - 40, pdf.get_string_width(nickname_shown) + 24)
    pdf.set_fill_color(*SUN_LIGHT)
    pdf.rect(
        (PAGE_W - line_w) / 2,
        nick_bottom + 0.5,
        line_w,
        2.6,
        style="F",
        round_corners=True,
        corner_radius=1.3,
    )

    if titles:
        list_top = pdf.centred(nick_bottom + 6, pdf_safe(text.for_completing), 16, "", SOFT_SLATE) + 5
        pdf.lesson_list(titles, max(LIST_TOP, list_top))
    else:  # nothing to list: a big star instead
        pdf.star_at(PAGE_W / 2, (nick_bottom + LIST_BOTTOM) / 2 + 3, 22, SUN, rotate=-8)
    pdf.shield(38, 127)
    pdf.medal(PAGE_W - 38, 124)

    pdf.centred(167.5, pdf_safe(f"{text.date_label} {format_date(when, base)}"), 14, "B", TEAL)
    footer, size = keep_together(pdf_safe(text.footer)), 11.0
    pdf.font(size, "I", SOFT_SLATE)
    while size > 7 and len(pdf.wrap(footer, FOOTER_W)) > 2:
        size -= 0.5
        pdf.font(size, "I", SOFT_SLATE)
    pdf.set_xy((PAGE_W - FOOTER_W) / 2, 178)
    pdf.multi_cell(FOOTER_W, size * PT * 1.2, footer, align="C")

    return bytes(pdf.output())
