"""Rules a valid model can still break: one correct option, both languages, references, dates."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

import course.activities as activities
from course import bands, languages
from course.content.models import (
    ContentFile,
    Helpline,
    HelplinesFile,
    ImageStep,
    Lesson,
    Quiz,
    Text,
    TopicsFile,
)
from course.content.problems import Problem, format_loc, one_of
from course.content.typography import SPACING
from course.content.yamlsource import Loc, SourceFile

REVIEW_DUE_MONTHS = 24


def year_month(value: str) -> tuple[int, int]:
    year, month = value.split("-")
    return int(year), int(month)


def months_between(earlier: tuple[int, int], later: tuple[int, int]) -> int:
    return (later[0] - earlier[0]) * 12 + later[1] - earlier[1]


def translations(source: SourceFile, model: BaseModel) -> list[Problem]:
    """Every text in every released language, none in a language the course does not know; a draft
    language's gaps are one warning per file (where the first one is), so a new language can land in
    steps."""
    problems = []
    known, released = languages.codes(), languages.released()
    draft_gaps: dict[str, list[Loc]] = {}
    for loc, text in texts_of(model):
        for code in text.written_in():
            if code not in known:
                problems.append(
                    at_key(source, (*loc, code), f"unknown language '{code}'", one_of(code, set(known)))
                )
        for lang in text.missing_languages():
            if lang in released:
                problems.append(
                    source.problem(
                        loc,
                        f"{lang} missing",
                        f"no {languages.english_name(lang)} text: every text needs {and_list(released)}",
                    )
                )
            else:
                draft_gaps.setdefault(lang, []).append(loc)
    for lang, gaps in draft_gaps.items():
        problems.append(
            source.problem(
                gaps[0],
                f"{lang} missing in {len(gaps)} text(s), the first here",
                f"{languages.english_name(lang)} is a draft: every text needs it before it is released",
                severity="warning",
            )
        )
    return problems


def and_list(words: tuple[str, ...] | list[str]) -> str:
    """'fr and en', 'fr, en and de'."""
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else list(words))


def at_key(source: SourceFile, loc: Loc, what: str, hint: str = "") -> Problem:
    """A problem about the key at the end of `loc` (an unknown field or language), at its line."""
    parent = source.resolve(loc[:-1])
    key = source.key_node(loc)
    line, col = (key.start_mark.line + 1, key.start_mark.column + 1) if key else (parent.line, parent.col)
    return Problem(source.name, line, col, format_loc(parent.loc), what, hint)


def typography(source: SourceFile, model: BaseModel) -> list[Problem]:
    """A language's spacing rule (French: a breaking space before ? ! : ; or inside « » lets the sign
    wrap alone onto the next line)."""
    problems = []
    for loc, text in texts_of(model):
        for lang, rule in SPACING.items():
            found = rule.breaking(text.value(lang) or "")
            if found:
                problems.append(
                    source.problem(
                        (*loc, lang),
                        f"ordinary space before a sign, e.g. '{found[0]}'",
                        rule.hint,
                        severity="warning",
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
    expected = bands.audience(item.ages)
    if item.audience != expected:
        problems.append(
            source.problem(
                ("audience",),
                f"audience '{item.audience}' does not fit ages '{item.ages}'",
                f"ages '{item.ages}' is for audience '{expected}'",
            )
        )
    return problems


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


def activity(source: SourceFile, item: activities.AnyActivity, loc: Loc) -> list[Problem]:
    """The rules of the activity's type (how many right answers, references between nodes: its unit's
    `check`), and ids unique in each of its lists (options, items, nodes...)."""
    problems = [source.problem((*loc, *flaw.field), flaw.what, flaw.hint) for flaw in activities.check(item)]
    for name in type(item).model_fields:
        children = getattr(item, name)
        if isinstance(children, list) and children and hasattr(children[0], "id"):
            problems += unique_ids(source, [((*loc, name, i, "id"), c.id) for i, c in enumerate(children)])
    return problems


def activities_of(item: Lesson | Quiz) -> Iterator[tuple[Loc, activities.AnyActivity]]:
    if isinstance(item, Quiz):
        for field in ("questions", "before_check"):
            for index, question in enumerate(getattr(item, field)):
                yield (field, index), question
    else:
        for index, step in enumerate(item.steps):
            if step.type == "activity":
                yield ("steps", index, "activity"), step.activity


PICTURE_MAX_BYTES = 40_000  # a picture stays small: SVG, or a compressed raster


def pictures_of(item: Lesson) -> Iterator[tuple[Loc, str]]:
    """Every picture a lesson shows, image steps and steps' pictures, as (location of its src, src)."""
    for index, step in enumerate(item.steps):
        if isinstance(step, ImageStep):
            yield ("steps", index, "src"), step.src
        elif step.picture is not None:
            yield ("steps", index, "picture", "src"), step.picture.src


