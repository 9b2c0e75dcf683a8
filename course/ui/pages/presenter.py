"""The parent evening's projector: full-screen slides that follow the presenter's console."""

from __future__ import annotations

import streamlit as st

from course.classroom import evening
from course.classroom.answers_shown import right_ids, right_line, tally
from course.classroom.sessions import ClassSession
from course.progress.codes import display_code
from course.ui import state
from course.ui.bars import answer_bars
from course.ui.classroom_state import big_code, classroom, join_url, join_warning, public_base_url, qr_image
from course.ui.evening_parts import FOLLOW_SECONDS, evening_in_address, move, position, vote_labels
from course.ui.guard import guarded_fragment
from course.ui.safe import plain
from course.ui.state import Visitor
from course.ui.widgets.steps import render_step

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


def render() -> None:
    """Full-screen slides that follow the session; arrow keys or the small buttons move them."""
    st.set_page_config(layout="wide")
    who = state.visitor()
    session = evening_in_address(who)
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
    lesson_id, index = position(session)
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
    labels = vote_labels(activity, options, who)
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
