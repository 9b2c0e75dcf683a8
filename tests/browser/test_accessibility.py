"""axe-core on every page of the app, in French and in English: no serious or critical violation.

The server is the real one (`start_server`), with a class and a parent evening written in its own
SQLite file through the store it uses. A teacher signed in with the printed link opens the teacher
pages; the same browser opens the pupils' and parents' pages (a parent's vote on a phone-sized one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from course import languages
from course.content import load_course
from course.locales import t
from course.ui.header import STREAMLIT_TEXTS
from course.ui.routes import ROUTES
from tests.browser.conftest import (
    LESSON,
    TEACHER_TOKEN,
    Site,
    finish_before_check,
    page_queries,
    screenshot,
    serious_violations,
    wait_idle,
)

pytestmark = pytest.mark.browser
COURSE = load_course()
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
HELP = {"fr": "Besoin d'aide ?", "en": "Need help now?"}
SENSITIVE = re.compile(r"sextortion|sextorsion|grooming|pédocriminel|nude", re.IGNORECASE)


@pytest.fixture(scope="module", params=list(LOCALES))
def teacher(request, browser: Browser, site: Site) -> Iterator[tuple[BrowserContext, str]]:
    """A browser signed in as the teacher, in French or in English."""
    lang = request.param
    context = browser.new_context(locale=LOCALES[lang], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/teacher/sign-in?token={TEACHER_TOKEN}&lang={lang}")
    wait_idle(page)
    assert "token=" not in page.url
    page.close()
    yield context, lang
    context.close()


def test_every_page_is_listed(site):
    assert set(page_queries(site)) == {route.path for route in ROUTES}


def visit(context: BrowserContext, url: str, width: int = 1280) -> Page:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    page.goto(url)
    wait_idle(page)
    return page


@pytest.mark.parametrize("name", [route.path for route in ROUTES])
def test_no_serious_violation_on_the_page(site, teacher, name):
    context, lang = teacher
    query = page_queries(site)[name]
    path = "" if name == "home" else name
    width = 390 if name == "vote" else 1280  # a parent votes on a phone
    page = visit(context, f"{site.url}/{path}?lang={lang}{'&' + query if query else ''}", width)
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        assert not SENSITIVE.search(page.title()), page.title()  # a neutral title in the tab and history
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        assert serious_violations(page) == [], name
        screenshot(page, f"a11y-{name}-{lang}")
    finally:
        page.close()


def test_a_lesson_step_a_quiz_and_the_help_panel(site, teacher):
    """Inside a lesson (before-check, a step), the quiz, and the help panel open on a parents' page."""
    context, lang = teacher
    page = visit(context, f"{site.url}/lesson?lang={lang}&lesson={LESSON}")
    try:
        page.locator('[data-testid="stButton"] button').filter(has_not_text=HELP[lang]).first.click()
        wait_idle(page)  # a nickname
        assert serious_violations(page) == [], "before-check"
        finish_before_check(page)
        expect(page.get_by_text(re.compile(r"^(Étape|Step) 1 "))).to_be_visible()
        assert serious_violations(page) == [], "lesson step"
        page.goto(f"{site.url}/quiz?lang={lang}&quiz={COURSE.lessons[LESSON].quiz}")
        wait_idle(page)
        assert serious_violations(page) == [], "quiz with a learner"
        page.goto(f"{site.url}/parents?lang={lang}")
        wait_idle(page)
        page.get_by_role("button", name=HELP[lang]).click()
        expect(page.get_by_role("dialog")).to_be_visible()
        assert serious_violations(page) == [], "help panel"
    finally:
        page.close()


# The controls a screen reader lists and names (Chromium's accessibility tree).
CONTROLS = {"button", "link", "checkbox", "radio", "switch", "textbox", "combobox", "searchbox", "tab",
            "menuitem", "option", "slider", "spinbutton", "listbox"}  # fmt: skip
# English a French page must never speak: Streamlit's own texts, and an icon's name read as a word.
ENGLISH = set(STREAMLIT_TEXTS) | {"Show password", "Hide password", "Clear", "Stop", "Rerun"}
ICON_NAME = re.compile(r"\b[a-z]+(_[a-z]+)+\b")


def unnamed_or_english(page: Page) -> list[str]:
    """Every control in the accessibility tree without a name, or named in English (or by an icon's
    name); the language switch names each language in that language."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    own_names = {languages.name(code) for code in languages.released()}
    found = []
    for node in nodes:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in CONTROLS:
            continue
        name = node.get("name", {}).get("value", "").strip()
        if not name or (name not in own_names and (name in ENGLISH or ICON_NAME.search(name))):
            found.append(f"{role} {name!r}")
    return found


def test_a_screen_reader_hears_every_control_of_a_lesson_named_in_french(browser: Browser, site):
    """A French lesson from its nickname to its end: every control has a French name, before and after
    each activity is checked."""
    lesson = COURSE.lessons[LESSON]
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    heard: dict[str, list[str]] = {}
    try:
        page.goto(f"{site.url}/lesson?lang=fr&lesson={lesson.id}")
        wait_idle(page)
        heard["nicknames"] = unnamed_or_english(page)
        page.locator("[class*='st-key-nickname-'] button").first.click()
        wait_idle(page)
        heard["before-check"] = unnamed_or_english(page)
        finish_before_check(page)
        for index, step in enumerate(lesson.steps):
            heard[f"step {index + 1}"] = unnamed_or_english(page)
            if step.type == "activity":
                page.locator('[data-testid="stCheckbox"] label, [role="radiogroup"] label').first.click()
                wait_idle(page)
                page.get_by_role("button", name=t("activity.check", "fr")).click()
                wait_idle(page)
                heard[f"step {index + 1} checked"] = unnamed_or_english(page)
            page.locator(".st-key-lesson_next button").click()
            wait_idle(page)
        expect(page.locator(".st-key-lesson_quiz button")).to_be_visible()
        heard["lesson finished"] = unnamed_or_english(page)
    finally:
        context.close()
    assert {state: found for state, found in heard.items() if found} == {}
    assert len(heard) >= len(lesson.steps) + 3
