"""Tick all that apply: a checkbox per option, in the order this learner sees them."""

from __future__ import annotations

import streamlit as st

from course.activities import Result
from course.activities.multiple_choice import MultipleChoice
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, answer_form, shown, ticked, widget_key
from course.ui.widgets.checked import checked


def draw(activity: MultipleChoice, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs)


def inputs(activity: MultipleChoice, who: Visitor, answering: Answering) -> None:
    texts = {option.id: option.text.get(who.lang) for option in activity.options}
    keys = {option_id: widget_key(answering, f"pick:{option_id}") for option_id in shown(activity, answering)}
    with (
        answer_form(activity, who, answering, lambda: ticked(keys)),
        listen.choices_box(widget_key(answering, "picks")),
    ):
        for option_id, key in keys.items():
            st.checkbox(texts[option_id], key=key)
