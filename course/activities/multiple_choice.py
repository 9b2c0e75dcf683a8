"""Multiple choice: the selected option ids; right iff exactly the correct options are selected."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import selection
from course.activities.base import Option, OptionQuestion
from course.activities.result import Flaw, Result


class MultipleChoice(OptionQuestion):
    type: Literal["multiple_choice"] = Field(description="One or more right options.")
    options: list[Option] = Field(min_length=2, max_length=10, description="The choices.")

    picks: ClassVar = "several"


def grade(activity: MultipleChoice, answer: Sequence[str]) -> Result:
    return selection.grade(activity.options, answer, lambda option: option.correct, "option")


def check(activity: MultipleChoice) -> list[Flaw]:
    count = sum(option.correct for option in activity.options)
    flaws = []
    if count == 0:
        flaws.append(Flaw(("options",), "no correct option", "mark at least one option correct: true"))
    if count == len(activity.options):
        flaws.append(
            Flaw(
                ("options",),
                "every option is correct",
                "add at least one wrong option so the question tests something",
            )
        )
    return flaws


MODEL = MultipleChoice
