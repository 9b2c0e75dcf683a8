"""The parent-evening take-home handout: a printable A4 PDF in French or English, per country (no Streamlit).

Page 1 is for every day: (1) the privacy-settings checklist to go through WITH the child, (2) conversation
starters by age band, (3) warning signs. Page 2 is for the day something happens: (4) the seven sextortion
response steps, worded for the country (who to report to, which removal tools), and (5) the country's
helplines with the month they were verified. The emergency number is in every page's footer too.

Every word lives in `course/data/handout.yaml` (both languages, checked by the models below), except the
helplines, which come from the course data (`Course.helplines(country, "parents")`) so the handout always
shows the same numbers as the app.

Layout: A4 portrait, at most two pages, 11.5 pt body text (11 pt for the longer French; never below
10 pt, footer included), dark ink on white so it prints well in black and white. Blocks flow down the
page and a section moves whole to the next page; if that needs more than two pages the text is made
half a point smaller, then sections may be split. Fonts and character handling are the certificate's
(standard Helvetica, Windows-1252, `pdf_safe`).

The output is deterministic: the creation date is the handout's `edition` month, not today.
"""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from course import languages
from course.certificate import ENCODING, PT, pdf_safe
from course.content.loader import Course, load_course
from course.content.models import YEAR_MONTH, Helpline
from course.content.validation import validate
from course.content.yamlsource import read_yaml
from course.locales import month_name

__all__ = [
    "HANDOUT_FILE",
    "HandoutError",
    "HandoutFile",
    "handout_filename",
    "handout_pdf",
    "handout_title",
    "load_handout",
]

HANDOUT_FILE = Path(__file__).parent / "data" / "handout.yaml"


