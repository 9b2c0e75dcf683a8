"""Teachers: open a class session, see the open ones."""

from __future__ import annotations

import streamlit as st

from course.content.models import LEARNER_BANDS
from course.progress.codes import display_code
from course.ui import state
from course.ui.classroom_state import classroom
from course.ui.navigation import go
from course.ui.safe import plain
from course.ui.teacher_access import sign_out


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("classes.title"))
    with st.form("new_session", border=True):
        st.subheader(who.t("classes.new"))
        st.text_input(
            who.t("classes.name"), max_chars=40, key="new_class_name", help=who.t("classes.name_help")
        )
        labels = {
            band: course.band(band).label.get(who.lang) if course.band(band) else band
            for band in LEARNER_BANDS
        }
        band = st.selectbox(
            who.t("classes.band"), LEARNER_BANDS, format_func=labels.get, key="new_class_band"
        )
        titles = {
            lesson.id: lesson.title.get(who.lang) for b in LEARNER_BANDS for lesson in course.lessons_for(b)
        }
        st.multiselect(
            who.t("classes.lessons"),
            list(titles),
            format_func=titles.get,
            key="new_class_lessons",
            help=who.t("classes.lessons_help"),
        )
        st.toggle(who.t("classes.paced"), key="new_class_paced", help=who.t("classes.paced_help"))
        if st.form_submit_button(who.t("classes.create"), type="primary"):
            chosen = st.session_state.get("new_class_lessons") or [
                lesson.id for lesson in course.lessons_for(band)
            ]
            name = (st.session_state.get("new_class_name") or "").strip() or who.t("classes.default_name")
            session = classroom().create(name, band, chosen, bool(st.session_state.get("new_class_paced")))
            go("dashboard", session=session.id)
    with st.form("new_evening", border=True):
        st.subheader(who.t("evening.new"))
        st.text_input(who.t("evening.name"), max_chars=40, key="new_evening_name")
        parent_titles = {lesson.id: lesson.title.get(who.lang) for lesson in course.lessons_for("parents")}
        st.multiselect(
            who.t("classes.lessons"),
            list(parent_titles),
            format_func=parent_titles.get,
            key="new_evening_lessons",
            help=who.t("evening.lessons_help"),
        )
        if st.form_submit_button(who.t("evening.create"), type="primary"):
            chosen = st.session_state.get("new_evening_lessons") or list(parent_titles)
            name = (st.session_state.get("new_evening_name") or "").strip() or who.t("evening.default_name")
            session = classroom().create(name, "parents", chosen, paced=True, kind="evening")
            classroom().set_step(session.id, "", 0)  # start on the welcome slide with the join code
            go("console", session=session.id)
    sessions = classroom().all_open()
    st.subheader(who.t("classes.open"))
    if not sessions:
        st.caption(who.t("classes.none"))
    for session in reversed(sessions):
        with st.container(border=True):
            info, action = st.columns([4, 1], vertical_alignment="center")
            info.markdown(
                who.t(
                    "classes.row",
                    name=plain(session.class_name),
                    code=display_code(session.join_code),
                    pupils=classroom().pupil_count(session.id),
                    until=session.expires_at.date().isoformat(),
                )
            )
            if action.button(
                who.t("classes.open_dashboard"), key=f"open_session_{session.id}", width="stretch"
            ):
                go("console" if session.kind == "evening" else "dashboard", session=session.id)
    st.button(who.t("teacher.sign_out"), key="teacher_sign_out", on_click=sign_out, type="tertiary")
