"""The projector in Chromium at 1280×720: a revealed question with its bars and right-answer line fits
without scrolling, right answers are marked in text, and a tick-all question's shares are of the people
who answered (2 of 2 pupils ticking the same 2 options: 100 % each, not 50 %)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from course.classroom import evening
from course.classroom.answers_shown import right_ids
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from course.ui import quick_exit
from tests.browser.conftest import (
    TEACHER_TOKEN,
    join_class,
    screenshot,
    serious_violations,
    start_server,
    stop_server,
    wait_idle,
)

pytestmark = pytest.mark.browser
COURSE = load_course()
PARENT_LESSONS = tuple(lesson.id for lesson in COURSE.lessons_for("parents"))
CLASS_LESSON = COURSE.lessons["ai-fakes-7-10"]
CLASS_STEP = next(
    i
    for i, step in enumerate(CLASS_LESSON.steps)
    if step.type == "activity" and step.activity.type == "multiple_choice"
)
TICK_ALL = CLASS_LESSON.steps[CLASS_STEP].activity
HALL = {"width": 1280, "height": 720}
LIVE = 10_000  # the slides follow every second, the class projector every 3 s
OVERFLOW = (
    "() => { const main = document.querySelector('[data-testid=\"stMain\"]');"
    " return [document.documentElement.scrollHeight, main ? main.scrollHeight : 0, window.innerHeight]; }"
)


@pytest.fixture
def server(tmp_path: Path):
    """Our own server, so the test can set the deck's slide and the reveal in its database."""
    url, process = start_server(tmp_path)
    yield url, Classroom(Store.open(f"sqlite:///{tmp_path / 'course.db'}"))
    stop_server(process)


def teacher_page(open_page, app_url: str, path: str, locale: str = "fr-FR") -> Page:
    page = open_page(f"{app_url}/teacher/sign-in?token={TEACHER_TOKEN}", locale, **HALL)
    page.goto(f"{app_url}{path}")
    wait_idle(page)
    return page


def assert_fits(page: Page, what: str) -> None:
    document, main, viewport = page.evaluate(OVERFLOW)
    assert document <= viewport and main <= viewport, f"{what}: {document}/{main} px for {viewport}"


def assert_marked(page: Page, activity, labels: dict[str, str], screen_reader: str) -> None:
    """The right options carry a visible ✓ and a text for screen readers; the others carry neither."""
    right = right_ids(activity)
    rows = page.locator(".bars .result")
    expect(page.locator(".bars .result.right")).to_have_count(len(right))
    for index in range(rows.count()):
        row = rows.nth(index)
        label = row.locator(".label").text_content()
        is_right = any(label.startswith(f"✓{labels[oid]}") for oid in right)
        assert is_right == ("right" in (row.get_attribute("class") or "")), label
        if is_right:
            expect(row.locator(".mark")).to_have_text("✓")
            expect(row.locator(".sr")).to_have_text(f" ({screen_reader})")


def test_a_tick_all_question_on_the_class_projector(server, open_page):
    app_url, classroom = server
    session = classroom.create("CM2 B", "7-10", [CLASS_LESSON.id], paced=True)
    classroom.set_step(session.id, CLASS_LESSON.id, CLASS_STEP)  # the teacher paced the class there
    ticked = [option for option in TICK_ALL.options][:2]
    for _ in range(2):
        pupil = open_page(f"{app_url}/join", "fr-FR", width=390, height=844)
        join_class(pupil, session.join_code, CLASS_LESSON.id)
        expect(pupil.get_by_text(TICK_ALL.prompt.fr.replace("\u00a0", " "))).to_be_visible(timeout=LIVE)
        for option in ticked:
            pupil.get_by_text(option.text.fr, exact=True).click()
            wait_idle(pupil)
        pupil.get_by_role("button", name="Vérifier ma réponse").click()
        wait_idle(pupil)
        expect(pupil.get_by_text(re.compile("^Réponse enregistrée"))).to_be_visible()

    projector = teacher_page(open_page, app_url, f"/dashboard?session={session.id}")
    classroom.reveal(session.id)
    bars = projector.locator(".bars.hall")
    expect(bars.locator(".result")).to_have_count(len(TICK_ALL.options), timeout=LIVE)
    for option in ticked:  # 2 of the 2 pupils who answered ticked it: 100 %, not 2 of 4 ticks (50 %)
        row = bars.locator(".result").filter(has_text=option.text.fr)
        expect(row.locator(".count")).to_have_text("2 · 100 %")
    expect(bars.locator(".count", has_text="2 · 50 %")).to_have_count(0)
    labels = {option.id: option.text.fr for option in TICK_ALL.options}
    assert_marked(projector, TICK_ALL, labels, "bonne réponse")
    expect(
        projector.get_by_text(f"Bonnes réponses\u00a0: les {len(right_ids(TICK_ALL))} marquées ✓")
    ).to_be_visible()
    wait_idle(projector)
    screenshot(projector, "projector-class-720p")
    assert_fits(projector, "the class projector")
    assert serious_violations(projector) == []