# -------------------------------------------------------------------------------------------- model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clean(value: str) -> str:
    if not value.strip():
        raise ValueError("the text is empty")
    for marker in ("--", "__", "~~", "["):  # fpdf2 markdown would take them for formatting
        if marker in value:
            raise ValueError(f"'{marker}' would be read as formatting in the PDF")
    if value.count("**") % 2:
        raise ValueError("unbalanced ** (bold)")
    return value


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class Bilingual(BaseModel):
    """A handout text, one entry per language code: every released language is required (a draft's
    may be missing: its handout is not offered), and may use **bold** (fpdf2 markdown)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, str]

    @model_validator(mode="after")
    def _languages_and_markup(self) -> Bilingual:
        wrong = [
            f"unknown field '{code}'" for code in self.__pydantic_extra__ if code not in languages.codes()
        ]
        missing = [f"{code} missing" for code in languages.released() if code not in self.__pydantic_extra__]
        if missing or wrong:
            raise ValueError("; ".join(missing + wrong))
        for value in self.__pydantic_extra__.values():
            _clean(value)
        return self

    def get(self, lang: str) -> str:
        return self.__pydantic_extra__.get(lang) or self.__pydantic_extra__[languages.default()]

    def placeholders(self) -> set[str]:
        return set().union(*(_fields(value) for value in self.__pydantic_extra__.values()))

    def same_placeholders(self, allowed: AbstractSet[str], required: AbstractSet[str] = frozenset()) -> None:
        for lang in self.__pydantic_extra__:
            found = _fields(self.get(lang))
            if found - allowed:
                raise ValueError(
                    f"unknown placeholder {sorted(found - allowed)} in {lang!r}: {self.get(lang)!r}"
                )
            if required - found:
                raise ValueError(f"{lang!r} text needs {sorted(required - found)}: {self.get(lang)!r}")


class Section(_Strict):
    heading: Bilingual
    intro: Bilingual | None = None


class Checklist(Section):
    items: list[Bilingual] = Field(min_length=6, max_length=14)


class AgeBand(_Strict):
    ages: Literal["7-10", "11-13", "14-17"]
    label: Bilingual
    starters: list[Bilingual] = Field(min_length=2, max_length=3)


class Conversations(Section):
    bands: list[AgeBand] = Field(min_length=3, max_length=3)
    if_they_tell_you: Bilingual

    @field_validator("bands")
    @classmethod
    def _every_band_in_order(cls, bands: list[AgeBand]) -> list[AgeBand]:
        if [band.ages for band in bands] != ["7-10", "11-13", "14-17"]:
            raise ValueError("give the bands 7-10, 11-13 and 14-17, in that order")
        return bands


class Step(_Strict):
    title: Bilingual
    body: Bilingual


class Sextortion(Section):
    steps: list[Step] = Field(min_length=7, max_length=7, description="The guide's seven steps, in order.")

    @model_validator(mode="after")
    def _country_texts_used_once(self) -> Sextortion:
        for step in self.steps:
            step.title.same_placeholders(set())
            step.body.same_placeholders({"report", "removal"}, step.body.placeholders())
        used = [name for step in self.steps for name in sorted(step.body.placeholders())]
        if sorted(used) != ["removal", "report"]:
            raise ValueError("use {report} once and {removal} once in the steps' bodies")
        return self


class WarningSigns(Section):
    items: list[Bilingual] = Field(min_length=3, max_length=8)
    note: Bilingual


class HelplinesText(Section):
    emergency: Bilingual
    verified: Bilingual
    verified_row: Bilingual
    unconfirmed: Bilingual

    @model_validator(mode="after")
    def _placeholders(self) -> HelplinesText:
        self.heading.same_placeholders({"country"}, {"country"})
        self.verified.same_placeholders({"month"}, {"month"})
        self.verified_row.same_placeholders({"month"}, {"month"})
        return self


class CountryText(_Strict):
    report: Bilingual = Field(description="Step 5: who to report to and who supports the family.")
    removal: Bilingual = Field(description="Step 6: the removal tools that fit the age and the country.")


class HandoutFile(_Strict):
    schema_version: Literal[1]
    edition: str = Field(description="Month the text was last reviewed, 'YYYY-MM'; the PDF's date.")
    title: Bilingual
    subtitle: Bilingual
    footer: Bilingual
    page: Bilingual
    emergency_footer: Bilingual
    checklist: Checklist
    conversations: Conversations
    sextortion: Sextortion
    warning_signs: WarningSigns
    helplines: HelplinesText
    countries: dict[str, CountryText] = Field(description="By country code: every country of the helplines.")

    @field_validator("edition")
    @classmethod
    def _year_month(cls, value: str) -> str:
        if not YEAR_MONTH.match(value):
            raise ValueError("must be a year and month written YYYY-MM, in quotes")
        return value

    @model_validator(mode="after")
    def _placeholders(self) -> HandoutFile:
        self.page.same_placeholders({"page", "pages"}, {"page", "pages"})
        self.emergency_footer.same_placeholders({"contact"}, {"contact"})
        return self

    def texts(self) -> list[tuple[str, Bilingual]]:
        """Every text of the handout with its place, e.g. ('checklist.items[3]', …)."""
        found: list[tuple[str, Bilingual]] = []

        def walk(value: object, where: str) -> None:
            if isinstance(value, Bilingual):
                found.append((where, value))
            elif isinstance(value, BaseModel):
                for name in type(value).model_fields:
                    walk(getattr(value, name), f"{where}.{name}" if where else name)
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(item, f"{where}.{key}")
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    walk(item, f"{where}[{index}]")

        walk(self, "")
        return found


class HandoutError(ValueError):
    """handout.yaml could not be read or does not validate; the message lists every problem."""


def load_handout(path: Path | None = None) -> HandoutFile:
    """Read and validate the handout text; raises `HandoutError` with file:line:col problems."""
    return _load(Path(path or HANDOUT_FILE).resolve())


@cache
def _load(path: Path) -> HandoutFile:
    source, problems = read_yaml(path, path.name)
    data = None
    if source is not None and source.data is not None and not problems:
        data, problems = validate(source, HandoutFile)
    if data is None:
        raise HandoutError("\n".join(str(problem) for problem in problems) or f"{path.name}: nothing to read")
    return data


# --------------------------------------------------------------------------------------------- text


def _language(lang: str) -> str:
    base = languages.base(lang)
    if base not in languages.released():
        raise ValueError(f"no handout in language {lang!r} (known: {', '.join(languages.released())})")
    return base


NBSP = "\u00a0"
_FRENCH_SPACES = [
    (re.compile(r" +([:;!?»])"), NBSP + r"\1"),  # « Bonjour ! » keeps its punctuation on the line
    (re.compile(r"« +"), "«" + NBSP),
]
_GLUED = [
    (re.compile(r"(?<=\d) (?=\d)"), NBSP),  # 0800 1111, 116 000: a number never breaks
    (re.compile(r"(?<=\d) (?=(h/|j/|ans\b))"), NBSP),  # 24 h/24, 7 j/7, 13 ans
    (re.compile(r"(?<=\b[Pp]age) (?=\d)"), NBSP),
]


def typeset(text: str, lang: str) -> str:
    """`text` made printable (`pdf_safe`) with no-break spaces where a line must not break."""
    text = pdf_safe(text)
    rules = _GLUED + (_FRENCH_SPACES if lang == "fr" else [])
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def literal(text: str) -> str:
    """`text` escaped so that fpdf2's markdown prints it as is ('--' stays two hyphens)."""
    for marker in FPDF.MARKDOWN_MARKERS:
        text = text.replace(marker, "\\" + marker)
    return text


