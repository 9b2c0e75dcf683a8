"""What every activity type is made of, and the option shared by the choice questions."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal, NamedTuple

from pydantic import Field

from course.content.base import Id, Strict, Text


class Option(Strict):
    id: Id = Field(description="Stable id stored with answers (never the label).")
    text: Text = Field(description="What the learner reads.")
    correct: bool = Field(False, description="True for a right answer.")
    feedback: Text = Field(description="Shown after this option is chosen: why it is right or not.")


class ChoiceText(NamedTuple):
    """One thing a learner picks, places or switches: its id (stored with answers) and what it says
    (None where the app words it, as "True" and "False")."""

    id: str
    text: Text | None


class ActivityBase(Strict):
    """What every activity type says about itself; each type's unit sets its own.

    The code asks these, never the type's name. A type is one unit, course/activities/<type>.py (its
    model, grader and authoring rule), listed in course.activities.UNITS, with its widget in
    course/ui/widgets/<type>.py."""

    # "one" or "several": the answer picks among the choices (bars of counts fit it); None: the
    # answer places or switches every choice (an ordering, a settings profile) or follows a story.
    picks: ClassVar[Literal["one", "several"] | None] = None
    shuffled: ClassVar[bool] = False  # shown in an order of the learner's (or the class's) own
    votable: ClassVar[bool] = False  # parents can vote on it from their phones at an evening
    scored: ClassVar[bool] = True  # counts towards a score (a poll or a story has nothing right)
    choices_field: ClassVar[str | None] = None  # the field listing the choices, if any
    optional: ClassVar[bool] = False  # the learner may move on without answering (a poll)

    if TYPE_CHECKING:  # each type's model declares it: its name, as a Literal
        type: str

    id: Id = Field(description="Stable id of the activity, unique in its file.")
    prompt: Text = Field(description="The question or instruction.")
    hint: Text | None = Field(None, description="Optional hint the learner can open.")
    objective: Id | None = Field(
        None, description="In a quiz: the id of the objective (from the quiz's `objectives`) it measures."
    )

    def choices(self) -> list[ChoiceText]:
        """What the learner picks from, places or switches, in file order ([] for a story)."""
        items = getattr(self, self.choices_field) if self.choices_field else []
        return [ChoiceText(item.id, item.text) for item in items]

    def right_answer(self) -> tuple[str, ...] | None:
        """The answer that scores full marks, as stored (ids); None when nothing is right or wrong."""
        return None


class OptionQuestion(ActivityBase):
    """A question with options marked right or wrong (single and multiple choice)."""

    choices_field: ClassVar = "options"
    shuffled: ClassVar = True
    votable: ClassVar = True

    if TYPE_CHECKING:  # each question declares the field, with its own limits
        options: list[Option]

    def right_answer(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options if option.correct)
