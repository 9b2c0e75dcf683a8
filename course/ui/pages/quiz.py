"""A quiz: one question at a time, feedback after each, a kind score at the end, a certificate."""

from __future__ import annotations

import datetime
import functools

import streamlit as st

from course import nicknames
from course.activities import Result, passed, quiz_score
from course.classroom.gain import CONFIDENCE_AFTER, quiz_gain
from course.content import Course
from course.content.models import Quiz
from course.pdf.certificate import CertificateText, certificate_pdf
from course.progress import Learner, Store
from course.ui import listen, routes, session_keys, state
from course.ui.answering import regrade, store_answering
from course.ui.before_check import confidence_question, record_confidence
from course.ui.gain_table import render_gain
from course.ui.guard import guarded, guarded_fragment
from course.ui.learner_card import require_learner
from course.ui.links import go
from course.ui.notice import not_found
from course.ui.state import Visitor
from course.ui.widgets import render_activity
from course.ui.widgets.answer_state import forget_activities
from course.ui.widgets.feedback_view import feedback_lines, feedback_said, item_labels


def render() -> None:
    course, who = state.course(), state.visitor()
    quiz = course.quizzes.get(st.query_params.get("quiz", ""))
    if quiz is None:
        not_found(who, "quiz", routes.LEARN, "lesson.back_to_list")
        return
    st.title(quiz.title.get(who.lang))
    learner = require_learner(who)
    if learner is None:
        return
    run_key = session_keys.quiz_run(quiz.id)  # keeps a finished run on screen until "try again"
    run_id = st.session_state.get(run_key) or state.store().open_quiz_run(learner.id, quiz.id)
    st.session_state[run_key] = run_id
    # which take of the quiz this run is: a retake shows a new order
    take_key = session_keys.in_quiz_run(run_id, "take")
    if take_key not in st.session_state:
        summary = state.store().quiz_summaries(learner.id).get(quiz.id)
        st.session_state[take_key] = (summary.runs if summary else 0) + 1
    questions(quiz, learner, run_id, who, st.session_state[take_key])


@guarded_fragment
def questions(quiz: Quiz, learner: Learner, run_id: str, who: Visitor, take: int = 1) -> None:
    """The question on screen, its answer and "next": a click reruns only this part of the page."""
    # The question on screen stays until "next", so its feedback shows after it is answered. Where the
    # run stands is read from the store when this session has not seen it yet (a resumed quiz) and
    # for the score; a click on a question reads only that question's earlier answer, if it needs it.
    at_key = session_keys.in_quiz_run(run_id, "at")
    if at_key not in st.session_state:
        st.session_state[at_key] = len(run_results(quiz, learner, run_id))
    index = st.session_state[at_key]
    if index >= len(quiz.questions):
        results(quiz, learner, run_id, run_results(quiz, learner, run_id), who)
        return
    st.progress(
        index / len(quiz.questions), text=who.t("quiz.progress", number=index + 1, total=len(quiz.questions))
    )
    question = quiz.questions[index]
    answering = store_answering(quiz.id, question, learner, run_id, take=take)
    result = render_activity(question, who, answering)
    if result is not None or question.optional:
        last = index == len(quiz.questions) - 1
        st.button(
            who.t("quiz.see_score") if last else who.t("quiz.next"),
            type="primary",
            key=f"quiz_next_{index}",
            icon=":material/arrow_forward:",
            icon_position="right",
            on_click=st.session_state.__setitem__,
            args=(session_keys.in_quiz_run(run_id, "at"), index + 1),
        )


def run_results(quiz: Quiz, learner: Learner, run_id: str) -> dict[str, Result]:
    """The answers already given in this run, graded again from the stored ids."""
    stored = state.store().last_answers(learner.id, quiz.id, run_id)
    results = {}
    for question in quiz.questions:
        attempt = stored.get(question.id)
        result = regrade(question, attempt.answer) if attempt else None
        if result is None:
            break  # questions are answered in order: stop at the first gap
        results[question.id] = result
    return results


