"""Read-aloud and reading comfort in Chromium: a child who cannot read alone listens to a step, a choice
before choosing it and the feedback; the voice follows the page's language and stops when the child
moves on; a device without a voice says why. The browser's speechSynthesis is replaced by a recorder
whose voices each test chooses (headless Chromium has none)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from course.content import load_course
from course.content.spoken import joined, spoken
from course.locales import t
from tests.browser.conftest import finish_before_check, screenshot, wait_idle

pytestmark = pytest.mark.browser
LESSON = load_course().lessons["personal-details-7-10"]
FRENCH = {"lang": "fr-FR", "name": "Amélie", "default": True}
ENGLISH = {"lang": "en-GB", "name": "Daniel", "default": False}

RECORDER = """
window.__spoken = []; window.__cancelled = 0;
const voices = VOICES.map((v) => ({ ...v, localService: true, voiceURI: v.name }));
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  getVoices: () => voices,
  speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name }),
  cancel: () => { window.__cancelled += 1; },
  addEventListener: () => {},
} });
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def open_lesson(
    browser: Browser, url: str, voices: list[dict], locale: str = "fr-FR", query: str = ""
) -> Page:
    """The lesson, its nickname taken and its before-check done, with the recorder for a voice."""
    context = browser.new_context(locale=locale, viewport={"width": 390, "height": 844})
    context.add_init_script(RECORDER.replace("VOICES", json.dumps(voices)))
    page = context.new_page()
    page.goto(f"{url}/lesson?lesson={LESSON.id}{query}")
    wait_idle(page)
    page.locator('[data-testid="stButton"] button').filter(
        has_not_text=re.compile("Besoin|Need")
    ).first.click()
    wait_idle(page)
    finish_before_check(page)
    return page


def said(page: Page) -> list[dict]:
    return page.evaluate("window.__spoken")


def listen(page: Page, name: str) -> dict:
    """Press the listen button called `name`; what the voice was asked to say."""
    before = len(said(page))
    page.get_by_role("button", name=name, exact=True).click()
    spoken_now = said(page)
    assert len(spoken_now) == before + 1, spoken_now
    return spoken_now[-1]


def to_step(page: Page, step: int, lang: str = "fr") -> None:
    next_name = re.compile(f"^({t('lesson.next', lang)}|{t('lesson.skip', lang)})$")
    while not page.get_by_text(
        re.compile(f"^{t('lesson.progress', lang, step=step + 1, total='.*', minutes='.*')}")
    ).count():
        page.get_by_role("button", name=next_name).click()
        wait_idle(page)


def test_a_step_a_choice_and_the_feedback_are_read_in_the_page_language(browser, app_url):
    page = open_lesson(browser, app_url, [ENGLISH, FRENCH])
    first = LESSON.steps[0]
    heard = listen(page, t("listen.step", "fr"))
    assert heard == {"text": spoken(first.body.fr, "fr"), "lang": "fr-FR", "rate": 1, "voice": "Amélie"}

    step = next(i for i, s in enumerate(LESSON.steps) if s.type == "activity")
    activity = LESSON.steps[step].activity
    to_step(page, step)
    boxes = page.locator("[class*='st-key-listen_choices'] [data-testid='stCheckbox']")
    second = boxes.nth(1).inner_text().strip()
    part = next(p for p in activity.parts if p.text.fr.strip() == second)
    heard = listen(page, t("listen.choice", "fr", letter="B"))
    assert heard["text"] == spoken(part.text.fr, "fr") and heard["lang"] == "fr-FR"
    expect(boxes.nth(1).get_by_role("checkbox")).not_to_be_checked()  # listened to, not chosen
    question = listen(page, t("listen.question", "fr"))
    assert question["text"].startswith(spoken(activity.prompt.fr, "fr"))
    assert f"B{chr(0xA0)}: {spoken(part.text.fr, 'fr')}" in question["text"]
    screenshot(page, "read-aloud-question-390")

    for personal in (p for p in activity.parts if p.personal):
        page.get_by_text(personal.text.fr, exact=True).click()
        wait_idle(page)
    page.get_by_role("button", name=t("activity.check", "fr")).click()
    wait_idle(page)
    heard = listen(page, t("listen.feedback", "fr"))
    assert heard["text"].startswith(joined([spoken(t("feedback.right", "fr"), "fr")]))
    assert heard["lang"] == "fr-FR"


