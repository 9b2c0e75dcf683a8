"""Red-flag chat: the ids of the messages picked as warning signs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import selection
from course.activities.base import ActivityBase
from course.activities.result import Flaw, Result
from course.content.base import Id, Strict, Text


class ChatMessage(Strict):
    id: Id = Field(description="Stable id of the message.")
    sender: Literal["them", "me"] = Field(description="'them' for the other person, 'me' for the learner.")
    name: Text | None = Field(None, description="Display name of a fictional sender.")
    text: Text = Field(description="The message.")
    red_flag: bool = Field(False, description="True if this message is a warning sign.")
    feedback: Text = Field(description="Why this message is, or is not, a warning sign.")


class RedFlagChat(ActivityBase):
    type: Literal["red_flag_chat"] = Field(description="Pick the warning signs in a simulated chat.")
    messages: list[ChatMessage] = Field(min_length=2, description="The conversation, in order.")

    choices_field: ClassVar = "messages"

    # A conversation shuffled stops making sense: its warning signs are spread through it instead.
    picks: ClassVar = "several"

    def right_answer(self) -> tuple[str, ...]:
        return tuple(message.id for message in self.messages if message.red_flag)


def grade(activity: RedFlagChat, answer: Sequence[str]) -> Result:
    return selection.grade(activity.messages, answer, lambda message: message.red_flag, "message")


def check(activity: RedFlagChat) -> list[Flaw]:
    if any(message.red_flag for message in activity.messages):
        return []
    return [Flaw(("messages",), "no message is a red flag", "mark the warning signs with red_flag: true")]


MODEL = RedFlagChat
