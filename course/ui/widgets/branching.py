"""A story: each choice leads on, until an ending (nothing right or wrong; the ending may get help)."""

from __future__ import annotations

import streamlit as st

from course.activities import Result, branching, grade
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, get, put


def draw(activity: branching.Branching, who: Visitor, answering: Answering) -> Result | None:
    path: list[str] = get(answering, "path") or []
    earlier = answering.earlier() if not path and not get(answering, "retrying") else None
    if earlier is not None:
        path = list(earlier.answer)
    node, feedback = branching.walk(activity, path)
    if feedback:
        last = feedback[-1]
        with st.container(border=True):
            st.markdown(f":material/chat: {last.text.get(who.lang)}")
    texts = {choice.id: choice.text.get(who.lang) for choice in node.choices}
    said = [feedback[-1].text.get(who.lang)] if feedback else []
    listen.question("\n\n".join([*said, node.text.get(who.lang)]), texts, who)
    st.markdown(node.text.get(who.lang))
    if node.choices:
        with listen.choices_box(f"{answering.key}:{len(path)}"):
            for choice in node.choices:
                st.button(
                    choice.text.get(who.lang),
                    key=f"{answering.key}:{len(path)}:{choice.id}",
                    width="stretch",
                    on_click=_choose,
                    args=(activity, answering, path, choice.id),
                )
        if get(answering, "error"):
            st.error(who.t("activity.not_saved"), icon=":material/cloud_off:")
        return None
    if node.seeks_help:
        st.success(who.t("activity.story_help"), icon=":material/support:")
    st.button(
        who.t("activity.story_again"),
        key=f"{answering.key}:again",
        on_click=_restart_story,
        args=(answering,),
    )
    return grade(activity, path)


def _choose(activity: branching.Branching, answering: Answering, path: list[str], choice_id: str) -> None:
    new_path = [*path, choice_id]
    node, _ = branching.walk(activity, new_path)
    if not node.choices:
        result = grade(activity, new_path)
        try:
            answering.record(result, 0, 0)
        except Exception:  # noqa: BLE001 - keep the learner where they were; they can choose again
            put(answering, "error", True)
            return
    put(answering, "error", False)
    put(answering, "path", new_path)


def _restart_story(answering: Answering) -> None:
    put(answering, "path", [])
    put(answering, "retrying", True)
