"""Pick-all-that-apply grading shared by multiple choice, red-flag chat and spot the details."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from course.activities import answers
from course.activities.result import Feedback, Result
from course.content.base import Text


class Item(Protocol):
    """What a learner may pick: an option, a message, a part of a post."""

    @property
    def id(self) -> str: ...
    @property
    def feedback(self) -> Text: ...


ItemT = TypeVar("ItemT", bound=Item)


def grade(
    items: Sequence[ItemT], answer: Sequence[str], is_right: Callable[[ItemT], bool], what: str
) -> Result:
    """Score = (right picks - wrong picks) / right items, never below 0; feedback on every item."""
    chosen = answers.ids(answer)
    item_ids = [item.id for item in items]
    answers.known(chosen, item_ids, what)
    answers.distinct(chosen, what)
    picked = set(chosen)
    right = {item.id for item in items if is_right(item)}
    return Result(
        answer=tuple(item_id for item_id in item_ids if item_id in picked),
        correct=picked == right,
        score=_score(picked, right),
        feedback=tuple(
            Feedback(item.id, item.feedback, (item.id in picked) == is_right(item)) for item in items
        ),
    )


def _score(picked: set[str], right: set[str]) -> float:
    if not right:
        return float(not picked)
    return max(0.0, (len(picked & right) - len(picked - right)) / len(right))
