"""Which explanations a learner sees after an answer.

After a wrong first try, only what the learner chose is explained (and the hint offered): labelling
every option would turn the retry into copying. The full explanation of every part comes once the
answer is right, after the second try, and in a quiz (one try per question).
"""

from __future__ import annotations

from collections.abc import Sequence

from course.activities.base import ActivityBase
from course.activities.result import Feedback, Result


def feedback_to_show(
    activity: ActivityBase, result: Result, full: bool, order: Sequence[str] = ()
) -> list[Feedback]:
    """The feedback lines to show, in the order the choices were shown (`order`, ids) where given."""
    items = list(result.feedback)
    if not full and result.correct is False:
        if activity.picks is None:  # every part placed or switched: a mark on each is the answer itself
            items = []
        elif activity.picks == "several":
            picked = set(result.answer)
            items = [item for item in items if item.item_id in picked]
    if order and activity.picks:  # an ordering's feedback follows the learner's own order
        place = {item_id: index for index, item_id in enumerate(order)}
        items.sort(key=lambda item: place.get(item.item_id, len(place)))
    return items
