"""True/false: ("true",) or ("false",)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import answers
from course.activities.base import ActivityBase, ChoiceText
from course.activities.result import Feedback, Flaw, InvalidAnswer, Result
from course.content.base import Text


class TrueFalse(ActivityBase):
    type: Literal["true_false"] = Field(description="A statement that is true or false.")
    answer: bool = Field(description="Whether the statement in `prompt` is true.")
    feedback_if_true: Text = Field(description="Feedback when the learner answers 'true'.")
    feedback_if_false: Text = Field(description="Feedback when the learner answers 'false'.")

    picks: ClassVar = "one"
    votable: ClassVar = True

    def choices(self) -> list[ChoiceText]:
        return [ChoiceText("true", None), ChoiceText("false", None)]

    def right_answer(self) -> tuple[str, ...]:
        return ("true" if self.answer else "false",)


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


def check(activity: TrueFalse) -> list[Flaw]:
    return []  # the schema says it all: a statement, its truth and the feedback for each answer


MODEL = TrueFalse
