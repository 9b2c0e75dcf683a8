"""Rules a valid model can still break: one correct option, both languages, references, dates."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from course.content.models import (
    AUDIENCE_OF_BAND,
    BANDS,
    SUPPORTED_COUNTRIES,
    Branching,
    ContentFile,
    Helpline,
    HelplinesFile,
    ImageStep,
    Lesson,
    MultipleChoice,
    Quiz,
    RedFlagChat,
    SettingsSimulator,
    SingleChoice,
    SpotDetails,
    Text,
    TopicsFile,
)
from course.content.problems import Problem, format_loc
from course.content.yamlsource import Loc, SourceFile

LANGUAGE_NAMES = {"fr": "French", "en": "English"}
REVIEW_DUE_MONTHS = 24


def year_month(value: str) -> tuple[int, int]:
    year, month = value.split("-")
    return int(year), int(month)


def months_between(earlier: tuple[int, int], later: tuple[int, int]) -> int:
    return (later[0] - earlier[0]) * 12 + later[1] - earlier[1]


def translations(source: SourceFile, model: BaseModel) -> list[Problem]:
    """Every text must be present in every language."""
    problems = []
    for loc, text in texts_of(model):
        for lang in text.missing_languages():
            problems.append(
                source.problem(
                    loc, f"{lang} missing", f"no {LANGUAGE_NAMES[lang]} text: every text needs fr and en"
                )
            )
    return problems


def texts_of(model: BaseModel) -> Iterator[tuple[Loc, Text]]:
    """Every text of a model with its location."""
    return _texts(model, ())


def _texts(value: object, loc: Loc) -> Iterator[tuple[Loc, Text]]:
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))


def review_date(source: SourceFile, value: str, loc: Loc, today: datetime.date) -> list[Problem]:
    """A review or verification month must not be in the future; an old review is due again."""
    field = loc[-1]
    age = months_between(year_month(value), (today.year, today.month))
    if age < 0:
        return [
            source.problem(loc, f"{field} month {value} is in the future", "use the month it was really done")
        ]
    if field == "reviewed" and age > REVIEW_DUE_MONTHS:
        return [
            source.problem(
                loc,
                f"last reviewed {value}: a review is due",
                f"check the content against its sources at least every {REVIEW_DUE_MONTHS} months",
                severity="warning",
            )
        ]
    return []


def file_identity(
    source: SourceFile, item: ContentFile, path: Path, topics: set[str] | None
) -> list[Problem]:
    """Id matches the file name, topic matches the folder and exists, audience matches the band."""
    problems = []
    if item.id != path.stem:
        problems.append(
            source.problem(
                ("id",),
                f"id '{item.id}' does not match the file name '{path.name}'",
                "rename the file or the id: they must be the same",
            )
        )
    if path.parent.name != item.topic:
        problems.append(
            source.problem(
                ("topic",),
                f"topic '{item.topic}' does not match the folder '{path.parent.name}'",
                f"move the file to the {item.topic}/ folder",
            )
        )
    if topics is not None and item.topic not in topics:
        problems.append(
            source.problem(("topic",), f"unknown topic '{item.topic}'", one_of(item.topic, topics))
        )
    expected = AUDIENCE_OF_BAND[item.ages]
    if item.audience != expected:
        problems.append(
            source.problem(
                ("audience",),
                f"audience '{item.audience}' does not fit ages '{item.ages}'",
                f"ages '{item.ages}' is for audience '{expected}'",
            )
        )
    return problems


def one_of(value: str, choices: set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else f"known: {', '.join(sorted(choices))}"


def unique_ids(source: SourceFile, items: list[tuple[Loc, str]]) -> list[Problem]:
    """`items` are (location of the id, id) pairs that must not repeat."""
    first: dict[str, Loc] = {}
    problems = []
    for loc, value in items:
        if value in first:
            where = source.resolve(first[value][:-1]).loc
            problems.append(
                source.problem(
                    loc, f"id '{value}' is already used by {format_loc(where)}", "ids must be unique"
                )
            )
        else:
            first[value] = loc
    return problems


def activity(source: SourceFile, item: BaseModel, loc: Loc) -> list[Problem]:
    """The rules of each activity type: how many right answers, references between nodes."""
    problems: list[Problem] = []
    if isinstance(item, SingleChoice):
        count = sum(option.correct for option in item.options)
        if count != 1:
            problems.append(
                source.problem(
                    (*loc, "options"),
                    f"{count} correct options, single_choice needs exactly 1",
                    "mark one option correct: true, or use multiple_choice",
                )
            )
    if isinstance(item, MultipleChoice):
        count = sum(option.correct for option in item.options)
        if count == 0:
            problems.append(
                source.problem(
                    (*loc, "options"), "no correct option", "mark at least one option correct: true"
                )
            )
        if count == len(item.options):
            problems.append(
                source.problem(
                    (*loc, "options"),
                    "every option is correct",
                    "add at least one wrong option so the question tests something",
                )
            )
    if isinstance(item, RedFlagChat) and not any(m.red_flag for m in item.messages):
        problems.append(
            source.problem(
                (*loc, "messages"), "no message is a red flag", "mark the warning signs with red_flag: true"
            )
        )
    if isinstance(item, SpotDetails) and not any(p.personal for p in item.parts):
        problems.append(
            source.problem(
                (*loc, "parts"),
                "no part gives away personal details",
                "mark the revealing parts with personal: true",
            )
        )
    if isinstance(item, SettingsSimulator) and all(t.start == t.safe for t in item.toggles):
        problems.append(
            source.problem(
                (*loc, "toggles"),
                "every toggle already starts in its safe position",
                "start at least one toggle unsafe so there is something to fix",
            )
        )
    if isinstance(item, Branching):
        problems += _branching(source, item, loc)
    for field in ("options", "items", "messages", "toggles", "parts"):
        children = getattr(item, field, None)
        if children:
            problems += unique_ids(source, [((*loc, field, i, "id"), c.id) for i, c in enumerate(children)])
    return problems


def _branching(source: SourceFile, item: Branching, loc: Loc) -> list[Problem]:
    problems = unique_ids(source, [((*loc, "nodes", i, "id"), n.id) for i, n in enumerate(item.nodes)])
    node_ids = {node.id for node in item.nodes}
    if item.start not in node_ids:
        problems.append(
            source.problem((*loc, "start"), f"no node with id '{item.start}'", one_of(item.start, node_ids))
        )
    for n, node in enumerate(item.nodes):
        for c, choice in enumerate(node.choices):
            if choice.goto not in node_ids:
                problems.append(
                    source.problem(
                        (*loc, "nodes", n, "choices", c, "goto"),
                        f"no node with id '{choice.goto}'",
                        one_of(choice.goto, node_ids),
                    )
                )
    return problems


def activities_of(item: Lesson | Quiz) -> Iterator[tuple[Loc, BaseModel]]:
    if isinstance(item, Quiz):
        for index, question in enumerate(item.questions):
            yield ("questions", index), question
    else:
        for index, step in enumerate(item.steps):
            if step.type == "activity":
                yield ("steps", index, "activity"), step.activity


def lesson(source: SourceFile, item: Lesson, content_root: Path) -> list[Problem]:
    problems = unique_ids(source, [(("steps", i, "id"), s.id) for i, s in enumerate(item.steps)])
    for index, step in enumerate(item.steps):
        if isinstance(step, ImageStep) and not (content_root / "lessons" / step.src).is_file():
            problems.append(
                source.problem(
                    ("steps", index, "src"),
                    f"image not found: lessons/{step.src}",
                    "paths are relative to the lessons folder",
                )
            )
    return problems


def content_file(
    source: SourceFile,
    item: Lesson | Quiz,
    path: Path,
    topics: set[str] | None,
    today: datetime.date,
    content_root: Path,
) -> list[Problem]:
    """Every single-file rule for a lesson or a quiz."""
    problems = file_identity(source, item, path, topics)
    problems += review_date(source, item.reviewed, ("reviewed",), today)
    problems += translations(source, item)
    found = list(activities_of(item))
    problems += unique_ids(source, [((*loc, "id"), a.id) for loc, a in found])
    for loc, found_activity in found:
        problems += activity(source, found_activity, loc)
    if isinstance(item, Lesson):
        problems += lesson(source, item, content_root)
    return problems


def topics_file(source: SourceFile, data: TopicsFile) -> list[Problem]:
    problems = translations(source, data)
    problems += unique_ids(source, [(("topics", i, "id"), t.id) for i, t in enumerate(data.topics)])
    problems += unique_ids(source, [(("bands", i, "id"), b.id) for i, b in enumerate(data.bands)])
    for index, band in enumerate(data.bands):
        if band.audience != AUDIENCE_OF_BAND[band.id]:
            problems.append(
                source.problem(
                    ("bands", index, "audience"),
                    f"band '{band.id}' is for audience '{AUDIENCE_OF_BAND[band.id]}'",
                )
            )
    missing = [band for band in BANDS if band not in {b.id for b in data.bands}]
    if missing:
        problems.append(
            source.problem(("bands",), f"band(s) missing: {', '.join(missing)}", "every band needs a label")
        )
    return problems


def helplines_file(source: SourceFile, data: HelplinesFile, today: datetime.date) -> list[Problem]:
    problems = translations(source, data)
    codes = [country.code for country in data.countries]
    problems += unique_ids(source, [(("countries", i, "code"), c) for i, c in enumerate(codes)])
    missing = [code for code in SUPPORTED_COUNTRIES if code not in codes]
    if missing:
        problems.append(
            source.problem(
                ("countries",),
                f"no helplines for {', '.join(missing)}",
                "every supported country needs its helplines",
            )
        )
    lines: list[tuple[Loc, Helpline]] = [(("everywhere", i), h) for i, h in enumerate(data.everywhere)]
    for c, country in enumerate(data.countries):
        country_lines = [(("countries", c, "helplines", i), h) for i, h in enumerate(country.helplines)]
        lines += country_lines
        for age in ("7-10", "11-13", "14-17", "adults"):
            if not any(age in h.for_ages and not h.emergency for h in [*country.helplines, *data.everywhere]):
                problems.append(
                    source.problem(
                        ("countries", c, "helplines"),
                        f"no helpline for {age} in {country.code}",
                        "every age needs someone to contact besides the emergency number",
                    )
                )
        if not any(h.emergency for _, h in country_lines):
            problems.append(
                source.problem(
                    ("countries", c, "helplines"),
                    f"no emergency number for {country.code}",
                    "add the 'danger now' number with emergency: true",
                )
            )
    for loc, line in lines:
        problems += review_date(source, line.verified, (*loc, "verified"), today)
    problems += unique_ids(source, [((*loc, "id"), h.id) for loc, h in lines])
    return problems
