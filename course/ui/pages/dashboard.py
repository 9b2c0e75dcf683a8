"""The teacher's live dashboard: projector view (aggregates only) and the teacher's own view."""

from __future__ import annotations

import functools

import streamlit as st

from course import nicknames
from course.activities.order import in_order, shown_ids
from course.classroom import answers_shown, cards, exports, reports
from course.classroom.sessions import ClassSession, can_reveal
from course.content import Course
from course.progress.codes import display_code
from course.ui import routes, state
from course.ui.bars import answer_bars
from course.ui.card_panel import card_panel
from course.ui.classroom_state import big_code, classroom, join_url, join_warning, public_base_url, qr_image
from course.ui.gain_table import render_gain
from course.ui.grid_table import table_html
from course.ui.guard import guarded_fragment
from course.ui.links import go
from course.ui.notice import not_found
from course.ui.pack_button import pack_button
from course.ui.safe import plain
from course.ui.state import Visitor
from course.ui.widgets.feedback_view import item_labels

REFRESH_SECONDS = 3


def render() -> None:
    st.set_page_config(layout="wide")  # the projector view fills the screen
    who = state.visitor()
    session = classroom().get(st.query_params.get("session", ""))
    if session is None or session.expired:
        not_found(who, "dashboard", routes.CLASSES, "classes.title")
        return
    st.title(plain(session.class_name))
    projector, mine = st.tabs([who.t("dashboard.projector"), who.t("dashboard.mine")])
    with projector:
        with st.container(key="join_header"):  # keyed: the projector view hides it during a reveal
            join_header(session, who)
        projector_view(session.id, who)
        with st.container(key="projector_gain"):
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
        join_warning(who)
        big_code(display_code(session.join_code))
    with qr_col:
        qr_image(join_url(session), who.t("dashboard.qr_alt"), width=260)
        st.caption(who.t("dashboard.scan"))


@guarded_fragment(run_every=REFRESH_SECONDS)
def projector_view(session_id: str, who: Visitor) -> None:
    """Safe to project, live: how many have joined or answered, charts once revealed. No names.

    While a question's answers are revealed, the join header and the gain tables give way to a one-line
    join reminder, so the question, its bars and its right answers fit a 1280×720 projector."""
    session, course = classroom().get(session_id), state.course()
    if session is None:
        return
    joined = classroom().pupil_count(session.id)
    lesson = course.lessons.get(session.current_lesson) if session.paced and session.current_lesson else None
    if lesson is None:
        st.metric(who.t("dashboard.joined"), joined)
        return
    step = lesson.steps[min(session.current_step, len(lesson.steps) - 1)]
    stats = None
    if step.type == "activity":
        only = (lesson.id, step.activity.id)
        stats = next(iter(reports.question_stats(classroom().engine, course, session.id, only)), None)
    shown = session.revealed and stats is not None
    asking = session.cards and step.type == "activity" and cards.by_card(step.activity) and not shown
    if shown or asking:
        st.html(PROJECTING_CSS)
    st.markdown(
        who.t(
            "dashboard.now",
            lesson=lesson.title.get(who.lang),
            step=session.current_step + 1,
            total=len(lesson.steps),
        )
    )
    with st.container(horizontal=True, gap="large"):
        st.metric(who.t("dashboard.joined"), joined, width="content")
        if step.type == "activity":
            st.metric(who.t("dashboard.answered"), stats.answered if stats else 0, width="content")
        if shown or asking:  # the join header is hidden meanwhile: latecomers still find the way in
            join = (
                f"{who.t('dashboard.join_at')} {public_base_url()}/join · {display_code(session.join_code)}"
            )
            st.markdown(join, width="stretch")
    if shown and stats is not None and step.type == "activity":
        distribution_chart(step.activity, stats, who, session.id, session.cards)
    elif asking and step.type == "activity":
        card_question(step.activity, who, session.id)


# While answers are revealed on the projector, or a card class is asked a question: the join header and
# gain tables (keyed containers in render) make room for the question; the fragment stops drawing this
# style when the answers are hidden.
PROJECTING_CSS = (
    "<style>.st-key-join_header,.st-key-projector_gain{display:none}"
    ".stMainBlockContainer{padding-bottom:1rem}"
    ".st-key-projected h4{font-size:clamp(1.2rem,2vw,1.8rem);padding:0;line-height:1.25}</style>"
)


def card_question(activity, who: Visitor, session_id: str) -> None:
    """The question on the projector for a class holding up paper cards: its options lettered A–D in
    the class's order (the letter on a card means that option)."""
    labels = cards.lettered(item_labels(activity, who.lang), activity, session_id)
    with st.container(key="projected", gap="small"):
        st.markdown(f"#### {activity.prompt.get(who.lang)}")
        st.markdown("\n".join(f"- **{label}**" for label in labels.values()))
        st.caption(who.t("cards.hold_up"))


