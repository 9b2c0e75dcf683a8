"""Learners: pick an age band, see the lessons for it."""

from __future__ import annotations

import streamlit as st

from course import bands
from course.ui import session_keys, state
from course.ui.classroom_state import session_of
from course.ui.learner_card import badge_once
from course.ui.lessonlist import render_lessons
from course.ui.safe import plain


def chosen_band() -> str | None:
    """The band from the URL, else the one this session chose; anything else is ignored."""
    for candidate in (st.query_params.get("band"), st.session_state.get(session_keys.BAND)):
        if bands.is_learner(candidate):
            return candidate
    return None


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("learn.title"))
    learner = state.learner()
    session = session_of(learner)
    if session is not None and learner is not None:  # a pupil in a class sees the lessons the teacher chose
        badge_once(learner, who)
        st.info(who.t("learn.your_class", name=plain(session.class_name)), icon=":material/groups:")
        progress = state.store().lesson_progress(learner.id)
        chosen = [course.lessons[lid] for lid in session.lessons_in(course.lessons)]
        render_lessons(course, chosen, who, progress)
        return
    band = chosen_band()
    labels = {b: (info.label.get(who.lang) if (info := course.band(b)) else b) for b in bands.learners()}
    st.session_state["band_widget"] = band
    picked = st.pills(
        who.t("learn.pick_band"), bands.learners(), format_func=lambda b: labels.get(b, b), key="band_widget"
    )
    if picked is None:
        st.markdown(who.t("learn.pick_band_first"))
        return
    st.session_state[session_keys.BAND] = picked
    st.query_params["band"] = picked
    progress = state.store().lesson_progress(learner.id) if learner else {}
    render_lessons(course, course.lessons_for(picked), who, progress)
