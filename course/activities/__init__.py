"""Activity types, one unit each (its model, grader and authoring rule): pure functions, no Streamlit.

`grade(activity, answer)` takes the answer as a sequence of id strings (the form it is stored in)
and returns a `Result`; an answer that does not fit the activity raises `InvalidAnswer`.
`check(activity)` returns the `Flaw`s its type's authoring rule finds (`course check` places them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, Union, get_args

from course.activities import (
    branching,
    multiple_choice,
    ordering,
    poll,
    red_flag_chat,
    settings,
    single_choice,
    spot_details,
    true_false,
)
from course.activities.base import ActivityBase
from course.activities.result import Feedback, Flaw, InvalidAnswer, Result
from course.activities.scoring import passed, quiz_score

# The one table of activity types: each unit is a module with its MODEL (a pydantic model whose
# `type` names it), `grade(activity, answer)` and `check(activity)`; its widget is
# course/ui/widgets/<type>.py. Adding a type = a new unit here and its widget.
UNITS = (
    single_choice,
    multiple_choice,
    true_false,
    ordering,
    red_flag_chat,
    settings,
    spot_details,
    branching,
    poll,
)
MODELS: tuple[type[ActivityBase], ...] = tuple(unit.MODEL for unit in UNITS)
TYPES: tuple[str, ...] = tuple(get_args(model.model_fields["type"].annotation)[0] for model in MODELS)

if TYPE_CHECKING:
    # A type checker cannot read a Union built at run time: to it any activity is an ActivityBase (its
    # type name, facts and choices); code that needs one type's fields narrows with isinstance.
    AnyActivity: TypeAlias = ActivityBase
else:
    AnyActivity = Union[MODELS]  # noqa: UP007 - a tuple of models: what pydantic reads

# Each unit's grade and check take its own model; the tables pick them by the activity's `type`.
Grader = Callable[[Any, Sequence[str]], Result]
Check = Callable[[Any], list[Flaw]]
GRADERS: dict[str, Grader] = {kind: unit.grade for kind, unit in zip(TYPES, UNITS, strict=True)}
CHECKS: dict[str, Check] = {kind: unit.check for kind, unit in zip(TYPES, UNITS, strict=True)}


def check(activity: AnyActivity) -> list[Flaw]:
    """The authoring rules of `activity`'s type that the schema cannot say (one right option...)."""
    return CHECKS[activity.type](activity)


def grade(activity: AnyActivity, answer: Sequence[str]) -> Result:
    """Grade `answer` (a sequence of ids) against `activity`, whatever its type."""
    grader = GRADERS.get(getattr(activity, "type", ""))
    if grader is None:
        raise TypeError(f"no grader for {activity!r}")
    return grader(activity, answer)


__all__ = [
    "AnyActivity",
    "Feedback",
    "Flaw",
    "InvalidAnswer",
    "Result",
    "check",
    "grade",
    "passed",
    "quiz_score",
]
