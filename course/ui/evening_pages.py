"""Parent evening: slides on the projector, speaker notes for the presenter, votes from parents' phones."""

from __future__ import annotations

import hashlib
import re

import streamlit as st

from course.classroom import evening
from course.classroom.answers_shown import right_ids, right_line, tally
from course.classroom.sessions import ClassSession
from course.content import Course
from course.progress.codes import display_code
from course.ui import guesses, state
from course.ui.bars import answer_bars
from course.ui.classroom_state import (
    big_code,
    classroom,
    join_url,
    join_warning,
    own_base_url,
    public_base_url,
    qr_image,
)
from course.ui.guard import guarded, guarded_fragment
from course.ui.handout_button import handout_button
from course.ui.navigation import go
from course.ui.notice import not_found
from course.ui.player import render_step
from course.ui.safe import plain, script_json
from course.ui.state import Visitor

FOLLOW_SECONDS = 1
VOTES_COOKIE = "course_votes"
VOTE_KEY = re.compile(r"[0-9a-f]{10}")  # what _vote_key makes
SLIDE_CSS = """<style>
.stMainBlockContainer { padding-top: 2.5rem !important; padding-bottom: 1rem !important; }
.st-key-slide p, .st-key-slide li, .st-key-slide [data-testid="stAlertContentInfo"] p {
  font-size: clamp(1.3rem, 2.2vw, 2.1rem) !important; line-height: 1.45; }
.st-key-slide h1 { font-size: clamp(2.2rem, 4vw, 3.6rem) !important; }
.st-key-slide h2, .st-key-slide h3 { font-size: clamp(1.7rem, 3vw, 2.6rem) !important; }
.st-key-slide .st-key-question h2 { font-size: clamp(1.4rem, 2.3vw, 2.2rem) !important; padding: 0 0 .2rem; }
.st-key-slide .st-key-question [data-testid="stAlertContentSuccess"] p {
  font-size: clamp(1.1rem, 1.6vw, 1.6rem) !important; line-height: 1.3; }
.st-key-slide .st-key-question [data-testid="stAlertContainer"] { padding: .5rem 1rem; }
.st-key-corner { position: fixed; top: .6rem; right: 1.2rem; left: auto; width: auto !important;
  z-index: 999990; background: #fff; border: 2px solid #17171c; border-radius: .5rem; padding: .1rem .8rem; }
.st-key-corner p { font-size: 1.4rem !important; }
</style>"""


def _evening(who: Visitor) -> ClassSession | None:
    session = classroom().get(st.query_params.get("session", ""))
    if session is None or session.expired or session.kind != "evening":
        not_found(who, "dashboard", "classes", "classes.title")
        return None
    return session


def _position(session: ClassSession) -> tuple[str | None, int]:
    return (session.current_lesson, session.current_step) if session.current_lesson else evening.WELCOME


@guarded
def move(session_id: str, offset: int) -> None:
    session, course = classroom().get(session_id), state.course()
    lesson_id, step = evening.moved(course, session.lessons, _position(session), offset)
    if lesson_id is None:
        classroom().set_step(session_id, "", 0)
    else:
        classroom().set_step(session_id, lesson_id, step)


# --- the projector -----------------------------------------------------------------------------


def presenter() -> None:
    """Full-screen slides that follow the session; arrow keys or the small buttons move them."""
    st.set_page_config(layout="wide")
    who = state.visitor()
    session = _evening(who)
    if session is None:
        return
    st.html(SLIDE_CSS)
    with st.container(key="corner"):  # the code stays in a corner of every slide: drawn once
        st.markdown(f"**{who.t('evening.code')} {display_code(session.join_code)}**")
    slide(session.id, who)


@guarded_fragment(run_every=FOLLOW_SECONDS)
def slide(session_id: str, who: Visitor) -> None:
    """The slide, kept in step with the notes window; its own buttons rerun only the slide."""
    session, course = classroom().get(session_id), state.course()
    if session is None:
        return
    with st.container(key="slide"):
        slide_content(session, course, who)
    with st.container(horizontal=True, horizontal_alignment="distribute"):  # ◀ on the left, ▶ on the right
        slide_buttons(session, who)


def slide_buttons(session: ClassSession, who: Visitor) -> None:
    st.button(
        "◀",
        key="slide_back",
        on_click=move,
        args=(session.id, -1),
        shortcut="ArrowLeft",
        help=who.t("lesson.back"),
    )
    st.button(
        "▶",
        key="slide_next",
        on_click=move,
        args=(session.id, 1),
        shortcut="ArrowRight",
        help=who.t("lesson.next"),
    )


