"""The teacher's live dashboard: projector view (aggregates only) and the teacher's own view."""

from __future__ import annotations

import functools

import streamlit as st

from course import nicknames
from course.activities.order import in_order, shown_ids
from course.classroom import exports, reports
from course.classroom.sessions import ClassSession
from course.content import Course
from course.progress.codes import display_code
from course.ui import state
from course.ui.activity_view import item_labels
from course.ui.bars import answer_bars
from course.ui.classroom_state import big_code, classroom, join_url, public_base_url, qr_image
from course.ui.gain_table import render_gain
from course.ui.grid_table import table_html
from course.ui.guard import guarded_fragment
from course.ui.navigation import go
from course.ui.notice import not_found
from course.ui.safe import plain
from course.ui.state import Visitor

REFRESH_SECONDS = 3


def render() -> None:
    st.set_page_config(layout="wide")  # the projector view fills the screen
    who = state.visitor()
    session = classroom().get(st.query_params.get("session", ""))
    if session is None or session.expired:
        not_found(who, "dashboard", "classes", "classes.title")
        return
    st.title(plain(session.class_name))
    projector, mine = st.tabs([who.t("dashboard.projector"), who.t("dashboard.mine")])
    with projector:
        join_header(session, who)
        projector_view(session.id, who)
        learning_gain(session.id, session.lessons, who)
    with mine:
        if session.paced:
            pacing_controls(session.id, who)
        st.subheader(who.t("dashboard.grid"))
        class_view(session.id, session.lessons, who)
        manage(session, who)


def join_header(session: ClassSession, who: Visitor) -> None:
    """Where and how to join; it does not change, so the live part below does not redraw it."""
    code_col, qr_col = st.columns([3, 2], vertical_alignment="center")
    code_col.markdown(f"### {who.t('dashboard.join_at')} {public_base_url()}/join")
    with code_col:
        big_code(display_code(session.join_code))
    with qr_col:
        qr_image(join_url(session), who.t("dashboard.qr_alt"), width=260)
        st.caption(who.t("dashboard.scan"))


@guarded_fragment(run_every=REFRESH_SECONDS)
def projector_view(session_id: str, who: Visitor) -> None:
    """Safe to project, live: how many have joined or answered, charts once revealed. No names."""
    session, course = classroom().get(session_id), state.course()
    if session is None:
        return
    st.metric(who.t("dashboard.joined"), classroom().pupil_count(session.id))
    if not session.paced or session.current_lesson not in course.lessons:
        return
    lesson = course.lessons[session.current_lesson]
    st.markdown(
        who.t(
            "dashboard.now",
            lesson=lesson.title.get(who.lang),
            step=session.current_step + 1,
            total=len(lesson.steps),
        )
    )
    step = lesson.steps[min(session.current_step, len(lesson.steps) - 1)]
    if step.type != "activity":
        return
    only = (lesson.id, step.activity.id)
    stats = next(iter(reports.question_stats(classroom().engine, course, session.id, only)), None)
    st.metric(who.t("dashboard.answered"), stats.answered if stats else 0)
    if session.revealed and stats:
        distribution_chart(step.activity, stats, who, session.id)


def distribution_chart(activity, stats: reports.QuestionStats, who: Visitor, session_id: str) -> None:
    """The class's answers, options in the order the class sees them."""
    labels = in_order(item_labels(activity, who.lang), shown_ids(activity, session_id))
    if activity.type == "true_false":
        labels = {"true": who.t("activity.true"), "false": who.t("activity.false")}
    answer_bars(labels or {item: item for item in stats.picks}, stats.picks, who.t("dashboard.answers"))


