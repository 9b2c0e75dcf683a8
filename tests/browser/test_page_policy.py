"""Every page under the app's Content-Security-Policy, and no request to any other host, in Chromium.

One browser, signed in as the teacher, opens every page of course/ui/routes.py (with what each needs in
its address), walks a lesson to its end (its pictures: the QR code for home, emoji), a quiz and the
dashboard, and follows a teacher link. Meanwhile it records every `securitypolicyviolation` event and
every console message about the policy, and aborts (and records) every request whose host is not this
machine's. Our own inline scripts must still have run: the page's language is set, the quick exit armed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route, expect

from course.locales import t
from course.ui.routes import ROUTES
from tests.browser.conftest import (
    LESSON,
    TEACHER_TOKEN,
    Site,
    class_code,
    finish_before_check,
    first_poll_position,
    open_evening,
    page_queries,
    wait_idle,
)

pytestmark = pytest.mark.browser
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LANG = "fr"
EXIT_URL = t("exit.url", LANG)  # the quick exit's weather site: the one outside address a page may open

STYLES_IN_PAGE = "document.querySelectorAll('[data-testid=stHtml] style').length"
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}`
    + ` at ${event.sourceFile}:${event.lineNumber}: ${event.sample}`);
});
"""


@dataclass
class Watched:
    context: BrowserContext
    outside: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def visit(self, url: str, width: int = 1280) -> Page:
        page = self.context.new_page()
        page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
        page.on("console", self._console)
        page.goto(url)
        wait_idle(page)
        return page

    @contextmanager
    def opened(self, url: str, width: int = 1280) -> Iterator[Page]:
        page = self.visit(url, width)
        try:
            yield page
        finally:
            page.close()

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def violations(self, page: Page) -> list[str]:
        return page.evaluate("window.__violations") + self.console

    def outside_requests(self) -> list[str]:
        return [url for url in self.outside if not url.startswith(EXIT_URL)]


@pytest.fixture(scope="module")
def watched(browser: Browser, site: Site) -> Iterator[Watched]:
    """A teacher's browser that records policy violations and stops any request to another host."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    seen = Watched(context)

    def only_this_machine(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_machine)
    context.add_init_script(LISTEN)
    page = seen.visit(f"{site.url}/teacher/sign-in?token={TEACHER_TOKEN}&lang={LANG}")
    assert "token=" not in page.url
    page.close()
    yield seen
    context.close()


def assert_clean(watched: Watched, page: Page, where: str) -> None:
    assert watched.violations(page) == [], where
    assert watched.outside_requests() == [], where
    # Our inline scripts ran (allowed by their hashes): the page's language, the quick exit (on every
    # page that shows its button: not on the projector).
    assert page.evaluate("document.documentElement.lang") == LANG, where
    if page.locator(".quick-exit").count():
        assert page.evaluate("window.quickExitReady === true"), where


@pytest.mark.parametrize("name", [route.path for route in ROUTES])
def test_every_page_runs_under_the_policy_and_asks_no_other_host(site, watched, name):
    query = page_queries(site)[name]
    path = "" if name == "home" else name
    width = 390 if name == "vote" else 1280
    with watched.opened(f"{site.url}/{path}?lang={LANG}{'&' + query if query else ''}", width) as page:
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        assert_clean(watched, page, name)


def test_a_lesson_to_its_end_a_quiz_and_the_dashboard(site, watched):
    with watched.opened(f"{site.url}/lesson?lang={LANG}&lesson={LESSON}") as page:
        help_button = t("help.button", LANG)
        page.locator('[data-testid="stButton"] button').filter(has_not_text=help_button).first.click()
        wait_idle(page)  # a nickname
        finish_before_check(page)
        expect(page.get_by_text(re.compile(r"^Étape 1 "))).to_be_visible()
        next_button = page.get_by_role("button", name=re.compile("^(Suivant|Passer|Terminer)$"))
        styles_sent = []
        for _ in range(40):  # every step (the scroll-to-top script runs on each), up to the end
            styles_sent.append(page.evaluate(STYLES_IN_PAGE))
            if not next_button.count() or next_button.first.is_disabled():
                break
            next_button.first.click()
            wait_idle(page)
        assert_clean(watched, page, "lesson")
        assert set(styles_sent) == {0}  # every style comes from the page kit: no step sends one
        pictures = page.locator("img")
        assert pictures.count() > 0  # the end of the lesson shows the QR code for home
        assert all(pictures.nth(i).evaluate("(img) => img.complete && img.naturalWidth > 0")
                   for i in range(pictures.count()))  # fmt: skip
        page.goto(f"{site.url}/quiz?lang={LANG}&quiz={site_quiz()}")
        wait_idle(page)
        assert_clean(watched, page, "quiz")
        page.goto(f"{site.url}/dashboard?lang={LANG}&session={site.class_id}")
        wait_idle(page)
        page.wait_for_timeout(3500)  # a live refresh of the dashboard
        wait_idle(page)
        assert_clean(watched, page, "dashboard")


def test_a_teacher_link_on_a_page_goes_through_the_sign_in_route(site, watched):
    """The link's script (window.location.replace) runs under the policy and leaves no token behind."""
    with watched.opened(f"{site.url}/teachers?lang={LANG}&token={TEACHER_TOKEN}") as page:
        page.wait_for_url(re.compile(r"/teachers(\?|$)"))
        wait_idle(page)
        assert "token=" not in page.url
        assert_clean(watched, page, "teacher link")


