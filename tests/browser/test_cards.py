"""Paper cards in Chromium: the dashboard's tab may use the camera (its Permissions-Policy opens it for
this origin), a learner's page may not; the card box and the lettered projector, as a teacher sees them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from course.cards.reader import CardSeen, PhotoReading
from course.classroom import cards
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from tests.browser.conftest import TEACHER_TOKEN, screenshot, start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser
COURSE = load_course()
LESSON = COURSE.lessons["privacy-settings-11-13"]
STEP = 5
PICK = LESSON.steps[STEP].activity
CAMERA_ALLOWED = "() => document.featurePolicy.allowsFeature('camera')"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of our own with a card class on a single-choice question, some cards read: (url, id)."""
    tmp = tmp_path_factory.mktemp("cards")
    url, process = start_server(tmp)
    store = Store.open(f"sqlite:///{tmp / 'course.db'}")
    classroom = Classroom(store)
    session = classroom.create("CM2 B", "11-13", [LESSON.id], paced=True)
    classroom.set_step(session.id, LESSON.id, STEP)
    classroom.use_cards(session.id)
    reading = PhotoReading(tuple(CardSeen(number, "ABCD"[number % 4]) for number in range(1, 9)), unsure=(8,))
    cards.record_photo(
        classroom, classroom.get(session.id), PICK, reading, version=COURSE.versions[LESSON.id]
    )
    yield url, session.id
    store.engine.dispose()
    stop_server(process)


def test_the_camera_is_allowed_on_the_dashboard_and_closed_on_a_learner_page(server, open_page):
    url, session_id = server
    page = open_page(f"{url}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR")
    response = page.goto(f"{url}/dashboard?session={session_id}")
    wait_idle(page)
    assert response is not None and "camera=(self)" in response.headers["permissions-policy"]
    assert page.evaluate(CAMERA_ALLOWED) is True
    learner = open_page(f"{url}/join", "fr-FR")
    assert learner.evaluate(CAMERA_ALLOWED) is False


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (390, 844)])
def test_the_card_box_and_the_lettered_projector(server, open_page, width, height):
    url, session_id = server
    page = open_page(f"{url}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR", width=width, height=height)
    page.goto(f"{url}/dashboard?session={session_id}")
    wait_idle(page)
    expect(page.get_by_text("Levez votre carte, la lettre de votre réponse en haut.")).to_be_visible()
    screenshot(page, f"cards-projector-{width}")
    page.get_by_role("tab", name="Ma vue").click()
    box = page.locator(".st-key-paper_cards")
    expect(box.get_by_role("table")).to_be_visible(timeout=10_000)
    expect(box.get_by_role("row")).to_have_count(8)  # the header and the 7 cards read (8 was unsure)
    # Streamlit's own words around the camera, in the page's language
    expect(box.get_by_role("button", name="Prendre la photo")).to_be_visible()
    expect(box.get_by_text("Take Photo")).to_have_count(0)
    box.scroll_into_view_if_needed()
    screenshot(page, f"cards-box-{width}")
