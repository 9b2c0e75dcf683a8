"""The "Need help now?" panel: helplines for the chosen country, in the chosen language."""

from __future__ import annotations

import streamlit as st

from course.content import Course
from course.content.models import Helpline
from course.locales import month_name
from course.ui.state import Visitor

HELP_FLAG = "help_open"


def render_helplines(course: Course, who: Visitor, band: str | None = None) -> None:
    """Who to tell, then the country's helplines for `band` (emergency first), with their verified month."""
    band = band or st.session_state.get("band")
    st.markdown(who.t("help.intro_adult" if band in ("parents", "teachers") else "help.intro"))
    lines = course.helplines(who.country, band)
    if not lines:
        st.warning(who.t("help.unavailable"))
        return
    emergency = [line for line in lines if line.emergency]
    for line in emergency:
        st.error(f"**{line.name.get(who.lang)}** · {line.contact.get(who.lang)}", icon=":material/emergency:")
    for line in lines:
        if not line.emergency:
            _helpline(line, who)
    months = sorted({line.verified for line in lines})
    st.caption(who.t("help.verified", month=month_name(months[-1], who.lang)))


def _helpline(line: Helpline, who: Visitor) -> None:
    with st.container(border=True):
        name = line.name.get(who.lang) + (" (?)" if line.unconfirmed else "")
        st.markdown(f"**{name}** · {line.contact.get(who.lang)}")
        st.caption(f"{line.purpose.get(who.lang)} · {line.who.get(who.lang)}")
        if line.url:
            st.markdown(f"[{line.url.removeprefix('https://')}]({line.url})")


def open_help() -> None:
    st.session_state[HELP_FLAG] = True


def close_help() -> None:
    st.session_state[HELP_FLAG] = False


def show_help_dialog_if_open(course: Course, who: Visitor) -> None:
    """Dialogs open from a session flag so that they also work under AppTest."""
    if not st.session_state.get(HELP_FLAG):
        return

    @st.dialog(who.t("help.title"), width="large", on_dismiss=close_help)
    def dialog() -> None:
        render_helplines(course, who)
        if st.button(who.t("help.close"), key="help_close"):
            close_help()
            st.rerun()

    dialog()
