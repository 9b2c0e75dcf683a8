"""Running the real app under Streamlit's AppTest."""

from __future__ import annotations

import os

from streamlit.testing.v1 import AppTest

from course.ui import session_keys
from tests.conftest import ROOT

# The app keeps the first teacher token it sees for the whole process: fix it before any run.
TEACHER_TOKEN = os.environ.setdefault("COURSE_TEACHER_TOKEN", "teacher-token-for-tests")


def start(locale: str = "fr-FR", **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    at.context = {"locale": locale}
    at.query_params.update(query)
    return at.run()


def open_page(at: AppTest, url_path: str) -> AppTest:
    """Open a page registered by st.navigation (AppTest.switch_page only knows file pages)."""
    pages = {info.get("url_pathname"): page_hash for page_hash, info in at._registered_pages.items()}
    assert url_path in pages, f"no page at /{url_path}; registered: {sorted(map(str, pages))}"
    at._page_hash = pages[url_path]
    return at.run()


def spaced(text: str) -> str:
    """Content text as texts() returns it: no-break spaces read as spaces."""
    return text.replace("\u00a0", " ")


def texts(at: AppTest) -> str:
    """Every markdown, caption, title, alert and code text on the page, joined (no-break spaces as spaces)."""
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "error", "warning", "info", "success", "code"):
        parts += [element.value for element in getattr(at, kind)]
    # French puts a no-break space before ? ! : ; (tested in tests/content/test_typography.py): read it
    # as a space here, so that assertions are written as a reader sees them.
    return spaced("\n".join(str(part) for part in parts))


def current_step(at: AppTest, lesson) -> int:
    return at.session_state[session_keys.lesson_step(lesson.id)]


def use_database(monkeypatch, tmp_path) -> str:
    """Point the app at a fresh SQLite file; returns its URL."""
    url = f"sqlite:///{tmp_path / 'course.db'}"
    monkeypatch.setenv("COURSE_DATABASE_URL", url)
    return url


def registered(at: AppTest) -> set[str]:
    return {str(info.get("url_pathname")) for info in at._registered_pages.values()}


def teacher(locale: str = "fr-FR") -> AppTest:
    """A teacher signed in with the link printed at start."""
    at = start(locale, token=TEACHER_TOKEN)
    assert "token" not in at.query_params
    assert "classes" in registered(at), "the teacher link did not sign in"
    return at


def dashboard(session_id: str) -> AppTest:
    """The signed-in teacher's dashboard of a class session (French), with no exception on it."""
    at = teacher()
    at.query_params["session"] = session_id
    at = open_page(at, "dashboard")
    assert not at.exception
    return at
