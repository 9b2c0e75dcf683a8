"""A printable one-page PDF certificate for a child who finished some lessons (pure Python, no Streamlit).

The child is only known by the nickname the app generated ("Loutre courageuse"): no real name is ever
asked for, printed or stored. Every label arrives already translated in a `CertificateText`; this module
only writes the date in the right language.

Font: the PDF uses the standard Helvetica font that every PDF viewer has built in, with the Windows-1252
("WinAnsi") encoding. Nothing is embedded, so it works on any machine after `pip install` alone, and all
French text renders natively: é è à ç ù ê ï, œ Œ, « », ’ “ ”, – —, … and €. The few characters outside
that set are mapped to safe equivalents by `pdf_safe` (narrow no-break space -> no-break space, non-breaking
hyphen -> hyphen, accented letters of other languages -> their base letter) and emoji are dropped.

The output is deterministic: the same arguments give the same bytes (the creation date is `when`).
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF

from course import languages, locales

__all__ = ["CertificateText", "certificate_pdf", "format_date", "pdf_safe"]


@dataclass(frozen=True)
class CertificateText:
    """Every label printed on the certificate, already in the child's language."""

    heading: str  # "Certificat" / "Certificate"
    awarded_to: str  # "décerné à" / "awarded to"
    for_completing: str  # "pour avoir terminé" / "for completing"
    date_label: str  # "Le" / "On"
    footer: str  # what the certificate records (no claim of mastery), and that no real name is stored
    quiz_score: str = "{score} %"  # after a lesson's title: its best quiz score, e.g. "quiz: {score} %"


# ---------------------------------------------------------------------------------------------- text

ENCODING = "cp1252"  # what the standard PDF fonts' WinAnsiEncoding can show

# Characters outside Windows-1252 that have an obvious stand-in; the rest go through NFKD (é-like
# letters of other languages lose their accent) and whatever still cannot be shown is dropped.
REPLACEMENTS = {
    "\u202f": "\u00a0",  # narrow no-break space (French « guillemets » and ; : ! ?) -> no-break space
    "\u2007": "\u00a0",  # figure space
    "\u2060": "",  # word joiner
    "\u200b": "",  # zero-width space
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner (inside emoji sequences)
    "\ufeff": "",  # byte order mark
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "\u2013",  # figure dash -> en dash
    "\u2015": "\u2014",  # horizontal bar -> em dash
    "\u2212": "-",  # minus sign
    "\u2043": "-",  # hyphen bullet
    "\u2032": "'",  # prime
    "\u2033": '"',  # double prime
    "\u201b": "\u2018",  # reversed single quotation mark
    "\u201f": "\u201c",  # reversed double quotation mark
    "\u2028": " ",  # line separator
    "\u2029": " ",  # paragraph separator
    "\u0141": "L",  # letters with a stroke have no decomposition: Ł ł Đ đ ı
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0131": "i",
}


