"""Class sessions in the store: created by a teacher, joined by pupils with a code, paced, purged."""

from __future__ import annotations

import datetime
import hashlib
import math
from collections.abc import Container, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from course.classroom.bands import BandMismatch, judge
from course.progress import Learner, Store, codes
from course.progress.store import now
from course.progress.tables import (
    card_numbers,
    class_sessions,
    join_failures,
    learners,
    poll_counts,
    tally_counts,
    teacher_sign_ins,
)
from course.settings import settings

if TYPE_CHECKING:
    from course.content import Course

JOIN_CODE_LENGTH = 6  # 31^6 ≈ 887 million codes; guessing is rate-limited (see wait_seconds)
FAILURE_WINDOW = datetime.timedelta(minutes=1)
FAILURE_LIMITS = {"browser": 5, "network": 30}  # a school shares one address: allow a class's typos

# Built once: the live views and every pupil following the teacher read the session every few seconds.
_SESSION_BY_ID = select(class_sessions).where(class_sessions.c.id == bindparam("p_id"))
_PUPILS = (
    select(learners.c.id, learners.c.nickname, learners.c.resume_code, learners.c.session_id)
    .where(learners.c.session_id == bindparam("p_session"))
    .order_by(learners.c.created_at)
)
_PUPIL_COUNT = (
    select(func.count()).select_from(learners).where(learners.c.session_id == bindparam("p_session"))
)
_SET_STEP = (
    update(class_sessions)
    .where(class_sessions.c.id == bindparam("p_id"))
    .values(current_lesson=bindparam("p_lesson"), current_step=bindparam("p_step"), revealed=False)
)
_REVEAL = (
    update(class_sessions)
    .where(class_sessions.c.id == bindparam("p_id"))
    .values(revealed=bindparam("p_revealed", type_=Boolean))
)
# The most recent wrong codes of one source, as many as its limit: read on every code typed or scanned.
_RECENT_FAILURES = {
    kind: select(join_failures.c.at)
    .where(join_failures.c.source == bindparam("p_source"), join_failures.c.at > bindparam("p_since"))
    .order_by(join_failures.c.at.desc())
    .limit(limit)
    for kind, limit in FAILURE_LIMITS.items()
}


@dataclass(frozen=True)
class ClassSession:
    id: str
    join_code: str
    class_name: str
    band: str
    lessons: tuple[str, ...]
    paced: bool
    current_lesson: str | None
    current_step: int
    revealed: bool
    expires_at: datetime.datetime
    kind: str = "class"  # "class", or "evening" for a parent evening (no nicknames, only vote counts)
    cards: bool = False  # the class answers with paper cards (course.classroom.cards)

    @property
    def expired(self) -> bool:
        return self.expires_at <= now()

    def lessons_in(self, known: Container[str]) -> list[str]:
        """The class's lessons that `known` (the course) still has: one removed since the class opened
        is neither listed nor opened."""
        return [lesson for lesson in self.lessons if lesson in known]

    def lesson_to_open(self, known: Container[str]) -> str | None:
        """Where a pupil lands once their nickname is chosen: the lesson the teacher is on in a paced
        class, the class's only lesson, else None (the class's list of lessons)."""
        chosen = self.lessons_in(known)
        if self.paced and self.current_lesson in chosen:
            return self.current_lesson
        return chosen[0] if len(chosen) == 1 else None


def _session(row) -> ClassSession:
    return ClassSession(
        row.id,
        row.join_code,
        row.class_name,
        row.band,
        tuple(row.lessons),
        bool(row.paced),
        row.current_lesson,
        row.current_step,
        bool(row.revealed),
        row.expires_at,
        row.kind,
        bool(row.cards),
    )


