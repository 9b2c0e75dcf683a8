"""Home: the visitor says who they are (child or teen and age band, parent, teacher)."""

from __future__ import annotations

import streamlit as st

from course import bands
from course.ui import routes, state
from course.ui.links import go, page


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("home.title"))
    st.markdown(who.t("home.lead"))
    learner, parent, teacher = st.columns(3)
    with learner.container(border=True):
        st.subheader(who.t("home.learner.title"))
        st.caption(who.t("home.learner.text"))
        for band in bands.learners():
            info = course.band(band)
            label = info.label.get(who.lang) if info else band
            if st.button(label, key=f"home_band_{band}", width="stretch"):
                go(routes.LEARN, band=band)
    with parent.container(border=True):
        st.subheader(who.t("home.parent.title"))
        st.caption(who.t("home.parent.text"))
        if st.button(who.t("home.parent.go"), key="home_parent", width="stretch"):
            go(routes.PARENTS)
    with teacher.container(border=True):
        st.subheader(who.t("home.teacher.title"))
        st.caption(who.t("home.teacher.text"))
        if st.button(who.t("home.teacher.go"), key="home_teacher", width="stretch"):
            go(routes.TEACHERS)
    st.info(who.t("home.privacy"), icon=":material/lock:")
    privacy, about, access = st.columns(3)
    privacy.page_link(page(routes.PRIVACY), label=who.t("privacy.title"), icon=":material/shield_lock:")
    about.page_link(page(routes.ABOUT), label=who.t("about.title"), icon=":material/info:")
    access.page_link(
        page(routes.ACCESSIBILITY), label=who.t("accessibility.title"), icon=":material/accessibility_new:"
    )
