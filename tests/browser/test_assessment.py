"""In Chromium: the before-check shows no feedback, and a retaken quiz shows its choices in a new order."""

import re

import pytest
from playwright.sync_api import expect

from course.activities.order import shown_ids
from course.content import load_course
from course.progress import Store
from tests.browser.conftest import screenshot, serious_violations, start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser
COURSE = load_course()
LESSON = COURSE.lessons["grooming-11-13"]
QUIZ = COURSE.quizzes[LESSON.quiz]


@pytest.fixture
def server(tmp_path):
    url, process = start_server(tmp_path)
    yield url, f"sqlite:///{tmp_path / 'course.db'}"
    stop_server(process)


def radio_labels(page) -> list[str]:
    return [
        text.strip()
        for text in page.locator('[data-testid="stRadio"] [role="radiogroup"] label').all_inner_texts()
    ]


def answer_on_screen(page, button: str) -> None:
    """Pick the first choice shown (a radio, else a box), if any, and press `button`."""
    radios, boxes = (
        page.locator('[data-testid="stRadio"] [role="radiogroup"] label'),
        page.locator('[data-testid="stCheckbox"] label'),
    )
    if radios.count():
        radios.first.click()
    elif boxes.count():
        boxes.first.click()
    wait_idle(page)
    page.get_by_role("button", name=button).click()
    wait_idle(page)


def take_quiz(page, learner_id: str, take: int) -> dict[str, list[str]]:
    """Answer every question with the first choice shown; the labels of the single-choice questions."""
    seen = {}
    for index, question in enumerate(QUIZ.questions):
        if question.type == "single_choice":
            seen[question.id] = radio_labels(page)
            labels = {option.id: option.text.en for option in question.options}
            assert seen[question.id] == [labels[i] for i in shown_ids(question, learner_id, f"take-{take}")]
        answer_on_screen(page, "Check my answer")
        last = index == len(QUIZ.questions) - 1
        page.get_by_role("button", name="See my score" if last else "Next question").click()
        wait_idle(page)
    return seen


def test_before_check_without_feedback_and_a_retake_in_a_new_order(server, open_page):
    url, database = server
    page = open_page(f"{url}/lesson?lesson={LESSON.id}", "en-GB", width=390, height=844)
    page.locator('[data-testid="stButton"] button').filter(has_not_text="Need help").first.click()
    wait_idle(page)
    expect(page.get_by_text("Before we start: what do you already know?")).to_be_visible()
    first = QUIZ.before_check[0]
    answer_on_screen(page, "Next")
    body = page.inner_text("body")
    feedbacks = [o.feedback.en for o in getattr(first, "options", [])] or [
        first.feedback_if_true.en,
        first.feedback_if_false.en,
    ]
    assert not any(feedback in body for feedback in feedbacks)
    assert "Not quite yet" not in body and "That's right" not in body
    assert serious_violations(page) == []
    screenshot(page, "before-check-phone")
    for _ in QUIZ.before_check[1:]:
        answer_on_screen(page, "Next")
    page.get_by_text("Mostly").click()
    wait_idle(page)
    page.get_by_role("button", name="Start the lesson").click()
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"^Step 1 of \d+"))).to_be_visible()

    code = re.search(r"code=([A-Z2-9]{6})", page.url).group(1)
    learner = Store.open(database).learner_by_code(code)
    page.goto(f"{url}/quiz?quiz={QUIZ.id}&code={code}")
    wait_idle(page)
    first_run = take_quiz(page, learner.id, 1)
    page.get_by_role("button", name="Take the quiz again").click()
    wait_idle(page)
    second_run = take_quiz(page, learner.id, 2)
    assert first_run.keys() == second_run.keys() and first_run
    assert any(first_run[q] != second_run[q] for q in first_run)  # new order on a retake
    assert all(sorted(first_run[q]) == sorted(second_run[q]) for q in first_run)  # the same choices
