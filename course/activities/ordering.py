"""Ordering: every item id once, in the learner's order; the content lists them in the right order."""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import answers
from course.activities.result import Feedback, Result
from course.content.models import Ordering


def grade(activity: Ordering, answer: Sequence[str]) -> Result:
    order = answers.ids(answer)
    right = [item.id for item in activity.items]
    answers.every_once(order, right, "item")
    items = {item.id: item for item in activity.items}
    placed = [order[index] == item_id for index, item_id in enumerate(right)]
    return Result(
        answer=order,
        correct=all(placed),
        score=sum(placed) / len(right),
        feedback=tuple(
            Feedback(item_id, items[item_id].feedback, item_id == right[index])
            for index, item_id in enumerate(order)
        ),
    )
