"""Quick exit: one click or Escape twice leaves for a weather site, and the app never shows again in
that tab, not even with Back."""

from __future__ import annotations

import html
from collections.abc import Mapping

import streamlit as st

from course.ui.state import Visitor
from course.web import scripts

# After a quick exit this tab must never show the app again, not even with Back. Two marks are left:
# a flag in the tab's sessionStorage (only this tab) and a cookie (the whole browser, until it
# closes). The cookie reaches the server with a returning page's first request: the server then sends
# no content at all, only the exit guard script, which leaves again if this tab has the flag. A tab
# without the flag (another tab of the same browser) clears the cookie and reloads, and carries on as
# usual. The scripts themselves: course/web/scripts.py (QUICK_EXIT, EXIT_GUARD).
EXIT_FLAG = "course-quick-exit"
EXIT_COOKIE = "course_exit"


def exit_config(who: Visitor) -> dict[str, str]:
    """What the exit scripts need (their data, as JSON in the element: never in their code)."""
    return {"url": who.t("exit.url"), "flag": EXIT_FLAG, "cookie": EXIT_COOKIE}


def has_left(cookies: Mapping[str, str]) -> bool:
    """True when this browser made a quick exit: the page must show nothing before the guard runs."""
    return cookies.get(EXIT_COOKIE) == "1"


def guard_after_exit(who: Visitor) -> None:
    """The whole page after a quick exit: a script that leaves again (or, in another tab, reloads)."""
    st.html(scripts.tag(scripts.EXIT_GUARD, exit_config(who)), unsafe_allow_javascript=True)


# Part of every page's styles (course/ui/page_kit.py).
STYLE = """
.quick-exit { display: flex; align-items: center; justify-content: center; min-height: 2.5rem;
  padding: 0 1rem; border-radius: .5rem; background: #3d3d3d; color: #fff !important; font-weight: 600;
  text-decoration: none !important; }
.quick-exit:hover, .quick-exit:focus { background: #000; outline: 3px solid #f0b400; }
/* A dialog makes the page behind it inert: it carries its own button, at its top, kept in view. */
.stElementContainer:has(> .stHtml > .quick-exit-in-dialog) { position: sticky; top: .5rem; z-index: 2; }
.stDialog > div:has(.quick-exit-in-dialog) { overflow: clip; }  /* "hidden" would stop it sticking */
.quick-exit-in-dialog { width: fit-content; margin-left: auto; box-shadow: 0 0 0 3px #fff; }
"""


def link(who: Visitor, extra_class: str = "") -> str:
    """The exit link: it works without JavaScript too."""
    url, hint, label = (html.escape(who.t(key)) for key in ("exit.url", "exit.help", "exit.label"))
    return f'<a class="quick-exit {extra_class}" href="{url}" title="{hint}">{label}</a>'


def button(who: Visitor) -> None:
    """The bar's exit button; the page kit's script (QUICK_EXIT) makes every exit link and Escape
    twice leave."""
    st.html(link(who))


def in_dialog(who: Visitor) -> None:
    """Inside a dialog: the page behind is inert, so the dialog carries its own exit button, at its
    top and kept in view while the dialog scrolls (a help panel never covers the way out). The page
    kit's script makes it leave like the bar's button."""
    st.html(link(who, "quick-exit-in-dialog"))
