"""Poll: one option id; nothing is right or wrong."""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import answers
from course.activities.result import Result
from course.content.models import Poll


def grade(activity: Poll, answer: Sequence[str]) -> Result:
    chosen = answers.single(answer, "option id")
    answers.known([chosen], [option.id for option in activity.options], "option")
    return Result(answer=(chosen,), correct=None, score=None, feedback=())
