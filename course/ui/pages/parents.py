"""Parents: the parent course, at home or during a parent evening."""

from __future__ import annotations

import streamlit as st

from course import bands
from course.ui import state
from course.ui.lessonlist import render_lessons


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("parents.title"))
    st.markdown(who.t("parents.lead"))
    render_lessons(course, course.lessons_for(bands.strand("parent")), who)
