"""The keyboard focus across reruns: a control that leaves the page hands the focus to the one now in
its place (course/web/scripts.py: FOCUS_KEEPER), so keyboard and screen-reader users keep their place."""

from __future__ import annotations

import streamlit as st

from course.web import scripts


def keep_focus_in_place() -> None:
    st.html(scripts.tag(scripts.FOCUS_KEEPER), unsafe_allow_javascript=True, width="content")
