"""Loading the whole course: every file read, every problem collected, only valid content served."""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from course import bands
from course.content import assessment, checks, language_checks, quality
from course.content.models import (
    BandInfo,
    Country,
    Helpline,
    HelplinesFile,
    Lesson,
    Quiz,
    Topic,
    TopicsFile,
)
from course.content.problems import Problem
from course.content.validation import validate
from course.content.yamlsource import read_yaml

TOPICS_FILE = "course/data/topics.yaml"
HELPLINES_FILE = "course/data/helplines.yaml"


@dataclass
class Course:
    """The valid content of the course, and the problems found in the rest."""

    root: Path
    lessons: dict[str, Lesson] = field(default_factory=dict)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)
    bands: list[BandInfo] = field(default_factory=list)
    countries: dict[str, Country] = field(default_factory=dict)
    everywhere: list[Helpline] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)  # content id -> hash of its file

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def broken_files(self) -> dict[str, list[Problem]]:
        """Files not served because of errors, with their problems."""
        broken: dict[str, list[Problem]] = {}
        for problem in self.errors:
            broken.setdefault(problem.file, []).append(problem)
        return broken

    def lessons_for(self, band: str) -> list[Lesson]:
        order = {topic.id: index for index, topic in enumerate(self.topics)}
        found = [lesson for lesson in self.lessons.values() if lesson.ages == band]
        return sorted(found, key=lambda lesson: (order.get(lesson.topic, len(order)), lesson.id))

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)

    def band(self, band_id: str) -> BandInfo | None:
        return next((band for band in self.bands if band.id == band_id), None)

    @property
    def default_country(self) -> str:
        """The country shown when the visitor's cannot be known: the helplines file's first."""
        return next(iter(self.countries), "")

    def helplines(self, country: str, band: str | None = None) -> list[Helpline]:
        """The country's lines then the worldwide ones meant for `band`. With no band (or an unknown
        one) the visitor may be a young child: only the lines for the youngest band (`helpline_band`)."""
        group = bands.helpline_group(helpline_band(band))
        return [line for line in self.all_helplines(country) if group in line.for_ages]

    def all_helplines(self, country: str) -> list[Helpline]:
        """Every line of the country then the worldwide ones, whoever they are for (checks and tests)."""
        found = self.countries.get(country)
        return (list(found.helplines) if found else []) + list(self.everywhere)

    def learner_topics(self) -> list[str]:
        return [topic.id for topic in self.topics if topic.for_learners]

    def coverage(self) -> list[list[str]]:
        """Topic × learner band grid of the lessons and quizzes being served."""
        return quality.coverage_table(self.lessons, self.quizzes, self.learner_topics())

    def summary(self) -> str:
        """One line: how much content there is, per topic and band."""
        activities: Counter[tuple[str, str]] = Counter()
        lessons = Counter((lesson.topic, lesson.ages) for lesson in self.lessons.values())
        quizzes = Counter((quiz.topic, quiz.ages) for quiz in self.quizzes.values())
        items: list[Lesson | Quiz] = [*self.lessons.values(), *self.quizzes.values()]
        for item in items:
            activities[(item.topic, item.ages)] += len(list(checks.activities_of(item)))
        cells = sorted(set(lessons) | set(quizzes))
        detail = "; ".join(
            f"{topic} {band}: {lessons[cell]}L {quizzes[cell]}Q {activities[cell]}A"
            for cell in cells
            for topic, band in [cell]
        )
        return (
            f"{len(self.lessons)} lessons, {len(self.quizzes)} quizzes, "
            f"{sum(activities.values())} activities ({detail})"
        )


def helpline_band(band: str | None) -> str:
    """The band whose helplines and wording are shown for `band`: itself if it is a band, else the
    youngest learner band, since the app cannot know who opened the help before a band is chosen."""
    return band if band in bands.ids() else bands.youngest()


@functools.cache
def default_root() -> Path:
    return Path(__file__).resolve().parents[2]


def load_course(root: Path | None = None, today: datetime.date | None = None) -> Course:
    """Read and check everything under `root`; never raises for a content problem."""
    root = (root or default_root()).resolve()
    today = today or datetime.date.today()
    course = Course(root=root)
    topic_ids = _load_topics(course, today)
    _load_helplines(course, today)
    course.problems.extend(language_checks.check(bands.ids()))
    lessons, lesson_data = _load_folder(course, "lessons", Lesson)
    quizzes, _ = _load_folder(course, "quizzes", Quiz)
    kept = _check_files(course, [*lessons, *quizzes], topic_ids, today)  # ids are unique across both
    lessons = [found for found in kept if isinstance(found[1], Lesson)]
    quizzes = [found for found in kept if isinstance(found[1], Quiz)]
    _link_lessons_to_quizzes(course, lessons, quizzes, lesson_data)
    broken = set(course.broken_files())
    course.lessons = {item.id: item for source, item, _ in lessons if source.name not in broken}
    course.quizzes = {item.id: item for source, item, _ in quizzes if source.name not in broken}
    if course.topics:
        course.problems.extend(quality.coverage_gaps(course.coverage()))
    course.problems.extend(assessment.course_balance([*course.lessons.values(), *course.quizzes.values()]))
    course.problems.extend(assessment.guessing(list(course.quizzes.values())))
    course.problems.sort()
    return course


