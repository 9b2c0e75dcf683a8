"""The handout as a whole: its title, its file name and its pages, made smaller until they fit on two."""

from __future__ import annotations

import datetime

from course.content.loader import Course
from course.locales import t
from course.pdf.handout.blocks import HandoutPages
from course.pdf.handout.flow import flow
from course.pdf.handout.model import language, load_handout
from course.pdf.handout.sections import country_lines, sections
from course.pdf.text import literal, plain, typeset

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


def handout_title(lang: str, country: str, course: Course) -> str:
    """'Votre enfant en ligne : … (France)'; also the PDF's title."""
    lang = language(lang)
    found = course.countries.get(country)
    if found is None:
        raise ValueError(f"no helplines for country {country!r} (known: {', '.join(course.countries)})")
    return f"{plain(load_handout().title.get(lang))} ({found.name.get(lang)})"


def handout_filename(lang: str, country: str) -> str:
    """The download name: 'memo-parents-FR-fr.pdf' / 'parent-handout-UK-en.pdf'."""
    lang = language(lang)
    return f"{t('handout.file_stem', lang)}-{country}-{lang}.pdf"


def handout_pdf(lang: str, country: str, course: Course) -> bytes:
    """The parent-evening handout as PDF bytes: A4 portrait, at most two pages.

    `lang` is "fr" or "en" (also "fr-FR" etc.), `country` one of FR, BE, CH, CA, UK, US: it chooses the
    helplines (`course.helplines(country, "parents")`: the country's lines and the worldwide ones meant
    for adults) and the wording of the "report" and "removal" steps. `course` is the loaded course (the
    caller's: the PDF code never loads one). The same arguments always give the same bytes.
    """
    lang = language(lang)
    text = load_handout()
    lines = country_lines(course, country)
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
        pdf = HandoutPages(lang, body, typeset(text.footer.get(lang), lang), emergency, text.page.get(lang))
        pdf.describe(title, plain(text.subtitle.get(lang)), lang, datetime.date(year, month, 1), keywords)
        pdf.alias_nb_pages("{nb}")
        pdf.add_page()  # measuring text needs a page
        flow(pdf, sections(pdf, text, lang, country, course), keep_sections)
        if pdf.page_no() <= MAX_PAGES:
            return bytes(pdf.output())
    assert pdf is not None
    return bytes(pdf.output())  # far more text than planned: let it run onto a third page
