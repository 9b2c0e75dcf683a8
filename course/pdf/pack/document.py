"""The whole pack: its title, its file name, and its parts in order (slides, pupil worksheet, answer
key, teacher's notes), for one lesson, language and country."""

from __future__ import annotations

import datetime

from course import languages
from course.content.loader import Course
from course.locales import t
from course.pdf.pack.blocks import PackPages
from course.pdf.pack.notes import notes
from course.pdf.pack.sheets import answer_key, worksheet
from course.pdf.pack.slides import slides
from course.pdf.text import plain, typeset

PRINT_SEED = "print"  # the choices' order on paper when no class session fixes one


class PackError(ValueError):
    """A lesson, language or country the course does not have; the message names the valid ones."""


def _known(kind: str, value: str, known: list[str] | tuple[str, ...]) -> None:
    if value not in known:
        raise PackError(f"no {kind} {value!r} (choose one of: {', '.join(known)})")


def pack_filename(lesson_id: str, lang: str, country: str) -> str:
    """The download name: 'kit-imprimable-grooming-7-10-FR-fr.pdf' / 'print-pack-grooming-7-10-UK-en.pdf'."""
    return f"{t('pack.file_stem', lang)}-{lesson_id}-{country}-{lang}.pdf"


def pack_pdf(course: Course, lesson_id: str, lang: str, country: str, seed: str = PRINT_SEED) -> bytes:
    """The print pack of `lesson_id` as PDF bytes, in `lang`, with `country`'s helplines. `seed` fixes the
    choices' order (a class session's id gives the order its pupils' screens show). The same arguments
    always give the same bytes (the creation date is the lesson's review month)."""
    _known("lesson", lesson_id, sorted(course.lessons))
    _known("language", lang, languages.released())
    _known("country", country, list(course.countries))
    lesson = course.lessons[lesson_id]
    quiz = course.quizzes.get(lesson.quiz) if lesson.quiz else None
    title = plain(typeset(lesson.title.get(lang), lang))
    pdf = PackPages(lang, title, t("pack.page", lang))
    year, month = (int(part) for part in lesson.reviewed.split("-"))
    pdf.describe(title, t("pack.subject", lang), lang, datetime.date(year, month, 1))
    pdf.alias_nb_pages("{nb}")
    slides(pdf, lesson, course, country, lang, seed)
    worksheet(pdf, lesson, quiz, lang, seed)
    answer_key(pdf, lesson, quiz, lang, seed)
    notes(pdf, lesson, quiz, course, country, lang)
    return bytes(pdf.output())
