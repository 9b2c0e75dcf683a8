"""A link to something that does not exist (any more): say so plainly and offer the way back."""

from __future__ import annotations

import streamlit as st

from course.ui.links import go
from course.ui.routes import Route
from course.ui.state import Visitor


def not_found(who: Visitor, kind: str, back_page: Route, back_label: str) -> None:
    """`kind` names the strings `{kind}.missing_title` and `{kind}.missing`."""
    st.title(who.t(f"{kind}.missing_title"))
    st.info(who.t(f"{kind}.missing"), icon=":material/search_off:")
    if st.button(who.t(back_label), key=f"{kind}_missing_back"):
        go(back_page)
