"""A parent evening in Chromium: the presenter's slides and a phone-sized parent page, vote, reveal."""

import pytest
from playwright.sync_api import expect

from course.content import load_course
from tests.browser.conftest import (
    TEACHER_TOKEN,
    class_code,
    first_poll_position,
    open_evening,
    screenshot,
    serious_violations,
    wait_idle,
)

pytestmark = pytest.mark.browser
COURSE = load_course()
LESSONS = tuple(lesson.id for lesson in COURSE.lessons_for("parents"))


def test_presenter_and_a_parent_phone(app_url, open_page):
    console = open_page(f"{app_url}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR")
    session_id = open_evening(console)
    slides = console.context.new_page()  # a second window of the same browser: signed in by its cookie
    slides.goto(f"{app_url}/presenter?session={session_id}")
    wait_idle(slides)
    code = class_code(slides)
    assert serious_violations(slides) == []

    phone = open_page(f"{app_url}/join?class={code}", "fr-FR", width=390, height=844)
    expect(phone.get_by_text("Regardez l'écran")).to_be_visible()
    assert serious_violations(phone) == []

    index, poll = first_poll_position()
    for _ in range(index):
        slides.keyboard.press("ArrowRight")  # the presenter's keyboard moves the deck
        wait_idle(slides)
    expect(slides.get_by_role("heading", name=poll.prompt.fr)).to_be_visible(timeout=10_000)

    option = poll.options[0].text.fr
    phone.get_by_role("button", name=option).click(timeout=10_000)
    wait_idle(phone)
    expect(phone.get_by_text("Merci, votre vote est compté.")).to_be_visible()
    phone.reload()
    wait_idle(phone)
    expect(
        phone.get_by_text("Merci, votre vote est compté.")
    ).to_be_visible()  # no second vote after a reload
    expect(phone.get_by_role("button", name=option)).to_have_count(0)

    expect(slides.get_by_text("1 vote(s) pour l'instant")).to_be_visible(timeout=10_000)
    console.get_by_role("button", name="Dévoiler les réponses").click()
    wait_idle(console)
    expect(slides.locator(".bars .result")).to_have_count(len(poll.options), timeout=10_000)
    expect(slides.locator(".bars")).to_contain_text(f"{option}1 · 100 %")
    screenshot(slides, "evening-slide-results")
    screenshot(phone, "evening-phone")
