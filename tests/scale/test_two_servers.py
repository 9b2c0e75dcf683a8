"""Two servers of the app on one PostgreSQL database, as behind a load balancer: a teacher on server A,
pupils on server B. Everything live goes through the store, so the teacher sees the pupils' answers
and the pupils follow the teacher's steps although no server talks to the other.

Needs COURSE_TEST_DATABASE_URL (bash .ci/run sets it): without it the test fails, it never skips.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from course import bands
from course.content import load_course
from tests.browser.conftest import (
    TEACHER_TOKEN,
    join_class,
    launch_chromium,
    open_class,
    screenshot,
    start_server,
    stop_server,
    wait_idle,
)

pytestmark = pytest.mark.browser

COURSE = load_course()
# A paced class opened with the form's defaults starts on the first lesson of the first band.
LESSON = COURSE.lessons_for(bands.youngest())[0]
STEP = next(index for index, step in enumerate(LESSON.steps) if step.type == "activity")
ACTIVITY = LESSON.steps[STEP].activity
# The same in every server's environment, as docs/deploy.md asks (the teacher token comes from
# start_server; its signed cookie is valid on every server that shares it).
COOKIE_SECRET = "the-same-cookie-secret-on-every-server"
LIVE = 15_000  # ms: live views poll the store every few seconds


def right_and_wrong_ticks() -> tuple[list[int], list[int]]:
    """Which checkboxes (by position) a right answer ticks, and a wrong one: the first item not to tick."""
    items = {
        "red_flag_chat": [(m.red_flag) for m in getattr(ACTIVITY, "messages", [])],
        "multiple_choice": [o.correct for o in getattr(ACTIVITY, "options", [])],
        "spot_details": [p.personal for p in getattr(ACTIVITY, "parts", [])],
    }.get(ACTIVITY.type)
    assert items, (
        f"the first activity of {LESSON.id} is a {ACTIVITY.type}: this test ticks checkboxes "
        "(red-flag chat, multiple choice or spot the details); update it for the new content"
    )
    return [i for i, tick in enumerate(items) if tick], [items.index(False)]


@contextmanager
def two_servers(tmp_path: Path, database_url: str) -> Iterator[tuple[str, str]]:
    """Server A and server B: the same database, teacher token and cookie secret; stopped after."""
    shared = {"COURSE_DATABASE_URL": database_url, "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET}
    processes = []
    try:
        urls = []
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            url, process = start_server(tmp_path / name, shared)
            processes.append(process)
            urls.append(url)
        yield urls[0], urls[1]
    finally:
        for process in processes:
            stop_server(process)


def in_own_chromium(scenario: Callable[[Browser], None]) -> None:
    """Runs scenario(browser) with a Chromium of its own, in a thread of its own.

    Playwright's sync API allows one instance per thread, and the session-wide browser of
    tests/browser stays open until the end of the run: another thread may have its own.
    """
    raised: list[BaseException] = []

    def run() -> None:
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                try:
                    scenario(browser)
                finally:
                    browser.close()
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread below
            raised.append(error)

    thread = threading.Thread(target=run, name="chromium", daemon=True)
    thread.start()
    thread.join()
    if raised:
        raise raised[0]


def open_page(browser: Browser, url: str, locale: str, width: int = 1280, height: int = 900) -> Page:
    page = browser.new_context(locale=locale, viewport={"width": width, "height": height}).new_page()
    page.goto(url)
    wait_idle(page)
    return page


def metric(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def test_a_teacher_on_one_server_follows_and_paces_pupils_on_another(tmp_path, postgresql):
    right, wrong = right_and_wrong_ticks()
    with two_servers(tmp_path, postgresql) as (server_a, server_b):

        def scenario(browser: Browser) -> None:
            class_across_servers(browser, server_a, server_b, right, wrong)

        in_own_chromium(scenario)


def class_across_servers(browser: Browser, server_a: str, server_b: str, right, wrong) -> None:
    # The teacher opens a teacher-paced class on server A.
    teacher = open_page(browser, f"{server_a}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR")
    code = open_class(teacher, "CM2 B")

    # Two pupils join it on server B, which has never seen this class, and open its first lesson.
    pupils = []
    for locale in ("fr-FR", "en-GB"):
        pupil = open_page(browser, f"{server_b}/join", locale, width=400, height=800)
        join_class(pupil, code, LESSON.id)
        pupils.append(pupil)
    french, english = pupils
    expect(french.get_by_text(re.compile(r"^Étape 1 sur"))).to_be_visible()
    expect(english.get_by_text(re.compile(r"^Step 1 of"))).to_be_visible()

    # Server A's projector view counts them without the teacher touching anything.
    expect(metric(teacher, "Élèves connectés")).to_have_text("2", timeout=LIVE)

    # The teacher moves the class on server A; the pupils' screens on server B follow.
    teacher.get_by_role("tab", name="Ma vue").click()
    for _ in range(STEP):
        teacher.get_by_role("button", name="▶").click()
        wait_idle(teacher)
    expect(french.get_by_text(re.compile(rf"^Étape {STEP + 1} sur"))).to_be_visible(timeout=LIVE)
    expect(english.get_by_text(re.compile(rf"^Step {STEP + 1} of"))).to_be_visible(timeout=LIVE)

    # They answer on server B: one right, one wrong. The answers wait for the teacher's reveal.
    for pupil, ticks in ((french, right), (english, wrong)):
        wait_idle(pupil)
        boxes = pupil.get_by_test_id("stCheckbox")
        for index in ticks:
            boxes.nth(index).click()
            wait_idle(pupil)
        pupil.get_by_role("button", name=re.compile("^(Vérifier ma réponse|Check my answer)$")).click()
        wait_idle(pupil)
    expect(french.get_by_text(re.compile("^Réponse enregistrée"))).to_be_visible()
    expect(english.get_by_text(re.compile("^Answer saved"))).to_be_visible()

    # Server A's live grid has both pupils on that step.
    expect(teacher.get_by_text(f"{STEP + 1}/{len(LESSON.steps)}", exact=True)).to_have_count(2, timeout=LIVE)

    # Server A's projector view shows both answers, live.
    teacher.get_by_role("tab", name="Vue projecteur").click()
    expect(metric(teacher, "Réponses reçues")).to_have_text("2", timeout=LIVE)

    # The teacher reveals on server A: the pupils on server B get their feedback, and the
    # teacher's view lists what the class got wrong (one right answer out of two).
    teacher.get_by_role("tab", name="Ma vue").click()
    teacher.get_by_role("button", name="Dévoiler les réponses").click()
    wait_idle(teacher)
    expect(french.get_by_text("C'est ça, bravo !")).to_be_visible(timeout=LIVE)
    expect(english.get_by_text(re.compile("^(Not quite|Good start)"))).to_be_visible(timeout=LIVE)
    expect(teacher.get_by_text(ACTIVITY.prompt.fr)).to_be_visible()
    # the projector's line; while its fragment redraws, the step's text can for a moment hold it too
    expect(teacher.get_by_text("1 bonne(s) réponse(s) sur 2").first).to_be_visible()
    screenshot(teacher, "two-servers-teacher-on-a")
    screenshot(french, "two-servers-pupil-on-b")
