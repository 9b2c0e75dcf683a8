"""An anonymous vote: pick one option, then see how everyone voted (nobody's own vote is kept)."""

from __future__ import annotations

import streamlit as st

from course.activities import Result
from course.activities.poll import Poll
from course.classroom.answers_shown import tally
from course.ui import listen
from course.ui.bars import answer_bars
from course.ui.guard import guarded
from course.ui.state import Visitor
from course.ui.widgets.answer_state import (
    Answering,
    choice,
    choices_form,
    choose_first,
    get,
    put,
    widget_key,
)


def draw(activity: Poll, who: Visitor, answering: Answering) -> Result | None:
    """Never a result: a vote is only counted, with nobody's name."""
    labels = {option.id: option.text.get(who.lang) for option in activity.options}
    counts = get(answering, "counts")
    listen.question(activity.prompt.get(who.lang), labels if counts is None else {}, who)
    if counts is None:
        key = widget_key(answering, "vote")
        with choices_form(widget_key(answering, "form")):  # the pick is sent with the vote, in one run
            with listen.choices_box(key):
                choice(activity, who, labels, key)
            st.form_submit_button(
                who.t("activity.vote"), key=f"{key}:button", on_click=_cast_vote, args=(answering, key)
            )
        if get(answering, "choose_first"):
            choose_first(who)
        st.caption(who.t("activity.poll_anonymous"))
        return None
    st.success(who.t("activity.voted"), icon=":material/how_to_vote:")
    counts, voters = tally(counts)  # a share is of the people who voted
    answer_bars(labels, counts, who.t("dashboard.answers"), respondents=voters)
    return None


@guarded
def _cast_vote(answering: Answering, key: str) -> None:
    picked = st.session_state.get(key)
    put(answering, "choose_first", picked is None)  # nothing chosen: nothing counted, say so
    if picked is not None and answering.vote:
        put(answering, "counts", answering.vote(picked))
