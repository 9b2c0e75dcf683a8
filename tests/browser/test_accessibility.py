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

from course.content import load_course
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
