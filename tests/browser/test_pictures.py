"""A 7–10 lesson in Chromium: its pictures load from the app's cached address with the alt text of the
page's language, and its chat looks like a chat app (initials, bubbles left and right)."""

import re

import pytest

from course.content import load_course
from course.web.pictures import CACHE
from tests.browser.conftest import finish_before_check, screenshot, wait_idle

pytestmark = pytest.mark.browser
LESSON = load_course().lessons["grooming-7-10"]
CHAT = next(i for i, step in enumerate(LESSON.steps) if step.type == "chat")


def start(page) -> None:
    page.locator('[data-testid="stButton"] button').filter(
        has_not_text=re.compile("Besoin|Need")
    ).first.click()
    wait_idle(page)
    finish_before_check(page)


def next_step(page) -> None:
    page.get_by_role("button", name=re.compile("^(Suivant|Passer|Next|Skip)$")).first.click()
    wait_idle(page)


def test_pictures_carry_french_alt_text_and_are_cached(app_url, open_page):
    page = open_page(f"{app_url}/lesson?lesson={LESSON.id}", "fr-FR", width=390, height=844)
    start(page)
    picture = page.locator(".course-picture img")
    assert picture.get_attribute("alt") == LESSON.steps[0].picture.alt.fr
    src = picture.get_attribute("src")
    assert re.fullmatch(r"/pictures/[0-9a-f]{12}/images/grooming-7-10-playing\.svg", src), src
    page.wait_for_function("() => document.querySelector('.course-picture img').naturalWidth > 0")
    box = picture.bounding_box()
    assert 300 < box["width"] <= 390 and abs(box["height"] - box["width"] / 2) < 2  # the column, not wider
    response = page.request.get(app_url + src)
    assert response.ok and response.headers["cache-control"] == CACHE
    assert response.headers["content-type"] == "image/svg+xml"
    screenshot(page, "picture-phone")


def test_chat_has_avatars_and_bubbles_on_both_sides(app_url, open_page):
    page = open_page(f"{app_url}/lesson?lesson={LESSON.id}", "en-GB")
    start(page)
    for _ in range(CHAT):
        next_step(page)
    assert page.locator(".course-picture img").get_attribute("alt") == LESSON.steps[CHAT].picture.alt.en
    messages = page.locator('[data-testid="stChatMessage"]')
    lines = LESSON.steps[CHAT].messages
    assert messages.count() == len(lines)
    first = messages.first
    assert first.get_by_role("group").get_attribute("aria-label") == f"Chat message from {lines[0].name.en}"
    avatar = first.locator("> div").first
    assert avatar.inner_text() == lines[0].name.en[0].upper()
    sides = messages.evaluate_all("nodes => nodes.map(n => getComputedStyle(n).flexDirection)")
    assert sides == ["row-reverse" if line.sender == "me" else "row" for line in lines]
    # each message's last line sits inside its bubble, above the bubble's own padding
    room = page.locator('[data-testid="stChatMessageContent"]').evaluate_all(
        """bubbles => bubbles.map(b => b.getBoundingClientRect().bottom
            - Array.from(b.querySelectorAll('p')).at(-1).getBoundingClientRect().bottom)"""
    )
    assert len(room) == len(lines) and all(gap >= 4 for gap in room), room
    screenshot(page, "chat-bubbles")
