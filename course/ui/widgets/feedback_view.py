"""What a learner reads after answering: a kind verdict, then why, part by part."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from course.activities import Feedback, Result
from course.activities.base import ActivityBase
from course.activities.feedback import feedback_to_show
from course.activities.labels import item_labels
from course.ui.state import Visitor


def show_feedback(
    result: Result, activity: ActivityBase, who: Visitor, full: bool = True, order: Sequence[str] = ()
) -> None:
    """A kind verdict, then the explanation for each part of the answer: after a wrong first try, only
    for what the learner chose (the full explanation would hand them the answer for the retry)."""
    if result.correct:
        st.success(who.t("feedback.right"), icon=":material/celebration:")
    elif result.score:
        st.info(who.t("feedback.partly", percent=round(result.score * 100)), icon=":material/thumb_up:")
    elif result.correct is False:
        st.warning(who.t("feedback.not_yet"), icon=":material/lightbulb:")
    labels = item_labels(activity, who.lang)
    feedback_lines(feedback_to_show(activity, result, full, order), labels, who)


def feedback_lines(items: list[Feedback], labels: dict[str, str], who: Visitor) -> None:
    """The explanation for each part of an answer, as one element (one paragraph each)."""
    if items:
        st.markdown("\n\n".join(feedback_line(item, labels.get(item.item_id, ""), who) for item in items))


def feedback_line(item: Feedback, label: str, who: Visitor) -> str:
    mark = {
        True: ":green[:material/check_circle:]",
        False: ":orange[:material/info:]",
        None: ":material/chat:",
    }[item.good]
    text = item.text.get(who.lang)
    return f"{mark} {'*' + label + '* — ' if label else ''}{text}"
