"""Exports of a class session: CSV for teachers, xAPI statements (JSON lines) for learning record stores.

Both carry ids and generated nicknames only: no free text, no names, no email. The xAPI actor is an
opaque account (the learner's random id) on this course's home page.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import uuid
from collections.abc import Iterator

from sqlalchemy import select

from course.classroom.gain import objective_of, phase_of
from course.classroom.reports import session_gains
from course.content import Course
from course.progress.store import attempt_from_row
from course.progress.tables import attempts, learners, lesson_progress, quiz_runs

CSV_COLUMNS = [
    "class",
    "nickname",
    "content_id",
    "activity_id",
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
    "lesson_id",
    "quiz_id",
    "objective",
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


def csv_text(engine, session_id: str, class_name: str, course: Course | None = None) -> str:
    """One row per pupil × answer, ids only; with the course, each answer's phase and objective."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in _attempt_rows(engine, session_id):
        phase, objective = _measure(course, row)
        writer.writerow(
            {
                "class": _cell(class_name),
                "nickname": row["nickname"],
                "content_id": row["content_id"],
                "activity_id": row["activity_id"],
                "answer_ids": "|".join(row["answer"]),
                "correct": "" if row["correct"] is None else str(bool(row["correct"])).lower(),
                "score": "" if row["score"] is None else round(row["score"], 3),
                "hints_used": row["hints_used"],
                "time_spent_ms": row["time_spent_ms"],
                "answered_at": _iso(row["created_at"]),
                "content_version": row["content_version"],
                "phase": phase,
                "objective": objective,
            }
        )
    return out.getvalue()


def gain_csv_text(engine, course: Course, session_id: str, class_name: str, lesson_ids) -> str:
    """The class's learning gain: one row per lesson × objective (then 'all', then 'confidence', on its
    1–4 scale), pupils who did both the before-check and the quiz."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=GAIN_COLUMNS)
    writer.writeheader()
    for lesson, gain in session_gains(engine, course, session_id, lesson_ids):
        rows = [*gain.objectives.items(), ("all", gain.overall), ("confidence", gain.confidence)]
        for objective, figures in rows:
            normalised = figures.normalised if objective != "confidence" else None
            writer.writerow(
                {
                    "class": _cell(class_name),
                    "lesson_id": lesson.id,
                    "quiz_id": gain.quiz_id,
                    "objective": objective,
                    "pupils": figures.learners,
                    "before_percent": _figure(figures.before),
                    "after_percent": _figure(figures.after),
                    "normalised_gain": _figure(normalised, 3),
                }
            )
    return out.getvalue()


def _figure(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _cell(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: keep them as text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def _iso(moment: datetime.datetime) -> str:
    return moment.replace(tzinfo=datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def xapi_statements(engine, session_id: str, home_page: str, course: Course | None = None) -> Iterator[dict]:
    """answered (every attempt), experienced / completed (lessons), passed / failed (quizzes). With the
    course, an answer's activity definition names its objective and phase (before-check or quiz)."""
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
        )
        if phase or objective:
            extensions = {
                f"{home_page}/extensions/phase": phase,
                f"{home_page}/extensions/objective": objective,
            }
            statement["object"]["definition"] = {"extensions": {k: v for k, v in extensions.items() if v}}
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
        lesson = f"{home_page}/activities/{row['lesson_id']}"
        yield _statement(
            home_page,
            registration,
            row["learner_id"],
            "experienced",
            lesson,
            row["updated_at"],
            f"progress:{row['learner_id']}:{row['lesson_id']}",
            {"extensions": {f"{home_page}/extensions/furthest-step": row["furthest_step"]}},
        )
        if row["completed_at"]:
            yield _statement(
                home_page,
                registration,
                row["learner_id"],
                "completed",
                lesson,
                row["completed_at"],
                f"completed:{row['learner_id']}:{row['lesson_id']}",
                {"completion": True},
            )
    for row in runs:
        verb = "passed" if row["passed"] else "failed"
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
        )


def _statement(
    home_page, registration, learner_id, verb, object_id, moment, key, result, parent=None
) -> dict:
    statement = {
        "id": str(uuid.uuid5(NAMESPACE, f"{registration}:{key}:{verb}")),
        "actor": {"objectType": "Agent", "account": {"homePage": home_page, "name": learner_id}},
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": object_id},
        "result": result,
        "context": {"registration": registration, "platform": "course"},
        "timestamp": _iso(moment),
        "version": "1.0.3",
    }
    if parent:
        statement["context"]["contextActivities"] = {"parent": [{"objectType": "Activity", "id": parent}]}
    return statement


def xapi_jsonl(engine, session_id: str, home_page: str, course: Course | None = None) -> str:
    statements = xapi_statements(engine, session_id, home_page, course)
    return "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in statements)
