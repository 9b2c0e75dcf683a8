"""The teacher's "Paper cards" box under the pace controls: a photo of the class's cards (camera or file)
answers the current question, each card can be corrected by hand, and a quick tally counts hands.

The photo is read in memory during the run that receives it and never kept: only the card numbers read
stay in this browser's session, to list what the photo gave. Decisions live in course.classroom.cards.
"""

from __future__ import annotations

import dataclasses
import functools
import html

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from course import nicknames
from course.activities.order import in_order, shown_ids
from course.cards import layout
from course.cards.sheet import class_cards
from course.classroom import cards
from course.classroom.sessions import ClassSession
from course.content import Course
from course.ui.classroom_state import classroom
from course.ui.grid_table import table_html
from course.ui.routes import DASHBOARD
from course.ui.state import Visitor
from course.ui.widgets.feedback_view import item_labels

NONE = "-"  # the correction's choice for "no answer"
PHOTO_TYPES = ["jpg", "jpeg", "png"]


def card_panel(session: ClassSession, course: Course, who: Visitor) -> None:
    """The box for the class's current step: cards first, then the tally; the step's question only."""
    with st.container(border=True, key="paper_cards"):
        st.markdown(f":material/style: **{who.t('cards.title')}**")
        used = st.toggle(
            who.t("cards.use"),
            value=session.cards,
            key=f"use_cards_{session.id}",
            help=who.t("cards.use_help"),
        )
        if used != session.cards:
            classroom().use_cards(session.id, used)
            session = dataclasses.replace(session, cards=used)
        if not used:
            return
        st.download_button(
            who.t("cards.download", count=layout.DEFAULT_CARDS),
            data=functools.partial(class_cards, layout.DEFAULT_CARDS, who.lang),
            file_name=f"{who.t('cards.file_stem')}-{layout.DEFAULT_CARDS}-{who.lang}.pdf",
            mime="application/pdf",
            icon=":material/print:",
            key=f"cards_pdf_{session.id}",
            on_click="ignore",
        )
        activity = current_activity(session, course)
        if activity is None:
            st.caption(who.t("cards.no_question"))
            return
        question = f"{session.id}:{session.current_lesson}:{activity.id}"
        if cards.by_card(activity):
            photo_part(
                session, activity, question, course.versions.get(session.current_lesson or "", ""), who
            )
        else:
            st.info(who.t("cards.not_by_card"), icon=":material/info:")
        if cards.by_tally(activity):
            with st.expander(who.t("cards.tally"), icon=":material/tag:"):
                tally_form(session, activity, question, who)
        elif not cards.by_card(activity):
            st.caption(who.t("cards.skip"))


def current_activity(session: ClassSession, course: Course):
    """The activity of the step the class is on, if it is one."""
    lesson = course.lessons.get(session.current_lesson or "")
    if lesson is None or not lesson.steps:
        return None
    step = lesson.steps[min(session.current_step, len(lesson.steps) - 1)]
    return step.activity if step.type == "activity" else None


def photo_part(session: ClassSession, activity, question: str, version: str, who: Visitor) -> None:
    """Camera or file in, then what was read: card → pupil → letter, the unsure ones, a correction."""
    take_key, read_key = f"cards_take:{question}", f"cards_read:{question}"
    take = st.session_state.get(take_key, 0)
    retake = who.t("cards.retake") if read_key in st.session_state else None
    camera, upload = st.tabs([who.t("cards.camera"), who.t("cards.upload")])
    with camera:
        shot = st.camera_input(retake or who.t("cards.photo"), key=f"cards_camera:{question}:{take}")
        st.html(camera_reload_link(session, who))
    with upload:
        sent = st.file_uploader(
            retake or who.t("cards.photo_file"), type=PHOTO_TYPES, key=f"cards_file:{question}:{take}"
        )
    picture = shot or sent
    if picture is not None:
        from course.cards import reader  # OpenCV: loaded by the first photo, not at the server's start

        try:
            reading = reader.read_photo(picture.getvalue(), max_card=layout.MAX_CARDS)
        except reader.UnreadablePhoto:
            st.error(who.t("cards.unreadable"), icon=":material/no_photography:")
            return
        outcome = cards.record_photo(classroom(), session, activity, reading, version=version)
        st.session_state[read_key] = {
            "read": len(outcome.read),
            "new": len(outcome.new),
            "unsure": outcome.unsure,
            "off": outcome.off,
            "kept": outcome.kept,
        }
        # Fresh, empty widgets: the photo leaves memory now, and the camera is ready for a retake.
        st.session_state[take_key] = take + 1
        rerun_box()
    last = st.session_state.get(read_key)
    if last:
        summary(last, who)
    answers = cards.card_answers(classroom(), session, activity)
    if answers:
        labels = cards.lettered(item_labels(activity, who.lang), activity, session.id)
        options = cards.letters(activity, session.id)
        rows = [
            [
                str(card.number),
                nicknames.display(card.nickname, who.lang),
                labels[options[card.letter]] if card.letter else "—",
            ]
            for card in answers
        ]
        headers = [who.t("cards.card"), who.t("dashboard.pupil"), who.t("cards.answer")]
        st.html(table_html(headers, rows, who.t("cards.read_table")))
    unsure = tuple(last["unsure"]) if last else ()
    correction(session, activity, question, [card.number for card in answers], unsure, version, who)


