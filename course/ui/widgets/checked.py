"""The common way through an activity: its inputs and a check button, then the feedback (and, after
a wrong first try, the hint and a second try)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from course.activities import AnyActivity, Result
from course.activities.labels import item_labels
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, current_result, get, hint, retry, shown
from course.ui.widgets.feedback_view import show_feedback

A = TypeVar("A", bound=AnyActivity)
Inputs = Callable[[A, Visitor, Answering], None]  # draws the inputs and the check button


def checked(
    activity: A, who: Visitor, answering: Answering, inputs: Inputs[A], lettered: bool = True
) -> Result | None:
    """Draw `inputs` until the activity is answered, then its feedback; returns the result once answered
    (now or on an earlier visit). `lettered`: the inputs draw their choices in a `listen.choices_box`,
    and the question's listen bar has a button per choice (else each choice carries its own)."""
    result = current_result(answering)
    listen.question(
        activity.prompt.get(who.lang),
        choice_texts(activity, who, answering, lettered and result is None),
        who,
    )
    if result is None:
        inputs(activity, who, answering)
        hint(activity, who, answering)
        if get(answering, "error"):
            st.error(who.t("activity.not_saved"), icon=":material/cloud_off:")
        return None
    if answering.silent:
        return result
    if answering.hold:
        st.success(who.t("activity.saved_wait"), icon=":material/hourglass_top:")
        return result
    first_try = answering.allow_retry and get(answering, "tries", 0) < 2
    show_feedback(result, activity, who, full=not first_try, order=shown(activity, answering))
    if first_try and result.correct is False:
        if activity.hint is not None:
            st.info(activity.hint.get(who.lang), icon=":material/lightbulb:")
        st.button(
            who.t("activity.retry"), key=f"{answering.key}:retry_button", on_click=retry, args=(answering,)
        )
    return result


def choice_texts(activity: A, who: Visitor, answering: Answering, shown_now: bool) -> dict[str, str]:
    """The choices' texts in the order shown, for the listen bar (none once the question is answered)."""
    if not shown_now:
        return {}
    labels = item_labels(activity, who.lang)
    return {choice_id: labels[choice_id] for choice_id in shown(activity, answering) if choice_id in labels}