def plain(text: str) -> str:
    """The text as a reader sees it: no ** markers (for metadata and tests)."""
    return text.replace("**", "")


def handout_title(lang: str, country: str, course: Course | None = None) -> str:
    """'Votre enfant en ligne : … (France)'; also the PDF's title."""
    lang = _language(lang)
    course = course or _default_course()
    found = course.countries.get(country)
    if found is None:
        raise ValueError(f"no helplines for country {country!r} (known: {', '.join(course.countries)})")
    return f"{plain(load_handout().title.get(lang))} ({found.name.get(lang)})"


def handout_filename(lang: str, country: str) -> str:
    """A download name: 'memo-parents-FR-fr.pdf' / 'parent-handout-UK-en.pdf'."""
    lang = _language(lang)
    stem = "memo-parents" if lang == "fr" else "parent-handout"
    return f"{stem}-{country}-{lang}.pdf"


@cache
def _default_course() -> Course:
    return load_course()


# ------------------------------------------------------------------------------------------- layout

PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait, millimetres
MARGIN_X = 14.0
TOP = 13.0
FOOTER_TOP = PAGE_H - 12.5
BOTTOM = FOOTER_TOP - 4.5  # where the flowing text must stop
CONTENT_W = PAGE_W - 2 * MARGIN_X
GUTTER = 8.0
MAX_PAGES = 2
# Body text size (points) and whether every section must stay on one page, tried in turn until the
# handout fits on MAX_PAGES pages: half a point smaller reads better than a section cut in two.
ATTEMPTS = [
    (11.5, True),
    (11.0, True),
    (11.5, False),
    (11.0, False),
    (10.5, True),
    (10.5, False),
    (10.0, False),
]
FOOTER_SIZE = 10.0
LINE = 1.25  # line height / font size

WHITE = (255, 255, 255)
INK = (30, 34, 45)  # body text, about 15:1 on white
SOFT_INK = (70, 78, 95)  # secondary text, about 8:1
NAVY = (33, 52, 110)  # headings, about 11:1
DEEP_TEAL = (0, 100, 92)  # phone numbers and addresses, about 6.5:1
TEAL = (20, 150, 140)
TEAL_LIGHT = (226, 244, 241)
CORAL_DARK = (176, 38, 26)  # emergency, about 6.5:1
CORAL_LIGHT = (253, 232, 228)
RULE = (196, 202, 214)
BAND_COLOURS = ((255, 232, 160), (208, 230, 250), (232, 220, 246))  # 7–10, 11–13, 14–17


@dataclass
class Block:
    """A strip of the page whose height is known before it is drawn at a given top."""

    height: float
    draw: Callable[[float], None]
    space_before: float = 0.0  # dropped at the top of a page
    keep_with_next: bool = False