def lesson(source: SourceFile, item: Lesson, content_root: Path) -> list[Problem]:
    problems = unique_ids(source, [(("steps", i, "id"), s.id) for i, s in enumerate(item.steps)])
    for loc, src in pictures_of(item):
        image = media_path(content_root, src)
        if image is None:
            problems.append(
                source.problem(
                    loc,
                    f"image path leaves the lessons folder: {src}",
                    "write it relative to the lessons folder, e.g. images/keys.svg",
                )
            )
        elif not image.is_file():
            problems.append(
                source.problem(
                    loc, f"image not found: lessons/{src}", "paths are relative to the lessons folder"
                )
            )
        elif image.stat().st_size > PICTURE_MAX_BYTES:
            problems.append(
                source.problem(
                    loc,
                    f"image of {image.stat().st_size // 1000} kB: lessons/{src}",
                    f"a picture stays under {PICTURE_MAX_BYTES // 1000} kB (SVG, or a compressed raster)",
                )
            )
    return problems


def media_path(content_root: Path, src: str) -> Path | None:
    """The file `src` names inside the lessons folder, or None if it points anywhere else (an
    absolute path, '..', a link leading out): nothing outside the content is ever served."""
    folder = (content_root / "lessons").resolve()
    if Path(src).is_absolute() or "\x00" in src:
        return None
    found = (folder / src).resolve()
    return found if found.is_relative_to(folder) else None


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
    problems += translations(source, item) + typography(source, item)
    found = list(activities_of(item))
    problems += unique_ids(source, [((*loc, "id"), a.id) for loc, a in found])
    for loc, found_activity in found:
        problems += activity(source, found_activity, loc)
    if isinstance(item, Lesson):
        problems += lesson(source, item, content_root)
    return problems


def topics_file(source: SourceFile, data: TopicsFile) -> list[Problem]:
    problems = translations(source, data) + typography(source, data)
    problems += unique_ids(source, [(("topics", i, "id"), t.id) for i, t in enumerate(data.topics)])
    problems += unique_ids(source, [(("bands", i, "id"), b.id) for i, b in enumerate(data.bands)])
    for index, band in enumerate(data.bands):
        if band.audience != bands.audience(band.id):
            problems.append(
                source.problem(
                    ("bands", index, "audience"),
                    f"band '{band.id}' is for audience '{bands.audience(band.id)}'",
                )
            )
    missing = [band for band in bands.ids() if band not in {b.id for b in data.bands}]
    if missing:
        problems.append(
            source.problem(("bands",), f"band(s) missing: {', '.join(missing)}", "every band needs a label")
        )
    return problems


def helplines_file(source: SourceFile, data: HelplinesFile, today: datetime.date) -> list[Problem]:
    problems = translations(source, data) + typography(source, data)
    codes = [country.code for country in data.countries]
    problems += unique_ids(source, [(("countries", i, "code"), c) for i, c in enumerate(codes)])
    lines: list[tuple[Loc, Helpline]] = [(("everywhere", i), h) for i, h in enumerate(data.everywhere)]
    for c, country in enumerate(data.countries):
        country_lines = [(("countries", c, "helplines", i), h) for i, h in enumerate(country.helplines)]
        lines += country_lines
        for age in bands.helpline_groups():
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


# --- What each band reads on the help card and in topic names ---------------------------------

# Words a 7-10 child must not meet on the help card or in a topic's name (guide §2 and §3: for 7-10,
# nothing sexual; sextortion is taught as "someone asks for pictures or to go on camera"), and the
# adult-only services (StopNCII: 18+; Pharos: public content, reported by adults).
ADULT_WORDS = (
    "sextortion", "sextorsion", "intimate", "intime", "intimes", "nude", "nudes", "nu", "nue", "nus",
    "nues", "naked", "sexual", "sexuel", "sexuelle", "sexuels", "sexuelles", "sex", "sexe", "porn",
    "porno", "grooming", "pédocriminalité", "enticement", "exploitation", "StopNCII", "Pharos",
)  # fmt: skip
_ADULT_WORD = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ADULT_WORDS)) + r")(?!\w)", re.IGNORECASE)


