"""Teachers: open a class session, see the open ones."""

from __future__ import annotations

import functools

import streamlit as st

from course import bands
from course.classroom.bands import BandMismatch, needs_confirmation, offered_bands, refused
from course.content import Course
from course.progress.codes import display_code
from course.ui import routes, state
from course.ui.classroom_state import classroom
from course.ui.links import go
from course.ui.pack_button import pack_button
from course.ui.safe import plain
from course.ui.teacher_access import sign_out_links


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("classes.title"))
    new_class(course, who)
    print_lesson(course, who)
    with st.form("new_evening", border=True):
        st.subheader(who.t("evening.new"))
        st.text_input(who.t("evening.name"), max_chars=40, key="new_evening_name")
        parents = bands.strand("parent")
        parent_titles = {lesson.id: lesson.title.get(who.lang) for lesson in course.lessons_for(parents)}
        st.multiselect(
            who.t("classes.lessons"),
            list(parent_titles),
            format_func=lambda lid: parent_titles.get(lid, lid),
            key="new_evening_lessons",
            help=who.t("evening.lessons_help"),
        )
        if st.form_submit_button(who.t("evening.create"), type="primary"):
            chosen = st.session_state.get("new_evening_lessons") or list(parent_titles)
            name = (st.session_state.get("new_evening_name") or "").strip() or who.t("evening.default_name")
            session = classroom().create(name, parents, chosen, paced=True, kind="evening")
            classroom().set_step(session.id, "", 0)  # start on the welcome slide with the join code
            go(routes.CONSOLE, session=session.id)
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
                go(routes.CONSOLE if session.kind == "evening" else routes.DASHBOARD, session=session.id)
    sign_out_links(who)


def band_name(band: str) -> str:
    """'7-10' as a reader writes it: 7–10."""
    return band.replace("-", "–")


def new_class(course: Course, who) -> None:
    """Band first, then its lessons (each titled with its band); another band's lessons need a tick, and a
    7–10 class never gets an older band's (Classroom.create refuses them too)."""
    with st.container(border=True):
        st.subheader(who.t("classes.new"))
        labels = {
            band: info.label.get(who.lang) if (info := course.band(band)) else band
            for band in bands.learners()
        }
        band = st.selectbox(
            who.t("classes.band"),
            bands.learners(),
            format_func=lambda band: labels.get(band, band),
            key="new_class_band",
        )
        dropped = dropped_by_band(course, band)
        options = [lesson for b in offered_bands(band) for lesson in course.lessons_for(b)]
        titles = {lesson.id: _title(course, who, lesson.id) for lesson in options}
        chosen = st.multiselect(
            who.t("classes.lessons"),
            list(titles),
            format_func=functools.partial(_title, course, who),  # any lesson: a value may outlive its band
            key="new_class_lessons",
            help=who.t("classes.lessons_help"),
        )
        # a choice made in the same rerun as a band change can come back as its shown title: read it as its id
        ids = {title: lid for lid, title in titles.items()}
        chosen = [lid for lid in (ids.get(value, value) for value in chosen) if lid in titles]
        st.session_state["new_class_last"] = (band, list(chosen))
        if dropped:
            titles_gone = ", ".join(_title(course, who, lid) for lid in dropped)
            st.info(
                who.t("classes.dropped", band=band_name(band), lessons=titles_gone), icon=":material/info:"
            )
        if not bands.takes_older_lessons(band):
            st.caption(who.t("classes.older_never"))
        others = [lid for lid in chosen if needs_confirmation(band, course.lessons[lid].ages)]
        if others:
            st.warning(who.t("classes.other_band", lessons=", ".join(titles[lid] for lid in others)))
            st.checkbox(who.t("classes.other_band_confirm"), key="new_class_confirm")
        with st.form("new_session", border=False):
            st.text_input(
                who.t("classes.name"), max_chars=40, key="new_class_name", help=who.t("classes.name_help")
            )
            st.toggle(who.t("classes.paced"), key="new_class_paced", help=who.t("classes.paced_help"))
            if st.form_submit_button(who.t("classes.create"), type="primary"):
                open_class(
                    course,
                    who,
                    band,
                    chosen or [lesson.id for lesson in course.lessons_for(band)],
                    bool(others),
                )


def print_lesson(course: Course, who) -> None:
    """A class without devices: any lesson's print pack, its band's lessons first."""
    with st.container(border=True):
        st.subheader(who.t("pack.title"))
        st.caption(who.t("pack.help"))
        band = st.session_state.get("new_class_band") or bands.learners()[0]
        every = [lesson.id for other in (band, *bands.ids()) for lesson in course.lessons_for(other)]
        ids = list(dict.fromkeys(every))
        if not ids:
            return
        chosen = st.selectbox(
            who.t("pack.lesson"), ids, format_func=functools.partial(_title, course, who), key="print_lesson"
        )
        pack_button(who, chosen, key="print_pack")


def open_class(course: Course, who, band: str, lessons: list[str], asked: bool) -> None:
    name = (st.session_state.get("new_class_name") or "").strip() or who.t("classes.default_name")
    confirmed = asked and bool(st.session_state.get("new_class_confirm"))
    try:
        session = classroom().create(
            name,
            band,
            lessons,
            bool(st.session_state.get("new_class_paced")),
            course=course,
            confirmed=confirmed,
        )
    except BandMismatch as mismatch:
        choice = mismatch.choice
        if choice.refused:
            titles = ", ".join(_title(course, who, lid) for lid in choice.refused)
            st.error(who.t("classes.refused", band=band_name(band), lessons=titles), icon=":material/block:")
        else:
            st.error(who.t("classes.confirm_needed"), icon=":material/warning:")
        return
    go(routes.DASHBOARD, session=session.id)


def _title(course: Course, who, lesson_id: str) -> str:
    """A lesson's title with its band, as the picker lists it."""
    lesson = course.lessons.get(lesson_id)
    if lesson is None:
        return lesson_id
    band = course.band(lesson.ages)
    label = band.label.get(who.lang) if band else band_name(lesson.ages)
    return who.t("classes.lesson_option", title=lesson.title.get(who.lang), band=label)


def dropped_by_band(course: Course, band: str) -> list[str]:
    """The lessons chosen on the last run that a class of `band` may not get, when the band has just
    changed (the picker no longer lists them: the teacher is told). A tick for another band's lessons
    does not carry over to the new band. Reads the page's own copy, never the picker's pending value."""
    last_band, last_chosen = st.session_state.get("new_class_last", (band, []))
    if last_band == band:
        return []
    st.session_state["new_class_confirm"] = False
    return [lid for lid in last_chosen if lid in course.lessons and refused(band, course.lessons[lid].ages)]
