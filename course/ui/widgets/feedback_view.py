"""What a learner reads after answering: a kind verdict, then why, part by part."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from course.activities import Feedback, Result
from course.activities.base import ActivityBase
from course.activities.feedback import feedback_to_show
from course.activities.labels import item_labels
from course.ui import listen
from course.ui.state import Visitor


def show_feedback(
    result: Result, activity: ActivityBase, who: Visitor, full: bool = True, order: Sequence[str] = ()
) -> None:
    """A kind verdict, then the explanation for each part of the answer: after a wrong first try, only
    for what the learner chose (the full explanation would hand them the answer for the retry)."""
    verdict = ""
    if result.correct:
        verdict = who.t("feedback.right")
        st.success(verdict, icon=":material/celebration:")
    elif result.score:
        verdict = who.t("feedback.partly", percent=round(result.score * 100))
        st.info(verdict, icon=":material/thumb_up:")
    elif result.correct is False:
        verdict = who.t("feedback.not_yet")
        st.warning(verdict, icon=":material/lightbulb:")
    labels = item_labels(activity, who.lang)
    items = feedback_to_show(activity, result, full, order)
    lines = [feedback_said(item, labels.get(item.item_id, ""), who) for item in items]
    listen.listen([verdict, *lines], who, "listen.feedback")
    feedback_lines(items, labels, who)


def feedback_lines(items: list[Feedback], labels: dict[str, str], who: Visitor) -> None:
    """The explanation for each part of an answer, as one element (one paragraph each)."""
    if items:
        st.markdown("\n\n".join(feedback_line(item, labels.get(item.item_id, ""), who) for item in items))


def feedback_said(item: Feedback, label: str, who: Visitor) -> str:
    """One part of the feedback read aloud: the choice, then why."""
    return f"{label}: {item.text.get(who.lang)}" if label else item.text.get(who.lang)


def feedback_line(item: Feedback, label: str, who: Visitor) -> str:
    mark = {
        True: ":green[:material/check_circle:]",
        False: ":orange[:material/info:]",
        None: ":material/chat:",
    }[item.good]
    text = item.text.get(who.lang)
    return f"{mark} {'*' + label + '* — ' if label else ''}{text}"
