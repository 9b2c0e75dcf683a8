"""What the handout says, section by section, as blocks: page 1 is for every day (the settings
checklist, conversation starters, warning signs), page 2 for the day something happens (the sextortion
steps, then who to call)."""

from __future__ import annotations

from course import bands
from course.content.loader import Course
from course.content.models import Helpline
from course.locales import month_name
from course.pdf.colours import SOFT_INK
from course.pdf.handout.blocks import HandoutPages
from course.pdf.handout.flow import Block
from course.pdf.handout.model import Bilingual, HandoutFile
from course.pdf.text import literal, typeset


def country_lines(course: Course, country: str) -> list[Helpline]:
    """The helplines printed for `country`: its own and the worldwide ones meant for adults."""
    if country not in course.countries:
        raise ValueError(f"no helplines for country {country!r} (known: {', '.join(course.countries)})")
    return course.helplines(country, bands.strand("parent"))


def sections(
    pdf: HandoutPages, text: HandoutFile, lang: str, country: str, course: Course
) -> list[list[Block]]:
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

    lines = country_lines(course, country)
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
