"""A lesson with every activity type, and its quiz, by keyboard alone (Tab, Shift+Tab, Space, Enter,
arrows), in French and in English: every answer can be given and checked, every control reached shows
where the focus is, a rerun never drops the focus to the page's <body>, and axe-core finds no serious or
critical violation before and after each answer is checked.

The lesson is tests/data/every_activity (one activity of each type; a test below keeps it complete) in
a copy of tests/data/valid, with a quiz made from the tiny course's own, served by the real server.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from course.activities import TYPES, branching
from course.content import load_course
from course.content.models import Lesson, Quiz
from course.locales import t
from course.ui.widgets.feedback_view import item_labels
from tests.browser.conftest import screenshot, serious_violations, start_server, stop_server, wait_idle
from tests.conftest import ROOT
from tests.ui.journey import answer_values

pytestmark = pytest.mark.browser
LESSON = ROOT / "tests" / "data" / "every_activity" / "demo-14-17.yaml"
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
KEEPER_MS = 6000  # the focus keeper waits up to 5 s for a run to end (course/web/scripts.py)

# What has the keyboard focus: its element, the box a sighted user sees it in (a radio's or a
# checkbox's input is hidden: its label is what shows), and the keyed Streamlit element around it.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const small = (box) => box.width < 8 || box.height < 8;
  let shown = element;
  if (small(shown.getBoundingClientRect())) shown = element.closest("label") || element.parentElement;
  const box = shown.getBoundingClientRect();
  const keyed = element.closest('[class*="st-key-"]');
  return {
    tag: element.tagName, role: element.getAttribute("role") || "", checked: element.checked === true
      || element.getAttribute("aria-checked") === "true",
    label: (element.closest("label") || element).innerText.trim(),
    key: keyed ? [...keyed.classList].filter((name) => name.startsWith("st-key-")).join(" ") : "",
    box: [box.x, box.y, box.width, box.height],
  };
}"""


# What moves on the page: elements whose style animates or transitions for longer than a frame.
MOVING = """() => {
  const seconds = (value) => Math.max(...value.split(",").map((part) => part.trim().endsWith("ms")
    ? parseFloat(part) / 1000 : parseFloat(part)));
  const moving = [];
  for (const element of document.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    const animated = style.animationName !== "none" && seconds(style.animationDuration) > 0.02;
    const eased = style.transitionProperty !== "none" && seconds(style.transitionDuration) > 0.02;
    if (animated || eased) moving.push(
      element.tagName + "." + String(element.className).slice(0, 40) + " " + style.animationName
      + " " + style.animationDuration + " " + style.transitionProperty + " " + style.transitionDuration);
  }
  return moving;
}"""


@dataclass(frozen=True)
class Demo:
    url: str
    lesson: Lesson
    quiz: Quiz


