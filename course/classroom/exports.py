"""Exports of a class session: CSV for teachers, xAPI statements (JSON lines) for learning record stores.

Both carry ids and generated nicknames only: no free text, no names, no email. The CSV reads like the
dashboard, in the teacher's language: the nickname as the teacher sees it, each pupil's progress and quiz
score as the grid shows them, headers in that language. The xAPI actor is an opaque account (the
learner's random id) on this course's home page; activities are named in the course's languages, the
teacher's first.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import uuid
from collections.abc import Iterator, Mapping

from sqlalchemy import select

from course import nicknames
from course.activities import grade
from course.classroom.cards import tally_rows
from course.classroom.gain import objective_of, phase_of
from course.classroom.reports import (
    PupilProgress,
    find_activity,
    progress_grid,
    progress_text,
    quiz_score,
    session_gains,
    steps_reached,
)
from course.content import Course
from course.content.models import Lesson, Text
from course.locales import t
from course.progress.store import attempt_from_row
from course.progress.tables import attempts, learners, lesson_progress, quiz_runs

CSV_COLUMNS = [
    "class",
    "pupil",
    "lesson",
    "progress",
    "quiz_score",
    "content_id",
    "activity_id",
    "question",
    "answer_ids",
    "correct",
    "score",
    "hints_used",
    "time_spent_ms",
    "answered_at",
    "content_version",
    "phase",
    "objective",
]
GAIN_COLUMNS = [
    "class",
    "lesson",
    "lesson_id",
    "quiz_id",
    "objective",
    "objective_name",
    "pupils",
    "before_percent",
    "after_percent",
    "normalised_gain",
]
VERBS = {
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
NAMESPACE = uuid.UUID("6c6f7572-7365-4f6e-b169-6e6520736166")  # fixed, so statement ids are stable


ACTIVITY_TYPES = {  # xAPI activity types (ADL vocabulary)
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
}
BOM = "\ufeff"  # spreadsheets (Excel) then read the file as UTF-8: accents in French headers and nicknames


def for_spreadsheets(text: str) -> bytes:
    """A CSV text as the file a teacher downloads: UTF-8 with a byte order mark."""
    return (BOM + text).encode("utf-8")


def headers(columns: list[str], lang: str) -> list[str]:
    """The header row of an export in the teacher's language."""
    return [t(f"export.col.{column}", lang) for column in columns]


def _attempt_rows(engine, session_id: str):
    with engine.connect() as db:
        return (
            db.execute(
                select(attempts, learners.c.nickname)
                .join(learners, learners.c.id == attempts.c.learner_id)
                .where(attempts.c.session_id == session_id)
                .order_by(attempts.c.id)
            )
            .mappings()
            .all()
        )


def _measure(course: Course | None, row) -> tuple[str, str]:
    """(phase, objective) of an answer: 'before' (before-check) or 'after' (quiz), and what it measures."""
    quiz = course.quizzes.get(row["content_id"]) if course is not None else None
    if quiz is None:
        return "", ""
    return phase_of(quiz, attempt_from_row(row)) or "", objective_of(quiz, row["activity_id"]) or ""


def lesson_of(course: Course | None, content_id: str) -> Lesson | None:
    """The lesson an answer belongs to: the lesson itself, or the lesson whose quiz it is."""
    if course is None:
        return None
    if content_id in course.lessons:
        return course.lessons[content_id]
    return next((lesson for lesson in course.lessons.values() if lesson.quiz == content_id), None)


