"""Pupils join their class with the code on the board (or the QR code) and pick a nickname."""

from __future__ import annotations

import streamlit as st

from course import nicknames
from course.classroom.sessions import ClassSession
from course.progress import NicknameTaken
from course.progress.codes import display_code
from course.ui import guesses, routes, session_keys, state
from course.ui.classroom_state import classroom, session_of
from course.ui.guard import guarded
from course.ui.learner_card import learner_badge, nickname_buttons
from course.ui.links import go
from course.ui.safe import plain
from course.ui.state import Visitor


def render() -> None:
    who = state.visitor()
    learner = state.learner()
    current = session_of(learner)
    if current is not None and st.session_state.pop(session_keys.JUST_JOINED, False):
        lesson = current.lesson_to_open(state.course().lessons)  # straight on: a click less for all
        if lesson:
            go(routes.LESSON, lesson=lesson)
        else:
            go(routes.LEARN)
    st.title(who.t("join.title"))
    if current is not None and learner is not None:
        learner_badge(learner, who)
        st.success(who.t("join.in_class", name=plain(current.class_name)), icon=":material/groups:")
        if st.button(who.t("join.to_lessons"), type="primary", key="join_to_lessons"):
            go(routes.LEARN)
        return
    session = _session_being_joined(who)
    if session is None:
        _code_form(who)
    elif session.kind == "evening":  # parents: no nickname, nothing stored about them
        st.session_state[session_keys.EVENING] = session.id
        st.session_state.pop(session_keys.JOINING, None)
        go(routes.VOTE, evening=session.join_code)  # in the URL too, so a reload stays in the evening
    else:
        _pick_nickname(session, who)


def _session_being_joined(who: Visitor) -> ClassSession | None:
    typed = st.query_params.get("class")
    if typed is not None:
        del st.query_params["class"]
        _try_code(typed, who)
    session_id = st.session_state.get(session_keys.JOINING)
    session = classroom().get(session_id) if session_id else None
    return session if session and not session.expired else None


def _try_code(typed: object, who: Visitor) -> None:
    room = classroom()
    session, wait = guesses.try_code(room, "join", lambda: room.by_code(typed))
    if wait:
        st.session_state["join_message"] = ("error", who.t("codes.wait", seconds=wait))
        return
    if session is None:
        st.session_state["join_message"] = ("error", who.t("join.wrong_code"))
        return
    st.session_state[session_keys.JOINING] = session.id
    st.session_state.pop("join_message", None)


def _code_form(who: Visitor) -> None:
    kind, message = st.session_state.pop("join_message", (None, None))
    if kind:
        st.error(message, icon=":material/error:")
    with st.form("join_form", border=True):
        st.text_input(who.t("join.code_label"), max_chars=9, key="typed_class_code", placeholder="ABC-123")
        submitted = st.form_submit_button(who.t("join.button"), type="primary")
    if submitted:
        _try_code(st.session_state.get("typed_class_code"), who)
        st.rerun()


def _pick_nickname(session: ClassSession, who: Visitor) -> None:
    st.markdown(who.t("join.welcome", name=plain(session.class_name), code=display_code(session.join_code)))
    taken = classroom().taken_nicknames(session.id)
    offered = [key for key in st.session_state.get("class_nicknames", []) if key not in taken]
    if len(offered) < 3:
        offered = nicknames.suggest(3, taken, band=session.band)
        st.session_state["class_nicknames"] = offered
    if st.session_state.pop("nickname_taken", False):
        st.warning(who.t("join.nickname_taken"), icon=":material/info:")
    with st.container(border=True):
        st.subheader(who.t("learner.pick_title"))
        st.caption(who.t("learner.pick_help"))
        nickname_buttons(offered, who, "class_nickname", _join, session)


@guarded
def _join(session: ClassSession, nickname: str) -> None:
    try:
        learner = classroom().join(session, nickname)
    except NicknameTaken:
        st.session_state["nickname_taken"] = True
        st.session_state.pop("class_nicknames", None)
        return
    state.sign_in(learner)
    st.session_state[session_keys.BAND] = session.band
    st.session_state[session_keys.SHOW_CODE] = True  # on the page the pupil lands on
    st.session_state[session_keys.JUST_JOINED] = True
    st.session_state.pop(session_keys.JOINING, None)
