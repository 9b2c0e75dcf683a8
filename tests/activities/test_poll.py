from course.activities import Result, grade
from tests.activities.factories import invalid, poll


def test_any_option_is_stored_ungraded_without_feedback():
    assert grade(poll(), ["unsure"]) == Result(answer=("unsure",), correct=None, score=None, feedback=())


def test_unknown_option_is_invalid():
    assert invalid(poll(), ["maybe"]) == "unknown option 'maybe' (expected one of: yes, no, unsure)"


def test_no_vote_or_two_votes_are_invalid():
    assert invalid(poll(), []) == "expected exactly 1 option id, got 0"
    assert invalid(poll(), ["yes", "no"]) == "expected exactly 1 option id, got 2"
