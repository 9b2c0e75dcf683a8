"""The bar on top of every page: help, language, country, reading comfort and quick exit."""

from __future__ import annotations

import streamlit as st

from course import bands, languages
from course.content import Course
from course.locales import t
from course.ui import helpcard, quick_exit, reading, routes
from course.ui.state import Visitor, set_country, set_language

# Streamlit's own fixed English (a link for screen readers, menu and input labels, hints): each text
# or aria-label/title/placeholder equal to a key of the table becomes the page language's text, now
# and whenever Streamlit draws more.
STREAMLIT_TEXTS = {
    "Skip to main content": "streamlit.skip_to_content",
    "Main menu": "streamlit.main_menu",
    "Link to heading": "streamlit.link_to_heading",
    "Choose options": "streamlit.choose_options",
    "Choose an option": "streamlit.choose_option",
    "Select all": "streamlit.select_all",
    "Clear all": "streamlit.clear_all",
    "Clear value": "streamlit.clear_value",
    "Selected values": "streamlit.selected_values",
    "Open": "streamlit.open",
    "Close": "streamlit.close",
    "No results": "streamlit.no_results",
    "Press Enter to submit form": "streamlit.enter_to_submit",
    "Press Enter to apply": "streamlit.enter_to_apply",
    "App pages": "streamlit.app_pages",
    "Navigate to home page": "streamlit.home_page",
    "Running...": "streamlit.running",
    "Notifications": "streamlit.notifications",
    "This app would like to use your camera.": "streamlit.camera_asks",
    "Learn how to allow access.": "streamlit.camera_how",
    "Take Photo": "streamlit.take_photo",
    "Clear photo": "streamlit.clear_photo",
    "Switch camera": "streamlit.switch_camera",
    "Drag and drop a file here": "streamlit.drop_file",
    "Upload": "streamlit.upload",
    "Uploading...": "streamlit.uploading",
}
# The script that puts them in place: course/web/scripts.py (DOCUMENT_LANGUAGE), in the page kit.


def streamlit_texts(lang: str) -> dict[str, str]:
    """Streamlit's English → `lang` (nothing to change for English)."""
    if lang == "en":
        return {}
    return {english: t(key, lang) for english, key in STREAMLIT_TEXTS.items()}


# Part of every page's styles (course/ui/page_kit.py). The bar is one flex row (no columns: a full run
# sends six blocks fewer); its controls share the width 3 : 3 : 2 : 2.4 : 1.2.
BAR = ".st-key-topbar > div"
LAYOUT_CSS = f"""
[data-testid="stMainBlockContainer"]:has(.st-key-topbar) {{ padding-top: 4.5rem; }}  /* clear of the menu */
.st-key-topbar {{ gap: .5rem !important; }}
{BAR} {{ min-width: 0; }}
{BAR}:nth-child(1), {BAR}:nth-child(2) {{ flex: 3 1 0 !important; }}
{BAR}:nth-child(3) {{ flex: 2 1 0 !important; }}
{BAR}:nth-child(4) {{ flex: 2.4 1 0 !important; }}
{BAR}:nth-child(5) {{ flex: 1.2 1 0 !important; }}
{BAR} [data-testid="stButtonGroup"] > div {{ width: 100%; }}
@media (max-width: 640px) {{  /* phones: two controls per row instead of one row squeezed */
  .st-key-topbar {{ flex-wrap: wrap !important; }}
  {BAR} {{ flex: 1 1 calc(50% - .5rem) !important; min-width: calc(50% - .5rem) !important; }}
  {BAR}:nth-child(4) {{ order: 2; }}  /* quick exit beside help */
  {BAR}:nth-child(2) {{ order: 3; }}
  {BAR}:nth-child(3) {{ order: 4; }}
  {BAR}:nth-child(5) {{ order: 5; }}
}}
@media (min-width: 641px) {{  /* wide screens: the reading menu shows its icon, its name on hover */
  {BAR}:nth-child(5) [data-testid="stMarkdownContainer"] {{
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }}
}}
"""


def render(course: Course, who: Visitor, audience: str | None = None) -> None:
    """`audience`: an adult strand's band on a page for adults (their help panel lists adult lines)."""
    with st.container(key="topbar", horizontal=True, vertical_alignment="center"):
        _controls(course, who)
    helpcard.show_help_dialog_if_open(course, who, audience)


def _controls(course: Course, who: Visitor) -> None:
    st.button(
        who.t("help.button"),
        type="primary",
        icon=":material/support:",
        on_click=helpcard.open_help,
        key="help_button",
        width="stretch",
    )
    st.session_state["lang_widget"] = who.lang
    st.segmented_control(
        who.t("settings.language"),
        languages.released(),
        format_func=languages.name,
        key="lang_widget",
        label_visibility="collapsed",
        on_change=lambda: set_language(st.session_state["lang_widget"] or who.lang),
        width="stretch",
    )
    st.session_state["country_widget"] = who.country
    st.selectbox(
        who.t("settings.country"),
        list(course.countries),
        key="country_widget",
        format_func=lambda code: country_label(course, code, who),
        label_visibility="collapsed",
        on_change=lambda: set_country(st.session_state["country_widget"]),
    )
    quick_exit.button(who)
    reading.menu(who)


def country_label(course: Course, code: str, who: Visitor) -> str:
    country = course.countries.get(code)
    return country.name.get(who.lang) if country else code


def help_reader(path: str, lesson_audience: str | None = None) -> str | None:
    """The helplines' band for the page at `path` (the adult strand of its reader), or None for the
    session's band; `lesson_audience` is the audience of the lesson on a lesson page."""
    if path == routes.LESSON.path:
        reader = lesson_audience
    else:
        route = routes.by_path(path)
        reader = route.reader if route else None
    return bands.strand(reader) if reader in bands.ADULT_AUDIENCES else None
