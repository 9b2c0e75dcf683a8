"""The "Need help now?" panel: helplines for the chosen country, in the chosen language.

What a visitor reads depends on their band (`Course.helplines`, `Helpline.purpose_for`): before a
band is chosen the panel cannot know who is reading, so it shows the 7-10 set in 7-10 words (people
to talk to and the "danger now" numbers; no adult-only service). Numbers are tap-to-call (tel:) or
tap-to-text (sms:) links, for a child on a phone.
"""

from __future__ import annotations

import streamlit as st

from course.content import Course
from course.content.models import Helpline
from course.helpcard import help_card
from course.locales import month_name
from course.ui import listen, quick_exit, session_keys
from course.ui.state import Visitor


def render_helplines(course: Course, who: Visitor, band: str | None = None) -> None:
    """Who to tell, then the country's helplines for `band` (emergency first), with their verified month."""
    card = help_card(course, who.country, band or st.session_state.get(session_keys.BAND))
    intro = who.t(card.intro_key)
    listen.listen([intro, *(said(line, who, card.band) for line in card.lines)], who, "listen.help")
    st.markdown(intro)
    if not card.lines:
        st.warning(who.t("help.unavailable"))
        return
    for line in card.emergency:
        links = phone_links(line, who)
        text = f"**{line.name.get(who.lang)}** · {line.contact.get(who.lang)}"
        st.error(text + (f"  \n{links}" if links else ""), icon=":material/emergency:")
    for line in card.others:
        _helpline(line, who, card.band)
    if card.verified:
        st.caption(who.t("help.verified", month=month_name(card.verified, who.lang)))


def _helpline(line: Helpline, who: Visitor, band: str) -> None:
    with st.container(border=True):
        name = line.name.get(who.lang) + (" (?)" if line.unconfirmed else "")
        st.markdown(f"**{name}** · {line.contact.get(who.lang)}")
        links = phone_links(line, who)
        if links:
            st.markdown(links)
        st.caption(f"{line.purpose_for(band).get(who.lang)} · {line.who_for(band).get(who.lang)}")
        if line.url:
            st.markdown(f"[{line.url.removeprefix('https://')}]({line.url})")


def said(line: Helpline, who: Visitor, band: str) -> str:
    """A helpline read aloud: its name, how to reach it, what it is for."""
    name, contact = line.name.get(who.lang), line.contact.get(who.lang)
    if line.emergency:
        return f"{name}: {contact}"
    return f"{name}: {contact}. {line.purpose_for(band).get(who.lang)}"


def phone_links(line: Helpline, who: Visitor) -> str:
    """Markdown links to call or text each of the line's numbers: `[Call 3018](tel:3018)`."""
    links = []
    for phone in line.phones:
        if phone.call:
            links.append(f"[{who.t('help.call', number=phone.number)}](tel:{phone.dial})")
        if phone.text:
            links.append(f"[{who.t('help.text', number=phone.number)}](sms:{phone.dial})")
    return " · ".join(links)


def open_help() -> None:
    st.session_state[session_keys.HELP_OPEN] = True


def close_help() -> None:
    st.session_state[session_keys.HELP_OPEN] = False


def show_help_dialog_if_open(course: Course, who: Visitor, audience: str | None = None) -> None:
    """Dialogs open from a session flag so that they also work under AppTest. `audience` (an adult
    strand's band) is the page's reader when the page is for adults; else the session's band is used."""
    if not st.session_state.get(session_keys.HELP_OPEN):
        return

    @st.dialog(who.t("help.title"), width="large", on_dismiss=close_help)
    def dialog() -> None:
        quick_exit.in_dialog(who)
        render_helplines(course, who, audience)
        if st.button(who.t("help.close"), key="help_close"):
            close_help()
            st.rerun()

    dialog()
