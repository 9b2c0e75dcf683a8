"""The app: preferences, the bar on top of every page, then the page itself."""

from __future__ import annotations

import functools
import gc
import importlib
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

import streamlit as st
from sqlalchemy.exc import OperationalError

from course.ui import (
    guesses,
    header,
    page_kit,
    quick_exit,
    routes,
    session_keys,
    state,
    teacher_access,
)
from course.ui.guard import store_notice

log = logging.getLogger(__name__)


def main() -> None:
    st.set_page_config(page_title="Safe online · En sécurité en ligne", page_icon="🛡️", layout="centered")
    freeze_long_lived_objects()
    who = state.sync_preferences()
    if quick_exit.has_left(st.context.cookies):  # after a quick exit: nothing of the app, not even a menu
        quick_exit.guard_after_exit(who)
        return
    projecting = page_path() == routes.PRESENTER.path  # slides fill the projector: no menu, no top bar
    page_kit.install(who, exit_keys=not projecting)  # every page's styles and scripts, its language
    guesses.remember_browser()
    teacher_access.accept_link_token()
    pages = registered_pages(teacher_access.is_teacher())
    page = st.navigation(pages, position="hidden" if projecting else "top")
    if not projecting:
        header.render(state.course(), who, help_audience(page.url_path))
    store_notice(who)  # a button's write that failed on the previous run
    try:
        state.learner()  # restores the learner from a resume code in the URL, on any page
        page.run()
    except OperationalError:  # the database is down or unreachable: say so, keep the page usable
        log.exception("store unavailable")
        store_notice(who, failed=True, key="store_retry_page")


_frozen = False


def freeze_long_lived_objects() -> None:
    """Once per process: what lives as long as the server (modules, the course) leaves the garbage
    collector's reach, so that its occasional full collections stay short (docs/performance.md).

    The store is left out: opening it can fail (a database that is down), and that failure belongs
    to the page's own handling, which says so and offers a retry.
    """
    global _frozen
    if _frozen:
        return
    _frozen = True
    renders()
    state.course()
    gc.collect()
    gc.freeze()


def help_audience(path: str) -> str | None:
    """Who reads the page's help panel: an adult on the parents' and teachers' pages and lessons."""
    lesson = (
        state.course().lessons.get(st.query_params.get("lesson", "")) if path == routes.LESSON.path else None
    )
    return header.help_reader(path, lesson.audience if lesson else None)


@functools.cache
def renders() -> dict[str, Callable[[], None]]:
    """Route path -> its page's render(): course/ui/pages/<path>.py for every route, all imported at
    start, so a route without its page stops the app at once with the file to add."""
    found = {}
    for route in routes.ROUTES:
        try:
            module = importlib.import_module(f"course.ui.pages.{route.path}")
        except ModuleNotFoundError as missing:
            if missing.name != f"course.ui.pages.{route.path}":
                raise
            raise RuntimeError(
                f"route '{route.path}' has no page: add course/ui/pages/{route.path}.py"
            ) from None
        found[route.path] = module.render
    return found


def make_page(route: routes.Route) -> st.Page:
    return st.Page(
        renders()[route.path],
        title=state.visitor().t(route.title_key),
        icon=route.icon,
        url_path=route.path,
        default=route is routes.DEFAULT,
        visibility="visible" if route.in_menu else "hidden",
    )


def registered_pages(teacher: bool) -> list[st.Page]:
    """The pages this visitor may open: teacher pages exist only for a signed-in teacher.

    Made once per session, language and sign-in: every full rerun asks for them, and making
    fifteen st.Page objects costs more than the rest of a small page."""
    made_for = (teacher, state.visitor().lang)
    kept = st.session_state.get(session_keys.PAGES)
    if kept is None or kept[0] != made_for:
        kept = (made_for, [make_page(route) for route in routes.ROUTES if teacher or not route.teacher])
        st.session_state[session_keys.PAGES] = kept
    return kept[1]


def page_path() -> str:
    return urlsplit(st.context.url or "").path.strip("/").rsplit("/", 1)[-1]
