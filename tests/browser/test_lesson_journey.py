"""A child at home in Chromium: starts a lesson, answers, reloads mid-lesson and finds their place."""

import re

import pytest
from playwright.sync_api import expect

from course.content import load_course
from tests.browser.conftest import (
    answer_first_activity_right,
    finish_before_check,
    screenshot,
    serious_violations,
    wait_idle,
)

pytestmark = pytest.mark.browser
LESSON = load_course().lessons["personal-details-7-10"]


def progress_text(page) -> str:
    return page.get_by_text(re.compile(r"^Étape \d+ sur \d+")).inner_text()


def test_lesson_survives_a_reload(app_url, open_page):
    page = open_page(f"{app_url}/learn?band=7-10", "fr-FR")
    page.locator(f".st-key-open_{LESSON.id} button").click()
    wait_idle(page)
    nickname = page.locator('[data-testid="stButton"] button').filter(has_not_text="Besoin").first
    nickname.click()
    wait_idle(page)
    finish_before_check(page)
    assert re.search(r"code=[A-Z2-9]{6}", page.url), page.url
    for _ in range(3):
        page.get_by_role("button", name=re.compile("^(Suivant|Passer)$")).click()
        wait_idle(page)
    assert progress_text(page).startswith(f"Étape 4 sur {len(LESSON.steps)}")
    assert serious_violations(page) == []

    page.reload()
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"^Étape 4 sur"))).to_be_visible()
    screenshot(page, "lesson-after-reload")


def test_answer_is_kept_after_a_reload(app_url, open_page):
    page = open_page(f"{app_url}/lesson?lesson={LESSON.id}", "en-GB")
    page.locator('[data-testid="stButton"] button').filter(has_not_text="Need help").first.click()
    wait_idle(page)
    finish_before_check(page)
    answer_first_activity_right(page, LESSON)

    page.reload()
    wait_idle(page)
    expect(page.get_by_text("That's right, well done!")).to_be_visible()
