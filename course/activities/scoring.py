"""A quiz's percentage and whether it passes."""

from __future__ import annotations

import math
from collections.abc import Sequence

from course.activities.result import Result


def quiz_score(results: Sequence[Result]) -> int:
    """Mean score of the graded results as a percentage, rounded half up; 0 if none is graded."""
    scores = [result.score for result in results if result.score is not None]
    if not scores:
        return 0
    percent = round(100 * sum(scores) / len(scores), 6)
    return math.floor(percent + 0.5)


def passed(score: int, pass_mark: int) -> bool:
    return score >= pass_mark
