"""A mock profile's privacy switches, to set in their safe positions."""

from __future__ import annotations

import streamlit as st

from course.activities import Result
from course.activities.settings import SettingsSimulator
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, answer_form, widget_key
from course.ui.widgets.checked import checked


def draw(activity: SettingsSimulator, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs)


def inputs(activity: SettingsSimulator, who: Visitor, answering: Answering) -> None:
    keys = {toggle.id: widget_key(answering, f"toggle:{toggle.id}") for toggle in activity.toggles}
    st.caption(who.t("activity.settings_help"))

    def collect() -> list[str]:
        return [f"{tid}:{'on' if st.session_state.get(k) else 'off'}" for tid, k in keys.items()]

    with answer_form(activity, who, answering, collect), st.container(border=True):
        st.markdown(f":material/account_circle: **{who.t('activity.mock_profile')}**")
        with listen.choices_box(widget_key(answering, "toggles")):
            for toggle in activity.toggles:
                st.toggle(toggle.label.get(who.lang), value=toggle.start, key=keys[toggle.id])
