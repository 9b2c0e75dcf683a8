"""axe-core on the pages' states, not only their first look, in French and in English: a wrong join
code, a pupil in a teacher-paced class (a question, the answer held, then revealed), the progress page
with data, a quiz question answered, the teacher's classes, dashboard (projector revealed, the teacher's
own view with the grid and the misconceptions), and a parent evening (console, revealed slide, a phone
before and after voting). No serious or critical violation; every state is reported at once.

The lesson's activity types before and after "check", the lesson's end and the quiz's score are walked in
tests/browser/test_keyboard.py; the pages' first look and the help panel in test_accessibility.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, expect

from course.classroom import evening
from course.classroom.sessions import Classroom
from course.content import load_course
from course.locales import t
from course.progress import Store
from course.ui.widgets.feedback_view import item_labels
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
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
CLASS_LESSON = COURSE.lessons["ai-fakes-7-10"]
CLASS_STEP = next(
    i
    for i, step in enumerate(CLASS_LESSON.steps)
    if step.type == "activity" and step.activity.type == "multiple_choice"
)
PARENT_LESSONS = tuple(lesson.id for lesson in COURSE.lessons_for("parents"))
LIVE = 10_000  # pupils follow the teacher every 2 s, the dashboard every 3 s
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Server:
    url: str
    classroom: Classroom


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("states")
    url, process = start_server(tmp)
    yield Server(url, Classroom(Store.open(f"sqlite:///{tmp / 'course.db'}")))
    stop_server(process)


class States:
    """Runs axe on each state and keeps every finding, so one run lists them all."""

    def __init__(self, lang: str) -> None:
        self.lang, self.found, self.count = lang, {}, 0

    def check(self, page: Page, state: str) -> None:
        wait_idle(page, settle_ms=100)
        self.count += 1
        violations = serious_violations(page)
        if violations:
            self.found[state] = violations
            screenshot(page, f"a11y-state-{re.sub(r'[^a-z0-9]+', '-', state)}-{self.lang}")


def first_choice(page: Page) -> None:
    """Pick the first choice shown (a radio button or a box to tick)."""
    radios = page.locator('[data-testid="stRadio"] [role="radiogroup"] label')
    boxes = page.locator('[data-testid="stCheckbox"] label')
    (radios if radios.count() else boxes).first.click()
    wait_idle(page)


@pytest.mark.parametrize("lang", list(LOCALES))
def test_no_serious_violation_in_any_state(browser: Browser, server: Server, lang: str):
    room, url = server.classroom, server.url
    states = States(lang)
    klass = room.create(f"CM2 {lang}", "7-10", [CLASS_LESSON.id], paced=True)
    room.set_step(klass.id, CLASS_LESSON.id, CLASS_STEP)
    night = room.create(f"Réunion {lang}", "parents", PARENT_LESSONS, paced=True, kind="evening")
    position = next(p for p in evening.slides(COURSE, PARENT_LESSONS) if evening.revealable(COURSE, p))
    room.set_step(night.id, *position)
    poll = evening.activity_at(COURSE, position)

    teacher_context = browser.new_context(locale=LOCALES[lang], viewport={"width": 1280, "height": 900})
    phone_context = browser.new_context(locale=LOCALES[lang], viewport=PHONE)
    parent_context = browser.new_context(locale=LOCALES[lang], viewport=PHONE)
    try:
        teacher = teacher_context.new_page()
        teacher.goto(f"{url}/teacher/sign-in?token={TEACHER_TOKEN}&lang={lang}")
        wait_idle(teacher)
        pupil = phone_context.new_page()

        pupil.goto(f"{url}/join?class=WRONG-999&lang={lang}")
        wait_idle(pupil)
        expect(pupil.get_by_text(t("join.wrong_code", lang))).to_be_visible()
        states.check(pupil, "join: wrong code")

        pupil.goto(f"{url}/join?lang={lang}")
        wait_idle(pupil)
        join_class(pupil, klass.join_code, CLASS_LESSON.id)
        question = CLASS_LESSON.steps[CLASS_STEP].activity
        expect(pupil.get_by_text(question.prompt.get(lang).replace("\u00a0", " "))).to_be_visible(
            timeout=LIVE
        )
        states.check(pupil, "paced class: a question")
        first_choice(pupil)
        pupil.get_by_role("button", name=t("activity.check", lang)).click()
        wait_idle(pupil)
        expect(pupil.get_by_text(t("activity.saved_wait", lang))).to_be_visible()
        states.check(pupil, "paced class: answer held until the reveal")

        teacher.goto(f"{url}/dashboard?session={klass.id}&lang={lang}")
        wait_idle(teacher)
        states.check(teacher, "dashboard: projector, one answer")
        room.reveal(klass.id)
        expect(teacher.locator(".bars .result").first).to_be_visible(timeout=LIVE)
        states.check(teacher, "dashboard: projector, answers revealed")
        teacher.get_by_role("tab", name=t("dashboard.mine", lang)).click()
        expect(teacher.get_by_text(t("dashboard.misconceptions", lang))).to_be_visible()
        states.check(teacher, "dashboard: my view (grid, misconceptions)")

        expect(pupil.get_by_text(t("activity.saved_wait", lang))).to_have_count(0, timeout=LIVE)
        states.check(pupil, "paced class: feedback revealed")
        code = re.search(r"code=([A-Za-z0-9-]+)", pupil.url).group(1)
        pupil.goto(f"{url}/progress?lang={lang}&code={code}")
        wait_idle(pupil)
        states.check(pupil, "progress with data")
        pupil.goto(f"{url}/quiz?lang={lang}&code={code}&quiz={CLASS_LESSON.quiz}")
        wait_idle(pupil)
        first_choice(pupil)
        pupil.get_by_role("button", name=t("activity.check", lang)).click()
        wait_idle(pupil)
        expect(pupil.get_by_role("button", name=re.compile(t("quiz.next", lang)))).to_be_visible()
        states.check(pupil, "quiz: a question answered, its feedback")

        teacher.goto(f"{url}/classes?lang={lang}")
        states.check(teacher, "classes: open sessions listed")

        teacher.goto(f"{url}/console?session={night.id}&lang={lang}")
        states.check(teacher, "evening console: a poll")
        parent = parent_context.new_page()
        parent.goto(f"{url}/join?class={night.join_code}&lang={lang}")
        wait_idle(parent)
        expect(parent.get_by_role("heading", name=poll.prompt.get(lang))).to_be_visible(timeout=LIVE)
        states.check(parent, "phone vote: before voting")
        option = item_labels(poll, lang)[evening.votable(poll, night.id)[0][0]]
        if parent.get_by_role("button", name=option).count():  # one choice: a button per option
            parent.get_by_role("button", name=option).click()
        else:  # tick all that apply, then vote
            parent.get_by_text(option, exact=True).click()
            wait_idle(parent)
            parent.get_by_role("button", name=t("activity.vote", lang), exact=True).click()
        wait_idle(parent)
        expect(parent.get_by_text(t("evening.thanks", lang).split(".")[0])).to_be_visible()
        states.check(parent, "phone vote: after voting")
        room.reveal(night.id)
        slides = teacher_context.new_page()
        slides.set_viewport_size({"width": 1280, "height": 720})
        slides.goto(f"{url}/presenter?session={night.id}&lang={lang}")
        expect(slides.locator(".bars .result").first).to_be_visible(timeout=LIVE)
        states.check(slides, "slides: poll revealed")
        teacher.reload()
        states.check(teacher, "evening console: poll revealed")
    finally:
        for context in (teacher_context, phone_context, parent_context):
            context.close()
    assert states.found == {}
    assert states.count == 15
