"""A full page of helplines (the same content as the "Need help now?" panel)."""

from __future__ import annotations

import streamlit as st

from course.ui import state
from course.ui.helpcard import render_helplines


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("help.title"))
    render_helplines(course, who)
