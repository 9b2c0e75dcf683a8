"""A class answering with paper cards, or with a quick tally of hands, in a teacher-paced session.

A card's number is attached once to a pupil made for it (a generated nickname, as a device join makes):
from then on the card's answers are that pupil's attempts, stored exactly as a device stores them, so the
grid, the bars, the misconceptions view and the exports need nothing of their own. A card answers a
question once: reading it again (a retaken photo) or correcting it by hand replaces its one attempt, so a
misread never stands as the pupil's first answer. Once the answers are revealed, a retaken photo only adds
cards not read before: a card turned after the reveal would otherwise erase a misconception.

A tally has no pupils: it is counts per option (table tally_counts), which the reports count as that many
anonymous first answers (course.classroom.reports) and the exports list without a pupil.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import and_, delete, insert, select
from sqlalchemy.exc import IntegrityError

from course import nicknames
from course.activities import grade
from course.activities.order import shown_ids
from course.cards.answers import ANSWERS, PhotoReading
from course.classroom.sessions import Classroom, ClassSession
from course.progress import Attempt, Learner, NicknameTaken
from course.progress.store import now
from course.progress.tables import attempts, card_numbers, learners, tally_counts

Tallies = dict[tuple[str, str], dict[str, int]]  # (content id, activity id) -> option id -> count


@dataclass(frozen=True)
class CardRead:
    """A card of the class with what it answers to one question (None: nothing recorded for it)."""

    number: int
    learner_id: str
    nickname: str
    letter: str | None


@dataclass(frozen=True)
class CardOutcome:
    """What a photo changed: the cards read (by number), the ones seen but not read (nothing recorded),
    the numbers seen for the first time (a pupil was made for each), the cards that showed a letter the
    question does not have (C on a true/false: nothing recorded) and, after the reveal, the cards whose
    earlier answer was kept."""

    read: tuple[CardRead, ...]
    unsure: tuple[int, ...]
    new: tuple[int, ...] = ()
    off: tuple[int, ...] = ()
    kept: tuple[int, ...] = ()


def by_card(activity) -> bool:
    """Whether a class can answer with a card: one pick among at most four options, right or wrong."""
    return activity.picks == "one" and activity.scored and 0 < len(activity.choices()) <= len(ANSWERS)


def by_tally(activity) -> bool:
    """Whether hands can be counted per option: one pick among options, right or wrong."""
    return activity.picks == "one" and activity.scored and bool(activity.choices())


def letters(activity, session_id: str) -> dict[str, str]:
    """Letter -> option id: A is the first option the class sees (the session's one shuffled order,
    course.activities.order, the same on the projector and every device)."""
    return dict(zip(ANSWERS, shown_ids(activity, session_id), strict=False))


def lettered(labels: Mapping[str, str], activity, session_id: str) -> dict[str, str]:
    """Option id -> "A · its text", in the class's order: how the projector names the options."""
    return {
        option: f"{letter} · {labels.get(option, option)}"
        for letter, option in letters(activity, session_id).items()
    }


def _lesson_of(session: ClassSession) -> str:
    if not session.paced or session.current_lesson is None:
        raise ValueError("paper cards answer the current step of a teacher-paced class")
    return session.current_lesson


def pupils_by_card(classroom: Classroom, session_id: str) -> dict[int, Learner]:
    """Card number -> its pupil, in card order."""
    with classroom.engine.connect() as db:
        rows = db.execute(
            select(card_numbers.c.number, learners.c.id, learners.c.nickname, learners.c.resume_code)
            .join(learners, learners.c.id == card_numbers.c.learner_id)
            .where(card_numbers.c.session_id == session_id)
            .order_by(card_numbers.c.number)
        ).all()
    return {number: Learner(lid, nickname, code, session_id) for number, lid, nickname, code in rows}


def card_pupil(classroom: Classroom, session: ClassSession, number: int) -> tuple[Learner, bool]:
    """The pupil of card `number`, made with a generated nickname the first time the card is read;
    (pupil, whether it was made now)."""
    known = pupils_by_card(classroom, session.id).get(number)
    if known is not None:
        return known, False
    for _ in range(10):
        taken = classroom.taken_nicknames(session.id)
        (nickname,) = nicknames.suggest(1, taken, band=session.band)  # never runs out (numbered)
        try:
            pupil = classroom.join(session, nickname)
        except NicknameTaken:
            continue  # a device joined with it meanwhile
        try:
            with classroom.engine.begin() as db:
                db.execute(
                    insert(card_numbers).values(session_id=session.id, number=number, learner_id=pupil.id)
                )
        except IntegrityError:  # another tab read this card first: keep its pupil
            classroom.remove_pupil(session.id, pupil.id)
            return pupils_by_card(classroom, session.id)[number], False
        return pupil, True
    raise RuntimeError("could not find a free nickname")


def _record(
    classroom: Classroom, session: ClassSession, activity, pupil: Learner, option_id: str, version: str
) -> None:
    """The card's one answer to the question, stored as a device stores it (and the pupil reaches the
    step, as a device following the teacher does)."""
    lesson_id = _lesson_of(session)
    result = grade(activity, (option_id,))
    attempt = Attempt(
        pupil.id,
        lesson_id,
        activity.id,
        result.answer,
        result.correct,
        result.score,
        version,
        session_id=session.id,
    )
    classroom.store.replace_attempt(attempt)
    classroom.store.record_step(pupil.id, lesson_id, session.current_step)


