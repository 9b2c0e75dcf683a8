"""Grading every activity type: pure functions, no Streamlit.

`grade(activity, answer)` takes the answer as a sequence of id strings (the form it is stored in)
and returns a `Result`; an answer that does not fit the activity raises `InvalidAnswer`.
"""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import (
    branching,
    multiple_choice,
    ordering,
    poll,
    red_flag_chat,
    settings,
    single_choice,
    spot_details,
    true_false,
)
from course.activities.result import Feedback, InvalidAnswer, Result
from course.activities.scoring import passed, quiz_score

GRADERS = {
    "single_choice": single_choice.grade,
    "multiple_choice": multiple_choice.grade,
    "true_false": true_false.grade,
    "ordering": ordering.grade,
    "red_flag_chat": red_flag_chat.grade,
    "settings": settings.grade,
    "spot_details": spot_details.grade,
    "branching": branching.grade,
    "poll": poll.grade,
}


def grade(activity, answer: Sequence[str]) -> Result:
    """Grade `answer` (a sequence of ids) against `activity`, whatever its type."""
    grader = GRADERS.get(getattr(activity, "type", None))
    if grader is None:
        raise TypeError(f"no grader for {activity!r}")
    return grader(activity, answer)


__all__ = ["Feedback", "InvalidAnswer", "Result", "grade", "passed", "quiz_score"]