def csv_rows(
    engine,
    session_id: str,
    class_name: str,
    course: Course | None = None,
    lang: str = "en",
    lessons: tuple[str, ...] | list[str] = (),
) -> list[dict[str, object]]:
    """The CSV's rows, by column id: per pupil (in the order they joined) and lesson (the session's
    first), each answer with the pupil's progress and quiz score on its lesson as the grid shows them; a
    lesson of the session the pupil has not answered in yet still has its row, with the progress alone."""
    grid = {pupil.learner_id: pupil for pupil in progress_grid(engine, session_id)}
    answers: dict[str, list] = {}
    for row in _attempt_rows(engine, session_id):
        answers.setdefault(row["learner_id"], []).append(row)
        if row["learner_id"] not in grid:  # not expected: an answer of a pupil the grid does not list
            grid[row["learner_id"]] = PupilProgress(row["learner_id"], row["nickname"])
    known = [course.lessons[lid] for lid in lessons if course is not None and lid in course.lessons]
    out: list[dict[str, object]] = []
    for pupil in grid.values():
        mine = answers.get(pupil.learner_id, [])
        by_lesson: dict[str | None, list] = {}
        for row in mine:
            lesson = lesson_of(course, row["content_id"])
            by_lesson.setdefault(lesson.id if lesson else None, []).append(row)
        touched = [course.lessons[lid] for lid in by_lesson if lid is not None and course is not None]
        order = [*known, *(lesson for lesson in touched if lesson not in known)]
        base = {"class": _cell(class_name), "pupil": nicknames.display(pupil.nickname, lang)}
        for lesson in order:
            shown = {
                **base,
                "lesson": lesson.title.get(lang),
                "progress": progress_text(pupil, lesson),
                "quiz_score": _blank(quiz_score(pupil, lesson)),
            }
            rows = by_lesson.get(lesson.id, [])
            out += [_answer(course, row, shown, lang) for row in rows] or [shown]
        out += [_answer(course, row, base, lang) for row in by_lesson.get(None, [])]
    base = {"class": _cell(class_name), "pupil": t("cards.tally_pupil", lang)}
    for row, count in _tallied(engine, session_id, course):
        lesson = lesson_of(course, row["content_id"])
        shown = {**base, "lesson": lesson.title.get(lang) if lesson else ""}
        out += [_answer(course, row, shown, lang)] * count
    return out


def _tallied(engine, session_id: str, course: Course | None) -> Iterator[tuple[dict, int]]:
    """Each option of a quick tally as an answer row without a pupil (graded as a device answer would
    be), with how many hands chose it."""
    for tally in tally_rows(engine, session_id):
        activity = find_activity(course, tally["content_id"], tally["activity_id"])
        result = grade(activity, (tally["option_id"],)) if activity is not None else None
        row = {
            "id": None,
            "learner_id": None,
            "session_id": session_id,
            "content_id": tally["content_id"],
            "run_id": None,
            "activity_id": tally["activity_id"],
            "answer": [tally["option_id"]],
            "correct": result.correct if result else None,
            "score": result.score if result else None,
            "hints_used": 0,
            "time_spent_ms": 0,
            "created_at": tally["counted_at"],
            "content_version": course.versions.get(tally["content_id"], "") if course else "",
        }
        yield row, tally["count"]


def _answer(course: Course | None, row, shown: Mapping[str, object], lang: str) -> dict[str, object]:
    phase, objective = _measure(course, row)
    activity = find_activity(course, row["content_id"], row["activity_id"], before_check=True)
    return {
        **shown,
        "content_id": row["content_id"],
        "activity_id": row["activity_id"],
        "question": activity.prompt.get(lang) if activity is not None else "",
        "answer_ids": "|".join(row["answer"]),
        "correct": "" if row["correct"] is None else t("export.yes" if row["correct"] else "export.no", lang),
        "score": "" if row["score"] is None else round(row["score"], 3),
        "hints_used": row["hints_used"],
        "time_spent_ms": row["time_spent_ms"],
        "answered_at": _iso(row["created_at"]),
        "content_version": row["content_version"],
        "phase": t(f"export.phase.{phase}", lang) if phase else "",
        "objective": objective,
    }


def csv_text(
    engine,
    session_id: str,
    class_name: str,
    course: Course | None = None,
    lang: str = "en",
    lessons: tuple[str, ...] | list[str] = (),
) -> str:
    """The class's answers and progress (see csv_rows), headers in `lang`."""
    return _write(CSV_COLUMNS, csv_rows(engine, session_id, class_name, course, lang, lessons), lang)


def _write(columns: list[str], rows: list[dict[str, object]], lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers(columns, lang))
    writer.writerows([row.get(column, "") for column in columns] for row in rows)
    return out.getvalue()


