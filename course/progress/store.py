"""The few verbs the app needs, each in its own transaction, committed before returning."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Connection,
    DateTime,
    Engine,
    Integer,
    RowMapping,
    Update,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from course.progress import codes
from course.progress.engine import make_engine, migrate
from course.progress.tables import attempts, learners, lesson_progress, poll_counts, quiz_runs
from course.settings import settings

# A reserved option id in poll_counts (content ids never start with "_"): how many voted in a poll whose
# one vote may tick several options, so that a share can be of voters rather than of ticks.
VOTERS = "_voters"


# Built once: building a statement costs more than running it (SQLAlchemy caches the compiled SQL).
_STEP = bindparam("p_step", type_=Integer)
_AT = bindparam("p_at", type_=DateTime)
_PROGRESS = update(lesson_progress).where(
    lesson_progress.c.learner_id == bindparam("p_learner"),
    lesson_progress.c.lesson_id == bindparam("p_lesson"),
)
_MOVE_STEP = _PROGRESS.values(
    current_step=_STEP,
    furthest_step=case(
        (lesson_progress.c.furthest_step < _STEP, _STEP), else_=lesson_progress.c.furthest_step
    ),
    updated_at=_AT,
)
_COMPLETE_LESSON = _PROGRESS.values(
    current_step=_STEP,
    furthest_step=_STEP,
    completed_at=func.coalesce(lesson_progress.c.completed_at, _AT),
    updated_at=_AT,
)
_COUNT_VOTE = (
    update(poll_counts)
    .where(
        poll_counts.c.scope == bindparam("p_scope"),
        poll_counts.c.poll_id == bindparam("p_poll"),
        poll_counts.c.option_id == bindparam("p_option"),
    )
    .values(count=poll_counts.c.count + 1)
)
_POLL_RESULTS = select(poll_counts.c.option_id, poll_counts.c.count).where(
    poll_counts.c.scope == bindparam("p_scope"), poll_counts.c.poll_id == bindparam("p_poll")
)
_ADD_ATTEMPT = insert(attempts)
_ANSWERS_TO = select(attempts).where(  # a learner's answers to one lesson or quiz
    attempts.c.learner_id == bindparam("p_learner"), attempts.c.content_id == bindparam("p_content")
)
_IN_RUN = attempts.c.run_id == bindparam("p_run")
_RUN_ANSWERS = _ANSWERS_TO.where(_IN_RUN).order_by(attempts.c.id)
_LAST_ANSWER = (
    _ANSWERS_TO.where(attempts.c.activity_id == bindparam("p_activity"))
    .order_by(attempts.c.id.desc())
    .limit(1)
)
_LAST_ANSWER_IN_RUN = _LAST_ANSWER.where(_IN_RUN)


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class NicknameTaken(Exception):
    """Another pupil of the class session already has this nickname."""


@dataclass(frozen=True)
class Learner:
    id: str
    nickname: str
    resume_code: str
    session_id: str | None = None


@dataclass(frozen=True)
class LessonProgress:
    lesson_id: str
    current_step: int
    furthest_step: int
    completed: bool


@dataclass(frozen=True)
class Attempt:
    """One answer, as it is stored: ids only, never labels or typed text."""

    learner_id: str
    content_id: str
    activity_id: str
    answer: Sequence[str]
    correct: bool | None
    score: float | None
    content_version: str
    hints_used: int = 0
    time_spent_ms: int = 0
    run_id: str | None = None
    session_id: str | None = None


@dataclass(frozen=True)
class QuizSummary:
    quiz_id: str
    best_score: int
    last_score: int
    passed: bool
    runs: int


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect and bring the schema up to date."""
        store = cls(make_engine(url))
        migrate(store.engine)
        return store

    # --- learners -------------------------------------------------------------------------

    def create_learner(self, nickname: str, session_id: str | None = None) -> Learner:
        for _ in range(10):  # a clash of random resume codes is rare; draw again if it happens
            learner = Learner(codes.new_id(), nickname, codes.new_code(), session_id)
            try:
                with self.engine.begin() as db:
                    db.execute(
                        insert(learners).values(
                            id=learner.id,
                            nickname=nickname,
                            resume_code=learner.resume_code,
                            session_id=session_id,
                            created_at=now(),
                            last_seen_at=now(),
                        )
                    )
                return learner
            except IntegrityError as error:
                if session_id and nickname in self.nicknames_in(session_id):
                    raise NicknameTaken(nickname) from error
                continue  # the resume code was drawn twice: draw again
        raise RuntimeError("could not draw a free resume code")

    def nicknames_in(self, session_id: str) -> set[str]:
        with self.engine.connect() as db:
            return set(
                db.execute(select(learners.c.nickname).where(learners.c.session_id == session_id)).scalars()
            )

    def learner_by_code(self, typed_code: object) -> Learner | None:
        code = codes.normalise_code(typed_code)
        if code is None:
            return None
        return self._learner(learners.c.resume_code == code)

    def touch(self, learner_id: str) -> None:
        """Marks a visit (home learners are deleted after a long time without one)."""
        with self.engine.begin() as db:
            db.execute(update(learners).where(learners.c.id == learner_id).values(last_seen_at=now()))

    def purge_home_learners(self, at: datetime.datetime | None = None) -> int:
        """Deletes learners outside any class who have not come back for COURSE_HOME_DAYS days."""
        cutoff = (at or now()) - datetime.timedelta(days=settings().home_days)
        with self.engine.begin() as db:
            result = db.execute(
                delete(learners).where(learners.c.session_id.is_(None), learners.c.last_seen_at < cutoff)
            )
        return result.rowcount

    def learner(self, learner_id: str) -> Learner | None:
        return self._learner(learners.c.id == learner_id)

    def _learner(self, condition: ColumnElement[bool]) -> Learner | None:
        with self.engine.connect() as db:
            row = db.execute(
                select(
                    learners.c.id, learners.c.nickname, learners.c.resume_code, learners.c.session_id
                ).where(condition)
            ).first()
        return Learner(*row) if row else None

    # --- lessons ---------------------------------------------------------------------------

    def record_step(self, learner_id: str, lesson_id: str, step: int) -> None:
        """Where the learner is; the furthest step only ever grows (two tabs cannot move it back)."""
        self._upsert_progress(_MOVE_STEP, learner_id, lesson_id, step, completed=False)

    def complete_lesson(self, learner_id: str, lesson_id: str, last_step: int) -> None:
        self._upsert_progress(_COMPLETE_LESSON, learner_id, lesson_id, last_step, completed=True)

    def _upsert_progress(
        self, update_progress: Update, learner_id: str, lesson_id: str, step: int, completed: bool
    ) -> None:
        """`update_progress` (_MOVE_STEP or _COMPLETE_LESSON), or the first row of this lesson."""
        at = now()
        values = {"p_learner": learner_id, "p_lesson": lesson_id, "p_step": step, "p_at": at}
        for _ in range(3):
            with self.engine.begin() as db:
                if db.execute(update_progress, values).rowcount:
                    return
                try:
                    with db.begin_nested():
                        db.execute(
                            insert(lesson_progress).values(
                                learner_id=learner_id,
                                lesson_id=lesson_id,
                                current_step=step,
                                furthest_step=step,
                                completed_at=at if completed else None,
                                updated_at=at,
                            )
                        )
                    return
                except IntegrityError:
                    continue  # another tab inserted it first: update instead

    def lesson_progress(self, learner_id: str) -> dict[str, LessonProgress]:
        with self.engine.connect() as db:
            rows = db.execute(
                select(
                    lesson_progress.c.lesson_id,
                    lesson_progress.c.current_step,
                    lesson_progress.c.furthest_step,
                    lesson_progress.c.completed_at.is_not(None),
                ).where(lesson_progress.c.learner_id == learner_id)
            ).all()
        return {row[0]: LessonProgress(row[0], row[1], row[2], bool(row[3])) for row in rows}

    # --- answers ---------------------------------------------------------------------------

    def record_attempt(self, attempt: Attempt) -> int:
        """Append one answer and commit it; returns its id. Call before showing feedback."""
        with self.engine.begin() as db:
            return _add_attempt(db, attempt)

    def replace_attempt(self, attempt: Attempt) -> int:
        """The learner's one answer to this activity of this content: any earlier one is deleted in the
        same transaction (a paper card read again, or corrected by the teacher)."""
        with self.engine.begin() as db:
            db.execute(
                delete(attempts).where(
                    attempts.c.learner_id == attempt.learner_id,
                    attempts.c.content_id == attempt.content_id,
                    attempts.c.activity_id == attempt.activity_id,
                )
            )
            return _add_attempt(db, attempt)

    def attempts(self, learner_id: str, content_id: str | None = None) -> list[Attempt]:
        query = select(attempts).where(attempts.c.learner_id == learner_id).order_by(attempts.c.id)
        if content_id is not None:
            query = query.where(attempts.c.content_id == content_id)
        with self.engine.connect() as db:
            rows = db.execute(query).mappings().all()
        return [attempt_from_row(row) for row in rows]

    def last_answers(self, learner_id: str, content_id: str, run_id: str | None = None) -> dict[str, Attempt]:
        """The latest attempt per activity (for a quiz: within one run, filtered in the database).

        Every filter is an equality on a prefix of ix_attempts_learner_content_run, so a quiz run is
        one index lookup however often the quiz was retaken (keep them equalities, no functions).
        """
        if run_id is None:
            return {attempt.activity_id: attempt for attempt in self.attempts(learner_id, content_id)}
        values = {"p_learner": learner_id, "p_content": content_id, "p_run": run_id}
        with self.engine.connect() as db:
            rows = db.execute(_RUN_ANSWERS, values).mappings().all()
        return {row["activity_id"]: attempt_from_row(row) for row in rows}

    def last_answer(
        self, learner_id: str, content_id: str, activity_id: str, run_id: str | None = None
    ) -> Attempt | None:
        """The latest attempt at one activity (for a quiz: within one run); one row, however many
        times the learner answered it before."""
        query, values = (
            _LAST_ANSWER,
            {"p_learner": learner_id, "p_content": content_id, "p_activity": activity_id},
        )
        if run_id is not None:
            query, values = _LAST_ANSWER_IN_RUN, {**values, "p_run": run_id}
        with self.engine.connect() as db:
            row = db.execute(query, values).mappings().first()
        return attempt_from_row(row) if row else None

    # --- quizzes ---------------------------------------------------------------------------

    def open_quiz_run(self, learner_id: str, quiz_id: str) -> str:
        """The unfinished run of this quiz, or a new one."""
        with self.engine.begin() as db:
            run_id = db.execute(
                select(quiz_runs.c.id)
                .where(
                    quiz_runs.c.learner_id == learner_id,
                    quiz_runs.c.quiz_id == quiz_id,
                    quiz_runs.c.finished_at.is_(None),
                )
                .order_by(quiz_runs.c.started_at.desc())
            ).scalar()
            if run_id:
                return run_id
            run_id = codes.new_id()
            db.execute(
                insert(quiz_runs).values(id=run_id, learner_id=learner_id, quiz_id=quiz_id, started_at=now())
            )
            return run_id

    def finish_quiz_run(self, run_id: str, score: int, passed: bool) -> None:
        with self.engine.begin() as db:
            db.execute(
                update(quiz_runs)
                .where(quiz_runs.c.id == run_id, quiz_runs.c.finished_at.is_(None))
                .values(finished_at=now(), score=score, passed=passed)
            )

    def quiz_summaries(self, learner_id: str) -> dict[str, QuizSummary]:
        with self.engine.connect() as db:
            rows = db.execute(
                select(quiz_runs.c.quiz_id, quiz_runs.c.score, quiz_runs.c.passed)
                .where(quiz_runs.c.learner_id == learner_id, quiz_runs.c.finished_at.is_not(None))
                .order_by(quiz_runs.c.finished_at)
            ).all()
        summaries: dict[str, QuizSummary] = {}
        for quiz_id, score, passed in rows:
            before = summaries.get(quiz_id)
            summaries[quiz_id] = QuizSummary(
                quiz_id,
                best_score=max(score, before.best_score if before else 0),
                last_score=score,
                passed=bool(passed) or (before.passed if before else False),
                runs=(before.runs if before else 0) + 1,
            )
        return summaries

    # --- polls (anonymous counts only) -----------------------------------------------------

    def vote(self, scope: str, poll_id: str, option_id: str) -> None:
        values = {"p_scope": scope, "p_poll": poll_id, "p_option": option_id}
        for _ in range(3):
            with self.engine.begin() as db:
                if db.execute(_COUNT_VOTE, values).rowcount:
                    return
                try:
                    with db.begin_nested():
                        db.execute(
                            insert(poll_counts).values(
                                scope=scope, poll_id=poll_id, option_id=option_id, count=1
                            )
                        )
                    return
                except IntegrityError:
                    continue

    def vote_several(self, scope: str, poll_id: str, option_ids: Sequence[str]) -> None:
        """One voter ticking several options: each ticked option's count goes up, and the poll's voter
        count (under `VOTERS`), all in one transaction. Still counts only, nothing per person."""
        ids = [*dict.fromkeys(option_ids), VOTERS]
        for _ in range(3):
            try:
                with self.engine.begin() as db:
                    for option_id in ids:
                        values = {"p_scope": scope, "p_poll": poll_id, "p_option": option_id}
                        if not db.execute(_COUNT_VOTE, values).rowcount:
                            db.execute(
                                insert(poll_counts).values(
                                    scope=scope, poll_id=poll_id, option_id=option_id, count=1
                                )
                            )
                return
            except IntegrityError:
                continue  # another phone inserted a first count meanwhile: the whole vote again

    def poll_results(self, scope: str, poll_id: str) -> dict[str, int]:
        with self.engine.connect() as db:
            rows = db.execute(_POLL_RESULTS, {"p_scope": scope, "p_poll": poll_id}).all()
        return dict(rows)


def _add_attempt(db: Connection, attempt: Attempt) -> int:
    row = {
        "learner_id": attempt.learner_id,
        "session_id": attempt.session_id,
        "content_id": attempt.content_id,
        "run_id": attempt.run_id,
        "activity_id": attempt.activity_id,
        "answer": list(attempt.answer),
        "correct": attempt.correct,
        "score": attempt.score,
        "hints_used": attempt.hints_used,
        "content_version": attempt.content_version,
        "time_spent_ms": attempt.time_spent_ms,
        "created_at": now(),
    }
    key = db.execute(_ADD_ATTEMPT, row).inserted_primary_key
    assert key is not None  # None only when no row was inserted
    return key[0]


def attempt_from_row(row: RowMapping) -> Attempt:
    return Attempt(
        learner_id=row["learner_id"],
        content_id=row["content_id"],
        activity_id=row["activity_id"],
        answer=tuple(row["answer"]),
        correct=row["correct"],
        score=row["score"],
        content_version=row["content_version"],
        hints_used=row["hints_used"],
        time_spent_ms=row["time_spent_ms"],
        run_id=row["run_id"],
        session_id=row["session_id"],
    )