def _showable(char: str) -> bool:
    try:
        char.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def pdf_safe(text: str) -> str:
    """`text` with only characters the standard PDF fonts can show, on one line.

    French is kept as is (é, à, ç, œ, « », ’, –, …); typographic spaces and hyphens outside Windows-1252
    become their plain equivalents, other accented letters lose their accent, emoji are dropped.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in REPLACEMENTS:
            out.append(REPLACEMENTS[char])
        elif char in "\t\n\r\v\f":
            out.append(" ")
        elif _showable(char):
            if unicodedata.category(char) != "Cc":  # other control characters
                out.append(char)
        else:
            out.extend(
                part
                for part in unicodedata.normalize("NFKD", char)
                if _showable(part) and not unicodedata.combining(part) and unicodedata.category(part) != "Cc"
            )
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def _keep_together(text: str) -> str:
    """No line break inside « guillemets » or before ; : ! ? (French spacing): those spaces turn no-break."""
    return re.sub(r" (?=[»;:!?])", "\u00a0", text.replace("« ", "«\u00a0"))


def format_date(when: datetime.date, lang: str) -> str:
    """'21 novembre 2026' (and '1er novembre 2026') / '21 November 2026'."""
    return locales.format_date(when, _language(lang))


def _language(lang: str) -> str:
    base = languages.base(lang)
    if base not in languages.codes():
        raise ValueError(f"unknown language {lang!r} (known: {', '.join(languages.codes())})")
    return base


# -------------------------------------------------------------------------------------------- layout

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, millimetres
PT = 25.4 / 72  # one point in millimetres

CREAM = (255, 251, 238)
NAVY = (33, 52, 110)
TEAL = (20, 150, 140)
TEAL_LIGHT = (214, 240, 236)
CORAL = (240, 95, 75)
SUN = (255, 190, 30)
SUN_LIGHT = (255, 236, 170)
PINK = (245, 140, 175)
SKY = (90, 170, 235)
INK = (55, 60, 75)
SOFT_INK = (95, 105, 125)

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


class _Certificate(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="landscape", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.c_margin = 0

    # ------------------------------------------------------------------ text helpers

    def font(self, size: float, style: str = "", color: tuple[int, int, int] = INK) -> None:
        self.set_font("Helvetica", style, size)
        self.set_text_color(*color)

    def centred(
        self, y: float, text: str, size: float, style: str = "", color=INK, min_size: float = 0
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
        self.set_draw_color(*TEAL)
        self.set_line_width(3.2)
        self.rect(
            OUTER,
            OUTER,
            PAGE_W - 2 * OUTER,
            PAGE_H - 2 * OUTER,
            style="D",
            round_corners=True,
            corner_radius=9,
        )
        self.set_draw_color(*SUN)
        self.set_line_width(0.9)
        self.set_dash_pattern(dash=3, gap=2.2)
        self.rect(
            INNER,
            INNER,
            PAGE_W - 2 * INNER,
            PAGE_H - 2 * INNER,
            style="D",
            round_corners=True,
            corner_radius=6,
        )
        self.set_dash_pattern()
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
        self.set_fill_color(*TEAL_LIGHT)
        inner = [(x + (px - x) * 0.78, top + 3.2 + (py - top) * 0.78) for px, py in points]
        self.polyline(inner, polygon=True, style="F")
        self.tick(x, y - 0.5, 6.5)

    # ------------------------------------------------------------------ the list of lessons

    def wrap(self, text: str, width: float) -> tuple[str, ...]:
        lines = self.multi_cell(width, 5, text, align="L", dry_run=True, output="LINES")
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
    base = _language(lang)
    nickname_shown = pdf_safe(nickname)
    titles = [_keep_together(pdf_safe(title)) for title in lesson_titles]
    titles = [t if len(t) <= LONGEST_TITLE else t[: LONGEST_TITLE - 1].rstrip() + "\u2026" for t in titles]

    pdf = _Certificate()
    pdf.set_title(f"{text.heading} \u2013 {nickname.strip()}")
    pdf.set_subject("; ".join(title.strip() for title in lesson_titles))
    pdf.set_lang(lang)
    pdf.set_creator("course")
    pdf.set_creation_date(datetime.datetime(when.year, when.month, when.day, 12, tzinfo=datetime.UTC))
    pdf.set_display_mode("fullpage")
    pdf.add_page()
    pdf.frame()

    # heading, flanked by two stars
    heading = pdf_safe(text.heading)
    bottom = pdf.centred(24, heading, 44, "B", NAVY, min_size=28)
    half = min(pdf.get_string_width(heading), PAGE_W - 2 * INNER - 60) / 2
    for side in (-1, 1):
        pdf.star_at(PAGE_W / 2 + side * (half + 11), 24 + (bottom - 24) / 2 + 0.5, 5.5, SUN, rotate=side * 12)

    awarded_bottom = pdf.centred(bottom + 3, pdf_safe(text.awarded_to), 16, "", SOFT_INK)

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
        list_top = pdf.centred(nick_bottom + 6, pdf_safe(text.for_completing), 16, "", SOFT_INK) + 5
        pdf.lesson_list(titles, max(LIST_TOP, list_top))
    else:  # nothing to list: a big star instead
        pdf.star_at(PAGE_W / 2, (nick_bottom + LIST_BOTTOM) / 2 + 3, 22, SUN, rotate=-8)
    pdf.shield(38, 127)
    pdf.medal(PAGE_W - 38, 124)

    pdf.centred(167.5, pdf_safe(f"{text.date_label} {format_date(when, base)}"), 14, "B", TEAL)
    footer, size = _keep_together(pdf_safe(text.footer)), 11.0
    pdf.font(size, "I", SOFT_INK)
    while size > 7 and len(pdf.wrap(footer, FOOTER_W)) > 2:
        size -= 0.5
        pdf.font(size, "I", SOFT_INK)
    pdf.set_xy((PAGE_W - FOOTER_W) / 2, 178)
    pdf.multi_cell(FOOTER_W, size * PT * 1.2, footer, align="C")

    return bytes(pdf.output())
