"""Streamlit's own English never reaches a French page: not on screen, not for a screen reader."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from course.ui.header import STREAMLIT_TEXTS
from tests.browser.conftest import TEACHER_TOKEN, wait_idle

pytestmark = pytest.mark.browser
ENGLISH = [
    "Choose options",
    "Select all",
    "Press Enter to submit form",
    "Skip to main content",
    "Main menu",
    "Link to heading",
]
# Everything a person or a screen reader meets: the text (hidden "skip" links included, scripts left
# out) and the labels, titles and placeholders.
READABLE = """() => {
  const attributes = ["aria-label", "title", "placeholder", "aria-placeholder", "alt", "aria-description"];
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (!walker.currentNode.parentElement.closest("script, style")) found.push(walker.currentNode.nodeValue);
  }
  for (const element of document.querySelectorAll("*")) {
    for (const name of attributes) if (element.hasAttribute(name)) found.push(element.getAttribute(name));
  }
  return found.join("\\n");
}"""


def english_on(page: Page) -> list[str]:
    readable = page.evaluate(READABLE)
    return [text for text in ENGLISH if text in readable]


def test_the_table_covers_every_reported_string():
    assert set(ENGLISH) <= set(STREAMLIT_TEXTS)


@pytest.mark.parametrize("path", ["", "learn?band=7-10", "privacy", "help", "parents"])
def test_no_streamlit_english_on_french_pages(app_url, open_page, path):
    page = open_page(f"{app_url}/{path}", "fr-FR")
    assert page.evaluate("document.documentElement.lang") == "fr"
    expect(page.locator('[aria-label="Menu principal"]').first).to_be_attached()
    assert english_on(page) == []


def test_english_pages_keep_streamlit_english(app_url, open_page):
    page = open_page(f"{app_url}/?lang=en", "en-GB")
    assert "Skip to main content" in page.evaluate(READABLE)


def test_forms_and_choices_speak_french_while_used(app_url, open_page):
    page = open_page(f"{app_url}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR")
    page.get_by_role("button", name="Mes classes").click()
    wait_idle(page)
    assert english_on(page) == []  # the multiselect's placeholder
    page.get_by_role("textbox").first.fill("CM2")  # a form's hint appears while typing
    page.wait_for_timeout(300)
    assert english_on(page) == []
    page.locator('[data-testid="stMultiSelect"]').first.click()  # its list opens
    expect(page.get_by_role("listbox").first).to_be_visible()
    page.wait_for_timeout(300)
    assert english_on(page) == []
    assert "Tout sélectionner" in page.evaluate(READABLE)


def test_join_form_hint_in_french(app_url, open_page):
    page = open_page(f"{app_url}/join", "fr-FR")
    page.get_by_role("textbox").first.fill("AB")
    page.wait_for_timeout(300)
    assert english_on(page) == []
    assert "Appuyez sur Entrée pour valider" in page.evaluate(READABLE)
