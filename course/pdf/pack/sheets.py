"""The pupil worksheet (every activity of the lesson, then its quiz, with boxes and never an answer)
and the answer key (the same numbers: the right answer and the feedback on every choice)."""

from __future__ import annotations

from collections.abc import Callable

from course.activities.base import ActivityBase
from course.content.models import Lesson, Quiz
from course.locales import t
from course.pdf.flow import Block, lay_out
from course.pdf.pack.activities import key, pupil
from course.pdf.pack.blocks import TOP, PackPages
from course.pdf.pack.markup import inline

SIZE = 12.0  # body text, points


def lesson_activities(lesson: Lesson) -> list[ActivityBase]:
    return [step.activity for step in lesson.steps if step.type == "activity"]


def numbered_activities(lesson: Lesson, quiz: Quiz | None) -> list[tuple[int, ActivityBase, bool]]:
    """(question number, activity, is it the quiz's) for the lesson's activities then its quiz's
    questions, numbered on from 1 (the worksheet, the key and the notes share the numbers)."""
    found = [(activity, False) for activity in lesson_activities(lesson)]
    found += [(question, True) for question in (quiz.questions if quiz else [])]
    return [(number, activity, in_quiz) for number, (activity, in_quiz) in enumerate(found, start=1)]


Body = Callable[[ActivityBase], list[Block]]


def _sheet(pdf: PackPages, part: str, lesson: Lesson, quiz: Quiz | None, lang: str, body: Body) -> None:
    pdf.start("portrait", part)
    head = [
        pdf.heading(inline(part, lang), 20, before=0),
        pdf.paragraph(inline(lesson.title.get(lang), lang), 14, "B"),
    ]
    sections = [head]
    quiz_started = False
    for number, activity, in_quiz in numbered_activities(lesson, quiz):
        section = []
        if in_quiz and not quiz_started:
            quiz_started = True
            section.append(pdf.heading(inline(t("pack.quiz", lang), lang), 16, before=8))
        section.append(pdf.numbered(str(number), inline(activity.prompt.get(lang), lang), SIZE))
        section += body(activity)
        section.append(pdf.space(3))
        sections.append(section)
    lay_out(pdf, sections, True, TOP, pdf.bottom)


def worksheet(pdf: PackPages, lesson: Lesson, quiz: Quiz | None, lang: str, seed: str) -> None:
    _sheet(
        pdf, t("pack.worksheet", lang), lesson, quiz, lang, lambda a: pupil(pdf, a, lang, seed, SIZE, "box")
    )


def answer_key(pdf: PackPages, lesson: Lesson, quiz: Quiz | None, lang: str, seed: str) -> None:
    _sheet(pdf, t("pack.key", lang), lesson, quiz, lang, lambda a: key(pdf, a, lang, seed, SIZE - 1))
