"""Single choice: one option id; right iff that option is the correct one."""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import answers
from course.activities.result import Feedback, Result
from course.content.models import SingleChoice


def grade(activity: SingleChoice, answer: Sequence[str]) -> Result:
    chosen = answers.single(answer, "option id")
    answers.known([chosen], [option.id for option in activity.options], "option")
    option = next(option for option in activity.options if option.id == chosen)
    return Result(
        answer=(chosen,),
        correct=option.correct,
        score=float(option.correct),
        feedback=(Feedback(option.id, option.feedback, option.correct),),
    )