def results(quiz: Quiz, learner: Learner, run_id: str, answered: dict[str, Result], who: Visitor) -> None:
    score = quiz_score(list(answered.values()))
    success = passed(score, quiz.pass_mark)
    finished_key = session_keys.in_quiz_run(run_id, "finished")
    if not st.session_state.get(finished_key):  # once: later reruns of the score page write nothing
        state.store().finish_quiz_run(run_id, score, success)
        st.session_state[finished_key] = True
    if success:
        message = who.t("quiz.passed", score=score)
        st.success(message, icon=":material/celebration:")
    else:
        message = who.t("quiz.not_yet", score=score, pass_mark=quiz.pass_mark)
        st.info(message, icon=":material/lightbulb:")
    listen.listen([message], who, "listen.message")
    to_review = [q for q in quiz.questions if answered.get(q.id) and answered[q.id].correct is False]
    if to_review:
        st.subheader(who.t("quiz.review"))
        for question in to_review:
            with st.container(border=True):
                prompt = question.prompt.get(who.lang)
                st.markdown(f"**{prompt}**")
                wrong = [item for item in answered[question.id].feedback if item.good is False]
                labels = item_labels(question, who.lang)
                feedback_lines(wrong, labels, who)
                said = [feedback_said(item, labels.get(item.item_id, ""), who) for item in wrong]
                listen.listen([prompt, *said], who, "listen.feedback")
    with st.container(horizontal=True):
        again = st.button(who.t("quiz.again"), key="quiz_again", width="stretch")
        to_lessons = st.button(who.t("lesson.back_to_list"), key="quiz_lessons", width="stretch")
    if again:
        forget_run(quiz, run_id)
        st.rerun()  # the finished run is closed: a new one opens
    if to_lessons:
        go(routes.LEARN, band=quiz.ages)
    if quiz.before_check:
        after_check(quiz, learner, run_id, who)
    if success:
        certificate(learner, who)


def after_check(quiz: Quiz, learner: Learner, run_id: str, who: Visitor) -> None:
    """ "How sure am I now?", then the learner's own before and after per objective."""
    key = session_keys.in_quiz_run(run_id, "confidence")
    store = state.store()
    if key not in st.session_state:
        st.session_state[key] = store.last_answer(learner.id, quiz.id, CONFIDENCE_AFTER, run_id) is not None
    if not st.session_state[key]:
        with st.container(border=True):
            st.markdown(f"**{who.t('after.confidence_title')}**")
            confidence_question(who, f"{key}:value", on_change=_save_confidence, args=(quiz, learner, run_id))
        return
    st.subheader(who.t("gain.mine"))
    render_gain(quiz, quiz_gain(quiz, store.attempts(learner.id, quiz.id)), who, class_view=False)


@guarded
def _save_confidence(quiz: Quiz, learner: Learner, run_id: str) -> None:
    value = st.session_state.get(session_keys.in_quiz_run(run_id, "confidence:value"))
    if value is not None:
        record_confidence(quiz, learner, CONFIDENCE_AFTER, value, run_id)
        st.session_state[session_keys.in_quiz_run(run_id, "confidence")] = True


def forget_run(quiz: Quiz, run_id: str) -> None:
    """A finished run leaves nothing in the session: retaking a quiz many times does not make it slower."""
    st.session_state.pop(session_keys.quiz_run(quiz.id), None)
    st.session_state.pop(session_keys.in_quiz_run(run_id, "at"), None)
    st.session_state.pop(session_keys.in_quiz_run(run_id, "finished"), None)
    st.session_state.pop(session_keys.in_quiz_run(run_id, "take"), None)
    st.session_state.pop(session_keys.in_quiz_run(run_id, "confidence"), None)
    forget_activities(session_keys.in_quiz_run(run_id, ""))


def certificate(learner: Learner, who: Visitor) -> None:
    text = CertificateText(
        heading=who.t("certificate.heading"),
        awarded_to=who.t("certificate.awarded_to"),
        for_completing=who.t("certificate.for_completing"),
        date_label=who.t("certificate.date_label"),
        footer=who.t("certificate.footer"),
        quiz_score=who.t("certificate.quiz_score"),
    )
    nickname, today = nicknames.display(learner.nickname, who.lang), datetime.date.today()
    make = functools.partial(
        certificate_file, state.store(), state.course(), learner, nickname, today, text, who.lang
    )
    st.download_button(
        who.t("quiz.certificate"),
        make,  # the finished lessons are read and the PDF made when the button is pressed only
        on_click="ignore",
        file_name="certificate.pdf",
        mime="application/pdf",
        icon=":material/workspace_premium:",
        key="quiz_certificate",
    )


def certificate_file(
    store: Store, course: Course, learner: Learner, nickname: str, when: datetime.date, text, lang: str
) -> bytes:
    """The certificate of `learner`: what they did, the lessons finished, each with its best quiz score."""
    summaries = store.quiz_summaries(learner.id)
    titles = []
    for lesson_id, progress in store.lesson_progress(learner.id).items():
        lesson = course.lessons.get(lesson_id)
        if progress.completed and lesson is not None:
            summary = summaries.get(lesson.quiz or "")
            score = f" · {text.quiz_score.format(score=summary.best_score)}" if summary else ""
            titles.append(lesson.title.get(lang) + score)
    return certificate_pdf(nickname, titles, when, text, lang)
