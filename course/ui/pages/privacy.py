"""What is kept, for how long, and how to delete it: generated from the store's tables."""

from __future__ import annotations

import streamlit as st

from course.privacy import retention, tables
from course.ui import routes, state
from course.ui.links import page


def render() -> None:
    who = state.visitor()
    st.title(who.t("privacy.title"))
    st.markdown(who.t("privacy.lead"))
    keep = retention()
    st.markdown(
        who.t(
            "privacy.retention",
            sessions=keep["class_sessions"],
            home=keep["home_learners"],
            minutes=keep["join_failures_minutes"],
        )
    )
    st.subheader(who.t("privacy.tables"))
    for table in tables(who.lang):
        with st.container(border=True):
            st.markdown(f"**{table.name}** — {table.purpose}")
            # Not a caption: grey caption text on code's grey background is too faint to read (axe).
            st.markdown(who.t("privacy.columns") + " " + ", ".join(f"`{name}`" for name in table.columns))
    st.subheader(who.t("privacy.delete_title"))
    st.markdown(who.t("privacy.delete"))
    st.page_link(page(routes.ABOUT), label=who.t("about.title"), icon=":material/info:")
    st.page_link(
        page(routes.ACCESSIBILITY), label=who.t("accessibility.title"), icon=":material/accessibility_new:"
    )
