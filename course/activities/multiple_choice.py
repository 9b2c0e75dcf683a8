"""Multiple choice: the selected option ids; right iff exactly the correct options are selected."""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import selection
from course.activities.result import Result
from course.content.models import MultipleChoice


def grade(activity: MultipleChoice, answer: Sequence[str]) -> Result:
    return selection.grade(activity.options, answer, lambda option: option.correct, "option")
