"""Every page of the app, with a language-neutral URL path."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from course.ui.state import visitor

HIDDEN = {
    "lesson",
    "quiz",
    "join",
    "dashboard",
    "presenter",
    "console",
    "vote",
    "privacy",
}  # reached by link or button
TEACHER_ONLY = {"classes", "dashboard", "presenter", "console"}  # registered only for a signed-in teacher
# The pages whose reader is an adult, whatever band the session chose before: their help panel lists
# the adult lines. A lesson page reads its lesson's audience instead (help_audience).
ADULT_PAGES = {"parents": "parents", "teachers": "teachers"} | {name: "teachers" for name in TEACHER_ONLY}
LESSON_AUDIENCE = {"parent": "parents", "teacher": "teachers"}


def help_audience(path: str, lesson_audience: str | None = None) -> str | None:
    """The helplines' band for the page at `path` ("parents", "teachers"), or None for the session's
    band; `lesson_audience` is the audience of the lesson on a lesson page."""
    if path == "lesson" and lesson_audience in LESSON_AUDIENCE:
        return LESSON_AUDIENCE[lesson_audience]
    return ADULT_PAGES.get(path)


def _pages() -> dict[str, tuple[Callable[[], None], str, str]]:
    from course.ui import (
        classes_page,
        dashboard,
        evening_pages,
        help_page,
        home,
        join_page,
        learn,
        parents,
        player,
        privacy_page,
        progress_page,
        quiz_page,
        teachers,
    )

    return {
        "home": (home.render, "nav.home", ":material/home:"),
        "learn": (learn.render, "nav.learn", ":material/school:"),
        "progress": (progress_page.render, "nav.progress", ":material/insights:"),
        "parents": (parents.render, "nav.parents", ":material/family_restroom:"),
        "teachers": (teachers.render, "nav.teachers", ":material/co_present:"),
        "classes": (classes_page.render, "nav.classes", ":material/groups:"),
        "help": (help_page.render, "nav.help", ":material/support:"),
        "privacy": (privacy_page.render, "nav.privacy", ":material/shield_lock:"),
        "lesson": (player.render, "nav.lesson", ":material/menu_book:"),
        "quiz": (quiz_page.render, "nav.quiz", ":material/quiz:"),
        "join": (join_page.render, "nav.join", ":material/login:"),
        "dashboard": (dashboard.render, "nav.dashboard", ":material/monitoring:"),
        "presenter": (evening_pages.presenter, "nav.presenter", ":material/slideshow:"),
        "console": (evening_pages.console, "nav.console", ":material/speaker_notes:"),
        "vote": (evening_pages.vote_page, "nav.vote", ":material/how_to_vote:"),
    }


def import_pages() -> None:
    """Import every page's module now (they are imported on first use otherwise)."""
    _pages()


def page(name: str) -> st.Page:
    render, title_key, icon = _pages()[name]
    return st.Page(
        render,
        title=visitor().t(title_key),
        icon=icon,
        url_path=name,
        default=name == "home",
        visibility="hidden" if name in HIDDEN else "visible",
    )


PAGES_KEY = "pages"


def all_pages(teacher: bool) -> list[st.Page]:
    """The pages this visitor may open: teacher pages exist only for a signed-in teacher.

    Made once per session, language and sign-in: every full rerun asks for them, and making
    fourteen st.Page objects costs more than the rest of a small page."""
    made_for = (teacher, visitor().lang)
    kept = st.session_state.get(PAGES_KEY)
    if kept is None or kept[0] != made_for:
        kept = (made_for, [page(name) for name in _pages() if teacher or name not in TEACHER_ONLY])
        st.session_state[PAGES_KEY] = kept
    return kept[1]


def go(name: str, **params: str) -> None:
    """Switch page, keeping the language, the country and the resume code in the URL."""
    who = visitor()
    keep = {"lang": who.lang, "country": who.country}
    if "code" in st.query_params:
        keep["code"] = st.query_params["code"]
    st.switch_page(page(name), query_params={**keep, **params})
