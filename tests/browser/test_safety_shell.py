"""Quick exit in Chromium: it cannot be undone with Back, Escape twice leaves even with the help panel
open, the help panel never covers the exit button, and no page title names a sensitive topic."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from course.content import load_course
from course.ui.quick_exit import EXIT_COOKIE, EXIT_FLAG
from tests.browser.conftest import screenshot, wait_idle

pytestmark = pytest.mark.browser
COURSE = load_course()
LESSON = COURSE.lessons["sextortion-14-17"]
WEATHER = {"en": "https://www.bbc.co.uk/weather", "fr": "https://meteofrance.com"}
SENSITIVE = re.compile(r"sextortion|sextorsion|grooming|pédocriminel|nude|nudes", re.IGNORECASE)
EXIT = {"en": "Quick exit", "fr": "Sortie rapide"}
HELP = {"en": "Need help now?", "fr": "Besoin d'aide ?"}

# Runs in every page of the context, before the page's own scripts: on every frame the browser is
# about to paint, reports any sensitive text or title that a person could see.
SPY = """
if (location.hostname === "127.0.0.1") {
  const sensitive = new RegExp(%s, "i");
  const look = () => {
    const shown = document.documentElement.style.visibility !== "hidden";
    const text = document.body ? document.body.innerText : "";
    if (sensitive.test(document.title)) window.reportSeen("title: " + document.title);
    if (shown && sensitive.test(text)) window.reportSeen("text: " + text.match(sensitive)[0]);
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
"""


def stub_weather(page: Page) -> list[str]:
    """No real network traffic: the weather sites answer with a local stub; the URLs asked for."""
    asked = []

    def answer(route):
        asked.append(route.request.url)
        route.fulfill(body="<title>Weather</title><p>Sunny</p>", content_type="text/html")

    page.route(re.compile(r"^https://(www\.bbc\.co\.uk|meteofrance\.com)/.*"), answer)
    return asked


def spy_on(page: Page) -> list[str]:
    seen: list[str] = []
    page.context.expose_binding("reportSeen", lambda source, what: seen.append(what))
    page.context.add_init_script(SPY % f'"{SENSITIVE.pattern}"')
    return seen


def open_sextortion_lesson(open_page, app_url: str, lang: str) -> Page:
    page = open_page(f"{app_url}/learn?band=14-17", {"en": "en-GB", "fr": "fr-FR"}[lang])
    page.locator(f".st-key-open_{LESSON.id} button").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name=LESSON.title.get(lang).replace("\u00a0", " "))).to_be_visible()
    page.locator('[data-testid="stButton"] button').filter(has_not_text=HELP[lang]).first.click()
    wait_idle(page)  # a nickname: the URL changes again, one more entry in the tab's history
    return page


def left_for_weather(page: Page, lang: str) -> None:
    page.wait_for_url(re.compile("^" + re.escape(WEATHER[lang])), timeout=15_000)
    expect(page.get_by_text("Sunny")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_back_after_quick_exit_shows_nothing_of_the_lesson(app_url, open_page, lang):
    page = open_sextortion_lesson(open_page, app_url, lang)
    asked = stub_weather(page)
    assert not SENSITIVE.search(page.title()), page.title()
    page.get_by_role("link", name=EXIT[lang]).click()
    left_for_weather(page, lang)
    assert page.evaluate(f"document.cookie.includes({EXIT_COOKIE!r} + '=1')") is False  # not ours there

    seen = spy_on(page)
    for _ in range(3):  # Back, again and again: each entry of the app leaves at once
        page.go_back()
        left_for_weather(page, lang)
    assert seen == []
    assert LESSON.title.get(lang) not in page.content()
    assert len(asked) >= 4 and all(url.startswith(WEATHER[lang]) for url in asked)
    screenshot(page, f"quick-exit-back-{lang}")


def test_reopening_the_app_in_the_exited_tab_leaves_again(app_url, open_page):
    page = open_sextortion_lesson(open_page, app_url, "en")
    stub_weather(page)
    page.get_by_role("link", name=EXIT["en"]).click()
    left_for_weather(page, "en")
    seen = spy_on(page)
    page.goto(f"{app_url}/lesson?lesson={LESSON.id}")
    left_for_weather(page, "en")
    assert seen == []


def test_another_tab_still_works_after_a_quick_exit(app_url, open_page):
    page = open_sextortion_lesson(open_page, app_url, "en")
    stub_weather(page)
    page.get_by_role("link", name=EXIT["en"]).click()
    left_for_weather(page, "en")

    other = page.context.new_page()  # same browser and cookies, its own sessionStorage
    other.goto(f"{app_url}/?lang=en")
    wait_idle(other)
    expect(other.get_by_role("heading", name="Staying safe online")).to_be_visible()
    assert other.evaluate(f"sessionStorage.getItem({EXIT_FLAG!r})") is None


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_escape_twice_leaves_with_the_help_panel_open(app_url, open_page, lang):
    page = open_sextortion_lesson(open_page, app_url, lang)
    stub_weather(page)
    page.get_by_role("button", name=HELP[lang]).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    page.get_by_role("dialog").get_by_role("button").last.focus()  # focus trapped inside the dialog
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    left_for_weather(page, lang)


EXIT_ON_TOP = """() => {
  for (const link of document.querySelectorAll(".quick-exit")) {
    const box = link.getBoundingClientRect();
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    if (box.width && y > 0 && y < innerHeight && x > 0 && x < innerWidth
        && document.elementFromPoint(x, y)?.closest(".quick-exit") === link) return [x, y];
  }
  return null;
}"""


@pytest.mark.parametrize("width,height", [(1280, 720), (390, 844)])
def test_the_help_panel_never_covers_the_exit_button(app_url, open_page, width, height):
    page = open_page(f"{app_url}/?lang=fr", "fr-FR", width=width, height=height)
    stub_weather(page)
    page.get_by_role("button", name=HELP["fr"]).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("link", name=EXIT["fr"])).to_be_visible()  # reachable by keyboard too
    page.wait_for_timeout(500)  # the dialog's opening animation
    assert page.evaluate(EXIT_ON_TOP), "the help panel covers every exit button"
    dialog.get_by_role("button", name="Fermer").last.scroll_into_view_if_needed()  # read to the end
    screenshot(page, f"help-panel-with-exit-{width}")
    point = page.evaluate(EXIT_ON_TOP)
    assert point, "the exit button scrolled away"
    page.mouse.click(*point)  # where a person would tap
    left_for_weather(page, "fr")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sensitive_lessons_have_neutral_titles(app_url, open_page, lang):
    for lesson_id in ("sextortion-14-17", "grooming-11-13", "sextortion-parents", "grooming-parents"):
        page = open_page(f"{app_url}/lesson?lesson={lesson_id}&lang={lang}", "en-GB")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert not SENSITIVE.search(page.title()), (lesson_id, page.title())