def test_changing_the_language_changes_the_voice(browser, app_url):
    page = open_lesson(browser, app_url, [FRENCH, ENGLISH])
    assert listen(page, t("listen.step", "fr"))["voice"] == "Amélie"
    page.get_by_text("English", exact=True).click()
    wait_idle(page)
    heard = listen(page, t("listen.step", "en"))
    assert heard == {
        "text": spoken(LESSON.steps[0].body.en, "en"),
        "lang": "en-GB",
        "rate": 1,
        "voice": "Daniel",
    }


def test_moving_on_stops_the_voice(browser, app_url):
    page = open_lesson(browser, app_url, [FRENCH])
    listen(page, t("listen.step", "fr"))
    speaking = page.get_by_role("button", name=t("listen.step", "fr"), exact=True)
    expect(speaking).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__cancelled") == 0
    page.get_by_role("button", name=t("lesson.next", "fr")).click()
    wait_idle(page)
    assert page.evaluate("window.__cancelled") >= 1


def test_a_second_press_stops_and_the_speed_setting_is_used(browser, app_url):
    page = open_lesson(browser, app_url, [FRENCH], query="&rate=slow")
    assert listen(page, t("listen.step", "fr"))["rate"] == 0.75
    page.get_by_role("button", name=t("listen.step", "fr"), exact=True).click()
    assert page.evaluate("window.__cancelled") == 1
    expect(page.get_by_role("button", name=t("listen.step", "fr"), exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )


def test_without_a_voice_for_the_language_the_control_explains(browser, app_url):
    page = open_lesson(browser, app_url, [ENGLISH])
    page.get_by_role("button", name=t("listen.step", "fr"), exact=True).click()
    expect(page.get_by_role("status").filter(has_text=t("listen.no_voice", "fr"))).to_be_visible()
    assert said(page) == []


def lesson_text(page: Page):
    """The first paragraph of the lesson's first step."""
    start = LESSON.steps[0].body.fr.strip()[:20]
    return page.locator("[data-testid='stMarkdownContainer'] p").filter(has_text=start).first


def text_style(page: Page) -> dict:
    return lesson_text(page).evaluate(
        "(p) => { const s = getComputedStyle(p);"
        " return {size: parseFloat(s.fontSize), family: s.fontFamily, line: parseFloat(s.lineHeight)}; }"
    )


def test_reading_comfort_survives_a_reload_and_changes_the_text(browser, app_url):
    page = open_lesson(browser, app_url, [FRENCH])
    usual = text_style(page)
    page.get_by_role("button", name=t("reading.button", "fr")).click()
    for name, value in (("size", "larger"), ("font", "legible"), ("spacing", "wide"), ("contrast", "high")):
        page.get_by_role("radiogroup", name=t(f"reading.{name}", "fr")).get_by_role(
            "radio", name=t(f"reading.{name}.{value}", "fr"), exact=True
        ).click()
        wait_idle(page)
    page.keyboard.press("Escape")
    for name, value in (("size", "larger"), ("font", "legible"), ("spacing", "wide"), ("contrast", "high")):
        assert f"{name}={value}" in page.url

    page.reload()
    wait_idle(page)
    expect(lesson_text(page)).to_be_visible()
    comfortable = text_style(page)
    assert comfortable["size"] >= usual["size"] * 1.25
    assert comfortable["family"].startswith('"Atkinson Hyperlegible"')
    assert comfortable["line"] / comfortable["size"] > usual["line"] / usual["size"]
    assert page.evaluate("document.fonts.check('16px \"Atkinson Hyperlegible\"')")
    assert page.evaluate(
        "async () => { await document.fonts.ready;"
        " return [...document.fonts].some((f) => f.family.includes('Atkinson') && f.status === 'loaded'); }"
    )
    screenshot(page, "reading-comfort-390")