class _Handout(FPDF):
    def __init__(self, lang: str, body: float, footer_text: str, emergency: str, page_label: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_auto_page_break(False)
        self.set_margins(MARGIN_X, TOP, MARGIN_X)
        self.c_margin = 0
        self.lang = lang
        self.body = body
        self.footer_text = footer_text
        self.emergency = emergency
        self.page_label = page_label

    # ------------------------------------------------------------------ text helpers

    def font(self, size: float, style: str = "", color: tuple[int, int, int] = INK) -> None:
        self.set_font("Helvetica", style, size)
        self.set_text_color(*color)

    @staticmethod
    def line_h(size: float) -> float:
        return size * PT * LINE

    def text_height(self, width: float, text: str, size: float, style: str = "") -> float:
        self.font(size, style)
        lines = self.multi_cell(width, self.line_h(size), text, dry_run=True, output="LINES", markdown=True)
        return len(lines) * self.line_h(size)

    def write_text(
        self, x: float, y: float, width: float, text: str, size: float, style: str = "", color=INK, align="L"
    ) -> None:
        self.font(size, style, color)
        self.set_xy(x, y)
        self.multi_cell(width, self.line_h(size), text, align=align, markdown=True)

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
        text = typeset(f"{label} :" if self.lang == "fr" else f"{label}:", self.lang)
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

    # ------------------------------------------------------------------ flow

    def flow(self, sections: list[list[Block]], keep_sections: bool) -> None:
        """Lay the sections down the pages from the top of the current one, moving a section whole to
        the next page when it fits there and `keep_sections` is set."""
        y = TOP
        room = BOTTOM - TOP
        for section in sections:
            total = sum(block.height + block.space_before for block in section) - section[0].space_before
            if keep_sections and y > TOP and y + section[0].space_before + total > BOTTOM and total <= room:
                self.add_page()
                y = TOP
            for index, block in enumerate(section):
                need = block.height + (block.space_before if y > TOP else 0)
                follow = index
                while section[follow].keep_with_next and follow + 1 < len(section):
                    follow += 1
                    need += section[follow].height + section[follow].space_before
                if y > TOP and y + need > BOTTOM:
                    self.add_page()
                    y = TOP
                if y > TOP:
                    y += block.space_before
                block.draw(y)
                y += block.height


# ---------------------------------------------------------------------------------------------- PDF


def _country_lines(course: Course, country: str) -> list[Helpline]:
    if country not in course.countries:
        raise ValueError(f"no helplines for country {country!r} (known: {', '.join(course.countries)})")
    return course.helplines(country, "parents")


def _sections(pdf: _Handout, text: HandoutFile, lang: str, country: str, course: Course) -> list[list[Block]]:
    """The blocks of each section, in reading order: page 1 is for everyday (settings, talking, signs),
    page 2 for when something has happened (the sextortion steps, then who to call)."""

    def say(value: Bilingual, **values: str) -> str:
        raw = value.get(lang)
        return typeset(raw.format(**values) if values else raw, lang)

    def data(value) -> str:  # course data (the helplines) is printed as written, never as markdown
        return literal(typeset(value.get(lang), lang))

    def pairs(items: list[str]) -> list[tuple[str, str | None]]:  # down the first column, then the second
        half = (len(items) + 1) // 2
        return [(items[row], items[half + row] if half + row < len(items) else None) for row in range(half)]

    lines = _country_lines(course, country)
    urgent = [line for line in lines if line.emergency]
    others = [line for line in lines if not line.emergency]
    local = text.countries[country]
    number = iter(range(1, 10))

    settings = text.checklist
    first = [pdf.banner(say(text.title), say(text.subtitle))]
    first += [pdf.heading(next(number), say(settings.heading)), pdf.paragraph(say(settings.intro), after=2.5)]
    first += [pdf.two_columns(left, right, "box") for left, right in pairs([say(i) for i in settings.items])]

    talk = text.conversations
    second = [pdf.heading(next(number), say(talk.heading)), pdf.paragraph(say(talk.intro), after=2.5)]
    second.append(
        pdf.band_columns(
            [say(band.label) for band in talk.bands], [[say(s) for s in b.starters] for b in talk.bands]
        )
    )
    second.append(pdf.callout(say(talk.if_they_tell_you)))

    signs = text.warning_signs
    third = [pdf.heading(next(number), say(signs.heading)), pdf.paragraph(say(signs.intro), after=2.0)]
    third += [pdf.two_columns(left, right, "dot") for left, right in pairs([say(i) for i in signs.items])]
    third.append(pdf.paragraph(say(signs.note), color=SOFT_INK, after=0))
    third[-1].space_before = 0.8

    sex = text.sextortion
    fourth = [pdf.heading(next(number), say(sex.heading)), pdf.paragraph(say(sex.intro), after=2.5)]
    for index, step in enumerate(sex.steps, start=1):
        body = step.body.get(lang).format(report=local.report.get(lang), removal=local.removal.get(lang))
        fourth.append(pdf.step(index, f"**{say(step.title)}** {typeset(body, lang)}"))

    helps = text.helplines
    fifth = [pdf.heading(next(number), say(helps.heading, country=course.countries[country].name.get(lang)))]
    if urgent:
        fifth.append(pdf.emergency_box(say(helps.emergency), [data(line.contact) for line in urgent]))
    months = sorted({line.verified for line in lines})
    for line in others:
        name = data(line.name) + (" (?)" if line.unconfirmed else "")
        purpose = data(line.purpose)
        if len(months) > 1:  # each line says when it was checked
            purpose += f" ({say(helps.verified_row, month=month_name(line.verified, lang))})"
        fifth.append(pdf.helpline_row(name, data(line.contact), purpose))
    if len(months) == 1:
        fifth.append(
            pdf.paragraph(say(helps.verified, month=month_name(months[0], lang)), style="B", after=0)
        )
        fifth[-1].space_before = 2.0
    if any(line.unconfirmed for line in lines):
        fifth.append(pdf.paragraph(say(helps.unconfirmed), color=SOFT_INK, after=0))
        fifth[-1].space_before = 1.0

    return [first, second, third, fourth, fifth]


def handout_pdf(lang: str, country: str, course: Course | None = None) -> bytes:
    """The parent-evening handout as PDF bytes: A4 portrait, at most two pages.

    `lang` is "fr" or "en" (also "fr-FR" etc.), `country` one of FR, BE, CH, CA, UK, US: it chooses the
    helplines (`course.helplines(country, "parents")`: the country's lines and the worldwide ones meant
    for adults) and the wording of the "report" and "removal" steps. `course` defaults to the installed
    course (loaded once). The same arguments always give the same bytes.
    """
    lang = _language(lang)
    course = course or _default_course()
    text = load_handout()
    lines = _country_lines(course, country)
    if country not in text.countries:
        raise ValueError(f"no handout text for country {country!r}")
    title = handout_title(lang, country, course)
    urgent = [line for line in lines if line.emergency]
    emergency = ""
    if urgent:
        contacts = "  ·  ".join(literal(typeset(line.contact.get(lang), lang)) for line in urgent)
        emergency = typeset(text.emergency_footer.get(lang), lang).format(contact=contacts)
    headings = [text.checklist.heading, text.conversations.heading, text.warning_signs.heading]
    keywords = ", ".join(plain(heading.get(lang)) for heading in [*headings, text.sextortion.heading])
    year, month = (int(part) for part in text.edition.split("-"))

    pdf = None
    for body, keep_sections in ATTEMPTS:
        pdf = _Handout(lang, body, typeset(text.footer.get(lang), lang), emergency, text.page.get(lang))
        pdf.set_title(title)
        pdf.set_subject(plain(text.subtitle.get(lang)))
        pdf.set_keywords(keywords)
        pdf.set_creator("course")
        pdf.set_lang(lang)
        pdf.set_creation_date(datetime.datetime(year, month, 1, 12, tzinfo=datetime.UTC))
        pdf.set_display_mode("fullpage")
        pdf.alias_nb_pages("{nb}")
        pdf.add_page()  # measuring text needs a page
        pdf.flow(_sections(pdf, text, lang, country, course), keep_sections)
        if pdf.page_no() <= MAX_PAGES:
            return bytes(pdf.output())
    assert pdf is not None
    return bytes(pdf.output())  # far more text than planned: let it run onto a third page