def test_the_quick_exit_is_the_one_outside_address_and_only_when_asked(site, watched):
    page = watched.visit(f"{site.url}/?lang={LANG}")
    try:
        assert_clean(watched, page, "home")
        assert watched.outside == []
        with page.expect_request(lambda request: request.url.startswith(EXIT_URL)):
            page.locator(".quick-exit").first.click()
        assert watched.outside and all(url.startswith(EXIT_URL) for url in watched.outside)
        assert watched.console == []
        watched.outside.clear()
        # Back in this tab after the exit (its flag is in the tab's storage): the guard leaves at once.
        with page.expect_request(lambda request: request.url.startswith(EXIT_URL)):
            page.goto(f"{site.url}/learn?lang={LANG}")
        for _ in range(50):  # the request is seen before the route that stops it has recorded it
            if watched.outside:
                break
            page.wait_for_timeout(100)
        assert watched.outside and all(url.startswith(EXIT_URL) for url in watched.outside)
        assert watched.console == []
    finally:
        watched.outside.clear()
        watched.context.clear_cookies(name="course_exit")  # the app shows again in this browser
        page.close()


def site_quiz() -> str:
    from course.content import load_course

    return load_course().lessons[LESSON].quiz


def test_the_browser_key_and_the_focus_keeper_run_under_the_policy(site, watched):
    """The script that remembers this browser (for counting wrong codes) sets its cookie, and the one
    that keeps the keyboard focus on a step just placed in an ordering does its work."""
    from course.content import load_course

    watched.context.clear_cookies(name="course_browser")
    lesson = load_course().lessons["sextortion-14-17"]
    step = next(
        i for i, s in enumerate(lesson.steps) if s.type == "activity" and s.activity.type == "ordering"
    )
    with watched.opened(f"{site.url}/lesson?lang={LANG}&lesson={lesson.id}") as page:
        page.locator('[data-testid="stButton"] button').filter(
            has_not_text=t("help.button", LANG)
        ).first.click()
        wait_idle(page)  # a nickname
        finish_before_check(page)
        for _ in range(step):
            page.get_by_role("button", name=re.compile("^(Suivant|Passer)$")).click()
            wait_idle(page)
        assert "course_browser" in {cookie["name"] for cookie in watched.context.cookies()}
        first = lesson.steps[step].activity.items[0].text.fr.replace("\u00a0", " ")
        button = page.get_by_role("button", name=re.compile(re.escape(first[:20])))
        button.focus()
        page.keyboard.press("Enter")
        wait_idle(page)
        expect(page.get_by_role("button", name=re.compile(r"^1 · " + re.escape(first[:20])))).to_be_focused()
        assert_clean(watched, page, "ordering by keyboard")


def test_a_parents_vote_is_remembered_by_its_cookie_under_the_policy(site, watched):
    """The script that keeps a phone's votes in a cookie (so a reload cannot vote twice) runs."""
    from course.ui.pages.vote import VOTES_COOKIE

    with watched.opened(f"{site.url}/teachers?lang={LANG}") as console:
        session_id = open_evening(console, LANG)
    with watched.opened(f"{site.url}/presenter?session={session_id}&lang={LANG}") as slides:
        code = class_code(slides)
        index, poll = first_poll_position()
        for _ in range(index):
            slides.keyboard.press("ArrowRight")
            wait_idle(slides)
        expect(slides.get_by_role("heading", name=poll.prompt.fr)).to_be_visible(timeout=10_000)
        with watched.opened(f"{site.url}/join?class={code}&lang={LANG}", width=390) as phone:
            phone.get_by_role("button", name=poll.options[0].text.fr).click(timeout=10_000)
            wait_idle(phone)
            expect(phone.get_by_text("Merci, votre vote est compté.")).to_be_visible()
            assert VOTES_COOKIE in {cookie["name"] for cookie in watched.context.cookies()}
            assert_clean(watched, phone, "a parent's vote")
