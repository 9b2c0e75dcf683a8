"""Per-visitor state shared by every page: language, country, reading comfort and the loaded course."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import streamlit as st

from course import languages
from course.content import Course, load_course
from course.content.loader import default_root
from course.locales import t, t_band
from course.progress import Learner, Store
from course.progress.engine import default_url
from course.settings import settings
from course.ui import session_keys
from course.ui.preferences import READING, Reading, choose_country, choose_language, choose_reading

log = logging.getLogger(__name__)
T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _load(root: str) -> Course:
    course = load_course(Path(root))
    for problem in course.problems:
        log.warning("content: %s", problem)
    return course


def kept(make: Callable[[str], T]) -> Callable[[str], T]:
    """`make` (an st.cache_resource function of one string) with a plain dict in front of it.

    st.cache_resource makes each value once per process, under a lock; but it also hashes its
    argument on every call, and a click asks for the course and the store several times."""
    made: dict[str, T] = {}

    def get(key: str) -> T:
        value = made.get(key)
        if value is None:
            value = made[key] = make(key)
        return value

    return get


_course_at = kept(_load)


def course() -> Course:
    """The course, loaded once per process (the content root can be set with COURSE_CONTENT_ROOT)."""
    return _course_at(settings().content_root or str(default_root()))


@st.cache_resource(show_spinner=False)
def _open_store(url: str) -> Store:
    return Store.open(url)


_store_at = kept(_open_store)


def store() -> Store:
    """The progress store, opened (and migrated) once per process."""
    return _store_at(default_url())


@dataclass(frozen=True)
class Visitor:
    lang: str
    country: str
    reading: Reading = Reading()

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def t_band(self, key: str, band: str | None, **values: object) -> str:
        return t_band(key, self.lang, band, **values)


def sync_preferences() -> Visitor:
    """Resolve language and country, remember them for the session and mirror them in the URL."""
    params = st.query_params
    locale = st.context.locale
    lang = choose_language(params.get("lang"), st.session_state.get(session_keys.LANG), locale)
    country = choose_country(
        params.get("country"), st.session_state.get(session_keys.COUNTRY), locale, list(course().countries)
    )
    st.session_state[session_keys.LANG], st.session_state[session_keys.COUNTRY] = lang, country
    if params.get("lang") != lang:
        params["lang"] = lang
    if params.get("country") != country:
        params["country"] = country
    reading = choose_reading(params, st.session_state.get(session_keys.READING))
    st.session_state[session_keys.READING] = reading
    mirror_reading(reading)
    return Visitor(lang, country, reading)


def mirror_reading(reading: Reading) -> None:
    """The reading settings that differ from the default in the URL (a reload keeps them), no others."""
    changed = reading.changed()
    for name in READING:
        if name in changed and st.query_params.get(name) != changed[name]:
            st.query_params[name] = changed[name]
        elif name not in changed and name in st.query_params:
            del st.query_params[name]


def set_reading(name: str, value: str) -> None:
    reading = replace(st.session_state.get(session_keys.READING) or Reading(), **{name: value})
    st.session_state[session_keys.READING] = reading
    mirror_reading(reading)


def visitor() -> Visitor:
    """The current visitor's preferences, as resolved at the start of this run."""
    lang, country = st.session_state.get(session_keys.LANG), st.session_state.get(session_keys.COUNTRY)
    reading = st.session_state.get(session_keys.READING) or Reading()
    return Visitor(lang or languages.default(), country or course().default_country, reading)


def set_language(lang: str) -> None:
    st.session_state[session_keys.LANG] = lang
    st.query_params["lang"] = lang


def set_country(country: str) -> None:
    st.session_state[session_keys.COUNTRY] = country
    st.query_params["country"] = country


def learner() -> Learner | None:
    """The learner of this browser session, restored from the resume code in the URL if needed.

    An unknown or malformed code is dropped from the URL and remembered so the page can say so.
    """
    current: Learner | None = st.session_state.get(session_keys.LEARNER)
    code = st.query_params.get("code")
    if code is not None and (current is None or code != current.resume_code):
        found = find_learner(code)
        if found is None:
            st.session_state[session_keys.UNKNOWN_CODE] = True
            del st.query_params["code"]
        else:
            current = found
            st.session_state[session_keys.LEARNER] = found
            store().touch(found.id)
    if current is not None and st.query_params.get("code") != current.resume_code:
        st.query_params["code"] = current.resume_code
    return current


def find_learner(code: object) -> Learner | None:
    """The learner whose resume code this is, unless this browser has guessed wrong too often (then
    None, and `code_wait` says for how long); a miss is counted."""
    from course.classroom.sessions import Classroom
    from course.ui import guesses

    found, wait = guesses.try_code(Classroom(store()), "resume", lambda: store().learner_by_code(code))
    if wait:
        st.session_state[session_keys.CODE_WAIT] = wait
    return found


def sign_in(found: Learner) -> None:
    st.session_state[session_keys.LEARNER] = found
    st.session_state.pop(session_keys.UNKNOWN_CODE, None)
    st.query_params["code"] = found.resume_code


def sign_out() -> None:
    st.session_state.pop(session_keys.LEARNER, None)
    st.query_params.pop("code", None)
