"""Checks on what the content says, from ../shared/CONTENT_GUIDE.md: tone and safety wording,
the shape of a learner lesson, statistics with their source, readability, and coverage."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from course import bands
from course.activities import AnyActivity
from course.activities.branching import Branching
from course.content.checks import pictures_of, texts_of
from course.content.models import Lesson, Quiz
from course.content.problems import Problem
from course.content.readability import RULES, check_band, measure
from course.content.yamlsource import Loc, SourceFile

SIGNATURE_ACTIVITY = {
    "grooming": "red_flag_chat",
    "sextortion": "ordering",
    "privacy-settings": "settings",
    "personal-details": "spot_details",
}
LEARNER_STEPS = (5, 12)
LEARNER_QUIZ_QUESTIONS = 6

NEGATION = re.compile(
    r"\b(?:don'?t|do not|never|not|no|stop|without|ne|n'|jamais|pas|sans|surtout pas)\b", re.I
)
IMAGE_WORDS = r"(?:nudes?|naked|images?|photos?|pictures?|pics?|videos?|vidéos?)"
IMAGE_WORDS_FR = r"(?:nudes?|images?|photos?|vidéos?)"

# The guide's forbidden wording in each language, by code: (pattern, why it is forbidden). A match right
# after a negation ("never save the photo") is fine. A released language needs its list (a test says so).
FORBIDDEN = {
    "en": [
        (r"stranger danger", "'stranger danger': name red-flag behaviours instead (guide §2)"),
        (r"\bforever\b", "'forever': say it can often be removed or contained (guide §2)"),
        (
            r"nothing (?:can|could) be done|can(?:not|'t|’t) be (?:deleted|removed|undone)",
            "hopeless wording: say it can often be removed or contained (guide §2)",
        ),
        (
            r"you should(?:n't|’t| not) have|(?:it'?s|it is|it was) (?:your|his|her|their) (?:own )?fault",
            "blames the child: the blame sits with the offender (guide §2)",
        ),
        (r"\b(?:stupid|naive|naïve|gullible)\b", "blaming word (guide §2)"),
        (
            r"\bjust don'?t send\b",
            "'just don't send' as the message: talk about pressure and help (guide §2)",
        ),
        (
            rf"\b(?:screenshot|save|download|forward|keep)\s+(?:of\s+)?"
            rf"(?:(?:the|a|an|your|their|his|her|that|this|any)\s+)?(?:\w+\s+)?{IMAGE_WORDS}\b",
            "never tell anyone to save, screenshot or forward an image: screenshot the conversation (guide §1.1)",
        ),
    ],
    "fr": [
        (
            r"danger (?:de l'|des )?étrangers?|stranger danger",
            "« danger étranger » : nommer les comportements (guide §2)",
        ),
        (
            r"pour toujours|à jamais|à vie\b",
            "« pour toujours » : dire que c'est souvent supprimable (guide §2)",
        ),
        (
            r"on ne peut (?:plus )?rien faire|impossible (?:à|de) (?:supprimer|effacer|retirer)",
            "formulation sans espoir : dire que c'est souvent supprimable (guide §2)",
        ),
        (
            r"tu n'aurais (?:pas|jamais) dû|vous n'auriez (?:pas|jamais) dû|c'est (?:de )?(?:ta|sa|leur|votre) faute",
            "culpabilise l'enfant : la faute est celle de l'agresseur (guide §2)",
        ),
        (r"\b(?:stupides?|naïfs?|naïves?|crédules?)\b", "mot culpabilisant (guide §2)"),
        (
            rf"\b(?:fais|faire|faites|prends|prendre|prenez) une capture (?:d'écran )?(?:de|d')\s*(?:la|cette|ta|sa|l')\s*"
            rf"{IMAGE_WORDS_FR}",
            "ne jamais faire capturer une image : capturer la conversation (guide §1.1)",
        ),
        (
            rf"\b(?:garde|gardez|garder|enregistre|enregistrez|enregistrer|télécharge|téléchargez|télécharger|"
            rf"transfère|transférez|transférer)\s+(?:la|cette|ta|sa|les|ces|tes|ses|une|des)\s+{IMAGE_WORDS_FR}",
            "ne jamais faire garder ou transférer une image (guide §1.1)",
        ),
    ],
}
STATISTIC = re.compile(
    r"\d+(?:[.,]\d+)?\s?%|\b\d+ (?:out of|in|sur) \d+\b"
    r"|\b\d{1,3}(?:[  ,.]\d{3})+\s+(?:reports?|signalements?|victims?|victimes?)",
    re.I,
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _forbidden(text: str, lang: str) -> Iterator[str]:
    for pattern, why in FORBIDDEN.get(lang, ()):
        for match in re.finditer(pattern, text, re.I):
            before = text[max(0, match.start() - 30) : match.start()]
            if not NEGATION.search(before):
                yield f"'{match.group(0)}': {why}"


def tone(source: SourceFile, item: Lesson | Quiz) -> list[Problem]:
    """Wording the guide forbids, in either language (a wrong option may voice it: its feedback corrects it)."""
    problems = []
    for loc, text in texts_of(item):
        if _is_wrong_option_text(item, loc):
            continue
        for lang in text.written_in():
            for why in _forbidden(text.value(lang) or "", lang):
                problems.append(source.problem((*loc, lang), f"forbidden wording {why}"))
    return problems


def _is_wrong_option_text(item: Lesson | Quiz, loc: Loc) -> bool:
    if len(loc) < 3 or loc[-1] != "text" or loc[-3] != "options":
        return False
    target: Any = item  # a model, a list of them, a field's value...
    for part in loc[:-1]:
        target = target[part] if isinstance(part, int) else getattr(target, part, None)
    return getattr(target, "correct", True) is False


def statistics(source: SourceFile, item: Lesson | Quiz) -> list[Problem]:
    """A statistic must say where it comes from: a year, or a source organisation of the lesson."""
    organisations = [s.organisation.lower() for s in getattr(item, "sources", [])]
    problems = []
    for loc, text in texts_of(item):
        for lang in text.written_in():
            value = text.value(lang) or ""
            match = STATISTIC.search(value)
            if match and not YEAR.search(value) and not any(org in value.lower() for org in organisations):
                problems.append(
                    source.problem(
                        (*loc, lang),
                        f"statistic '{match.group(0)}' without its source",
                        "name the organisation and year in the same text (guide §1.7)",
                    )
                )
    return problems


def branching_paths(
    source: SourceFile, item: Lesson | Quiz, found: list[tuple[Loc, AnyActivity]]
) -> list[Problem]:
    from course.activities.branching import unfinished_paths  # the grading package imports the content models

    problems = []
    for loc, activity in found:
        if isinstance(activity, Branching):
            node_ids = {node.id for node in activity.nodes}
            for path in unfinished_paths(activity):
                if path.end not in node_ids:
                    continue  # a choice leading nowhere is reported where it is written
                route = " → ".join(path.nodes)
                what = "loops" if path.loops else "does not end in getting help"
                problems.append(
                    source.problem(
                        (*loc, "nodes"),
                        f"path {route} {what}",
                        "every path must end at an ending with seeks_help: true",
                    )
                )
    return problems


def learner_lesson_shape(source: SourceFile, lesson: Lesson) -> list[Problem]:
    """5–12 steps, the topic's signature activity, a discussion, the help card, a closing summary, and
    the band's pictures."""
    if lesson.audience != "learner":
        return []
    problems = []
    low, high = LEARNER_STEPS
    if not low <= len(lesson.steps) <= high:
        problems.append(
            source.problem(("steps",), f"{len(lesson.steps)} steps, a learner lesson has {low} to {high}")
        )
    kinds = {step.type for step in lesson.steps}
    activities = {step.activity.type for step in lesson.steps if step.type == "activity"}
    for kind, what in (("help_card", "the help card"), ("discussion", "a discussion prompt")):
        if kind not in kinds:
            problems.append(
                source.problem(("steps",), f"no {kind} step", f"every learner lesson needs {what}")
            )
    if lesson.steps[-1].type != "summary":
        problems.append(
            source.problem(
                ("steps",), "the last step is not a summary", "end with 'what I learnt' (type: summary)"
            )
        )
    signature = SIGNATURE_ACTIVITY.get(lesson.topic)
    if signature and signature not in activities:
        problems.append(
            source.problem(
                ("steps",),
                f"no {signature} activity",
                f"a {lesson.topic} lesson needs its signature activity",
            )
        )
    shown, needed = len(list(pictures_of(lesson))), bands.pictures(lesson.ages)
    if shown < needed:
        problems.append(
            source.problem(
                ("steps",),
                f"{shown} picture(s), a {lesson.ages} lesson needs at least {needed}",
                "give the steps that carry the story a picture (picture: {src: images/…, alt: …})",
            )
        )
    if lesson.topic == "sextortion" and lesson.ages != bands.youngest() and "branching" not in activities:
        problems.append(
            source.problem(
                ("steps",),
                "no branching activity",
                "from 11, sextortion needs a scenario with a recovery path",
            )
        )
    return problems


