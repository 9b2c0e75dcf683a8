"""The app shell in Chromium: language from the browser, switching, help panel, quick exit, accessibility."""

import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, screenshot, serious_violations, wait_idle

pytestmark = pytest.mark.browser
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
HELP_BUTTON = {"fr": "Besoin d'aide ?", "en": "Need help now?"}


def test_french_browser_gets_french_page_and_url(app_url, open_page):
    page = open_page(app_url, "fr-FR")
    assert page.evaluate("document.documentElement.lang") == "fr"
    expect(page.get_by_role("heading", name="En sécurité en ligne")).to_be_visible()
    assert "lang=fr" in page.url and "country=FR" in page.url


def test_english_browser_in_the_uk(app_url, open_page):
    page = open_page(app_url, "en-GB")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.get_by_role("heading", name="Staying safe online")).to_be_visible()
    assert "lang=en" in page.url and "country=UK" in page.url


def test_switching_language_changes_text_url_and_html_lang(app_url, open_page):
    page = open_page(app_url, "fr-FR")
    page.get_by_role("radio", name="English").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Staying safe online")).to_be_visible()
    assert "lang=en" in page.url
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("lang", LOCALES)
def test_help_panel_shows_the_country_lines(app_url, open_page, lang):
    page = open_page(app_url, LOCALES[lang])
    page.get_by_role("button", name=HELP_BUTTON[lang]).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    if lang == "fr":
        expect(dialog).to_contain_text("3018")
        expect(dialog).to_contain_text("119")
    else:
        expect(dialog).to_contain_text("0800 1111")
    screenshot(page, f"help-panel-{lang}")


def test_choosing_belgium_shows_child_focus(app_url, open_page):
    page = open_page(app_url + "/?country=BE", "fr-FR")
    page.get_by_role("button", name=HELP_BUTTON["fr"]).click()
    expect(page.get_by_role("dialog")).to_contain_text("116 000")


def test_country_selectbox_changes_the_help_panel(app_url, open_page):
    page = open_page(app_url, "fr-FR")
    page.get_by_role("button", name=HELP_BUTTON["fr"]).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("3018")
    dialog.get_by_role("button", name="Fermer", exact=True).click()  # not the corner's "Fermer la fenêtre"
    expect(dialog).to_be_hidden()
    wait_idle(page)

    page.get_by_role("combobox", name="Pays").click()
    page.get_by_role("option", name="Belgique", exact=True).click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]country=BE\b"))
    page.get_by_role("button", name=HELP_BUTTON["fr"]).click()
    expect(dialog).to_contain_text("116 000")
    expect(dialog).not_to_contain_text("3018")


def test_quick_exit_leaves_for_a_neutral_site(app_url, open_page):
    page = open_page(app_url, "fr-FR")
    page.route(
        "https://meteofrance.com/**",
        lambda route: route.fulfill(body="<p>Météo</p>", content_type="text/html"),
    )
    page.get_by_role("link", name="Sortie rapide").click()
    page.wait_for_url(re.compile(r"^https://meteofrance\.com/"))
    assert page.url.startswith("https://meteofrance.com/")


def test_band_button_leads_to_the_lessons(app_url, open_page):
    lesson = yaml.safe_load((ROOT / "lessons/personal-details/personal-details-7-10.yaml").read_text())
    page = open_page(app_url, "fr-FR")
    page.get_by_role("button", name="7–10 ans").click()
    wait_idle(page)
    assert "/learn" in page.url and "band=7-10" in page.url
    expect(page.get_by_text(lesson["title"]["fr"])).to_be_visible()


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("with_help", [False, True], ids=["home", "help-panel"])
def test_no_serious_accessibility_violation(app_url, open_page, lang, with_help):
    page = open_page(app_url, LOCALES[lang])
    if with_help:
        page.get_by_role("button", name=HELP_BUTTON[lang]).click()
        expect(page.get_by_role("dialog")).to_be_visible()
    assert serious_violations(page) == []
