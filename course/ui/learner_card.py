"""Who is learning: a generated nickname and a resume code. Nothing the child types is stored."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from course import nicknames
from course.progress import Learner
from course.progress.codes import display_code
from course.ui import session_keys, state
from course.ui.guard import guarded
from course.ui.state import Visitor

SUGGESTIONS_KEY = "nickname_suggestions"
# Part of every page's styles (course/ui/page_kit.py): nicknames side by side, one a row on phones.
STYLE = """
.st-key-nicknames { flex-wrap: wrap !important; }
.st-key-nicknames > div { flex: 1 1 12rem !important; }
"""


def require_learner(who: Visitor) -> Learner | None:
    """The current learner; otherwise offers nicknames and a resume code, and returns None."""
    learner = state.learner()
    if learner is not None:
        return learner
    wait = st.session_state.pop(session_keys.CODE_WAIT, 0)
    if wait:
        st.error(who.t("codes.wait", seconds=wait), icon=":material/timer:")
    elif st.session_state.get(session_keys.UNKNOWN_CODE):
        st.warning(who.t("learner.unknown_code"), icon=":material/help:")
    with st.container(border=True):
        st.subheader(who.t("learner.pick_title"))
        st.caption(who.t("learner.pick_help"))
        pick_nickname(who)
    with st.expander(who.t("learner.have_code")):
        resume_form(who)
    return None


def pick_nickname(who: Visitor) -> None:
    if SUGGESTIONS_KEY not in st.session_state:
        st.session_state[SUGGESTIONS_KEY] = nicknames.suggest(3, band=st.session_state.get(session_keys.BAND))
    nickname_buttons(st.session_state[SUGGESTIONS_KEY], who, "nickname", create_learner)
    st.button(
        who.t("learner.other_names"),
        icon=":material/refresh:",
        key="nickname_refresh",
        type="tertiary",
        on_click=st.session_state.pop,
        args=(SUGGESTIONS_KEY, None),
    )


def nickname_buttons(
    offered: list[str], who: Visitor, key_prefix: str, on_click: Callable[..., None], *args: object
) -> None:
    """A button per offered nickname, in one wrapped row (STYLE); a click calls `on_click(*args, key)`."""
    with st.container(horizontal=True, key="nicknames"):  # one block, not a column each
        for key in offered:
            st.button(
                nicknames.display(key, who.lang),
                key=f"{key_prefix}:{key}",
                width="stretch",
                on_click=on_click,
                args=(*args, key),
            )


@guarded
def create_learner(nickname: str) -> None:
    state.sign_in(state.store().create_learner(nickname))
    st.session_state[session_keys.SHOW_CODE] = True


def resume_form(who: Visitor) -> None:
    with st.form("resume_form", clear_on_submit=True, border=False):
        st.text_input(who.t("learner.code_label"), max_chars=9, key="typed_code", placeholder="ABC-123")
        submitted = st.form_submit_button(who.t("learner.resume"))
    if submitted:
        found = state.find_learner(st.session_state.get("typed_code"))
        wait = st.session_state.pop(session_keys.CODE_WAIT, 0)
        if wait:
            st.error(who.t("codes.wait", seconds=wait), icon=":material/timer:")
        elif found is None:
            st.error(who.t("learner.code_not_found"), icon=":material/error:")
        else:
            state.sign_in(found)
            st.rerun()


def badge_once(learner: Learner, who: Visitor) -> None:
    """The badge on the page a new learner lands on, right after the nickname is chosen, and only then."""
    if st.session_state.pop(session_keys.SHOW_CODE, False):
        learner_badge(learner, who)


def learner_badge(learner: Learner, who: Visitor) -> None:
    """The nickname and the resume code, with what the code is for."""
    with st.container(border=True):
        st.markdown(
            who.t(
                "learner.badge",
                nickname=nicknames.display(learner.nickname, who.lang),
                code=display_code(learner.resume_code),
            )
        )
        st.caption(who.t("learner.code_help"))
