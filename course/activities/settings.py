"""Settings simulator: one "toggle_id:on" or "toggle_id:off" per toggle."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import answers
from course.activities.base import ActivityBase, ChoiceText
from course.activities.result import Feedback, Flaw, InvalidAnswer, Result
from course.content.base import Id, Strict, Text


class Toggle(Strict):
    id: Id = Field(description="Stable id of the setting.")
    label: Text = Field(description="The setting's name in the mock app.")
    safe: bool = Field(description="The safe position: true means on.")
    start: bool = Field(description="The position the mock profile starts in.")
    feedback: Text = Field(description="Why the safe position is safe.")


class SettingsSimulator(ActivityBase):
    type: Literal["settings"] = Field(description="Set a mock profile's privacy toggles safely.")
    toggles: list[Toggle] = Field(min_length=2, description="The settings shown.")

    choices_field: ClassVar = "toggles"

    def choices(self) -> list[ChoiceText]:
        return [ChoiceText(toggle.id, toggle.label) for toggle in self.toggles]

    def right_answer(self) -> tuple[str, ...]:
        return tuple(f"{toggle.id}:{'on' if toggle.safe else 'off'}" for toggle in self.toggles)


POSITIONS = {"on": True, "off": False}


def grade(activity: SettingsSimulator, answer: Sequence[str]) -> Result:
    positions = parse(activity, answer)
    safe = [positions[toggle.id] == toggle.safe for toggle in activity.toggles]
    return Result(
        answer=answer_for(activity, positions),
        correct=all(safe),
        score=sum(safe) / len(safe),
        feedback=tuple(
            Feedback(toggle.id, toggle.feedback, is_safe)
            for toggle, is_safe in zip(activity.toggles, safe, strict=True)
        ),
    )


def parse(activity: SettingsSimulator, answer: Sequence[str]) -> dict[str, bool]:
    """Toggle id -> on, checking every toggle is set exactly once."""
    positions: list[tuple[str, bool]] = []
    for value in answers.ids(answer):
        toggle_id, _, position = value.partition(":")
        if position not in POSITIONS:
            raise InvalidAnswer(f"'{value}' is not written toggle_id:on or toggle_id:off")
        positions.append((toggle_id, POSITIONS[position]))
    answers.every_once([toggle_id for toggle_id, _ in positions], [t.id for t in activity.toggles], "toggle")
    return dict(positions)


def answer_for(activity: SettingsSimulator, positions: Mapping[str, bool]) -> tuple[str, ...]:
    """The stored answer for these positions, in content order."""
    return tuple(f"{toggle.id}:{'on' if positions[toggle.id] else 'off'}" for toggle in activity.toggles)


def start_answer(activity: SettingsSimulator) -> tuple[str, ...]:
    return answer_for(activity, {toggle.id: toggle.start for toggle in activity.toggles})


def check(activity: SettingsSimulator) -> list[Flaw]:
    if not all(toggle.start == toggle.safe for toggle in activity.toggles):
        return []
    return [
        Flaw(
            ("toggles",),
            "every toggle already starts in its safe position",
            "start at least one toggle unsafe so there is something to fix",
        )
    ]


MODEL = SettingsSimulator