def _read(course: Course, relative: str, model):
    source, problems = read_yaml(course.root / relative, relative)
    item = None
    if source is not None and source.data is not None:
        item, invalid = validate(source, model)
        problems += invalid
    course.problems.extend(problems)
    return source, item


def _load_topics(course: Course, today: datetime.date) -> set[str] | None:
    if not (course.root / TOPICS_FILE).is_file():
        course.problems.append(
            Problem(TOPICS_FILE, 1, 1, "", "file not found", "the course needs its topics")
        )
        return None
    source, data = _read(course, TOPICS_FILE, TopicsFile)
    if data is None:
        return None
    course.problems.extend(checks.topics_file(source, data))
    course.problems.extend(checks.topics_for_bands(source, data))
    course.topics, course.bands = list(data.topics), list(data.bands)
    return {topic.id for topic in data.topics}


def _load_helplines(course: Course, today: datetime.date) -> None:
    if not (course.root / HELPLINES_FILE).is_file():
        course.problems.append(
            Problem(HELPLINES_FILE, 1, 1, "", "file not found", "the course needs helplines")
        )
        return
    source, data = _read(course, HELPLINES_FILE, HelplinesFile)
    if data is None:
        return
    course.problems.extend(checks.helplines_file(source, data, today))
    course.problems.extend(checks.helplines_for_bands(source, data))
    course.countries = {country.code: country for country in data.countries}
    course.everywhere = list(data.everywhere)


def _load_folder(course, folder, model):
    """Every YAML file of `folder`: (source, item, path) for the ones that validate, and the parsed
    data of all of them, even those that do not validate (None where the YAML does not parse)."""
    loaded = []
    every_data = []
    for path in sorted((course.root / folder).rglob("*.y*ml")):
        relative = path.relative_to(course.root).as_posix()
        source, item = _read(course, relative, model)
        every_data.append(source.data if source is not None else None)
        if item is not None:
            loaded.append((source, item, path))
    return loaded, every_data


def _check_files(course, loaded, topic_ids, today) -> list:
    """Check every lesson and quiz; an id used by two files stays with the one that was there first
    (the older file), and the newcomer is reported and not served. Returns the files kept."""
    owners: dict[str, Path] = {}
    for _, item, path in sorted(loaded, key=lambda found: (found[2].stat().st_mtime_ns, found[2])):
        owners.setdefault(item.id, path)
    kept = []
    for source, item, path in loaded:
        owner = owners[item.id]
        if owner != path:
            where = owner.relative_to(course.root).as_posix()
            course.problems.append(
                source.problem(("id",), f"id '{item.id}' is already used by {where}", "ids must be unique")
            )
        try:
            course.problems.extend(_file_problems(course, source, item, path, topic_ids, today))
        except Exception as error:  # noqa: BLE001 - a check that breaks on odd content must not stop the rest
            course.problems.append(
                source.problem((), "file could not be checked", f"{type(error).__name__}: {error}"[:200])
            )
            continue
        if owner != path:
            continue
        course.versions.setdefault(item.id, hashlib.sha256(path.read_bytes()).hexdigest()[:12])
        kept.append((source, item, path))
    return kept


def _file_problems(course, source, item, path, topic_ids, today) -> list[Problem]:
    problems = checks.content_file(source, item, path, topic_ids, today, course.root)
    found = list(checks.activities_of(item))
    problems += quality.content(source, item, found, set(course.learner_topics()))
    return problems + assessment.content_file(source, item, found)


def _link_lessons_to_quizzes(course, lessons, quizzes, lesson_data) -> None:
    """A lesson's quiz must exist and be for the same topic and band; every quiz needs a lesson
    linking to it, found in every lesson's data (so that one broken lesson does not cascade)."""
    by_id: dict[str, Quiz] = {item.id: item for _, item, _ in quizzes}
    quiz_files = {path.stem for path in (course.root / "quizzes").rglob("*.y*ml")}
    for source, lesson, _ in lessons:
        if lesson.quiz is None:
            continue
        quiz = by_id.get(lesson.quiz)
        if quiz is None and lesson.quiz not in quiz_files:
            course.problems.append(
                source.problem(
                    ("quiz",),
                    f"no quiz with id '{lesson.quiz}'",
                    checks.one_of(lesson.quiz, set(by_id) | quiz_files),
                )
            )
        elif quiz is not None and (quiz.topic, quiz.ages) != (lesson.topic, lesson.ages):
            course.problems.append(
                source.problem(
                    ("quiz",),
                    f"quiz '{quiz.id}' is for {quiz.topic} {quiz.ages}",
                    f"link a quiz for {lesson.topic} {lesson.ages}",
                )
            )
    linked = {
        data.get("quiz")
        for data in lesson_data
        if isinstance(data, dict) and isinstance(data.get("quiz"), str)
    }
    for source, quiz, _ in quizzes:
        if quiz.id not in linked:
            course.problems.append(
                source.problem(
                    ("id",),
                    "no lesson links to this quiz",
                    "add quiz: " + quiz.id + " to its lesson",
                    severity="warning",
                )
            )
