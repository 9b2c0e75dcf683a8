"""Red-flag chat: the ids of the messages picked as warning signs."""

from __future__ import annotations

from collections.abc import Sequence

from course.activities import selection
from course.activities.result import Result
from course.content.models import RedFlagChat


def grade(activity: RedFlagChat, answer: Sequence[str]) -> Result:
    return selection.grade(activity.messages, answer, lambda message: message.red_flag, "message")
