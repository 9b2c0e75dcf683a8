"""The printable answer cards: one card per A4 page, cards 1 to `count` (layout: course/cards/layout.py).

The same arguments always give the same bytes. The line under each card arrives already translated.
"""

from __future__ import annotations

import datetime

from course.cards import layout
from course.pdf.page import A4_SHORT, PT, Document
from course.pdf.text import pdf_safe

CREATED = datetime.date(2026, 11, 1)  # the cards never change: a fixed date keeps the bytes the same
HINT_TOP = layout.SIDE + 14.0  # the pupil's line, under the cut line
HINT_SIZE = 13.0


def cards_pdf(count: int, *, title: str, hint: str, lang: str) -> bytes:
    """`count` cards (1 to layout.MAX_CARDS). `hint` is printed under each card, with `{number}` filled."""
    layout.check_count(count)
    pdf = Document("portrait", (0.0, 0.0, 0.0))
    pdf.describe(title, title, lang, CREATED)
    for number in range(1, count + 1):
        pdf.add_page()
        _card(pdf, number)
        pdf.font(HINT_SIZE, color=(layout.GREY,) * 3)
        pdf.set_xy(15.0, HINT_TOP)
        pdf.multi_cell(
            A4_SHORT - 30.0, HINT_SIZE * PT * 1.35, pdf_safe(hint.format(number=number)), align="C"
        )
    return bytes(pdf.output())


def _card(pdf: Document, number: int) -> None:
    pdf.set_fill_color(0, 0, 0)
    top_left = layout.MARGIN
    for row, line in enumerate(layout.cells(number)):
        column = 0
        while column < layout.CELLS:  # each run of black cells in a row is one rectangle: no hairline seams
            if not line[column]:
                column += 1
                continue
            end = column
            while end < layout.CELLS and line[end]:
                end += 1
            x, y = top_left + column * layout.CELL, top_left + row * layout.CELL
            pdf.rect(x, y, (end - column) * layout.CELL, layout.CELL, style="F")
            column = end
    for label in layout.labels(number):
        pdf.font(label.size, "B", (layout.GREY,) * 3)
        x, y = label.centre
        with pdf.rotation(label.turn, x, y):
            width = pdf.get_string_width(label.text)
            # the baseline sits below the centre by half the capitals' height (0.72 em in Helvetica)
            pdf.text(x - width / 2, y + 0.36 * label.size * PT, label.text)
    pdf.set_draw_color(*(layout.CUT_GREY,) * 3)
    pdf.set_line_width(0.3)
    pdf.set_dash_pattern(dash=3, gap=3)
    pdf.line(0, layout.SIDE, A4_SHORT, layout.SIDE)
    pdf.set_dash_pattern()


def class_cards(count: int, lang: str) -> bytes:
    """The cards of a class in `lang`: their title and the line under each from the locale files."""
    from course.locales import t

    return cards_pdf(count, title=t("cards.sheet_title", lang), hint=t("cards.sheet_hint", lang), lang=lang)