def adult_words(text: str) -> list[str]:
    """The words of ADULT_WORDS found in `text`, as written there."""
    return [match.group(1) for match in _ADULT_WORD.finditer(text)]


def helplines_for_bands(source: SourceFile, data: HelplinesFile) -> list[Problem]:
    """Band wordings name bands that see the line, once each; the 7-10 card (also shown before a
    band is chosen) reads no adult words; every phone number is one the contact text shows."""
    problems = []
    lines: list[tuple[Loc, Helpline]] = [
        (("countries", c, "helplines", i), line)
        for c, country in enumerate(data.countries)
        for i, line in enumerate(country.helplines)
    ] + [(("everywhere", i), line) for i, line in enumerate(data.everywhere)]
    for loc, line in lines:
        problems += _band_wordings(source, line.band_wording, loc, set(line.for_ages))
        for w, wording in enumerate(line.band_wording):
            if wording.purpose is None and wording.who is None:
                problems.append(
                    source.problem(
                        (*loc, "band_wording", w),
                        "wording changes nothing",
                        "give it a purpose, a who or both",
                    )
                )
        if bands.youngest() in line.for_ages:
            problems += _youngest_card(source, line, loc)
        for p, phone in enumerate(line.phones):
            if not phone.call and not phone.text:
                problems.append(
                    source.problem(
                        (*loc, "phones", p),
                        "a number to neither call nor text",
                        "set call: true or text: true",
                    )
                )
            for lang in line.contact.written_in():
                if phone.number not in (line.contact.value(lang) or ""):
                    problems.append(
                        source.problem(
                            (*loc, "phones", p, "number"),
                            f"'{phone.number}' is not in the {languages.english_name(lang)} contact text",
                            "write the number exactly as the contact shows it",
                        )
                    )
    return problems


def topics_for_bands(source: SourceFile, data: TopicsFile) -> list[Problem]:
    """Band wordings name each band once; a learner topic's name for 7-10 reads no adult words."""
    problems = []
    for t, topic in enumerate(data.topics):
        loc = ("topics", t)
        problems += _band_wordings(source, topic.band_wording, loc, None)
        if not topic.for_learners:
            continue
        youngest = bands.youngest()
        wording = next((w for w in topic.band_wording if youngest in w.bands), None)
        where: Loc = (*loc, "title")
        if wording:
            where = (*loc, "band_wording", topic.band_wording.index(wording), "title")
        problems += _no_adult_words(
            source, topic.title_for(youngest), where, f"give the topic a title for {youngest} in band_wording"
        )
    return problems


def _youngest_card(source: SourceFile, line: Helpline, loc: Loc) -> list[Problem]:
    """What the 7-10 card shows of `line`: its name, contact, and its 7-10 purpose and who."""
    youngest = bands.youngest()
    wording = line.wording(youngest)
    shown: list[tuple[Loc, Text]] = [((*loc, "name"), line.name), ((*loc, "contact"), line.contact)]
    for field in ("purpose", "who"):
        own = getattr(wording, field) if wording else None
        if wording is not None and own is not None:
            shown.append(((*loc, "band_wording", line.band_wording.index(wording), field), own))
        else:
            shown.append(((*loc, field), getattr(line, field)))
    hint = f"give the line a purpose/who for {youngest} in band_wording, or take {youngest} out of for_ages"
    return [problem for where, text in shown for problem in _no_adult_words(source, text, where, hint)]


def _band_wordings(source: SourceFile, wordings: list, loc: Loc, shown_to: set[str] | None) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for w, wording in enumerate(wordings):
        for b, band in enumerate(wording.bands):
            where = (*loc, "band_wording", w, "bands", b)
            if band in seen:
                problems.append(
                    source.problem(where, f"band {band} already has a wording", "one wording per band")
                )
            elif shown_to is not None and band not in shown_to:
                problems.append(
                    source.problem(
                        where,
                        f"the line is not shown to {band}",
                        "add the band to for_ages, or remove it from this wording",
                    )
                )
            seen.add(band)
    return problems


def _no_adult_words(source: SourceFile, text: Text, loc: Loc, hint: str) -> list[Problem]:
    problems = []
    for lang in text.written_in():
        found = adult_words(text.value(lang) or "")
        if found:
            words = ", ".join(f"'{word}'" for word in dict.fromkeys(found))
            problems.append(source.problem((*loc, lang), f"{words}: not words for {bands.youngest()}", hint))
    return problems
