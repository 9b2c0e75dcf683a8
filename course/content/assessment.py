"""Whether the questions measure understanding (CONTENT_GUIDE §6): objectives and before-checks, and the
balance that keeps a guesser from passing — where the right option stands, how long it is, how many
statements are true, how the settings switches start — checked per quiz and over the whole course.

Bounds over the whole course are chance bounds: what a course whose right options were placed (or
written) at random would show, ± three standard deviations, so a warning means a pattern, not luck.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from course import languages
from course.activities import AnyActivity
from course.activities.multiple_choice import MultipleChoice
from course.activities.order import shown_ids
from course.activities.settings import SettingsSimulator
from course.activities.single_choice import SingleChoice
from course.activities.true_false import TrueFalse
from course.content.models import Lesson, Quiz
from course.content.problems import Problem, one_of
from course.content.yamlsource import Loc, SourceFile

LEARNER_OBJECTIVES = (2, 4)
BEFORE_CHECK_SIZE = (3, 4)
BEFORE_CHECK_TYPES = ("single_choice", "multiple_choice", "true_false")
TRUE_SHARE = (0.35, 0.65)
MIN_STATEMENTS = 10  # below this, a share of true statements says nothing
SIGMAS = 3
COURSE_FILE = "(course)"  # where problems about the whole course are reported


# --- one quiz ---------------------------------------------------------------------------------


def content_file(
    source: SourceFile, item: Lesson | Quiz, found: list[tuple[Loc, AnyActivity]]
) -> list[Problem]:
    """Every assessment rule of one lesson or quiz; `found` are its activities with their locations."""
    problems = []
    for loc, activity in found:
        if isinstance(activity, SettingsSimulator):
            problems += settings_start(source, activity, loc)
    if isinstance(item, Quiz):
        if not any(question.scored for question in item.questions):
            problems.append(
                source.problem(
                    ("questions",),
                    "no graded question",
                    "a quiz of polls alone has no score: add a question with a right answer",
                )
            )
        problems += objectives(source, item)
        if item.audience == "learner":
            problems += before_check(source, item)
        problems += longest_right(source, item)
    return problems


def objectives(source: SourceFile, item: Quiz) -> list[Problem]:
    problems: list[Problem] = []
    low, high = LEARNER_OBJECTIVES
    if item.audience == "learner" and not low <= len(item.objectives) <= high:
        problems.append(
            source.problem(
                ("objectives",) if item.objectives else ("questions",),
                f"{len(item.objectives)} objectives, a learner quiz names {low} to {high}",
                "list what the quiz measures under objectives: (id and text), and name one on each question",
            )
        )
    known = {objective.id for objective in item.objectives}
    measured: set[str] = set()
    for loc, question in _graded(item):
        if question.objective is None:
            if item.objectives or item.audience == "learner":
                problems.append(
                    source.problem(loc, "no objective", "name what the question measures: objective: <id>")
                )
        elif question.objective not in known:
            problems.append(
                source.problem(
                    (*loc, "objective"),
                    f"unknown objective '{question.objective}'",
                    one_of(question.objective, known) if known else "declare it under objectives:",
                )
            )
        elif loc[0] == "questions":
            measured.add(question.objective)
    for index, objective in enumerate(item.objectives):
        if objective.id not in measured:
            problems.append(
                source.problem(
                    ("objectives", index, "id"),
                    f"objective '{objective.id}' is measured by no question",
                    "name it on a question of the quiz, or remove it",
                )
            )
    return problems


def _graded(item: Quiz) -> Iterator[tuple[Loc, AnyActivity]]:
    for field in ("questions", "before_check"):
        for index, question in enumerate(getattr(item, field)):
            if question.scored:
                yield (field, index), question


def before_check(source: SourceFile, item: Quiz) -> list[Problem]:
    """3 or 4 parallel questions: simple types, other wording and options than the quiz's own."""
    low, high = BEFORE_CHECK_SIZE
    problems: list[Problem] = []
    if len(item.before_check) < low:
        problems.append(
            source.problem(
                ("before_check",) if item.before_check else ("questions",),
                f"{len(item.before_check)} before-check questions, a learner quiz needs {low} or {high}",
                "add parallel questions (same objectives, other scenario and options) under before_check:",
            )
        )
    prompts = {_plain(text): index for index, q in enumerate(item.questions) for text in _langs(q.prompt)}
    options = {
        _plain(text): index
        for index, q in enumerate(item.questions)
        for option in getattr(q, "options", None) or []
        for text in _langs(option.text)
    }
    for index, question in enumerate(item.before_check):
        loc = ("before_check", index)
        if question.type not in BEFORE_CHECK_TYPES:
            problems.append(
                source.problem(
                    (*loc, "type"),
                    f"a before-check question cannot be {question.type}",
                    f"use {', '.join(BEFORE_CHECK_TYPES)}",
                )
            )
        same = next((prompts[t] for t in map(_plain, _langs(question.prompt)) if t in prompts), None)
        if same is not None:
            problems.append(
                source.problem(
                    (*loc, "prompt"),
                    f"same prompt as questions[{same}]",
                    "a before-check question is a parallel form: other scenario, other wording",
                )
            )
        for o, option in enumerate(getattr(question, "options", None) or []):
            copied = next((options[t] for t in map(_plain, _langs(option.text)) if t in options), None)
            if copied is not None:
                problems.append(
                    source.problem(
                        (*loc, "options", o, "text"),
                        f"option copied from questions[{copied}]",
                        "write the parallel question's own options, so the quiz does not repeat it",
                    )
                )
    return problems


