"""A simulated chat, message by message, each with a "red flag" box to tick."""

from __future__ import annotations

import streamlit as st

from course.activities import Result
from course.activities.red_flag_chat import RedFlagChat
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, answer_form, shown, ticked, widget_key
from course.ui.widgets.chat import message, senders
from course.ui.widgets.checked import checked


def draw(activity: RedFlagChat, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs, lettered=False)


def inputs(activity: RedFlagChat, who: Visitor, answering: Answering) -> None:
    messages = {message.id: message for message in activity.messages}
    keys = {item_id: widget_key(answering, f"pick:{item_id}") for item_id in shown(activity, answering)}
    st.caption(who.t("activity.red_flag_help"))
    lines = [messages[message_id] for message_id in keys]
    with answer_form(activity, who, answering, lambda: ticked(keys)):
        for line, (name, first), key in zip(lines, senders(lines, who), keys.values(), strict=True):
            with message(line.sender, name, first, key):
                st.markdown(line.text.get(who.lang))
                listen.listen([name, line.text.get(who.lang)], who, "listen.message")
                st.checkbox(who.t("activity.red_flag"), key=key)
