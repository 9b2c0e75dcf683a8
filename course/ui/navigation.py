"""Every page of the app, with a language-neutral URL path."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from course.ui.state import visitor


def _pages() -> dict[str, tuple[Callable[[], None], str, str]]:
    from course.ui import help_page, home, learn, parents, teachers

    return {
        "home": (home.render, "nav.home", ":material/home:"),
        "learn": (learn.render, "nav.learn", ":material/school:"),
        "parents": (parents.render, "nav.parents", ":material/family_restroom:"),
        "teachers": (teachers.render, "nav.teachers", ":material/co_present:"),
        "help": (help_page.render, "nav.help", ":material/support:"),
    }


def page(name: str) -> st.Page:
    render, title_key, icon = _pages()[name]
    return st.Page(render, title=visitor().t(title_key), icon=icon, url_path=name, default=name == "home")


def all_pages() -> list[st.Page]:
    return [page(name) for name in _pages()]


def go(name: str, **params: str) -> None:
    """Switch page, keeping the language and country in the URL."""
    who = visitor()
    st.switch_page(page(name), query_params={"lang": who.lang, "country": who.country, **params})
