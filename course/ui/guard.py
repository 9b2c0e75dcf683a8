"""A database that is down or busy never shows a traceback: the page says so and offers a retry."""

from __future__ import annotations

import functools
import logging

import streamlit as st
from sqlalchemy.exc import OperationalError

from course.ui import session_keys
from course.ui.state import Visitor, visitor

log = logging.getLogger(__name__)


def guarded(callback):
    """For button callbacks that write to the store: a failure becomes a notice on the next run."""

    @functools.wraps(callback)
    def wrapper(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except OperationalError:
            log.exception("store unavailable in %s", callback.__name__)
            st.session_state[session_keys.STORE_DOWN] = True
            return None

    return wrapper


def store_notice(who: Visitor, failed: bool = False, key: str = "store_retry") -> None:
    """The notice with a retry button, if a write failed on the previous run or `failed` now.

    `key` tells the retry buttons apart when several parts of one page report a failure."""
    if st.session_state.pop(session_keys.STORE_DOWN, False) or failed:
        st.error(who.t("store.unavailable"), icon=":material/cloud_off:")
        st.button(who.t("store.retry"), key=key)


def guarded_fragment(body=None, **fragment_options):
    """A part of a page that reruns alone (`st.fragment`): when its own buttons are pressed, or
    every `run_every` seconds for the live views.

    The top bar, the menu and the rest of the page are not run again, so a click costs only this
    part. A fragment rerun does not pass through the app's own checks, so it shows the store
    notices itself. Use as `@guarded_fragment` or `@guarded_fragment(run_every=…)`.
    """
    if body is None:
        return functools.partial(guarded_fragment, **fragment_options)

    @st.fragment(**fragment_options)
    @functools.wraps(body)
    def run(*args, **kwargs):
        who = visitor()
        store_notice(who, key=f"store_retry:{body.__name__}")
        try:
            body(*args, **kwargs)
        except OperationalError:
            log.exception("store unavailable in %s", body.__name__)
            store_notice(who, failed=True, key=f"store_retry_failed:{body.__name__}")

    return run
