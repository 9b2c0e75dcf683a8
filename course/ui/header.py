"""The bar on top of every page: help, language, country and quick exit."""

from __future__ import annotations

import html
import json

import streamlit as st

from course.content import Course
from course.content.models import SUPPORTED_COUNTRIES
from course.locales import LANGUAGES
from course.ui import helpcard
from course.ui.state import Visitor, set_country, set_language

LANGUAGE_LABELS = {"fr": "Français", "en": "English"}
# The link works without JavaScript; the script replaces the page in history (so "back" does not
# return here) and adds the usual shortcut of pressing Escape twice.
QUICK_EXIT_SCRIPT = """
window.quickExitUrl = %s;
if (!window.quickExitReady) {
  window.quickExitReady = true;
  const leave = () => window.location.replace(window.quickExitUrl);
  document.addEventListener("click", (event) => {
    if (event.target.closest(".quick-exit")) { event.preventDefault(); leave(); }
  });
  let lastEscape = 0;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (Date.now() - lastEscape < 600) leave();
    lastEscape = Date.now();
  });
}
"""


def set_document_language(lang: str) -> None:
    """Streamlit fixes <html lang="en">; screen readers need the real language."""
    if lang in LANGUAGES:  # only our own constant reaches the script
        st.html(
            f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
            unsafe_allow_javascript=True,
        )


def quick_exit(who: Visitor) -> None:
    """Leaves at once for a neutral site, replacing this page in the tab's history."""
    url = who.t("exit.url")
    st.html(
        f'<a class="quick-exit" href="{html.escape(url)}" title="{html.escape(who.t("exit.help"))}">'
        f"{html.escape(who.t('exit.label'))}</a>"
        f"<script>{QUICK_EXIT_SCRIPT % json.dumps(url)}</script>"
        "<style>.quick-exit{display:flex;align-items:center;justify-content:center;min-height:2.5rem;"
        "border-radius:0.5rem;background:#3d3d3d;color:#fff!important;font-weight:600;"
        "text-decoration:none!important}.quick-exit:hover,.quick-exit:focus{background:#000;"
        "outline:3px solid #f0b400}</style>",
        unsafe_allow_javascript=True,
    )


LAYOUT_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }
@media (max-width: 640px) {  /* phones: two controls per row instead of four stacked rows */
  .st-key-topbar [data-testid="stHorizontalBlock"] { flex-wrap: wrap; gap: .5rem; }
  .st-key-topbar [data-testid="stColumn"] {
    flex: 1 1 calc(50% - .5rem) !important; min-width: calc(50% - .5rem) !important; width: auto !important; }
  .st-key-topbar [data-testid="stColumn"]:nth-child(4) { order: 2; }  /* quick exit beside help */
  .st-key-topbar [data-testid="stColumn"]:nth-child(2) { order: 3; }
  .st-key-topbar [data-testid="stColumn"]:nth-child(3) { order: 4; }
}
</style>"""


def render(course: Course, who: Visitor) -> None:
    st.html(LAYOUT_CSS)
    with st.container(key="topbar"):
        _controls(course, who)
    helpcard.show_help_dialog_if_open(course, who)


def _controls(course: Course, who: Visitor) -> None:
    help_col, lang_col, country_col, exit_col = st.columns([3, 3, 2, 2], vertical_alignment="center")
    with help_col:
        st.button(
            who.t("help.button"),
            type="primary",
            icon=":material/support:",
            on_click=helpcard.open_help,
            key="help_button",
            width="stretch",
        )
    with lang_col:
        st.session_state["lang_widget"] = who.lang
        st.segmented_control(
            who.t("settings.language"),
            LANGUAGES,
            format_func=LANGUAGE_LABELS.get,
            key="lang_widget",
            label_visibility="collapsed",
            on_change=lambda: set_language(st.session_state["lang_widget"] or who.lang),
        )
    with country_col:
        st.session_state["country_widget"] = who.country
        st.selectbox(
            who.t("settings.country"),
            SUPPORTED_COUNTRIES,
            key="country_widget",
            format_func=lambda code: country_label(course, code, who),
            label_visibility="collapsed",
            on_change=lambda: set_country(st.session_state["country_widget"]),
        )
    with exit_col:
        quick_exit(who)


def country_label(course: Course, code: str, who: Visitor) -> str:
    country = course.countries.get(code)
    return country.name.get(who.lang) if country else code
