"""The order a learner sees an activity's choices in: shuffled, derived and never stored.

The order comes from a seed (the learner, or the class session so that the projector and every
device in the room agree), the activity's id and the quiz run: the same on every reload and device,
new when a quiz is taken again. Answers stay option ids, so grading never depends on the order.

A red-flag chat keeps its messages in conversation order: a conversation shuffled stops making sense;
its warning signs are spread through the conversation in the content instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from course.activities.base import ActivityBase


def shuffled(ids: Sequence[str], *seed: str) -> list[str]:
    """`ids` in an order that depends only on `seed`: stable everywhere, different for another seed."""
    key = "\0".join(seed).encode()

    def rank(item_id: str) -> bytes:
        return hashlib.sha256(key + b"\0" + item_id.encode()).digest()

    return sorted(ids, key=rank)


def shown_ids(activity: ActivityBase, seed: str, run: str = "") -> list[str]:
    """The ids of the activity's choices in the order `seed` sees them (file order if not shuffled)."""
    ids = [choice.id for choice in activity.choices()]
    if not activity.shuffled:
        return ids
    order = shuffled(ids, seed, activity.id, run)
    if order == list(activity.right_answer() or ()):  # never start an ordering already right
        order = order[1:] + order[:1]
    return order


def in_order(labels: dict[str, str], order: Sequence[str]) -> dict[str, str]:
    """`labels` (id -> text) in `order`; ids missing from `order` keep their place after it."""
    ordered = {item_id: labels[item_id] for item_id in order if item_id in labels}
    return ordered | {item_id: text for item_id, text in labels.items() if item_id not in ordered}