def _langs(text) -> list[str]:
    return [value for lang in languages.codes() if (value := text.value(lang))]


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def longest_right(source: SourceFile, item: Quiz) -> list[Problem]:
    """A quiz where the right option is the longest in more than half of its single-choice questions."""
    single = [q for q in item.questions if isinstance(q, SingleChoice)]
    problems = []
    for lang in languages.codes():
        longest = sum(_right_is_longest(q, lang) for q in single)
        if single and longest * 2 > len(single):
            problems.append(
                source.problem(
                    ("questions",),
                    f"the right option is the longest in {longest} of {len(single)} single-choice "
                    f"questions ({lang})",
                    "write wrong options as long, specific and plausible as the right one",
                    severity="warning",
                )
            )
    return problems


def _right_is_longest(question: SingleChoice, lang: str) -> bool:
    lengths = [(len(option.text.value(lang) or ""), option.correct) for option in question.options]
    top = max(length for length, _ in lengths)
    return [correct for length, correct in lengths if length == top] == [True]


def settings_start(source: SourceFile, activity: SettingsSimulator, loc: Loc) -> list[Problem]:
    """Every switch starting unsafe: "flip every switch" is then right without reading one."""
    if all(toggle.start != toggle.safe for toggle in activity.toggles):
        return [
            source.problem(
                (*loc, "toggles"),
                "every toggle starts in its unsafe position",
                "start some toggles already safe, so each one has to be read",
                severity="warning",
            )
        ]
    return []


# --- the whole course -------------------------------------------------------------------------


def gradable(items: Iterable[Lesson | Quiz]) -> Iterator[AnyActivity]:
    """Every activity of the course, before-checks included."""
    for item in items:
        if isinstance(item, Quiz):
            yield from item.questions
            yield from item.before_check
        else:
            yield from (step.activity for step in item.steps if step.type == "activity")


def course_balance(items: list[Lesson | Quiz]) -> list[Problem]:
    """Position, length and true/false balance over the whole course, against chance bounds."""
    activities = list(gradable(items))
    single = [a for a in activities if isinstance(a, SingleChoice)]
    problems = []
    for position in range(max((len(q.options) for q in single), default=0)):
        at = [q for q in single if len(q.options) > position]
        count = sum(q.options[position].correct for q in at)
        bounds = _chance([1 / len(q.options) for q in at])
        if not bounds[0] <= count <= bounds[1]:
            problems.append(
                _course_problem(
                    f"the right option is option {position + 1} in {count} of {len(at)} single-choice "
                    f"questions (chance: {bounds[0]}–{bounds[1]})",
                    "spread the right option over the positions",
                )
            )
    for lang in languages.codes():
        count = sum(_right_is_longest(q, lang) for q in single)
        high = _chance([1 / len(q.options) for q in single])[1]
        if count > high:
            problems.append(
                _course_problem(
                    f"the right option is the longest in {count} of {len(single)} single-choice questions "
                    f"({lang}; chance: at most {high})",
                    "write wrong options as long and as plausible as the right one",
                )
            )
    multiple = [a for a in activities if isinstance(a, MultipleChoice)]
    count = sum(_right_ones_first(q) for q in multiple)
    high = _chance([1 / math.comb(len(q.options), sum(o.correct for o in q.options)) for q in multiple])[1]
    if count > high:
        problems.append(
            _course_problem(
                f"every right option comes before the wrong ones in {count} of {len(multiple)} "
                f"multiple-choice questions (chance: at most {high})",
                "mix right and wrong options",
            )
        )
    statements = [a.answer for a in activities if isinstance(a, TrueFalse)]
    low, high_share = TRUE_SHARE
    if len(statements) >= MIN_STATEMENTS and not low <= sum(statements) / len(statements) <= high_share:
        problems.append(
            _course_problem(
                f"{sum(statements)} of {len(statements)} true/false statements are true "
                f"(keep between {low:.0%} and {high_share:.0%})",
                "turn some statements round, so that 'always false' (or 'always true') is no strategy",
            )
        )
    return problems