def slide_content(session: ClassSession, course, who: Visitor) -> None:
    lesson_id, index = _position(session)
    if lesson_id is None or lesson_id not in course.lessons:
        welcome(session, who)
        return
    lesson = course.lessons[lesson_id]
    st.caption(f"{lesson.title.get(who.lang)} · {index + 1} / {len(lesson.steps)}")
    step = lesson.steps[index]
    if step.type == "activity":
        with st.container(key="question", gap="small"):  # compact: a question and its bars fit 720p
            question_slide(session, lesson.id, step.activity, who)
    else:
        render_step(lesson, index, None, who)


def welcome(session: ClassSession, who: Visitor) -> None:
    st.title(plain(session.class_name))
    text, code = st.columns([3, 2], vertical_alignment="center")
    with text:
        st.markdown(f"## {who.t('evening.join_phone')}")
        st.markdown(f"### {public_base_url()}/join")
        join_warning(who)
        big_code(display_code(session.join_code))
        st.markdown(who.t("evening.anonymous"))
    with code:
        qr_image(join_url(session), who.t("dashboard.qr_alt"), width=340)


def question_slide(session: ClassSession, lesson_id: str, activity, who: Visitor) -> None:
    st.markdown(f"## {activity.prompt.get(who.lang)}")
    options = evening.votable(activity, session.id)
    if options is None:
        st.markdown(who.t("evening.not_votable"))
        return
    counts, voters = tally(state.store().poll_results(session.id, evening.poll_id(lesson_id, activity.id)))
    labels = {oid: (text.get(who.lang) if text else who.t(f"activity.{oid}")) for oid, text in options}
    if not session.revealed:
        st.markdown("\n".join(f"- {label}" for label in labels.values()))
        st.markdown(f"### {who.t('evening.votes', count=voters)}")
        return
    answer_bars(
        labels,
        counts,
        who.t("dashboard.answers"),
        respondents=voters,
        hall=True,
        right=right_ids(activity),
        right_text=who.t("answers.right"),
        note=who.t("answers.of_respondents", count=voters),
    )
    line = right_line(activity, labels)
    if line is not None:
        st.success(who.t(line[0], **line[1]), icon=":material/check_circle:")


# --- the presenter's own screen ----------------------------------------------------------------


def console() -> None:
    """Speaker notes, controls, the next slide and live vote counts: open it in a second window."""
    who = state.visitor()
    session = _evening(who)
    if session is None:
        return
    st.title(who.t("evening.console"))
    st.link_button(
        who.t("evening.open_projector"),
        f"{own_base_url()}/presenter?session={session.id}&lang={who.lang}&country={who.country}",
        icon=":material/open_in_new:",
    )
    st.caption(who.t("evening.console_help"))
    controls(session.id, who)
    handout_button(who, key="console_handout")


@guarded_fragment(run_every=FOLLOW_SECONDS * 2)
def controls(session_id: str, who: Visitor) -> None:
    session, course = classroom().get(session_id), state.course()
    current = _position(session)
    main = evening.main_button(course, current, session.revealed)  # the one primary button
    back, reveal, forward = st.columns(3)
    back.button(
        who.t("lesson.back"),
        icon=":material/arrow_back:",
        key="console_back",
        width="stretch",
        on_click=move,
        args=(session.id, -1),
    )
    reveal.button(
        who.t("dashboard.hide") if session.revealed else who.t("dashboard.reveal"),
        width="stretch",
        key="console_reveal",
        type="primary" if main == "reveal" else "secondary",
        disabled=not evening.revealable(course, current),
        on_click=classroom().reveal,
        args=(session.id, not session.revealed),
    )
    forward.button(
        who.t("lesson.next"),
        icon=":material/arrow_forward:",
        key="console_next",
        width="stretch",
        type="primary" if main == "next" else "secondary",
        on_click=move,
        args=(session.id, 1),
    )
    with st.container(border=True):
        st.markdown(f"**{who.t('evening.now')}** — {slide_title(course, current, who)}")
        st.markdown(speaker_notes(course, current, who))
        activity = evening.activity_at(course, current)
        if activity is not None and evening.votable(activity, session.id) is not None:
            poll = evening.poll_id(current[0], activity.id)
            _, voters = tally(state.store().poll_results(session.id, poll))
            st.metric(who.t("evening.votes_label"), voters)
    upcoming = evening.moved(course, session.lessons, current, 1)
    st.caption(f"{who.t('evening.next')} — {slide_title(course, upcoming, who)}")


