"""Small activity builders: every text is bilingual and named after its id, so tests can name it."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from course.activities import InvalidAnswer, grade
from course.activities.base import Option
from course.activities.branching import Branching, Choice, ScenarioNode
from course.activities.multiple_choice import MultipleChoice
from course.activities.ordering import Ordering, OrderItem
from course.activities.poll import Poll, PollOption
from course.activities.red_flag_chat import ChatMessage, RedFlagChat
from course.activities.settings import SettingsSimulator, Toggle
from course.activities.single_choice import SingleChoice
from course.activities.spot_details import PostPart, SpotDetails
from course.activities.true_false import TrueFalse
from course.content.base import Text


def text(label: str) -> Text:
    return Text(fr=f"{label} (fr)", en=label)


def feedback(item_id: str) -> Text:
    return text(f"feedback {item_id}")


def invalid(activity, answer) -> str:
    """The message of the InvalidAnswer that grading `answer` raises."""
    with pytest.raises(InvalidAnswer) as error:
        grade(activity, answer)
    return str(error.value)


def single_choice(ids: Sequence[str] = ("a", "b", "c"), correct: str = "a") -> SingleChoice:
    return SingleChoice(
        id="single",
        type="single_choice",
        prompt=text("Which one?"),
        options=[Option(id=i, text=text(i), correct=i == correct, feedback=feedback(i)) for i in ids],
    )


def multiple_choice(
    ids: Sequence[str] = ("a", "b", "c", "d"), correct: Sequence[str] = ("a", "b")
) -> MultipleChoice:
    return MultipleChoice(
        id="multiple",
        type="multiple_choice",
        prompt=text("Which ones?"),
        options=[Option(id=i, text=text(i), correct=i in correct, feedback=feedback(i)) for i in ids],
    )


def true_false(answer: bool = True) -> TrueFalse:
    return TrueFalse(
        id="statement",
        type="true_false",
        prompt=text("True or false?"),
        answer=answer,
        feedback_if_true=feedback("true"),
        feedback_if_false=feedback("false"),
    )


def ordering(ids: Sequence[str] = ("first", "second", "third"), activity_id: str = "steps") -> Ordering:
    return Ordering(
        id=activity_id,
        type="ordering",
        prompt=text("Put in order"),
        items=[OrderItem(id=i, text=text(i), feedback=feedback(i)) for i in ids],
    )


def red_flag_chat(
    ids: Sequence[str] = ("m1", "m2", "m3", "m4"), flags: Sequence[str] = ("m2", "m4")
) -> RedFlagChat:
    return RedFlagChat(
        id="chat",
        type="red_flag_chat",
        prompt=text("Spot the warning signs"),
        messages=[
            ChatMessage(id=i, sender="them", text=text(i), red_flag=i in flags, feedback=feedback(i))
            for i in ids
        ],
    )


def spot_details(
    ids: Sequence[str] = ("name", "pet", "school"), personal: Sequence[str] = ("name", "school")
) -> SpotDetails:
    return SpotDetails(
        id="post",
        type="spot_details",
        prompt=text("What gives you away?"),
        parts=[PostPart(id=i, text=text(i), personal=i in personal, feedback=feedback(i)) for i in ids],
    )


def settings(*toggles: tuple[str, bool, bool]) -> SettingsSimulator:
    """Toggles given as (id, safe, start)."""
    toggles = toggles or (("private", True, False), ("location", False, True), ("tags", False, False))
    return SettingsSimulator(
        id="profile",
        type="settings",
        prompt=text("Make the profile safe"),
        toggles=[
            Toggle(id=i, label=text(i), safe=safe, start=start, feedback=feedback(i))
            for i, safe, start in toggles
        ],
    )


def node(node_id: str, *choices: tuple[str, str], seeks_help: bool = False) -> ScenarioNode:
    """A node whose choices are given as (choice id, goto)."""
    return ScenarioNode(
        id=node_id,
        text=text(node_id),
        choices=[Choice(id=c, text=text(c), goto=goto, feedback=feedback(c)) for c, goto in choices],
        seeks_help=seeks_help,
    )


def branching(*nodes: ScenarioNode, start: str = "start") -> Branching:
    """Without nodes: start -> (tell -> helped | hide -> worried -> (tell-later -> helped))."""
    nodes = nodes or (
        node("start", ("tell", "helped"), ("hide", "worried")),
        node("worried", ("tell-later", "helped")),
        node("helped", seeks_help=True),
    )
    return Branching(id="story", type="branching", prompt=text("What next?"), start=start, nodes=list(nodes))


def poll(ids: Sequence[str] = ("yes", "no", "unsure")) -> Poll:
    return Poll(
        id="vote",
        type="poll",
        prompt=text("What do you think?"),
        options=[PollOption(id=i, text=text(i)) for i in ids],
    )
