"""Spot the personal details: the ids of the post parts picked as revealing."""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import selection
from course.activities.result import Result
from course.content.models import SpotDetails


def grade(activity: SpotDetails, answer: Sequence[str]) -> Result:
    return selection.grade(activity.parts, answer, lambda part: part.personal, "part")