def gain_csv_text(
    engine, course: Course, session_id: str, class_name: str, lesson_ids, lang: str = "en"
) -> str:
    """The class's learning gain: one row per lesson × objective (then 'all', then 'confidence', on its
    1–4 scale), pupils who did both the before-check and the quiz; headers and names in `lang`."""
    rows = []
    for lesson, gain in session_gains(engine, course, session_id, lesson_ids):
        quiz = course.quizzes[gain.quiz_id]
        names = {objective.id: objective.text.get(lang) for objective in quiz.objectives}
        names |= {"all": t("gain.overall", lang), "confidence": t("gain.confidence", lang)}
        figures_by = [*gain.objectives.items(), ("all", gain.overall), ("confidence", gain.confidence)]
        for objective, figures in figures_by:
            normalised = figures.normalised if objective != "confidence" else None
            rows.append(
                {
                    "class": _cell(class_name),
                    "lesson": lesson.title.get(lang),
                    "lesson_id": lesson.id,
                    "quiz_id": gain.quiz_id,
                    "objective": objective,
                    "objective_name": names.get(objective, objective),
                    "pupils": figures.learners,
                    "before_percent": _figure(figures.before),
                    "after_percent": _figure(figures.after),
                    "normalised_gain": _figure(normalised, 3),
                }
            )
    return _write(GAIN_COLUMNS, rows, lang)


def _blank(value: object) -> object:
    return "" if value is None else value


