"""Codes cannot be guessed fast: join, resume and evening codes are limited per browser across reloads
(a cookie of its own), with the wait said. (The per-network limit is tested in
tests/classroom/test_sessions.py: Streamlit gives no address for a browser on loopback.)"""

import pytest
from playwright.sync_api import Browser

from course.classroom.sessions import FAILURE_LIMITS
from tests.browser.conftest import start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser
WAIT = "Too many wrong codes from this device or this network"
WRONG = {  # an address that tries a wrong code of each kind as it loads
    "join": "/join?class=ZZZZZZ",
    "resume": "/lesson?lesson=grooming-7-10&code=ZZZZZZ",
    "evening": "/vote?evening=ZZZZZZ",
}


@pytest.fixture
def server(tmp_path):
    url, process = start_server(tmp_path)
    yield url
    stop_server(process)


def load(page, url: str) -> str:
    page.goto(url)
    wait_idle(page)
    return page.inner_text("body").replace("\u00a0", " ")


@pytest.mark.parametrize("code", WRONG)
def test_a_browser_is_held_back_across_reloads_and_a_new_one_is_not(code, server, browser: Browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    # The very first page is counted under the session until the browser's cookie exists: one miss more.
    tries = [WAIT in load(page, server + WRONG[code]) for _ in range(FAILURE_LIMITS["browser"] + 2)]
    assert tries == [False] * (FAILURE_LIMITS["browser"] + 1) + [True]
    context.close()  # (every load above is a new session of the same browser: a reload)

    fresh = browser.new_context(locale="en-GB").new_page()  # another browser on the same network
    assert WAIT not in load(fresh, server + WRONG[code])
    fresh.context.close()
