"""Poll: one option id; nothing is right or wrong."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import answers
from course.activities.base import ActivityBase
from course.activities.result import Flaw, Result
from course.content.base import Id, Strict, Text


class PollOption(Strict):
    id: Id = Field(description="Stable id stored with the anonymous count.")
    text: Text = Field(description="What the voter reads.")


class Poll(ActivityBase):
    type: Literal["poll"] = Field(description="No right answer; only anonymous counts are kept.")
    options: list[PollOption] = Field(min_length=2, max_length=8, description="The choices.")

    scored: ClassVar = False
    optional: ClassVar = True
    choices_field: ClassVar = "options"
    picks: ClassVar = "one"
    votable: ClassVar = True


def grade(activity: Poll, answer: Sequence[str]) -> Result:
    chosen = answers.single(answer, "option id")
    answers.known([chosen], [option.id for option in activity.options], "option")
    return Result(answer=(chosen,), correct=None, score=None, feedback=())


def check(activity: Poll) -> list[Flaw]:
    return []  # nothing is right or wrong


MODEL = Poll
