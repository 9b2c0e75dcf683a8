"""Who is typing codes, so that join, resume and evening codes cannot be guessed faster than the limits
in course/classroom/sessions.py (FAILURE_LIMITS): this browser, across reloads, and its network address.

The browser is known by a random id it keeps in a cookie of its own making (no server value crosses into
the script); only a hash of it is stored, for a minute, and only after a wrong code."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from course.classroom.sessions import Classroom
from course.ui import session_keys
from course.web import scripts

T = TypeVar("T")
BROWSER_COOKIE = "course_browser"
BROWSER_ID = re.compile(r"[0-9a-f]{32}")


def sources() -> dict[str, str]:
    """This browser (its cookie, else this session until the cookie exists) and its network address."""
    cookie = st.context.cookies.get(BROWSER_COOKIE)
    browser = cookie if isinstance(cookie, str) and BROWSER_ID.fullmatch(cookie) else None
    found = {"browser": browser or st.session_state.setdefault(session_keys.BROWSER, secrets.token_hex(16))}
    address = st.context.ip_address
    if isinstance(address, str) and address:
        found["network"] = address
    return found


def remember_browser() -> None:
    """Once per session: give this browser its id cookie if it has none yet."""
    if st.session_state.get(session_keys.BROWSER_REMEMBERED) or BROWSER_COOKIE in st.context.cookies:
        return
    st.session_state[session_keys.BROWSER_REMEMBERED] = True
    st.html(scripts.tag(scripts.REMEMBER_BROWSER), unsafe_allow_javascript=True, width="content")


def try_code(room: Classroom, code: str, lookup: Callable[[], T | None]) -> tuple[T | None, int]:
    """What `lookup` finds for a typed `code` (join, resume or evening), unless this browser or its
    address must wait first: (found, 0), or (None, seconds to wait). A code that finds nothing is counted."""
    guesser = sources()
    wait = room.wait_seconds(guesser, code)
    if wait:
        return None, wait
    found = lookup()
    if found is None:
        room.record_failure(guesser, code)
    return found, 0