def distribution_chart(
    activity, stats: reports.QuestionStats, who: Visitor, session_id: str, lettered: bool = False
) -> None:
    """The class's answers, options in the order the class sees them, each a share of the pupils who
    answered, the right ones marked; for an ordering, a settings profile or a story, how many got it
    right. `lettered`: a class with paper cards, whose options carry their card's letter."""
    with st.container(key="projected", gap="small"):
        st.markdown(f"#### {activity.prompt.get(who.lang)}")
        if not answers_shown.has_bars(activity):
            st.markdown(who.t("dashboard.right_of", right=stats.correct, answered=stats.answered))
            return
        labels = in_order(item_labels(activity, who.lang), shown_ids(activity, session_id))
        if lettered and cards.by_card(activity):
            labels = cards.lettered(labels, activity, session_id)
        answer_bars(
            labels,
            stats.picks,
            who.t("dashboard.answers"),
            respondents=stats.answered,
            hall=True,
            right=answers_shown.right_ids(activity),
            right_text=who.t("answers.right"),
            note=who.t("answers.of_respondents", count=stats.answered),
        )
        line = answers_shown.right_line(activity, labels)
        if line is not None:
            right_of = who.t("dashboard.right_of", right=stats.correct, answered=stats.answered)
            st.success(f"{who.t(line[0], **line[1])} — {right_of}", icon=":material/check_circle:")


@guarded_fragment
def pacing_controls(session_id: str, who: Visitor) -> None:
    """Everyone on the same step: pupils' screens follow within a few seconds. Its buttons rerun
    only this box (the projector tab catches up at its next refresh)."""
    session, course = classroom().get(session_id), state.course()
    lessons = session.lessons_in(course.lessons) if session else []
    if session is None or not lessons:
        return
    with st.container(border=True):
        st.markdown(f":material/slideshow: **{who.t('dashboard.pacing')}**")
        current = next((lid for lid in lessons if lid == session.current_lesson), lessons[0])
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
            pack_button(who, chosen, key="pace_pack", seed=session.id)  # paper in the class's order
    card_panel(session, course, who)


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
    revealable = can_reveal(course.lessons[chosen], session.current_step)
    st.button(
        who.t("dashboard.hide") if session.revealed else who.t("dashboard.reveal"),
        key="pace_reveal",
        type="primary" if revealable else "secondary",
        disabled=not revealable,
        help=None if revealable else who.t("dashboard.nothing_to_reveal"),
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
        [
            nicknames.display(pupil.nickname, who.lang),
            *(reports.grid_text(pupil, lesson) for lesson in lessons),
        ]
        for pupil in grid
    ]
    st.html(table_html(headers, rows, who.t("dashboard.grid")))


def misconceptions(course: Course, session_id: str, who: Visitor) -> None:
    """The most common wrong first answers (a retry does not erase a misconception), with the feedback
    to discuss with the class. No names."""
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
    parts = [f"**{activity.prompt.get(who.lang)}**  \n" + right_text(item, who)]
    for mistake in item.mistakes[:2]:
        label = labels.get(mistake.item_id, mistake.item_id)
        parts.append(f":orange[:material/info:] *{label}* — {who.t('dashboard.times', count=mistake.count)}")
        parts.append(f"> {mistake.feedback.get(who.lang)}")
    return "\n\n".join(parts)


def right_text(item: reports.QuestionStats, who: Visitor) -> str:
    """How many got it right: at first try and now, when a retry changed it."""
    if item.first_correct == item.correct:
        return who.t("dashboard.right_of", right=item.correct, answered=item.answered)
    return who.t(
        "dashboard.right_first_now", first=item.first_correct, right=item.correct, answered=item.answered
    )


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
        clicked = button_col.button(
            who.t("dashboard.remove"), key="remove_pupil_button", disabled=chosen is None
        )
        if clicked and chosen is not None:
            classroom().remove_pupil(session.id, chosen)
            st.rerun()
    engine, base = classroom().engine, public_base_url()
    csv_col, xapi_col = st.columns(2)
    csv_col.download_button(  # the files are made when the button is pressed, not on every rerun
        who.t("dashboard.csv"),
        functools.partial(answers_csv, engine, session, state.course(), who.lang),
        on_click="ignore",
        file_name=f"class-{session.join_code}.csv",
        mime="text/csv",
        key="export_csv",
    )
    xapi_col.download_button(
        who.t("dashboard.xapi"),
        functools.partial(exports.xapi_jsonl, engine, session.id, base, state.course(), who.lang),
        on_click="ignore",
        file_name=f"class-{session.join_code}.xapi.jsonl",
        mime="application/x-ndjson",
        key="export_xapi",
    )
    st.download_button(
        who.t("dashboard.gain_csv"),
        functools.partial(gain_csv, engine, session, state.course(), who.lang),
        on_click="ignore",
        file_name=f"class-{session.join_code}-gain.csv",
        mime="text/csv",
        key="export_gain",
    )
    # Stateful (a key and on_change): a tick inside reruns the page, and the section stays open on the
    # button it enables (a plain expander closed again).
    with st.expander(who.t("dashboard.delete"), key="delete_section", on_change="rerun"):
        st.caption(who.t("dashboard.delete_help"))
        sure = st.checkbox(who.t("dashboard.delete_sure"), key="delete_sure")
        if st.button(
            who.t("dashboard.delete_button"), type="primary", disabled=not sure, key="delete_session"
        ):
            classroom().delete(session.id)
            go(routes.CLASSES)


def answers_csv(engine, session: ClassSession, course: Course, lang: str) -> bytes:
    """The CSV as the grid shows it, in the teacher's language, ready for a spreadsheet."""
    text = exports.csv_text(engine, session.id, session.class_name, course, lang, session.lessons)
    return exports.for_spreadsheets(text)


def gain_csv(engine, session: ClassSession, course: Course, lang: str) -> bytes:
    text = exports.gain_csv_text(engine, course, session.id, session.class_name, session.lessons, lang)
    return exports.for_spreadsheets(text)
