"""A new lesson step opens at its top on a phone, whether "Next" is tapped or pressed with the keyboard:
the script that keeps the keyboard focus (course/web/scripts.py, FOCUS_KEEPER) must not scroll the page
down to the button it focuses, away from the step's picture and first words."""

import re

import pytest

from course.content import load_course
from tests.browser.conftest import finish_before_check, wait_idle

pytestmark = pytest.mark.browser
LESSON = load_course().lessons["grooming-7-10"]
NEXT = re.compile("^(Suivant|Passer)$")
STEP_TOP = """() => { const bar = Array.from(document.querySelectorAll('[data-testid=stCaptionContainer], p'))
    .find((e) => /^Étape \\d+ sur \\d+/.test(e.textContent.trim()));
    return bar ? bar.getBoundingClientRect().top : null; }"""
SCROLLED = "() => (document.querySelector('[data-testid=stMain]') || document.scrollingElement).scrollTop"


def test_each_new_step_shows_its_top_and_keeps_the_keyboard_focus(app_url, open_page):
    page = open_page(f"{app_url}/lesson?lesson={LESSON.id}&lang=fr", "fr-FR", width=390, height=844)
    page.locator('[data-testid="stButton"] button').filter(has_not_text=re.compile("Besoin")).first.click()
    wait_idle(page)
    finish_before_check(page)
    for step in range(1, 5):
        button = page.get_by_role("button", name=NEXT).first
        if step % 2:
            button.click()  # a tap
        else:
            button.focus()
            page.keyboard.press("Enter")  # the keyboard
        wait_idle(page)
        page.wait_for_timeout(400)  # the focus keeper acts once the page is idle again
        top = page.evaluate(STEP_TOP)
        assert page.evaluate(SCROLLED) == 0, f"step {step + 1}: scrolled down"
        assert top is not None and 0 <= top < 844, f"step {step + 1}: its first line is at {top} px"
        assert page.evaluate("document.activeElement !== document.body"), f"step {step + 1}: focus lost"