@guarded_fragment
def pacing_controls(session_id: str, who: Visitor) -> None:
    """Everyone on the same step: pupils' screens follow within a few seconds. Its buttons rerun
    only this box (the projector tab catches up at its next refresh)."""
    session, course = classroom().get(session_id), state.course()
    lessons = [lid for lid in session.lessons if lid in course.lessons] if session else []
    if not lessons:
        return
    with st.container(border=True):
        st.markdown(f":material/slideshow: **{who.t('dashboard.pacing')}**")
        current = session.current_lesson if session.current_lesson in lessons else lessons[0]
        chosen = st.selectbox(
            who.t("dashboard.lesson"),
            lessons,
            index=lessons.index(current),
            format_func=lambda lid: course.lessons[lid].title.get(who.lang),
            key=f"pace_lesson_{session.id}",
        )
        if chosen != session.current_lesson:
            classroom().set_step(session.id, chosen, 0)
            st.rerun()
        total = len(course.lessons[chosen].steps)
        with st.container(horizontal=True, vertical_alignment="center"):
            pace_buttons(session, course, chosen, total, who)


def pace_buttons(session: ClassSession, course: Course, chosen: str, total: int, who: Visitor) -> None:
    """◀ where the class is ▶, and reveal: one row (a flex row, not four columns)."""
    st.button(
        "◀",
        key="pace_back",
        disabled=session.current_step == 0,
        help=who.t("lesson.back"),
        on_click=classroom().set_step,
        args=(session.id, chosen, session.current_step - 1),
    )
    st.markdown(
        who.t(
            "lesson.progress",
            step=session.current_step + 1,
            total=total,
            minutes=course.lessons[chosen].minutes,
        ),
        width="content",
    )
    st.button(
        "▶",
        key="pace_next",
        disabled=session.current_step >= total - 1,
        help=who.t("lesson.next"),
        on_click=classroom().set_step,
        args=(session.id, chosen, session.current_step + 1),
    )
    st.button(
        who.t("dashboard.hide") if session.revealed else who.t("dashboard.reveal"),
        key="pace_reveal",
        type="primary",
        on_click=classroom().reveal,
        args=(session.id, not session.revealed),
    )


@guarded_fragment(run_every=REFRESH_SECONDS)
def class_view(session_id: str, lessons: tuple[str, ...], who: Visitor) -> None:
    """The teacher's screen, live: who is where, then what the class got wrong. (A session's lessons
    do not change: they come with the page, and a refresh reads only what pupils did.)"""
    course = state.course()
    live_grid(course, session_id, lessons, who)
    misconceptions(course, session_id, who)
    gain_tables(course, session_id, lessons, who)


@guarded_fragment(run_every=REFRESH_SECONDS * 3)
def learning_gain(session_id: str, lessons: tuple[str, ...], who: Visitor) -> None:
    """The class's gain on the projector: aggregates only, like the rest of that tab."""
    gain_tables(state.course(), session_id, lessons, who)


def gain_tables(course: Course, session_id: str, lessons: tuple[str, ...], who: Visitor) -> None:
    """Per lesson with a before-check: before → after per objective, the gain, the confidence shift."""
    gains = reports.session_gains(classroom().engine, course, session_id, lessons)
    if not gains:
        return
    st.subheader(who.t("gain.title"))
    st.caption(who.t("gain.caption"))
    for lesson, gain in gains:
        st.markdown(f"**{lesson.title.get(who.lang)}**")
        render_gain(course.quizzes[gain.quiz_id], gain, who)


def live_grid(course: Course, session_id: str, lesson_ids: tuple[str, ...], who: Visitor) -> None:
    """Who is where: nickname × lesson (steps done) and quiz scores. For the teacher's screen only."""
    grid = reports.progress_grid(classroom().engine, session_id)
    if not grid:
        st.caption(who.t("dashboard.nobody"))
        return
    lessons = [course.lessons[lid] for lid in lesson_ids if lid in course.lessons]
    headers = [who.t("dashboard.pupil"), *(lesson.title.get(who.lang) for lesson in lessons)]
    rows = [
        [nicknames.display(pupil.nickname, who.lang), *(grid_cell(pupil, lesson) for lesson in lessons)]
        for pupil in grid
    ]
    st.html(table_html(headers, rows, who.t("dashboard.grid")))


