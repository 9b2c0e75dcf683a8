"""The teacher's notes: the lesson at a glance, what to do if a pupil tells you something (with the
country's "danger now" numbers), then step by step: each step's notes, the discussion prompts and where
each activity is on the worksheet, and the guidance the lesson is based on."""

from __future__ import annotations

from course.content.loader import Course
from course.content.models import Lesson, Quiz
from course.helpcard import help_card
from course.locales import t
from course.pdf.colours import SOFT_INK
from course.pdf.flow import Block, lay_out
from course.pdf.pack.blocks import TOP, PackPages
from course.pdf.pack.markup import inline
from course.pdf.pack.sheets import lesson_activities
from course.pdf.text import literal, plain, typeset

SIZE = 11.5
DISCLOSURE_GUIDE = (
    "disclosure-teachers"  # the teachers' lesson on disclosure, named at the end of the reminder
)


def disclosure(pdf: PackPages, course: Course, country: str, band: str, lang: str) -> list[Block]:
    """What to do if a pupil tells you something (CONTENT_GUIDE §3, the teachers' lesson)."""
    say = lambda key, **values: inline(t(key, lang, **values), lang)  # noqa: E731
    blocks = [pdf.heading(say("pack.disclosure_title"), 14, before=6)]
    blocks += [
        pdf.item(inline(point, lang), SIZE, "dot") for point in t("pack.disclosure", lang).splitlines()
    ]
    urgent = help_card(course, country, band).emergency
    if urgent:
        contacts = "   ".join(
            literal(typeset(f"{line.name.get(lang)}: {line.contact.get(lang)}", lang)) for line in urgent
        )
        blocks.append(pdf.emergency(say("pack.disclosure_emergency", contacts=contacts), SIZE))
    guide = course.lessons.get(DISCLOSURE_GUIDE)
    if guide is not None and guide.id:
        blocks.append(
            pdf.paragraph(say("pack.disclosure_guide", title=guide.title.get(lang)), SIZE, "I", SOFT_INK)
        )
    return blocks


def step_name(lesson: Lesson, index: int, lang: str) -> str:
    """What a step is, in a few words: its heading, prompt or first words."""
    step = lesson.steps[index]
    if step.type == "text":
        first = next((line for line in step.body.get(lang).splitlines() if line.strip()), "")
        text = first.lstrip("#").strip()
    elif step.type in ("key_message",):
        text = step.body.get(lang)
    elif step.type == "discussion":
        text = t(
            "lesson.discussion_class" if lesson.audience == "learner" else "lesson.discussion_adult", lang
        )
    elif step.type == "activity":
        text = step.activity.prompt.get(lang)
    elif step.type == "help_card":
        text = t("help.title", lang)
    elif step.type == "summary":
        text = t("lesson.what_i_learnt" if lesson.audience == "learner" else "lesson.key_points", lang)
    elif step.type == "chat":
        text = step.intro.get(lang) if step.intro else ""
    else:
        text = step.alt.get(lang) if step.type == "image" else ""
    text = plain(text).replace("*", "")  # a few words, without the content's emphasis
    return text if len(text) <= 90 else text[:88].rsplit(" ", 1)[0] + "…"


def notes(pdf: PackPages, lesson: Lesson, quiz: Quiz | None, course: Course, country: str, lang: str) -> None:
    say = lambda key, **values: inline(t(key, lang, **values), lang)  # noqa: E731
    part = t("pack.notes", lang)
    pdf.start("portrait", part)
    band = course.band(lesson.ages)
    about = say("pack.about", band=band.label.get(lang) if band else lesson.ages, minutes=lesson.minutes)
    head = [
        pdf.heading(inline(part, lang), 20, before=0),
        pdf.paragraph(inline(lesson.title.get(lang), lang), 14, "B", after=1),
        pdf.paragraph(about, SIZE, color=SOFT_INK),
        pdf.paragraph(inline(lesson.summary.get(lang), lang), SIZE),
    ]
    sections = [head, disclosure(pdf, course, country, lesson.ages, lang)]
    plan = [pdf.heading(say("pack.lesson_plan"), 14, before=6)]
    activities = {id(activity): number for number, activity in enumerate(lesson_activities(lesson), start=1)}
    for index, step in enumerate(lesson.steps):
        plan.append(
            pdf.item(f"**{inline(step_name(lesson, index, lang), lang)}**", SIZE, "none", f"{index + 1}.")
        )
        indent = SIZE * 0.9
        if step.notes:
            plan.append(pdf.paragraph(inline(step.notes.get(lang), lang), SIZE, indent=indent))
        if step.type == "discussion":
            prompt = f"{say('pack.discuss')}: {inline(step.prompt.get(lang), lang)}"
            plan.append(pdf.paragraph(prompt, SIZE, indent=indent))
        if step.type == "activity":
            number = activities[id(step.activity)]
            plan.append(
                pdf.paragraph(say("pack.on_worksheet", number=number), SIZE, "I", SOFT_INK, indent=indent)
            )
    sections.append(plan)
    sources = [pdf.heading(say("pack.sources"), 14, before=6)]
    sources += [
        pdf.item(inline(f"{source.organisation}: {source.title}", lang), SIZE - 1, "dot")
        for source in lesson.sources
    ]
    sections.append(sources)
    lay_out(pdf, sections, True, TOP, pdf.bottom)
