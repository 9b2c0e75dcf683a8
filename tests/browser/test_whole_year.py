"""A whole year group in one class session, in Chromium: once every adjective-noun pair is taken, the
next pupil is still offered nicknames (numbered ones) and joins; before, the join page offered none
and said nothing."""

import re

import pytest
from playwright.sync_api import expect

from course import nicknames
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from tests.browser.conftest import screenshot, start_server, stop_server

pytestmark = pytest.mark.browser
BAND = "14-17"  # the band with the fewest pairs


@pytest.fixture(scope="module")
def full_class(tmp_path_factory):
    """A server, and a 14-17 class whose pupils already took every nickname pair."""
    tmp = tmp_path_factory.mktemp("year")
    url, process = start_server(tmp)
    classroom = Classroom(Store.open(f"sqlite:///{tmp / 'course.db'}"))
    course = load_course()
    lessons = [lesson.id for lesson in course.lessons_for(BAND)]
    session = classroom.create("Terminale", BAND, lessons, paced=False, course=course)
    for key in nicknames.all_keys(BAND):
        classroom.join(session, key)
    yield url, session, classroom
    stop_server(process)


def test_the_pupil_after_every_pair_is_taken_still_joins(full_class, open_page):
    url, session, classroom = full_class
    pupil = open_page(f"{url}/join?class={session.join_code}&lang=en", locale="en-GB", width=390, height=844)
    offered = pupil.locator("[class*='st-key-class_nickname'] button")
    expect(offered).to_have_count(3)
    names = offered.all_inner_texts()
    assert all(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+ 2", name) for name in names), names
    screenshot(pupil, "whole-year-join")
    offered.first.click()
    expect(pupil.get_by_text(f"You are {names[0]}")).to_be_visible()  # the badge, on the class's lessons
    expect(pupil.get_by_text("Your class: Terminale")).to_be_visible()
    joined = {nicknames.display(p.nickname, "en") for p in classroom.pupils(session.id)}
    assert names[0] in joined and len(joined) == len(nicknames.all_keys(BAND)) + 1
