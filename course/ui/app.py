"""The app: preferences, the bar on top of every page, then the page itself."""

from __future__ import annotations

import gc
import logging
from urllib.parse import urlsplit

import streamlit as st
from sqlalchemy.exc import OperationalError

from course.ui import guesses, header, navigation, quick_exit, state, teacher_access
from course.ui.guard import store_notice

log = logging.getLogger(__name__)


def main() -> None:
    st.set_page_config(page_title="Safe online · En sécurité en ligne", page_icon="🛡️", layout="centered")
    freeze_long_lived_objects()
    who = state.sync_preferences()
    if quick_exit.has_left(st.context.cookies):  # after a quick exit: nothing of the app, not even a menu
        quick_exit.guard_after_exit(who)
        return
    header.set_document_language(who)
    guesses.remember_browser()
    teacher_access.accept_link_token()
    projecting = page_path() == "presenter"  # slides fill the projector: no menu, no top bar
    pages = navigation.all_pages(teacher_access.is_teacher())
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
    navigation.import_pages()
    state.course()
    gc.collect()
    gc.freeze()


def help_audience(path: str) -> str | None:
    """Who reads the page's help panel: an adult on the parents' and teachers' pages and lessons."""
    lesson = state.course().lessons.get(st.query_params.get("lesson", "")) if path == "lesson" else None
    return navigation.help_audience(path, lesson.audience if lesson else None)


def page_path() -> str:
    return urlsplit(st.context.url or "").path.strip("/").rsplit("/", 1)[-1]