def write_content(root: Path) -> Path:
    """tests/data/valid plus the lesson of every activity type, which opens with a before-check and ends
    with a quiz (the tiny course's quiz, made this lesson's)."""
    content = root / "content"
    shutil.copytree(ROOT / "tests" / "data" / "valid", content)
    lesson = LESSON.read_text(encoding="utf-8").replace("reviewed:", "quiz: demo-14-17-quiz\nreviewed:", 1)
    (content / "lessons" / "demo" / LESSON.name).write_text(lesson, encoding="utf-8")
    quizzes = content / "quizzes" / "demo"
    quiz = (quizzes / "demo-7-10-quiz.yaml").read_text(encoding="utf-8")
    quiz = quiz.replace("demo-7-10-quiz", "demo-14-17-quiz").replace("'7-10'", "'14-17'")
    (quizzes / "demo-14-17-quiz.yaml").write_text(quiz, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[Demo]:
    tmp = tmp_path_factory.mktemp("keyboard")
    content = write_content(tmp)
    course = load_course(content)
    assert [str(problem) for problem in course.problems] == []
    url, process = start_server(tmp, {"COURSE_CONTENT_ROOT": str(content)})
    lesson = course.lessons["demo-14-17"]
    yield Demo(url, lesson, course.quizzes[lesson.quiz])
    stop_server(process)


def test_the_lesson_has_every_activity_type(tmp_path: Path):
    course = load_course(write_content(tmp_path))
    lesson = course.lessons["demo-14-17"]
    assert {step.activity.type for step in lesson.steps if step.type == "activity"} == set(TYPES)


def key_class(key: str) -> str:
    """Streamlit's class for an element with `key` (what course.ui.widgets.ordering.keep_focus selects)."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


class Keyboard:
    """A learner with a keyboard only: moves with Tab, acts with Space, Enter and arrows, and checks at
    each stop that the focus shows and, after each action, that it was not dropped."""

    def __init__(self, page: Page, lang: str) -> None:
        self.page, self.lang = page, lang
        self.seen: set[tuple[str, str]] = set()  # controls whose focus was already looked at
        self.states = 0  # axe runs

    def focused(self) -> dict | None:
        return self.page.evaluate(FOCUSED)

    def assert_focus_shows(self, focus: dict) -> None:
        """The control looks different focused and unfocused (its outline, ring or colour), compared on
        screen around its box: Shift+Tab takes the focus away, Tab brings it back."""
        mark = (focus["key"], focus["label"])
        if mark in self.seen or focus["box"][2] == 0:
            return
        self.seen.add(mark)
        x, y, width, height = focus["box"]
        clip = {"x": max(x - 4, 0), "y": max(y - 4, 0), "width": width + 8, "height": height + 8}
        self.page.wait_for_timeout(80)  # a ring that fades in
        with_focus = self.page.screenshot(clip=clip)
        self.page.keyboard.press("Shift+Tab")
        self.page.wait_for_timeout(80)
        without = self.page.screenshot(clip=clip)
        self.page.keyboard.press("Tab")
        again = self.focused()
        assert again and (again["key"], again["label"]) == mark, (focus, again)
        assert with_focus != without, (
            f"no visible focus on {focus['tag']} {focus['label']!r} ({focus['key']})"
        )

    def tab_to(self, key_part: str, label: str | None = None, limit: int = 60) -> dict:
        """Tab (forward, round the page if needed) to the control inside the element whose key class
        contains `key_part` (and whose text is `label`, if given)."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            focus = self.focused()
            if focus is None:
                continue  # past the last control, the browser's own stop before the first
            self.assert_focus_shows(focus)
            if key_part in focus["key"] and (label is None or focus["label"] == label):
                return focus
        raise AssertionError(f"no control {key_part!r} {label or ''} within {limit} Tab presses")

    def press(self, key: str, navigates: bool = False) -> None:
        """Act on the focused control; once the app has rerun, the focus is still on a control."""
        self.page.keyboard.press(key)
        wait_idle(self.page, settle_ms=100)
        if not navigates:
            # The focus keeper puts the focus back once the old control has left the page, which
            # Streamlit does just after the run: a busy machine can be looking in between.
            with contextlib.suppress(PlaywrightTimeout):
                self.page.wait_for_function(f"() => ({FOCUSED})() !== null", timeout=KEEPER_MS)
            focus = self.focused()
            assert focus is not None, f"the focus fell to <body> after {key}"

    def choose(self, key_part: str, wanted: str) -> None:
        """In a radio group: into it, then arrows until `wanted` is checked."""
        focus = self.tab_to(key_part)
        for _ in range(12):
            if focus["label"] == wanted and focus["checked"]:
                return
            self.press("Space" if not focus["checked"] else "ArrowDown")
            focus = self.focused()
            assert focus is not None
        raise AssertionError(f"{wanted!r} never checked in {key_part}")

    def tick(self, key_part: str, wanted: bool) -> None:
        """A checkbox or a switch: Space until it is in the `wanted` state."""
        focus = self.tab_to(key_part)
        if focus["checked"] != wanted:
            self.press("Space")
            assert self.focused()["checked"] == wanted

    def click(self, key_part: str, label: str | None = None, navigates: bool = False) -> None:
        self.tab_to(key_part, label)
        self.press("Enter", navigates)

    def still(self, what: str) -> None:
        """Nothing animates or eases (the browser asks for reduced motion)."""
        moving = self.page.evaluate(MOVING)
        assert moving == [], f"{what}: {len(moving)} moving, e.g. {moving[:5]}"

    def no_violation(self, what: str) -> None:
        self.states += 1
        assert serious_violations(self.page) == [], f"{what} ({self.lang})"


def give_answer(keys: Keyboard, activity, prefix: str) -> None:
    """Set the right answer of a graded activity by keyboard; `prefix` is its key class so far."""
    labels = item_labels(activity, keys.lang)
    for name, value in answer_values(activity).items():
        part = f"{prefix}-v0-{re.sub(r'[^a-zA-Z0-9_-]', '-', name)}"
        if name == "choice":
            keys.choose(part, labels[value])
        elif name == "order":
            for item_id in value:
                keys.click(f"{prefix}-v0-order-tap-{item_id}")
        else:
            keys.tick(part, bool(value))


def answer(keys: Keyboard, activity, prefix: str, check: str) -> None:
    """Answer `activity` right by keyboard and press its check button (`check` its label), with axe
    before and after."""
    keys.no_violation(f"{activity.type} before check")
    if activity.type == "branching":
        for depth, choice_id in enumerate(branching.help_path(activity).choices):
            keys.click(f"{prefix}-{depth}-{choice_id}")
    elif activity.type == "poll":
        keys.choose(f"{prefix}-v0-vote", item_labels(activity, keys.lang)[activity.options[0].id])
        keys.click(f"{prefix}-v0-vote-button")
    else:
        give_answer(keys, activity, prefix)
        keys.click(f"{prefix}-v0-check", check)
    keys.no_violation(f"{activity.type} checked")


@pytest.mark.parametrize("lang", list(LOCALES))
def test_a_lesson_with_every_activity_and_its_quiz_by_keyboard(browser: Browser, demo: Demo, lang: str):
    context = browser.new_context(locale=LOCALES[lang], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.emulate_media(reduced_motion="reduce")
    keys = Keyboard(page, lang)
    lesson, quiz = demo.lesson, demo.quiz
    try:
        page.goto(f"{demo.url}/lesson?lesson={lesson.id}&lang={lang}")
        wait_idle(page)
        keys.still("nicknames offered")
        keys.click("st-key-nickname-", navigates=True)  # the first nickname offered
        for question in quiz.before_check:
            keys.no_violation("before-check")
            give_answer(keys, question, key_class(f"before:{quiz.id}:{question.id}"))
            keys.click(key_class(f"before:{quiz.id}:{question.id}:v0:check"))
        keys.choose(key_class(f"before_confidence:{quiz.id}"), t("confidence.3", lang))
        keys.click(key_class(f"before_start:{quiz.id}"))
        for step in lesson.steps:
            if step.type == "activity":
                prefix = key_class(f"lesson:{lesson.id}:{step.activity.id}")
                answer(keys, step.activity, prefix, t("activity.check", lang))
            keys.click("st-key-lesson_next")
        keys.no_violation("lesson finished")
        keys.still("lesson finished")
        keys.click("st-key-lesson_quiz", navigates=True)
        wait_idle(page)
        for index, question in enumerate(quiz.questions):
            answer(keys, question, f"-{question.id}", t("activity.check", lang))  # quiz:<run>:<id>
            keys.click(f"st-key-quiz_next_{index}")
        keys.no_violation("quiz score")
        screenshot(page, f"keyboard-quiz-score-{lang}")
    finally:
        context.close()
    assert keys.states >= 2 * len(lesson.steps)
