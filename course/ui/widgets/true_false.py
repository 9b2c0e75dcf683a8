"""A statement: true or false, as two radio buttons."""

from __future__ import annotations

from course.activities import Result
from course.activities.true_false import TrueFalse
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, answer_form, choice, picked, widget_key
from course.ui.widgets.checked import checked


def draw(activity: TrueFalse, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs)


def inputs(activity: TrueFalse, who: Visitor, answering: Answering) -> None:
    labels = {"true": who.t("activity.true"), "false": who.t("activity.false")}
    key = widget_key(answering, "choice")
    with answer_form(activity, who, answering, lambda: picked(key)), listen.choices_box(key):
        choice(activity, who, labels, key)
