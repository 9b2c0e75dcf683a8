"""Class sessions on a real database: codes, joining, pacing, removal, deletion, expiry, guessing."""

import datetime

import pytest
from sqlalchemy import func, select

from course.classroom.sessions import FAILURE_LIMITS, Classroom
from course.progress import Attempt, NicknameTaken
from course.progress.codes import CODE_ALPHABET
from course.progress.store import now
from course.progress.tables import attempts, join_failures, learners, poll_counts


def test_a_session_has_a_short_unambiguous_join_code_and_expires(classroom):
    session = classroom.create("CM2 B", "7-10", ["grooming-7-10"], paced=False, days=30)
    assert len(session.join_code) == 6 and set(session.join_code) <= set(CODE_ALPHABET)
    assert classroom.by_code(session.join_code.lower()) == session
    assert classroom.by_code(f"{session.join_code[:3]}-{session.join_code[3:]}") == session
    assert datetime.timedelta(days=29) < session.expires_at - now() <= datetime.timedelta(days=30)
    expired = classroom.create("Old", "7-10", [], paced=False, days=0)
    assert classroom.by_code(expired.join_code) is None


def test_wrong_codes_find_nothing(classroom):
    classroom.create("CM2 B", "7-10", [], paced=False)
    for typed in ("", "ZZZZZZ", "' OR 1=1 --", None, "A" * 500):
        assert classroom.by_code(typed) is None


def test_a_pupil_lands_on_the_teachers_lesson_the_only_lesson_or_the_list(classroom):
    known = {"grooming-7-10", "privacy-settings-7-10"}
    one = classroom.create("A", "7-10", ["grooming-7-10"], paced=False)
    assert one.lesson_to_open(known) == "grooming-7-10"
    several = classroom.create("B", "7-10", sorted(known), paced=False)
    assert several.lesson_to_open(known) is None  # the class's list: the pupil picks
    paced = classroom.create("C", "7-10", sorted(known), paced=True)
    classroom.set_step(paced.id, "privacy-settings-7-10", 2)
    assert classroom.get(paced.id).lesson_to_open(known) == "privacy-settings-7-10"  # where the teacher is
    gone = classroom.create("D", "7-10", ["grooming-7-10", "removed-lesson"], paced=False)
    assert gone.lesson_to_open(known) == "grooming-7-10"  # a lesson no longer in the course is skipped
    assert classroom.create("E", "7-10", [], paced=False).lesson_to_open(known) is None


def test_nicknames_are_unique_within_a_session_only(classroom):
    first = classroom.create("A", "7-10", [], paced=False)
    second = classroom.create("B", "7-10", [], paced=False)
    classroom.join(first, "brave-otter")
    with pytest.raises(NicknameTaken):
        classroom.join(first, "brave-otter")
    assert classroom.join(second, "brave-otter").session_id == second.id
    assert classroom.taken_nicknames(first.id) == {"brave-otter"}


def test_pacing_moves_the_class_and_hides_answers_until_revealed(classroom):
    session = classroom.create("5e A", "11-13", ["grooming-11-13", "sextortion-11-13"], paced=True)
    assert (session.current_lesson, session.current_step, session.revealed) == ("grooming-11-13", 0, False)
    classroom.reveal(session.id)
    assert classroom.get(session.id).revealed
    classroom.set_step(session.id, "grooming-11-13", 3)
    moved = classroom.get(session.id)
    assert (moved.current_step, moved.revealed) == (3, False)


def test_removing_a_pupil_removes_their_answers_only_in_that_session(classroom):
    session = classroom.create("A", "7-10", [], paced=False)
    other = classroom.create("B", "7-10", [], paced=False)
    pupil = classroom.join(session, "calm-fox")
    classroom.store.record_attempt(Attempt(pupil.id, "l", "a", ("x",), True, 1.0, "v", session_id=session.id))
    classroom.remove_pupil(other.id, pupil.id)  # the wrong session: nothing happens
    assert [p.id for p in classroom.pupils(session.id)] == [pupil.id]
    assert classroom.pupil_count(session.id) == 1
    classroom.remove_pupil(session.id, pupil.id)
    assert classroom.pupils(session.id) == []
    assert classroom.pupil_count(session.id) == 0
    with classroom.engine.connect() as db:
        assert db.execute(select(func.count()).select_from(attempts)).scalar() == 0


def test_deleting_and_purging_remove_every_trace(classroom):
    keep = classroom.create("Keep", "7-10", [], paced=False, days=30)
    gone = classroom.create("Gone", "7-10", [], paced=False, days=1)
    for session in (keep, gone):
        pupil = classroom.join(session, "kind-owl")
        classroom.store.record_attempt(
            Attempt(pupil.id, "l", "a", ("x",), True, 1.0, "v", session_id=session.id)
        )
        classroom.store.vote(session.id, "l/poll", "yes")
    assert classroom.purge_expired(now() + datetime.timedelta(days=2)) == 1
    assert classroom.get(gone.id) is None and classroom.get(keep.id) is not None
    with classroom.engine.connect() as db:
        assert db.execute(select(func.count()).select_from(learners)).scalar() == 1
        assert db.execute(select(func.count()).select_from(attempts)).scalar() == 1
        assert db.execute(select(poll_counts.c.scope)).scalars().all() == [keep.id]
    classroom.delete(keep.id)
    with classroom.engine.connect() as db:
        assert db.execute(select(func.count()).select_from(learners)).scalar() == 0


def test_guessing_codes_is_limited_per_browser_and_per_network(classroom):
    browser = {"browser": "session-1", "network": "10.0.0.5"}
    for _ in range(FAILURE_LIMITS["browser"] - 1):
        classroom.record_failure(browser)
    assert classroom.wait_seconds(browser) == 0
    classroom.record_failure(browser)
    assert classroom.wait_seconds(browser) > 0
    # another pupil on the same school network can still join
    assert classroom.wait_seconds({"browser": "session-2", "network": "10.0.0.5"}) == 0
    for index in range(FAILURE_LIMITS["network"]):
        classroom.record_failure({"browser": f"s{index}", "network": "10.0.0.5"})
    assert classroom.wait_seconds({"browser": "fresh", "network": "10.0.0.5"}) > 0


def test_failures_are_stored_as_hashes(classroom):
    classroom.record_failure({"network": "192.0.2.44"})
    with classroom.engine.connect() as db:
        stored = db.execute(select(join_failures.c.source)).scalars().all()
    assert len(stored) == 1 and stored[0].startswith("network:") and "192.0.2.44" not in stored[0]


def test_each_kind_of_code_has_its_own_count_and_a_wait_in_seconds(tmp_path):
    from course.progress import Store

    classroom = Classroom(Store.open(f"sqlite:///{tmp_path / 'guess.db'}"))
    browser = {"browser": "b-1", "network": "198.51.100.7"}
    for _ in range(5):
        classroom.record_failure(browser, "resume")
    assert 0 < classroom.wait_seconds(browser, "resume") <= 60
    assert classroom.wait_seconds(browser, "join") == 0  # a join code is another count
    assert classroom.wait_seconds({"browser": "b-2", "network": "198.51.100.7"}, "resume") == 0  # 5 < 30
    for index in range(25):
        classroom.record_failure({"browser": f"b-{index + 3}", "network": "198.51.100.7"}, "resume")
    assert (
        classroom.wait_seconds({"browser": "fresh", "network": "198.51.100.7"}, "resume") > 0
    )  # the school's
