"""A parent's phone at an evening: the question on the screen now, one vote per browser, nothing stored
per person."""

from __future__ import annotations

import hashlib
import re

import streamlit as st

from course.classroom import evening
from course.classroom.sessions import ClassSession
from course.ui import guesses, routes, session_keys, state
from course.ui.classroom_state import classroom
from course.ui.evening_parts import FOLLOW_SECONDS, position, vote_labels
from course.ui.guard import guarded, guarded_fragment
from course.ui.handout_button import handout_button
from course.ui.links import go
from course.ui.safe import plain
from course.ui.state import Visitor
from course.web import scripts

VOTES_COOKIE = "course_votes"
VOTE_KEY = re.compile(r"[0-9a-f]{10}")  # what _vote_key makes


def _voted_keys() -> set[str]:
    """The polls this browser voted in: from its cookie (only the parts shaped like our own keys: the
    cookie is the browser's, anyone can plant anything there) and from this session."""
    return voted_in_cookie(st.context.cookies.get(VOTES_COOKIE)) | st.session_state.setdefault(
        session_keys.VOTES, set()
    )


def voted_in_cookie(cookie: object) -> set[str]:
    """The vote keys in the votes cookie's value; anything else in it is ignored."""
    parts = cookie.split(".") if isinstance(cookie, str) else []
    return {part for part in parts if VOTE_KEY.fullmatch(part)}


def _vote_key(session_id: str, poll: str) -> str:
    return hashlib.sha256(f"{session_id}/{poll}".encode()).hexdigest()[:10]


def _evening_by_code(typed: object) -> ClassSession | None:
    """The evening whose code is in the address, counted as a guess like a typed code."""
    if typed is None:
        return None
    room = classroom()

    def evening_with_that_code() -> ClassSession | None:
        session = room.by_code(typed)
        return session if session is not None and session.kind == "evening" else None

    session, wait = guesses.try_code(room, "evening", evening_with_that_code)
    if wait:
        st.session_state[session_keys.CODE_WAIT] = wait
    return session


def render() -> None:
    """A parent's phone: the question on the screen now, one vote per browser, nothing stored per person."""
    who = state.visitor()
    session_id = st.session_state.get(session_keys.EVENING)
    session = classroom().get(session_id) if session_id else _evening_by_code(st.query_params.get("evening"))
    if session is not None and session.kind == "evening" and not session.expired:
        st.session_state[session_keys.EVENING] = session.id
        st.query_params["evening"] = session.join_code
    else:
        st.title(who.t("evening.vote_title"))
        wait = st.session_state.pop(session_keys.CODE_WAIT, 0)
        if wait:
            st.error(who.t("codes.wait", seconds=wait), icon=":material/timer:")
        st.info(who.t("evening.join_first"), icon=":material/login:")
        if st.button(who.t("nav.join"), key="vote_join"):
            go(routes.JOIN)
        return
    st.title(plain(session.class_name))
    phone_question(session.id, who)
    st.divider()
    handout_button(who, key="phone_handout")


@guarded_fragment(run_every=FOLLOW_SECONDS * 2)
def phone_question(session_id: str, who: Visitor) -> None:
    session, course = classroom().get(session_id), state.course()
    if session is None:  # ended meanwhile
        return
    current = position(session)
    lesson_id, activity = current[0], evening.activity_at(course, current)
    options = evening.votable(activity, session.id) if activity is not None else None
    if options is None or activity is None or lesson_id is None:
        st.info(who.t("evening.watch_screen"), icon=":material/visibility:")
        return
    poll = evening.poll_id(lesson_id, activity.id)
    st.markdown(f"### {activity.prompt.get(who.lang)}")
    if _vote_key(session.id, poll) in _voted_keys():
        remember_votes()
        st.success(who.t("evening.thanks"), icon=":material/how_to_vote:")
        return
    labels = vote_labels(activity, options, who)
    if evening.ticks_several(activity):  # tick all that apply: one vote with several ticks
        boxes = {option_id: f"tick:{poll}:{option_id}" for option_id in labels}
        for option_id, label in labels.items():
            st.checkbox(label, key=boxes[option_id])
        st.button(
            who.t("activity.vote"),
            key=f"vote:{poll}:ticked",
            type="primary",
            width="stretch",
            disabled=not any(st.session_state.get(key) for key in boxes.values()),
            on_click=cast_ticks,
            args=(session.id, poll, boxes),
        )
    else:
        for option_id, label in labels.items():
            st.button(
                label,
                key=f"vote:{poll}:{option_id}",
                width="stretch",
                on_click=cast_vote,
                args=(session.id, poll, option_id),
            )
    st.caption(who.t("activity.poll_anonymous"))


@guarded
def cast_vote(session_id: str, poll: str, option_id: str) -> None:
    key = _vote_key(session_id, poll)
    if key in _voted_keys():
        return
    state.store().vote(session_id, poll, option_id)
    st.session_state.setdefault(session_keys.VOTES, set()).add(key)
    st.session_state[session_keys.REMEMBER_VOTES] = True


@guarded
def cast_ticks(session_id: str, poll: str, boxes: dict[str, str]) -> None:
    """A tick-all-that-apply vote: each ticked option counts once, and the voter once (no one's ticks
    are kept together, only the counts)."""
    key = _vote_key(session_id, poll)
    ticked = [option_id for option_id, box in boxes.items() if st.session_state.get(box)]
    if key in _voted_keys() or not ticked:
        return
    state.store().vote_several(session_id, poll, ticked)
    st.session_state.setdefault(session_keys.VOTES, set()).add(key)
    st.session_state[session_keys.REMEMBER_VOTES] = True


def remember_votes() -> None:
    """The browser keeps which polls it voted in (hashes only), so a reload cannot vote twice."""
    if not st.session_state.pop(session_keys.REMEMBER_VOTES, False):
        return
    value = ".".join(sorted(_voted_keys()))[-3000:]
    cookie = f"{VOTES_COOKIE}={value}; path=/; max-age=86400; SameSite=Lax"
    st.html(scripts.tag(scripts.SET_COOKIE, cookie), unsafe_allow_javascript=True)
