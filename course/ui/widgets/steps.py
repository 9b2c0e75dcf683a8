"""A lesson step on screen, whatever its type: text, key message, picture, chat, discussion, activity,
help card or summary."""

from __future__ import annotations

import streamlit as st

from course.content.models import ChatStep, Lesson
from course.progress import Learner
from course.ui import listen, state
from course.ui.answering import local_answering, store_answering
from course.ui.helpcard import render_helplines
from course.ui.state import Visitor
from course.ui.widgets import render_activity
from course.ui.widgets.chat import message, senders
from course.ui.widgets.picture import show_picture


def discussion_setting(lesson: Lesson, learner: Learner | None) -> str:
    """In a class session a discussion is held together; at home it is a reflection; adults discuss it."""
    if lesson.audience != "learner":
        return "adult"
    return "class" if learner and learner.session_id else "home"


def render_step(
    lesson: Lesson, index: int, learner: Learner | None, who: Visitor, hold: bool = False
) -> bool:
    """Show one step; returns False for an activity not answered yet."""
    step = lesson.steps[index]
    root = state.course().root
    if step.picture is not None:
        show_picture(root, step.picture.src, step.picture.alt.get(who.lang))
    if step.type == "text":
        listen.listen([step.body.get(who.lang)], who)
        st.markdown(step.body.get(who.lang))
    elif step.type == "key_message":
        listen.listen([step.body.get(who.lang)], who)
        st.info(step.body.get(who.lang), icon=":material/key:")
    elif step.type == "image":
        caption = step.caption.get(who.lang) if step.caption else None
        listen.listen([step.alt.get(who.lang), caption or ""], who)
        show_picture(root, step.src, step.alt.get(who.lang), caption)
    elif step.type == "chat":
        listen.listen([step.intro.get(who.lang) if step.intro else "", *chat_lines(step, who)], who)
        if step.intro:
            st.markdown(step.intro.get(who.lang))
        shown = zip(step.messages, senders(step.messages, who), strict=True)
        for number, (line, (name, first)) in enumerate(shown):
            with message(line.sender, name, first, f"{step.id}-{number}"):
                st.markdown(line.text.get(who.lang))
    elif step.type == "discussion":
        with st.container(border=True):
            setting = discussion_setting(lesson, learner)
            st.markdown(f":material/forum: **{who.t(f'lesson.discussion_{setting}')}**")
            listen.listen([step.prompt.get(who.lang)], who)
            st.markdown(step.prompt.get(who.lang))
            st.caption(who.t_band(f"lesson.discussion_{setting}_help", lesson.ages))
    elif step.type == "activity":
        return (
            render_activity(
                step.activity,
                who,
                (
                    store_answering(lesson.id, step.activity, learner, hold=hold)
                    if learner
                    else local_answering(lesson.id, step.activity)
                ),
            )
            is not None
            or step.activity.optional
        )
    elif step.type == "help_card":
        if step.intro:
            listen.listen([step.intro.get(who.lang)], who)
            st.markdown(step.intro.get(who.lang))
        render_helplines(state.course(), who, lesson.ages)
    elif step.type == "summary":
        title = who.t("lesson.what_i_learnt" if lesson.audience == "learner" else "lesson.key_points")
        st.subheader(title)
        listen.listen([title, *(point.get(who.lang) for point in step.points)], who)
        for point in step.points:
            st.markdown(f"- {point.get(who.lang)}")
    return True


def chat_lines(step: ChatStep, who: Visitor) -> list[str]:
    """A chat read aloud: each message after its sender's name."""
    return [
        f"{line.name.get(who.lang)}: {line.text.get(who.lang)}" if line.name else line.text.get(who.lang)
        for line in step.messages
    ]