def test_a_parent_evening_question_slides_fit_720p_and_mark_the_right_answers(server, open_page):
    app_url, classroom = server
    session = classroom.create("Réunion", "parents", PARENT_LESSONS, paced=True, kind="evening")
    classroom.set_step(session.id, "", 0)  # the welcome slide, as a new evening opens
    console = teacher_page(open_page, app_url, f"/console?session={session.id}")
    slides = console.context.new_page()  # a second window of the same browser: signed in by its cookie
    slides.set_viewport_size(HALL)
    slides.goto(f"{app_url}/presenter?session={session.id}")
    wait_idle(slides)

    # The welcome slide has nothing to reveal: "Next" leads, "Show the answers" is neither main nor live.
    reveal = console.locator(".st-key-console_reveal button")
    expect(reveal).to_have_attribute("data-testid", "stBaseButton-secondary")
    expect(reveal).to_be_disabled()
    expect(console.locator(".st-key-console_next button")).to_have_attribute(
        "data-testid", "stBaseButton-primary"
    )

    # The tick-all question: two parents each tick the same two habits on their phones.
    order = evening.slides(COURSE, PARENT_LESSONS)
    position = next(p for p in order if (a := evening.activity_at(COURSE, p)) and a.type == "multiple_choice")
    question = evening.activity_at(COURSE, position)
    classroom.set_step(session.id, *position)
    labels = {oid: text.fr for oid, text in evening.votable(question, session.id)}
    ticked = list(labels)[:2]
    for _ in range(2):
        phone = open_page(f"{app_url}/join?class={session.join_code}", "fr-FR", width=390, height=844)
        expect(phone.get_by_role("heading", name=question.prompt.fr)).to_be_visible(timeout=LIVE)
        for option_id in ticked:
            phone.get_by_text(labels[option_id], exact=True).click()
            wait_idle(phone)
        phone.get_by_role("button", name="Voter").click()
        wait_idle(phone)
        expect(phone.get_by_text("Merci, votre vote est compté.")).to_be_visible()
    screenshot(phone, "projector-phone-tick-all")
    expect(slides.get_by_text("2 vote(s) pour l'instant")).to_be_visible(timeout=LIVE)  # voters, not ticks
    reveal = console.locator(".st-key-console_reveal button")
    expect(reveal).to_have_attribute("data-testid", "stBaseButton-primary", timeout=LIVE)
    reveal.click()
    wait_idle(console)
    bars = slides.locator(".bars.hall")
    expect(bars.locator(".result")).to_have_count(len(labels), timeout=LIVE)
    for option_id in ticked:
        expect(bars.locator(".result").filter(has_text=labels[option_id]).locator(".count")).to_have_text(
            "2 · 100 %"
        )
    assert_marked(slides, question, labels, "bonne réponse")
    expect(console.locator(".st-key-console_next button")).to_have_attribute(
        "data-testid", "stBaseButton-primary"
    )
    wait_idle(slides)
    screenshot(slides, "projector-evening-tick-all-720p")
    assert_fits(slides, "the tick-all slide")
    assert serious_violations(slides) == []

    # Every other question of the deck, revealed with a few votes, fits too.
    for position in order:
        activity = evening.activity_at(COURSE, position)
        options = evening.votable(activity, session.id) if activity is not None else None
        if options is None or activity is question:
            continue
        classroom.set_step(session.id, *position)
        poll = evening.poll_id(position[0], activity.id)
        for option_id, _ in options[:3]:
            classroom.store.vote(session.id, poll, option_id)
        classroom.reveal(session.id)
        expect(slides.locator(".bars.hall .result")).to_have_count(len(options), timeout=LIVE)
        expect(slides.get_by_role("heading", name=activity.prompt.fr)).to_be_visible()
        wait_idle(slides)
        assert_fits(slides, f"{position} ({activity.type})")
        if right_ids(activity):
            expect(slides.locator(".bars .result.right")).to_have_count(len(right_ids(activity)))


def test_escape_twice_on_the_projector_does_not_leave(server, open_page):
    """A presenter's habit (Escape to leave full screen, twice) must not send the hall's screen to the
    weather site for good: the projector has no quick exit. The console beside it keeps one."""
    app_url, classroom = server
    session = classroom.create("Réunion", "parents", PARENT_LESSONS, paced=True, kind="evening")
    console = teacher_page(open_page, app_url, f"/console?session={session.id}")
    slides = console.context.new_page()
    slides.set_viewport_size(HALL)
    slides.goto(f"{app_url}/presenter?session={session.id}")
    wait_idle(slides)
    slides.mouse.click(5, 5)  # the page has the keyboard, as after a click on the slide
    slides.keyboard.press("Escape")
    slides.keyboard.press("Escape")
    slides.wait_for_timeout(500)
    assert urlsplit(slides.url).path == "/presenter"
    assert quick_exit.EXIT_COOKIE not in {cookie["name"] for cookie in slides.context.cookies()}
    assert console.evaluate("window.quickExitReady === true")  # the console's own bar still has it