def _right_ones_first(question: MultipleChoice) -> bool:
    marks = [option.correct for option in question.options]
    return marks == sorted(marks, reverse=True)


def _chance(probabilities: list[float]) -> tuple[int, int]:
    """Bounds on how many of these independent events happen, by chance (± SIGMAS deviations)."""
    mean = sum(probabilities)
    spread = SIGMAS * math.sqrt(sum(p * (1 - p) for p in probabilities))
    return max(0, math.floor(mean - spread)), math.ceil(mean + spread)


def _course_problem(what: str, hint: str) -> Problem:
    return Problem(COURSE_FILE, 1, 1, "balance", what, hint, "warning")


# --- guessing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Strategy:
    name: str
    answer: Callable[[object, str], list[str] | None]  # activity, language -> answer (None: skip)


def _first(activity, lang: str) -> list[str] | None:
    kind = activity.type
    if kind == "true_false":
        return ["true"]
    if kind == "settings":
        return [f"{t.id}:{'on' if t.start else 'off'}" for t in activity.toggles]
    if kind == "ordering":
        return shown_ids(activity, "guess")
    if kind == "branching":
        return _first_path(activity)
    if kind == "poll":
        return None
    return [activity.choices()[0].id]


def _longest(activity, lang: str) -> list[str] | None:
    if activity.type not in ("single_choice", "multiple_choice", "spot_details"):
        return _first(activity, lang)
    return [max(activity.choices(), key=lambda item: len(item.text.get(lang))).id]


def _always_false(activity, lang: str) -> list[str] | None:
    if activity.type == "true_false":
        return ["false"]
    if activity.type == "settings":
        return [f"{t.id}:{'off' if t.start else 'on'}" for t in activity.toggles]
    return _first(activity, lang)


def _first_path(activity) -> list[str]:
    nodes = {node.id: node for node in activity.nodes}
    node, path, seen = nodes[activity.start], [], set()
    while node.choices and node.id not in seen:
        seen.add(node.id)
        path.append(node.choices[0].id)
        node = nodes[node.choices[0].goto]
    return path


STRATEGIES = (
    Strategy("always the first option", _first),
    Strategy("always the longest option", _longest),
    Strategy("always false, every switch flipped", _always_false),
)


def guessing_passes(quizzes: Iterable[Quiz]) -> dict[str, list[str]]:
    """For each strategy, the quizzes it passes (in either language), in file order of the options."""
    quizzes = list(quizzes)
    found: dict[str, list[str]] = {}
    for strategy in STRATEGIES:
        found[strategy.name] = [
            q.id for q in quizzes if any(_passes(q, strategy, lang) for lang in languages.codes())
        ]
    return found


def _passes(item: Quiz, strategy: Strategy, lang: str) -> bool:
    from course.activities import grade, passed, quiz_score  # it imports the content models

    results = []
    for question in item.questions:
        answer = strategy.answer(question, lang)
        if answer is not None:
            try:
                results.append(grade(question, answer))
            except ValueError:  # a broken question is reported by its own check
                continue
    return bool(results) and passed(quiz_score(results), item.pass_mark)


def guessing_limit(quiz_count: int) -> int:
    """How many quizzes one guessing strategy may pass: 2, or a tenth of a larger course."""
    return max(2, quiz_count // 10)


def guessing(quizzes: list[Quiz]) -> list[Problem]:
    problems = []
    limit = guessing_limit(len(quizzes))
    for name, passing in guessing_passes(quizzes).items():
        if len(passing) > limit:
            problems.append(
                _course_problem(
                    f"'{name}' passes {len(passing)} of {len(quizzes)} quizzes: {', '.join(passing)}",
                    f"at most {limit}: balance those quizzes' options and statements",
                )
            )
    return problems


def guessing_summary(quizzes: list[Quiz]) -> str:
    passes = guessing_passes(quizzes)
    return "guessing: " + ", ".join(
        f"{name} passes {len(ids)}/{len(quizzes)}" for name, ids in passes.items()
    )