def rerun_box() -> None:
    """This box again (a fragment rerun, as a click inside it in the browser starts), or the whole page
    when the page is what runs (AppTest runs pages whole)."""
    context = get_script_run_ctx()
    st.rerun(scope="fragment" if context is not None and context.fragment_ids_this_run else "app")


def summary(last: dict, who: Visitor) -> None:
    """What the last photo gave, in one line, then the cards it could not use."""
    st.success(who.t("cards.read", count=last["read"], new=last["new"]), icon=":material/photo_camera:")
    if last["unsure"]:
        st.warning(who.t("cards.unsure", cards=", ".join(map(str, last["unsure"]))), icon=":material/help:")
    if last["off"]:
        st.warning(who.t("cards.off", cards=", ".join(map(str, last["off"]))), icon=":material/block:")
    if last["kept"]:
        st.info(who.t("cards.kept", cards=", ".join(map(str, last["kept"]))), icon=":material/lock:")


def correction(
    session: ClassSession,
    activity,
    question: str,
    known: list[int],
    unsure: tuple[int, ...],
    version: str,
    who: Visitor,
) -> None:
    """One card's answer set by hand: a card read wrong, an unsure one, or one to leave out."""
    numbers = sorted({*known, *unsure})
    if not numbers:
        return
    letters = [*cards.letters(activity, session.id), NONE]
    form = st.form(f"cards_fix:{question}", border=False)
    with form, st.container(horizontal=True, vertical_alignment="bottom"):
        number = st.selectbox(who.t("cards.card"), numbers, key=f"cards_fix_card:{question}", width=120)
        letter = st.selectbox(
            who.t("cards.answer"),
            letters,
            format_func=lambda value: who.t("cards.no_answer") if value == NONE else value,
            key=f"cards_fix_letter:{question}",
            width=160,
        )
        fixed = st.form_submit_button(who.t("cards.correct"), icon=":material/edit:")
    if fixed and number is not None:
        cards.correct(
            classroom(), session, activity, number, None if letter == NONE else letter, version=version
        )
        rerun_box()


def tally_form(session: ClassSession, activity, question: str, who: Visitor) -> None:
    """Hands counted per option, in the order the class sees them; saving replaces the last tally."""
    labels = in_order(item_labels(activity, who.lang), shown_ids(activity, session.id))
    if cards.by_card(activity):
        labels = cards.lettered(labels, activity, session.id)
    counted = cards.tallies(classroom().engine, session.id, (session.current_lesson or "", activity.id))
    earlier = next(iter(counted.values()), {})
    st.caption(who.t("cards.tally_help"))
    with st.form(f"cards_tally:{question}", border=False):
        counts = {
            option: st.number_input(
                label,
                min_value=0,
                max_value=999,
                step=1,
                value=earlier.get(option, 0),
                key=f"tally:{question}:{option}",
            )
            for option, label in labels.items()
        }
        if st.form_submit_button(who.t("cards.tally_save"), type="primary"):
            cards.record_tally(classroom(), session, activity, {k: int(v) for k, v in counts.items()})
            st.success(who.t("cards.tally_saved", count=sum(int(v) for v in counts.values())))


def camera_reload_link(session: ClassSession, who: Visitor) -> str:
    """A link that loads this page afresh in this tab: the camera is allowed only to a tab whose first
    page was the dashboard (course.web.headers), not one that came here from another page."""
    url = f"/{DASHBOARD.path}?session={session.id}&lang={who.lang}&country={who.country}"
    return (
        f'<p style="font-size:.9rem;margin:0">{html.escape(who.t("cards.camera_closed"))} '
        f'<a href="{html.escape(url)}" target="_self">{html.escape(who.t("cards.camera_reload"))}</a></p>'
    )
