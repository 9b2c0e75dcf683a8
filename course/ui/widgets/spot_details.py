"""A mock post cut into parts: tick each part that gives away a personal detail."""

from __future__ import annotations

import streamlit as st

from course.activities import Result
from course.activities.spot_details import SpotDetails
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, answer_form, shown, ticked, widget_key
from course.ui.widgets.checked import checked


def draw(activity: SpotDetails, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs)


def inputs(activity: SpotDetails, who: Visitor, answering: Answering) -> None:
    texts = {part.id: part.text.get(who.lang) for part in activity.parts}
    keys = {part_id: widget_key(answering, f"pick:{part_id}") for part_id in shown(activity, answering)}
    st.caption(who.t("activity.spot_help"))
    with (
        answer_form(activity, who, answering, lambda: ticked(keys)),
        st.container(border=True),
        listen.choices_box(widget_key(answering, "parts")),
    ):
        for part_id, key in keys.items():
            st.checkbox(texts[part_id], key=key)
