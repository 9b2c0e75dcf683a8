"""One option among several, as radio buttons in the order this learner sees them."""

from __future__ import annotations

from course.activities import Result
from course.activities.order import in_order
from course.activities.single_choice import SingleChoice
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, answer_form, choice, picked, shown, widget_key
from course.ui.widgets.checked import checked


def draw(activity: SingleChoice, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs)


def inputs(activity: SingleChoice, who: Visitor, answering: Answering) -> None:
    texts = {option.id: option.text.get(who.lang) for option in activity.options}
    labels = in_order(texts, shown(activity, answering))
    key = widget_key(answering, "choice")
    with answer_form(activity, who, answering, lambda: picked(key)), listen.choices_box(key):
        choice(activity, who, labels, key)
