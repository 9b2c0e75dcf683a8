"""On a 390-px phone: a step's main action is "Check my answer", and the seven sextortion steps are
put in order by tapping (or by keyboard), each tapped step showing its number, focus kept in place."""

import re

import pytest
from playwright.sync_api import expect

from course.content import load_course
from tests.browser.conftest import finish_before_check, screenshot, serious_violations, wait_idle

pytestmark = pytest.mark.browser
LESSON = load_course().lessons["sextortion-14-17"]
STEP = next(i for i, s in enumerate(LESSON.steps) if s.type == "activity" and s.activity.type == "ordering")
ITEMS = LESSON.steps[STEP].activity.items


def open_ordering(open_page, app_url):
    page = open_page(f"{app_url}/lesson?lesson={LESSON.id}", "en-GB", width=390, height=844)
    page.locator('[data-testid="stButton"] button').filter(has_not_text="Need help").first.click()
    wait_idle(page)
    finish_before_check(page)
    for _ in range(STEP):
        page.get_by_role("button", name=re.compile("^(Next|Skip)$")).click()
        wait_idle(page)
    expect(page.get_by_text(re.compile(rf"^Step {STEP + 1} of"))).to_be_visible()
    return page


def item_button(page, item):
    return page.get_by_role("button", name=re.compile(rf"^(\d · )?{re.escape(item.text.en)}$"))


def test_the_main_action_is_check_and_tapping_orders_the_steps(app_url, open_page):
    page = open_ordering(open_page, app_url)
    primary = page.locator('[data-testid="stBaseButton-primary"]').all_inner_texts()
    assert any("Check my answer" in text for text in primary)
    assert not any("Skip" in text for text in primary)  # skipping is possible, but not the main action
    expect(page.get_by_role("button", name="Check my answer")).to_be_disabled()

    for item in ITEMS[:2]:
        item_button(page, item).click()
        wait_idle(page)
    expect(page.get_by_role("button", name=f"1 · {ITEMS[0].text.en}")).to_be_visible()
    expect(page.get_by_role("button", name=f"2 · {ITEMS[1].text.en}")).to_be_visible()
    item_button(page, ITEMS[0]).click()  # a second tap takes it back: the other becomes number 1
    wait_idle(page)
    expect(page.get_by_role("button", name=f"1 · {ITEMS[1].text.en}")).to_be_visible()
    item_button(page, ITEMS[1]).click()
    wait_idle(page)
    for item in ITEMS:
        item_button(page, item).click()
        wait_idle(page)
    screenshot(page, "ordering-phone-tapped")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Check my answer").click()
    wait_idle(page)
    expect(page.get_by_text("That's right, well done!")).to_be_visible()


def test_ordering_by_keyboard_keeps_the_focus_on_the_step_pressed(app_url, open_page):
    page = open_ordering(open_page, app_url)
    for number, item in enumerate(ITEMS, start=1):
        item_button(page, item).focus()
        page.keyboard.press("Enter")
        wait_idle(page)
        # still on the step just placed (focus comes back once the rerun has drawn the step again)
        expect(page.get_by_role("button", name=f"{number} · {item.text.en}")).to_be_focused()
    expect(page.get_by_role("button", name="Check my answer")).to_be_enabled()
    page.get_by_role("button", name="Check my answer").focus()
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("That's right, well done!")).to_be_visible()
