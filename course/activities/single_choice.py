"""Single choice: one option id; right iff that option is the correct one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import answers
from course.activities.base import Option, OptionQuestion
from course.activities.result import Feedback, Flaw, Result


class SingleChoice(OptionQuestion):
    type: Literal["single_choice"] = Field(description="One right option.")
    options: list[Option] = Field(min_length=2, max_length=8, description="The choices.")

    picks: ClassVar = "one"


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


def check(activity: SingleChoice) -> list[Flaw]:
    count = sum(option.correct for option in activity.options)
    if count == 1:
        return []
    return [
        Flaw(
            ("options",),
            f"{count} correct options, single_choice needs exactly 1",
            "mark one option correct: true, or use multiple_choice",
        )
    ]


MODEL = SingleChoice
