"""Ordering: every item id once, in the learner's order; the content lists them in the right order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import answers
from course.activities.base import ActivityBase
from course.activities.result import Feedback, Flaw, Result
from course.content.base import Id, Strict, Text


class OrderItem(Strict):
    id: Id = Field(description="Stable id of the item.")
    text: Text = Field(description="What the learner reads.")
    feedback: Text = Field(description="Why this item sits at its place.")


class Ordering(ActivityBase):
    type: Literal["ordering"] = Field(
        description="Put items in order; the file lists them in the right order."
    )
    items: list[OrderItem] = Field(min_length=2, max_length=10, description="Items, in the right order.")

    choices_field: ClassVar = "items"
    shuffled: ClassVar = True

    def right_answer(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


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


def check(activity: Ordering) -> list[Flaw]:
    return []  # the schema says it all: the file lists the items in the right order


MODEL = Ordering