def slide_title(course: Course, position: tuple[str | None, int], who: Visitor) -> str:
    lesson_id, index = position
    if lesson_id not in course.lessons:
        return who.t("evening.welcome_slide")
    lesson = course.lessons[lesson_id]
    step = lesson.steps[index]
    kind = who.t(f"evening.type.{step.type}")
    return f"{lesson.title.get(who.lang)} · {index + 1}/{len(lesson.steps)} ({kind})"


def speaker_notes(course: Course, position: tuple[str | None, int], who: Visitor) -> str:
    """The step's own notes if the author wrote some, else what to do with this kind of slide."""
    lesson_id, index = position
    if lesson_id not in course.lessons:
        return who.t("evening.notes.welcome")
    step = course.lessons[lesson_id].steps[index]
    if step.notes:
        return step.notes.get(who.lang)
    return who.t(f"evening.notes.{'activity' if step.type == 'activity' else 'default'}")


# --- parents' phones ---------------------------------------------------------------------------


def _voted_keys() -> set[str]:
    """The polls this browser voted in: from its cookie (only the parts shaped like our own keys: the
    cookie is the browser's, anyone can plant anything there) and from this session."""
    return voted_in_cookie(st.context.cookies.get(VOTES_COOKIE)) | st.session_state.setdefault("votes", set())


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
        st.session_state["code_wait"] = wait
    return session


def vote_page() -> None:
    """A parent's phone: the question on the screen now, one vote per browser, nothing stored per person."""
    who = state.visitor()
    session_id = st.session_state.get("evening")
    session = classroom().get(session_id) if session_id else _evening_by_code(st.query_params.get("evening"))
    if session is not None and session.kind == "evening" and not session.expired:
        st.session_state["evening"] = session.id
        st.query_params["evening"] = session.join_code
    else:
        st.title(who.t("evening.vote_title"))
        wait = st.session_state.pop("code_wait", 0)
        if wait:
            st.error(who.t("codes.wait", seconds=wait), icon=":material/timer:")
        st.info(who.t("evening.join_first"), icon=":material/login:")
        if st.button(who.t("nav.join"), key="vote_join"):
            go("join")
        return
    st.title(plain(session.class_name))
    phone_question(session.id, who)
    st.divider()
    handout_button(who, key="phone_handout")


@guarded_fragment(run_every=FOLLOW_SECONDS * 2)
def phone_question(session_id: str, who: Visitor) -> None:
    session, course = classroom().get(session_id), state.course()
    lesson_id, index = _position(session)
    step = course.lessons[lesson_id].steps[index] if lesson_id in course.lessons else None
    is_activity = step is not None and step.type == "activity"
    options = evening.votable(step.activity, session.id) if is_activity else None
    if options is None:
        st.info(who.t("evening.watch_screen"), icon=":material/visibility:")
        return
    activity = step.activity
    poll = evening.poll_id(lesson_id, activity.id)
    st.markdown(f"### {activity.prompt.get(who.lang)}")
    if _vote_key(session.id, poll) in _voted_keys():
        remember_votes()
        st.success(who.t("evening.thanks"), icon=":material/how_to_vote:")
        return
    labels = {
        option_id: text.get(who.lang) if text else who.t(f"activity.{option_id}")
        for option_id, text in options
    }
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
    st.session_state.setdefault("votes", set()).add(key)
    st.session_state["remember_votes"] = True


@guarded
def cast_ticks(session_id: str, poll: str, boxes: dict[str, str]) -> None:
    """A tick-all-that-apply vote: each ticked option counts once, and the voter once (no one's ticks
    are kept together, only the counts)."""
    key = _vote_key(session_id, poll)
    ticked = [option_id for option_id, box in boxes.items() if st.session_state.get(box)]
    if key in _voted_keys() or not ticked:
        return
    state.store().vote_several(session_id, poll, ticked)
    st.session_state.setdefault("votes", set()).add(key)
    st.session_state["remember_votes"] = True


def remember_votes() -> None:
    """The browser keeps which polls it voted in (hashes only), so a reload cannot vote twice."""
    if not st.session_state.pop("remember_votes", False):
        return
    value = ".".join(sorted(_voted_keys()))[-3000:]
    cookie = f"{VOTES_COOKIE}={value}; path=/; max-age=86400; SameSite=Lax"
    st.html(f"<script>document.cookie = {script_json(cookie)};</script>", unsafe_allow_javascript=True)
