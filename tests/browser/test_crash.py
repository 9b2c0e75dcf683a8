"""Kill the server mid-lesson (SIGKILL): every answer whose feedback was shown is in the store after restart."""

import re
import signal

import pytest
from playwright.sync_api import expect

from course.content import load_course
from course.progress import Store
from tests.browser.conftest import (
    answer_first_activity_right,
    finish_before_check,
    start_server,
    stop_server,
    wait_idle,
)

pytestmark = pytest.mark.browser
LESSON = load_course().lessons["personal-details-7-10"]


def test_answers_survive_a_killed_server(open_page, tmp_path):
    url, process = start_server(tmp_path)
    try:
        page = open_page(f"{url}/lesson?lesson={LESSON.id}", "en-GB")
        page.locator("[class*='st-key-nickname'] button").first.click()
        wait_idle(page)
        finish_before_check(page)
        code = re.search(r"code=([A-Z2-9]{6})", page.url).group(1)
        activity_step, activity = answer_first_activity_right(page, LESSON)
    finally:
        process.send_signal(signal.SIGKILL)  # no clean shutdown, as in a power cut
        process.wait(timeout=10)

    store = Store.open(f"sqlite:///{tmp_path / 'course.db'}")
    learner = store.learner_by_code(code)
    assert [a.activity_id for a in store.attempts(learner.id, LESSON.id)] == [activity.id]

    url, process = start_server(tmp_path)
    try:
        page = open_page(f"{url}/lesson?lesson={LESSON.id}&code={code}", "en-GB")
        expect(page.get_by_text(re.compile(rf"^Step {activity_step + 1} of"))).to_be_visible()
        expect(page.get_by_text("That's right, well done!")).to_be_visible()
    finally:
        stop_server(process)