def learner_quiz_shape(source: SourceFile, quiz: Quiz) -> list[Problem]:
    if quiz.audience != "learner" or len(quiz.questions) >= LEARNER_QUIZ_QUESTIONS:
        return []
    return [
        source.problem(
            ("questions",),
            f"{len(quiz.questions)} questions, a learner quiz has at least {LEARNER_QUIZ_QUESTIONS}",
        )
    ]


def readability(source: SourceFile, item: Lesson | Quiz) -> list[Problem]:
    """The whole file's text, per language, against the band's ceiling (a warning)."""
    problems = []
    for lang in RULES:
        texts = [text.value(lang) or "" for _, text in texts_of(item)]
        too_hard = check_band(measure(texts, lang), lang, item.ages)
        if too_hard:
            problems.append(
                source.problem(
                    ("ages",),
                    f"too hard to read in {lang}: {too_hard[1]}",
                    "shorter sentences and shorter words",
                    severity="warning",
                )
            )
    return problems


def content(
    source: SourceFile, item: Lesson | Quiz, found: list[tuple[Loc, AnyActivity]], learner_topics: set[str]
) -> list[Problem]:
    problems = tone(source, item) + statistics(source, item) + branching_paths(source, item, found)
    problems += readability(source, item)
    if item.topic not in learner_topics:
        return problems
    if isinstance(item, Lesson):
        problems += learner_lesson_shape(source, item)
    else:
        problems += learner_quiz_shape(source, item)
    return problems


