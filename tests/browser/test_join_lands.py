"""In Chromium: once a pupil has chosen a nickname, the page is the class's lesson (the one the teacher
is on, or the class's only one) or the class's list of lessons, with the pupil's resume code shown
there once. It used to stop on the join page with a "Go to my lessons" button: one more click, and one
more page to load for every pupil of the class at the same moment."""

import re

import pytest
from playwright.sync_api import expect

from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from tests.browser.conftest import BEFORE_CHECK, screenshot, start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser
COURSE = load_course()
LESSONS = [lesson.id for lesson in COURSE.lessons_for("7-10")]
BADGE = re.compile(r"^Tu es .+ · ton code\W+[A-Z0-9]{3}-[A-Z0-9]{3}$")  # French spacing before ":"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lands")
    url, process = start_server(tmp)
    yield url, Classroom(Store.open(f"sqlite:///{tmp / 'course.db'}"))
    stop_server(process)


def joined(open_page, url: str, code: str):
    pupil = open_page(f"{url}/join?class={code}", width=390, height=844)
    pupil.locator("[class*='st-key-class_nickname'] button").first.click()
    wait_idle(pupil)
    return pupil


def test_a_class_with_one_lesson_lands_on_it(server, open_page):
    url, classroom = server
    session = classroom.create("CM1 A", "7-10", [LESSONS[0]], paced=False, course=COURSE)
    pupil = joined(open_page, url, session.join_code)
    assert f"lesson={LESSONS[0]}" in pupil.url and "code=" in pupil.url
    expect(pupil.get_by_text(BADGE)).to_be_visible()
    expect(pupil.get_by_role("heading", name=BEFORE_CHECK)).to_be_visible()  # the lesson opens
    screenshot(pupil, "join-lands-on-the-lesson")
    pupil.reload()
    wait_idle(pupil)
    expect(pupil.get_by_text(BADGE)).to_have_count(0)  # shown once, not on every visit


def test_a_paced_class_lands_on_the_teachers_lesson(server, open_page):
    url, classroom = server
    session = classroom.create("CM1 B", "7-10", LESSONS, paced=True, course=COURSE)
    classroom.set_step(session.id, LESSONS[1], 0)
    pupil = joined(open_page, url, session.join_code)
    assert f"lesson={LESSONS[1]}" in pupil.url
    expect(pupil.get_by_text(BADGE)).to_be_visible()


def test_a_class_with_several_lessons_lands_on_its_list(server, open_page):
    url, classroom = server
    session = classroom.create("CM1 C", "7-10", LESSONS, paced=False, course=COURSE)
    pupil = joined(open_page, url, session.join_code)
    assert "/learn" in pupil.url
    expect(pupil.get_by_text(BADGE)).to_be_visible()
    expect(pupil.get_by_text("Ta classe : CM1 C")).to_be_visible()
    for lesson_id in LESSONS:
        expect(pupil.locator(f".st-key-open_{lesson_id} button")).to_be_visible()
    screenshot(pupil, "join-lands-on-the-list")
