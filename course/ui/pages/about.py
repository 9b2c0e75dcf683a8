"""About the course: what it is, where its pictures come from, its licence and credits."""

from __future__ import annotations

import streamlit as st

from course.ui import routes, state
from course.ui.links import page


def render() -> None:
    who = state.visitor()
    st.title(who.t("about.title"))
    st.markdown(who.t("about.lead"))
    st.subheader(who.t("about.pictures_title"))
    st.markdown(who.t("about.pictures"))
    st.subheader(who.t("about.licence_title"))
    st.markdown(who.t("about.licence"))
    st.page_link(page(routes.PRIVACY), label=who.t("about.privacy_link"), icon=":material/shield_lock:")
