"""What grading returns: the stored answer, the verdict and the feedback to show."""

from __future__ import annotations

from dataclasses import dataclass

from course.content.base import Text


class InvalidAnswer(ValueError):
    """The answer does not fit the activity: unknown or repeated ids, wrong count, malformed value."""


@dataclass(frozen=True)
class Flaw:
    """A content mistake an activity type's authoring rule finds: the field it is in (a path inside
    the activity, e.g. ("options",)), what is wrong and how to fix it."""

    field: tuple[str | int, ...]
    what: str
    hint: str


@dataclass(frozen=True)
class Feedback:
    item_id: str
    text: Text
    good: bool | None


@dataclass(frozen=True)
class Result:
    answer: tuple[str, ...]
    correct: bool | None
    score: float | None
    feedback: tuple[Feedback, ...]
