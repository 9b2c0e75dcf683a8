"""Quick exit: one click or Escape twice leaves for a weather site, and the app never shows again in
that tab, not even with Back."""

from __future__ import annotations

import html
from collections.abc import Mapping

import streamlit as st

from course.ui.safe import script_json
from course.ui.state import Visitor

# After a quick exit this tab must never show the app again, not even with Back. Two marks are left:
# a flag in the tab's sessionStorage (only this tab) and a cookie (the whole browser, until it
# closes). The cookie reaches the server with a returning page's first request: the server then sends
# no content at all, only GUARD_SCRIPT, which leaves again if this tab has the flag. A tab without the
# flag (another tab of the same browser) clears the cookie and reloads, and carries on as usual.
EXIT_FLAG = "course-quick-exit"
EXIT_COOKIE = "course_exit"

# The link works without JavaScript; the script replaces the page in history (so "back" does not
# return here), hides the page at once (a copy kept by the browser's back-forward cache comes back
# hidden, and leaves again on "pageshow"), and adds the usual shortcut of pressing Escape twice,
# listened to before any dialog can stop it.
QUICK_EXIT_SCRIPT = """(() => {
const exit = %s;
window.quickExit = exit;
if (window.quickExitReady) return;
window.quickExitReady = true;
const leave = () => {
  document.documentElement.style.visibility = "hidden";
  try { sessionStorage.setItem(window.quickExit.flag, "1"); } catch (error) {}
  document.cookie = window.quickExit.cookie + "=1; path=/; SameSite=Strict";
  window.location.replace(window.quickExit.url);
};
window.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest(".quick-exit")) { event.preventDefault(); leave(); }
}, true);
let lastEscape = 0;
window.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  if (Date.now() - lastEscape < 800) leave();
  lastEscape = Date.now();
}, true);
const leaveIfGone = () => {
  let gone = false;
  try { gone = sessionStorage.getItem(window.quickExit.flag) === "1"; } catch (error) {}
  if (gone) leave();
};
window.addEventListener("pageshow", leaveIfGone);  // a copy restored by the back-forward cache
leaveIfGone();  // a page that came back without the cookie (cleared by another tab)
})();"""

# Sent instead of any page when the exit cookie comes back (see EXIT_FLAG).
GUARD_SCRIPT = """(() => {
const exit = %s;
let gone = false;
try { gone = sessionStorage.getItem(exit.flag) === "1"; } catch (error) { gone = true; }
if (gone) {
  document.documentElement.style.visibility = "hidden";
  window.location.replace(exit.url);
  return;
}
document.cookie = exit.cookie + "=; path=/; max-age=0; SameSite=Strict";
if (!document.cookie.split("; ").some((part) => part.startsWith(exit.cookie + "="))) window.location.reload();
})();"""


def exit_config(who: Visitor) -> str:
    """What the exit scripts need: nothing reaches a script but through JSON."""
    return script_json({"url": who.t("exit.url"), "flag": EXIT_FLAG, "cookie": EXIT_COOKIE})


def has_left(cookies: Mapping[str, str]) -> bool:
    """True when this browser made a quick exit: the page must show nothing before the guard runs."""
    return cookies.get(EXIT_COOKIE) == "1"


def guard_after_exit(who: Visitor) -> None:
    """The whole page after a quick exit: a script that leaves again (or, in another tab, reloads)."""
    st.html(f"<script>{GUARD_SCRIPT % exit_config(who)}</script>", unsafe_allow_javascript=True)


STYLE = """<style>
.quick-exit { display: flex; align-items: center; justify-content: center; min-height: 2.5rem;
  padding: 0 1rem; border-radius: .5rem; background: #3d3d3d; color: #fff !important; font-weight: 600;
  text-decoration: none !important; }
.quick-exit:hover, .quick-exit:focus { background: #000; outline: 3px solid #f0b400; }
/* A dialog makes the page behind it inert: it carries its own button, at its top, kept in view. */
.stElementContainer:has(> .stHtml > .quick-exit-in-dialog) { position: sticky; top: .5rem; z-index: 2; }
.stDialog > div:has(.quick-exit-in-dialog) { overflow: clip; }  /* "hidden" would stop it sticking */
.quick-exit-in-dialog { width: fit-content; margin-left: auto; box-shadow: 0 0 0 3px #fff; }
</style>"""


def link(who: Visitor, extra_class: str = "") -> str:
    """The exit link: it works without JavaScript too."""
    url, hint, label = (html.escape(who.t(key)) for key in ("exit.url", "exit.help", "exit.label"))
    return f'<a class="quick-exit {extra_class}" href="{url}" title="{hint}">{label}</a>'


def button(who: Visitor) -> None:
    """The bar's exit button, with the script that makes every exit link and Escape twice leave."""
    st.html(
        link(who) + f"<script>{QUICK_EXIT_SCRIPT % exit_config(who)}</script>" + STYLE,
        unsafe_allow_javascript=True,
    )


def in_dialog(who: Visitor) -> None:
    """Inside a dialog: the page behind is inert, so the dialog carries its own exit button, at its
    top and kept in view while the dialog scrolls (a help panel never covers the way out). The bar's
    script makes it leave like the bar's button."""
    st.html(link(who, "quick-exit-in-dialog") + STYLE)