def card_answers(classroom: Classroom, session: ClassSession, activity) -> list[CardRead]:
    """Every card of the class with its recorded letter for `activity` (None if it has none)."""
    letter_of = {option: letter for letter, option in letters(activity, session.id).items()}
    lesson_id = _lesson_of(session)
    out = []
    for number, pupil in pupils_by_card(classroom, session.id).items():
        attempt = classroom.store.last_answer(pupil.id, lesson_id, activity.id)
        letter = letter_of.get(attempt.answer[0]) if attempt and len(attempt.answer) == 1 else None
        out.append(CardRead(number, pupil.id, pupil.nickname, letter))
    return out


def record_photo(
    classroom: Classroom, session: ClassSession, activity, reading: PhotoReading, *, version: str
) -> CardOutcome:
    """Each card read on the photo answers the current question once (see the module's notes); unsure
    cards record nothing. `version`: the content's version, as a device records it."""
    if not by_card(activity):
        raise ValueError(f"activity '{activity.id}' cannot be answered with a card")
    options = letters(activity, session.id)
    before = {card.number: card.letter for card in card_answers(classroom, session, activity)}
    read, new, off, kept = [], [], [], []
    for seen in sorted(reading.seen, key=lambda card: card.number):
        if seen.number in reading.unsure:
            continue
        if seen.answer not in options:
            off.append(seen.number)
            continue
        pupil, made = card_pupil(classroom, session, seen.number)
        if made:
            new.append(seen.number)
        letter = seen.answer
        earlier = before.get(seen.number)
        if earlier is not None and earlier != letter and session.revealed:
            kept.append(seen.number)
            letter = earlier
        elif earlier != letter:
            _record(classroom, session, activity, pupil, options[letter], version)
        read.append(CardRead(seen.number, pupil.id, pupil.nickname, letter))
    unsure = tuple(sorted(set(reading.unsure)))
    return CardOutcome(tuple(read), unsure, tuple(new), tuple(off), tuple(kept))


def correct(
    classroom: Classroom,
    session: ClassSession,
    activity,
    number: int,
    letter: str | None,
    *,
    version: str,
) -> None:
    """The teacher's correction of card `number` for the current question: its answer becomes `letter`,
    or none at all (None: the card no longer counts for this question)."""
    if not by_card(activity):
        raise ValueError(f"activity '{activity.id}' cannot be answered with a card")
    options = letters(activity, session.id)
    if letter is not None and letter not in options:
        raise ValueError(f"card answers are {', '.join(options)}, not {letter!r}")
    pupil, _ = card_pupil(classroom, session, number)
    if letter is not None:
        _record(classroom, session, activity, pupil, options[letter], version)
        return
    with classroom.engine.begin() as db:
        db.execute(
            delete(attempts).where(
                attempts.c.learner_id == pupil.id,
                attempts.c.content_id == _lesson_of(session),
                attempts.c.activity_id == activity.id,
            )
        )


# --- quick tally -------------------------------------------------------------------------------------


def record_tally(classroom: Classroom, session: ClassSession, activity, counts: Mapping[str, int]) -> None:
    """Hands counted per option (option id -> count) for the current question, replacing any earlier
    tally of it; zero counts are not kept."""
    if not by_tally(activity):
        raise ValueError(f"activity '{activity.id}' cannot be tallied")
    known = {choice.id for choice in activity.choices()}
    if unknown := set(counts) - known:
        raise ValueError(f"no option {sorted(unknown)} in activity '{activity.id}'")
    if any(count < 0 for count in counts.values()):
        raise ValueError("a tally counts hands: no negative count")
    lesson_id = _lesson_of(session)
    question = and_(
        tally_counts.c.session_id == session.id,
        tally_counts.c.content_id == lesson_id,
        tally_counts.c.activity_id == activity.id,
    )
    rows = [
        {
            "session_id": session.id,
            "content_id": lesson_id,
            "activity_id": activity.id,
            "option_id": option,
            "count": count,
            "counted_at": now(),
        }
        for option, count in counts.items()
        if count
    ]
    with classroom.engine.begin() as db:
        db.execute(delete(tally_counts).where(question))
        if rows:
            db.execute(insert(tally_counts), rows)


def tallies(engine, session_id: str, only: tuple[str, str] | None = None) -> Tallies:
    """The session's tallies: (content id, activity id) -> option id -> count (only one question's)."""
    query = select(
        tally_counts.c.content_id, tally_counts.c.activity_id, tally_counts.c.option_id, tally_counts.c.count
    ).where(tally_counts.c.session_id == session_id)
    if only is not None:
        query = query.where(tally_counts.c.content_id == only[0], tally_counts.c.activity_id == only[1])
    out: Tallies = {}
    with engine.connect() as db:
        for content_id, activity_id, option_id, count in db.execute(query):
            out.setdefault((content_id, activity_id), {})[option_id] = count
    return out


def tally_rows(engine, session_id: str) -> list[dict]:
    """The session's tally counts as stored, with when they were counted (for the exports)."""
    with engine.connect() as db:
        rows = db.execute(
            select(tally_counts)
            .where(tally_counts.c.session_id == session_id)
            .order_by(tally_counts.c.content_id, tally_counts.c.activity_id, tally_counts.c.option_id)
        )
        return [dict(row) for row in rows.mappings()]
