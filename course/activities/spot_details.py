"""Spot the personal details: the ids of the post parts picked as revealing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import selection
from course.activities.base import ActivityBase
from course.activities.result import Flaw, Result
from course.content.base import Id, Strict, Text


class PostPart(Strict):
    id: Id = Field(description="Stable id of this part of the post.")
    text: Text = Field(description="The words or picture description.")
    personal: bool = Field(description="True if this part gives away personal details.")
    feedback: Text = Field(description="What it reveals, or why it is fine.")


class SpotDetails(ActivityBase):
    type: Literal["spot_details"] = Field(
        description="Select the parts of a mock post that reveal personal details."
    )
    parts: list[PostPart] = Field(min_length=2, description="The post, cut into selectable parts.")

    choices_field: ClassVar = "parts"
    picks: ClassVar = "several"
    shuffled: ClassVar = True

    def right_answer(self) -> tuple[str, ...]:
        return tuple(part.id for part in self.parts if part.personal)


def grade(activity: SpotDetails, answer: Sequence[str]) -> Result:
    return selection.grade(activity.parts, answer, lambda part: part.personal, "part")


def check(activity: SpotDetails) -> list[Flaw]:
    if any(part.personal for part in activity.parts):
        return []
    return [
        Flaw(
            ("parts",), "no part gives away personal details", "mark the revealing parts with personal: true"
        )
    ]


MODEL = SpotDetails