def coverage_table(
    lessons: dict[str, Lesson], quizzes: dict[str, Quiz], learner_topics: list[str]
) -> list[list[str]]:
    """Rows of topic × learner band: 'LQ' where both a lesson and a quiz exist, '-' for what is missing."""
    have_lesson = {(lesson.topic, lesson.ages) for lesson in lessons.values()}
    have_quiz = {(quiz.topic, quiz.ages) for quiz in quizzes.values()}
    rows = [["topic", *bands.learners()]]
    for topic in learner_topics:
        cells = [
            ("L" if (topic, b) in have_lesson else "-") + ("Q" if (topic, b) in have_quiz else "-")
            for b in bands.learners()
        ]
        rows.append([topic, *cells])
    return rows


def coverage_gaps(table: list[list[str]]) -> list[Problem]:
    """A warning per missing lesson or quiz in the learner grid (fails `check --strict`)."""
    problems = []
    for topic, *cells in table[1:]:
        for band, cell in zip(bands.learners(), cells, strict=True):
            if cell[0] == "-":
                problems.append(
                    Problem(
                        f"lessons/{topic}/{topic}-{band}.yaml",
                        1,
                        1,
                        "",
                        "missing lesson",
                        f"every topic needs a lesson for {band}",
                        "warning",
                    )
                )
            if cell[1] == "-":
                problems.append(
                    Problem(
                        f"quizzes/{topic}/{topic}-{band}-quiz.yaml",
                        1,
                        1,
                        "",
                        "missing quiz",
                        f"every topic needs a quiz for {band}",
                        "warning",
                    )
                )
    return problems


def format_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows
    )
