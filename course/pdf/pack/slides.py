"""The slides: a title slide, then one landscape page per step of the lesson in big type (smaller,
down to a floor, until the step fits; a step longer than that runs onto a second page), each with its
picture, the one the screen shows above it."""

from __future__ import annotations

import functools

from course.content.checks import media_path
from course.content.loader import Course
from course.content.models import Lesson
from course.helpcard import help_card
from course.locales import month_name, t
from course.pdf.colours import NAVY, SOFT_INK
from course.pdf.flow import Block, height_of, lay_out, pages_of
from course.pdf.pack.activities import pupil
from course.pdf.pack.blocks import TOP, PackPages
from course.pdf.pack.markup import inline, markdown_blocks
from course.pdf.text import literal, typeset

SIZES = (24.0, 22.0, 20.0, 18.0, 16.0, 14.0)  # body text, points: the first that fits on one page
PICTURE_MM = 2.6  # a step's picture: this many millimetres high per point of body text (62 mm at 24 pt)
SPILL_SIZES = (16.0, 14.0, 12.0)  # a step too long for one page runs on at one of these


def help_blocks(
    pdf: PackPages, course: Course, country: str, band: str, lang: str, size: float
) -> list[Block]:
    """The help card as the app shows it to `band`: who to tell, "danger now" first, then each line
    with what it is for and who may use it, in the band's words, and the month they were checked."""
    card = help_card(course, country, band)

    def data(text: str) -> str:  # helplines are printed as written, never read as markdown
        return literal(typeset(text, lang))

    blocks = [pdf.paragraph(inline(t(card.intro_key, lang), lang), size)]
    if card.emergency:
        urgent = "   ".join(
            f"{data(line.name.get(lang))}: {data(line.contact.get(lang))}" for line in card.emergency
        )
        blocks.append(pdf.emergency(urgent, size))
    for line in card.others:
        name = data(line.name.get(lang)) + (" (?)" if line.unconfirmed else "")
        blocks.append(pdf.paragraph(f"**{name}** · **{data(line.contact.get(lang))}**", size, after=0.3))
        blocks[-1].keep_with_next = True
        about = f"{data(line.purpose_for(card.band).get(lang))} · {data(line.who_for(card.band).get(lang))}"
        blocks.append(pdf.paragraph(about, size * 0.8, color=SOFT_INK, indent=size * 0.3))
    if card.verified:
        verified = t("help.verified", lang, month=month_name(card.verified, lang))
        blocks.append(pdf.paragraph(inline(verified, lang), size * 0.7, "I", SOFT_INK))
    return blocks


def with_picture(pdf: PackPages, step, course: Course, text_at, size: float) -> list[Block]:
    """The step's picture (the one the screen shows above it), then its text at `size`."""
    path = media_path(course.root, step.picture.src) if step.picture else None
    picture = [pdf.picture(path, size * PICTURE_MM)] if path is not None and path.is_file() else []
    return picture + text_at(size)


def step_blocks(
    pdf: PackPages,
    lesson: Lesson,
    index: int,
    course: Course,
    country: str,
    lang: str,
    seed: str,
    size: float,
) -> list[Block]:
    step = lesson.steps[index]
    say = lambda key: inline(t(key, lang), lang)  # noqa: E731
    if step.type == "text":
        return markdown_blocks(pdf, step.body.get(lang), lang, size)
    if step.type == "key_message":
        return [pdf.callout(inline(step.body.get(lang), lang), size * 1.15)]
    if step.type == "image":
        path = media_path(course.root, step.src)
        if path is not None and path.is_file():
            caption = [pdf.paragraph(inline(step.caption.get(lang), lang), size)] if step.caption else []
            return [pdf.picture(path, size * PICTURE_MM * 1.5), *caption]
        lines = [(inline(t("pack.picture", lang, alt=step.alt.get(lang)), lang), "I")]
        if step.caption:
            lines.append((inline(step.caption.get(lang), lang), ""))
        return [pdf.framed(lines, size)]
    if step.type == "chat":
        blocks = [pdf.paragraph(inline(step.intro.get(lang), lang), size)] if step.intro else []
        for line in step.messages:
            name = inline(line.name.get(lang), lang) if line.name else ""
            blocks.append(pdf.bubble(name, inline(line.text.get(lang), lang), line.sender == "me", size))
        return blocks
    if step.type == "discussion":
        setting = "class" if lesson.audience == "learner" else "adult"
        return [
            pdf.heading(say(f"lesson.discussion_{setting}"), size * 1.2, before=0),
            pdf.callout(inline(step.prompt.get(lang), lang), size * 1.1),
        ]
    if step.type == "activity":
        activity = step.activity
        prompt = pdf.paragraph(inline(activity.prompt.get(lang), lang), size * 1.05, "B", NAVY)
        return [prompt, *pupil(pdf, activity, lang, seed, size, "none")]
    if step.type == "help_card":
        intro = [pdf.paragraph(inline(step.intro.get(lang), lang), size)] if step.intro else []
        return [
            pdf.heading(say("help.title"), size * 1.2, before=0),
            *intro,
            *help_blocks(pdf, course, country, lesson.ages, lang, size * 0.8),
        ]
    # a summary
    title = say("lesson.what_i_learnt" if lesson.audience == "learner" else "lesson.key_points")
    points = [pdf.item(inline(point.get(lang), lang), size, "dot") for point in step.points]
    return [pdf.heading(title, size * 1.2, before=0), *points]


def title_slide(pdf: PackPages, lesson: Lesson, course: Course, lang: str) -> None:
    band = course.band(lesson.ages)
    about = t("pack.about", lang, band=band.label.get(lang) if band else lesson.ages, minutes=lesson.minutes)
    blocks = [
        pdf.space(30),
        pdf.heading(inline(lesson.title.get(lang), lang), 36, before=0),
        pdf.paragraph(inline(lesson.summary.get(lang), lang), 20, after=6),
        pdf.paragraph(inline(about, lang), 16, color=SOFT_INK),
    ]
    lay_out(pdf, [blocks], False, TOP, pdf.bottom)


def slides(pdf: PackPages, lesson: Lesson, course: Course, country: str, lang: str, seed: str) -> None:
    pdf.start("landscape", t("pack.slides", lang))
    title_slide(pdf, lesson, course, lang)
    for index in range(len(lesson.steps)):
        pdf.add_page(orientation="landscape")
        counter = inline(t("pack.step", lang, step=index + 1, total=len(lesson.steps)), lang)
        top = TOP + pdf.line_h(11) + 3
        pdf.write_text(pdf.l_margin, TOP, pdf.content_w, counter, 11, "", SOFT_INK, align="R")
        text_at = functools.partial(step_blocks, pdf, lesson, index, course, country, lang, seed)
        blocks = fitted(pdf, functools.partial(with_picture, pdf, lesson.steps[index], course, text_at), top)
        lay_out(pdf, [blocks], False, top, pdf.bottom)


def fitted(pdf: PackPages, blocks_at, top: float) -> list:
    """The step's blocks at the largest size that fits one page; else, at the largest size that runs
    onto the fewest pages (a story on two full pages, not a third holding one line)."""
    room = pdf.bottom - top
    for size in SIZES:
        blocks = blocks_at(size)
        if height_of(blocks) <= room:
            return blocks
    laid = [(pages_of(blocks_at(size), room), -size) for size in SPILL_SIZES]
    return blocks_at(-min(laid)[1])
