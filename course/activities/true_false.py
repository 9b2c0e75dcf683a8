"""True/false: ("true",) or ("false",)."""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import answers
from course.activities.result import Feedback, InvalidAnswer, Result
from course.content.models import TrueFalse


def grade(activity: TrueFalse, answer: Sequence[str]) -> Result:
    value = answers.single(answer, "value ('true' or 'false')")
    if value not in ("true", "false"):
        raise InvalidAnswer(f"expected 'true' or 'false', got '{value}'")
    said_true = value == "true"
    correct = said_true == activity.answer
    text = activity.feedback_if_true if said_true else activity.feedback_if_false
    return Result(
        answer=(value,), correct=correct, score=float(correct), feedback=(Feedback(value, text, correct),)
    )