def grid_cell(pupil: reports.PupilProgress, lesson) -> str:
    """✓ when finished, else the furthest step reached (— if not started); the best quiz score."""
    reached = pupil.steps.get(lesson.id)
    if lesson.id in pupil.completed:
        done = "✓"
    else:
        done = "—" if reached is None else f"{reached + 1}/{len(lesson.steps)}"
    score = pupil.best_scores.get(lesson.quiz) if lesson.quiz else None
    return done + (f" · {score} %" if score is not None else "")


def misconceptions(course: Course, session_id: str, who: Visitor) -> None:
    """The most common wrong answers, with the feedback to discuss with the class. No names."""
    st.subheader(who.t("dashboard.misconceptions"))
    stats = [s for s in reports.question_stats(classroom().engine, course, session_id) if s.mistakes]
    if not stats:
        st.caption(who.t("dashboard.no_mistakes"))
        return
    stats.sort(key=lambda s: s.mistakes[0].count, reverse=True)
    with st.container(border=True):  # one element for all: the view redraws it every few seconds
        st.markdown("\n\n---\n\n".join(mistakes_text(course, item, who) for item in stats[:8]))


def mistakes_text(course: Course, item: reports.QuestionStats, who: Visitor) -> str:
    """One question as markdown: the prompt, how many got it right, then each common mistake with the
    feedback to discuss."""
    activity = reports.find_activity(course, item.content_id, item.activity_id)
    labels = item_labels(activity, who.lang)
    parts = [
        f"**{activity.prompt.get(who.lang)}**  \n"
        + who.t("dashboard.right_of", right=item.correct, answered=item.answered)
    ]
    for mistake in item.mistakes[:2]:
        label = labels.get(mistake.item_id, mistake.item_id)
        parts.append(f":orange[:material/info:] *{label}* — {who.t('dashboard.times', count=mistake.count)}")
        parts.append(f"> {mistake.feedback.get(who.lang)}")
    return "\n\n".join(parts)


def manage(session: ClassSession, who: Visitor) -> None:
    st.subheader(who.t("dashboard.manage"))
    pupils = classroom().pupils(session.id)
    if pupils:
        remove_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
        chosen = remove_col.selectbox(
            who.t("dashboard.remove_who"),
            [p.id for p in pupils],
            index=None,
            key="remove_pupil",
            format_func=lambda pid: nicknames.display(
                next(p.nickname for p in pupils if p.id == pid), who.lang
            ),
        )
        if button_col.button(who.t("dashboard.remove"), key="remove_pupil_button", disabled=chosen is None):
            classroom().remove_pupil(session.id, chosen)
            st.rerun()
    engine, base = classroom().engine, public_base_url()
    csv_col, xapi_col = st.columns(2)
    csv_col.download_button(  # the files are made when the button is pressed, not on every rerun
        who.t("dashboard.csv"),
        functools.partial(exports.csv_text, engine, session.id, session.class_name, state.course()),
        on_click="ignore",
        file_name=f"class-{session.join_code}.csv",
        mime="text/csv",
        key="export_csv",
    )
    xapi_col.download_button(
        who.t("dashboard.xapi"),
        functools.partial(exports.xapi_jsonl, engine, session.id, base, state.course()),
        on_click="ignore",
        file_name=f"class-{session.join_code}.xapi.jsonl",
        mime="application/x-ndjson",
        key="export_xapi",
    )
    st.download_button(
        who.t("dashboard.gain_csv"),
        functools.partial(
            exports.gain_csv_text, engine, state.course(), session.id, session.class_name, session.lessons
        ),
        on_click="ignore",
        file_name=f"class-{session.join_code}-gain.csv",
        mime="text/csv",
        key="export_gain",
    )
    with st.expander(who.t("dashboard.delete")):
        st.caption(who.t("dashboard.delete_help"))
        sure = st.checkbox(who.t("dashboard.delete_sure"), key="delete_sure")
        if st.button(
            who.t("dashboard.delete_button"), type="primary", disabled=not sure, key="delete_session"
        ):
            classroom().delete(session.id)
            go("classes")