class Classroom:
    def __init__(self, store: Store):
        self.store = store
        self.engine = store.engine

    def create(
        self,
        class_name: str,
        band: str,
        lessons: Sequence[str],
        paced: bool,
        days: int | None = None,
        kind: str = "class",
        *,
        course: Course | None = None,
        confirmed: bool = False,
    ) -> ClassSession:
        """A new session. With the `course`, a class's lessons must fit its band (course.classroom.bands):
        raises BandMismatch for a lesson it may never get, or one of another band not `confirmed`."""
        if course is not None and kind == "class":
            band_of = {lesson.id: lesson.ages for lesson in course.lessons.values()}
            choice = judge(band, lessons, band_of)
            if not choice.allowed(confirmed):
                raise BandMismatch(choice)
        days = settings().session_days if days is None else days
        for _ in range(10):
            session_id = codes.new_id()
            values = {
                "id": session_id,
                "join_code": codes.new_code(JOIN_CODE_LENGTH),
                "class_name": class_name.strip()[:80],
                "band": band,
                "lessons": list(lessons),
                "paced": paced,
                "current_lesson": lessons[0] if paced and lessons else None,
                "current_step": 0,
                "revealed": False,
                "created_at": now(),
                "expires_at": now() + datetime.timedelta(days=days),
                "kind": kind,
            }
            try:
                with self.engine.begin() as db:
                    db.execute(insert(class_sessions).values(**values))
            except IntegrityError:
                continue
            session = self.get(session_id)
            assert session is not None  # committed above
            return session
        raise RuntimeError("could not draw a free join code")

    def get(self, session_id: str) -> ClassSession | None:
        with self.engine.connect() as db:
            row = db.execute(_SESSION_BY_ID, {"p_id": session_id}).first()
        return _session(row) if row else None

    def by_code(self, typed: object) -> ClassSession | None:
        """The open session with this join code (typed in any case, with or without a dash)."""
        code = codes.normalise_code(typed, JOIN_CODE_LENGTH)
        if code is None:
            return None
        with self.engine.connect() as db:
            row = db.execute(
                select(class_sessions).where(
                    class_sessions.c.join_code == code, class_sessions.c.expires_at > now()
                )
            ).first()
        return _session(row) if row else None

    def all_open(self) -> list[ClassSession]:
        with self.engine.connect() as db:
            rows = db.execute(
                select(class_sessions)
                .where(class_sessions.c.expires_at > now())
                .order_by(class_sessions.c.created_at)
            ).all()
        return [_session(row) for row in rows]

    # --- pupils ---------------------------------------------------------------------------

    def taken_nicknames(self, session_id: str) -> set[str]:
        return self.store.nicknames_in(session_id)

    def join(self, session: ClassSession, nickname: str) -> Learner:
        """A new pupil in the session; raises NicknameTaken if another pupil has it (the store refuses)."""
        return self.store.create_learner(nickname, session_id=session.id)

    def pupils(self, session_id: str) -> list[Learner]:
        with self.engine.connect() as db:
            rows = db.execute(_PUPILS, {"p_session": session_id}).all()
        return [Learner(*row) for row in rows]

    def pupil_count(self, session_id: str) -> int:
        with self.engine.connect() as db:
            return db.execute(_PUPIL_COUNT, {"p_session": session_id}).scalar_one()

    def remove_pupil(self, session_id: str, learner_id: str) -> None:
        """Removes the pupil and everything they answered (only within this session)."""
        with self.engine.begin() as db:
            db.execute(
                delete(learners).where(learners.c.id == learner_id, learners.c.session_id == session_id)
            )

    # --- pacing ---------------------------------------------------------------------------

    def set_step(self, session_id: str, lesson_id: str, step: int) -> None:
        with self.engine.begin() as db:
            db.execute(_SET_STEP, {"p_id": session_id, "p_lesson": lesson_id, "p_step": max(step, 0)})

    def reveal(self, session_id: str, revealed: bool = True) -> None:
        with self.engine.begin() as db:
            db.execute(_REVEAL, {"p_id": session_id, "p_revealed": revealed})

    def use_cards(self, session_id: str, cards: bool = True) -> None:
        """The class answers with paper cards (or no longer): the projector letters the options."""
        with self.engine.begin() as db:
            db.execute(update(class_sessions).where(class_sessions.c.id == session_id).values(cards=cards))

    # --- ending -----------------------------------------------------------------------------

    def delete(self, session_id: str) -> None:
        """The session and all its data: pupils, their progress and answers, its cards, its poll and
        tally counts."""
        with self.engine.begin() as db:
            db.execute(delete(card_numbers).where(card_numbers.c.session_id == session_id))
            db.execute(delete(tally_counts).where(tally_counts.c.session_id == session_id))
            db.execute(delete(learners).where(learners.c.session_id == session_id))
            db.execute(delete(poll_counts).where(poll_counts.c.scope == session_id))
            db.execute(delete(class_sessions).where(class_sessions.c.id == session_id))

    def purge_expired(self, at: datetime.datetime | None = None) -> int:
        """Deletes every expired session with its data; returns how many."""
        with self.engine.connect() as db:
            expired = (
                db.execute(select(class_sessions.c.id).where(class_sessions.c.expires_at <= (at or now())))
                .scalars()
                .all()
            )
        for session_id in expired:
            self.delete(session_id)
        with self.engine.begin() as db:
            db.execute(delete(join_failures).where(join_failures.c.at < (at or now()) - FAILURE_WINDOW))
            db.execute(delete(teacher_sign_ins).where(teacher_sign_ins.c.expires_at <= (at or now())))
        return len(expired)

    # --- guessing codes ---------------------------------------------------------------------

    def record_failure(self, sources: dict[str, str], code: str = "join") -> None:
        """A wrong `code` (join, resume or evening) typed by these sources (browser, network address)."""
        with self.engine.begin() as db:
            for kind, value in sources.items():
                db.execute(insert(join_failures).values(source=_source_key(code, kind, value), at=now()))

    def wait_seconds(self, sources: dict[str, str], code: str = "join") -> int:
        """How long these sources must wait before they may try a `code` again (0: they may now), once a
        browser (5) or a network address (30) has typed wrong codes within a minute: until
        enough of their misses are older than the window. Counted in the store, so it holds across
        several servers and reloads."""
        at = now()
        wait = 0
        with self.engine.connect() as db:
            for kind, value in sources.items():
                limit = FAILURE_LIMITS[kind]
                found = db.execute(
                    _RECENT_FAILURES[kind],
                    {"p_source": _source_key(code, kind, value), "p_since": at - FAILURE_WINDOW},
                )
                times = found.scalars().all()
                if len(times) >= limit:  # the limit-th most recent miss must leave the window first
                    wait = max(wait, math.ceil((times[-1] + FAILURE_WINDOW - at).total_seconds()))
        return max(wait, 0)


def _source_key(code: str, kind: str, value: str) -> str:
    """Only a hash of the address or browser is kept, and only for a minute."""
    prefix = "" if code == "join" else f"{code}:"  # join misses keep the key they had
    return f"{prefix}{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:40]


def can_reveal(lesson, step: int) -> bool:
    """True on a step with answers to reveal: an activity (the dashboard's reveal button is primary only
    there, and disabled elsewhere)."""
    if not 0 <= step < len(lesson.steps):
        return False
    return lesson.steps[step].type == "activity"