def _figure(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _cell(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: keep them as text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def _iso(moment: datetime.datetime) -> str:
    return moment.replace(tzinfo=datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _name(text: Text | None, lang: str) -> dict[str, str]:
    """An xAPI language map: the text in each language it has, the teacher's first."""
    if text is None:
        return {}
    written = sorted(text.written_in(), key=lambda code: code != lang)  # the teacher's first
    return {code: value for code in written if (value := text.value(code))}


def _definition(kind: str, name: dict[str, str], extensions: dict | None = None) -> dict:
    definition: dict = {"type": ACTIVITY_TYPES[kind]}
    if name:
        definition["name"] = name
    if extensions:
        definition["extensions"] = extensions
    return definition


def xapi_statements(
    engine, session_id: str, home_page: str, course: Course | None = None, lang: str = "en"
) -> Iterator[dict]:
    """answered (every attempt; a quick tally's count per option by the class as one group), experienced /
    completed (lessons), passed / failed (quizzes). With the
    course, every activity is named (in `lang` first) and an answer's definition names its objective and
    phase (before-check or quiz); the furthest step counts steps from 1, as the dashboard does."""
    registration = str(uuid.uuid5(NAMESPACE, session_id))
    for row in _attempt_rows(engine, session_id):
        phase, objective = _measure(course, row)
        result: dict = {"response": "[,]".join(row["answer"])}
        if row["correct"] is not None:
            result["success"] = bool(row["correct"])
        if row["score"] is not None:
            result["score"] = {"scaled": round(float(row["score"]), 4)}
        if row["time_spent_ms"]:
            result["duration"] = f"PT{row['time_spent_ms'] / 1000:.2f}S"
        statement = _statement(
            home_page,
            registration,
            row["learner_id"],
            "answered",
            f"{home_page}/activities/{row['content_id']}/{row['activity_id']}",
            row["created_at"],
            f"attempt:{row['id']}",
            result,
            parent=f"{home_page}/activities/{row['content_id']}",
            lang=lang,
        )
        activity = find_activity(course, row["content_id"], row["activity_id"], before_check=True)
        extensions: dict[str, object] = {
            f"{home_page}/extensions/phase": phase,
            f"{home_page}/extensions/objective": objective,
        }
        if activity is not None or phase or objective:
            statement["object"]["definition"] = _definition(
                "question",
                _name(activity.prompt if activity is not None else None, lang),
                {k: v for k, v in extensions.items() if v},
            )
        yield statement
    for row, count in _tallied(engine, session_id, course):  # counts of hands: the class as one group
        result = {"response": row["answer"][0], "extensions": {f"{home_page}/extensions/count": count}}
        if row["correct"] is not None:
            result["success"] = bool(row["correct"])
        question = f"{row['content_id']}/{row['activity_id']}"
        statement = _statement(
            home_page,
            registration,
            None,
            "answered",
            f"{home_page}/activities/{question}",
            row["created_at"],
            f"tally:{question}:{row['answer'][0]}",
            result,
            parent=f"{home_page}/activities/{row['content_id']}",
            lang=lang,
        )
        statement["actor"] = {
            "objectType": "Group",
            "account": {"homePage": home_page, "name": f"tally:{registration}"},
        }
        yield statement
    with engine.connect() as db:
        progress = (
            db.execute(
                select(lesson_progress)
                .join(learners, learners.c.id == lesson_progress.c.learner_id)
                .where(learners.c.session_id == session_id)
            )
            .mappings()
            .all()
        )
        runs = (
            db.execute(
                select(quiz_runs)
                .join(learners, learners.c.id == quiz_runs.c.learner_id)
                .where(learners.c.session_id == session_id, quiz_runs.c.finished_at.is_not(None))
            )
            .mappings()
            .all()
        )
    for row in progress:
        lesson_id = row["lesson_id"]
        known = course.lessons.get(lesson_id) if course is not None else None
        total = len(known.steps) if known is not None else None
        reached = steps_reached(row["furthest_step"], row["completed_at"] is not None, total)
        extensions = {f"{home_page}/extensions/furthest-step": reached}
        if total:
            extensions[f"{home_page}/extensions/steps"] = total
        lesson_object = f"{home_page}/activities/{lesson_id}"
        definition = _definition("lesson", _name(known.title if known else None, lang)) if known else None
        statement = _statement(
            home_page,
            registration,
            row["learner_id"],
            "experienced",
            lesson_object,
            row["updated_at"],
            f"progress:{row['learner_id']}:{lesson_id}",
            {"extensions": extensions},
            lang=lang,
            definition=definition,
        )
        yield statement
        if row["completed_at"]:
            yield _statement(
                home_page,
                registration,
                row["learner_id"],
                "completed",
                lesson_object,
                row["completed_at"],
                f"completed:{row['learner_id']}:{lesson_id}",
                {"completion": True},
                lang=lang,
                definition=definition,
            )
    for row in runs:
        verb = "passed" if row["passed"] else "failed"
        quiz = course.quizzes.get(row["quiz_id"]) if course is not None else None
        yield _statement(
            home_page,
            registration,
            row["learner_id"],
            verb,
            f"{home_page}/activities/{row['quiz_id']}",
            row["finished_at"],
            f"run:{row['id']}",
            {
                "success": bool(row["passed"]),
                "score": {"scaled": row["score"] / 100, "raw": row["score"], "min": 0, "max": 100},
                "completion": True,
            },
            lang=lang,
            definition=_definition("quiz", _name(quiz.title, lang)) if quiz is not None else None,
        )


def _statement(
    home_page,
    registration,
    learner_id,
    verb,
    object_id,
    moment,
    key,
    result,
    parent=None,
    lang="en",
    definition=None,
) -> dict:
    display = {"en-US": verb}
    if lang != "en":
        display[lang] = t(f"export.verb.{verb}", lang)
    statement = {
        "id": str(uuid.uuid5(NAMESPACE, f"{registration}:{key}:{verb}")),
        "actor": {"objectType": "Agent", "account": {"homePage": home_page, "name": learner_id}},
        "verb": {"id": VERBS[verb], "display": display},
        "object": {"objectType": "Activity", "id": object_id},
        "result": result,
        "context": {"registration": registration, "platform": "course", "language": lang},
        "timestamp": _iso(moment),
        "version": "1.0.3",
    }
    if definition:
        statement["object"]["definition"] = definition
    if parent:
        statement["context"]["contextActivities"] = {"parent": [{"objectType": "Activity", "id": parent}]}
    return statement


def xapi_jsonl(
    engine, session_id: str, home_page: str, course: Course | None = None, lang: str = "en"
) -> str:
    statements = xapi_statements(engine, session_id, home_page, course, lang)
    return "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in statements)
