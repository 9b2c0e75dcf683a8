"""In Chromium: picking or ticking an answer stays in the browser; "Check my answer" sends it, in one run
(the server sees one request per answer, not one per pick as well)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from course.content import load_course
from course.locales import t
from tests.browser.conftest import wait_idle

pytestmark = pytest.mark.browser
QUIZ = load_course().quizzes["ai-fakes-14-17-quiz"]  # true or false, one choice, several


class Sent:
    """The script runs the page asks the server for: every rerun BackMsg it sends on its websocket."""

    def __init__(self, page: Page) -> None:
        self.reruns: list[BackMsg] = []
        page.on("websocket", lambda ws: ws.on("framesent", self.frame))

    def frame(self, payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        message = BackMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") == "rerun_script":
            self.reruns.append(message)


@pytest.fixture
def quiz_page(browser: Browser, app_url: str):
    """The quiz in English on a new device, its first question on screen, the runs it asks for watched."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sent = Sent(page)  # before the page opens its websocket
    page.goto(f"{app_url}/quiz?lang=en&quiz={QUIZ.id}")
    wait_idle(page)
    page.locator('[data-testid="stButton"] button').filter(has_not_text=t("help.button", "en")).first.click()
    wait_idle(page)  # a nickname: the first question shows
    yield page, sent
    context.close()


def widget_values(rerun: BackMsg) -> dict[str, BackMsg]:
    """The widgets a rerun carries, by key (a widget's id is "$$ID-<hash>-<key>")."""
    return {state.id.split("-", 2)[-1]: state for state in rerun.rerun_script.widget_states.widgets}


def test_a_pick_runs_nothing_and_check_sends_it_in_one_run(quiz_page):
    page, sent = quiz_page
    question = QUIZ.questions[0]
    assert question.type == "true_false"
    check = page.get_by_role("button", name=t("activity.check", "en"))
    expect(check).to_be_enabled()  # nothing chosen yet, and it can be pressed: it asks to choose first
    check.click()
    wait_idle(page)
    expect(page.get_by_text(t("activity.choose_first", "en"))).to_be_visible()

    before = len(sent.reruns)
    right = t("activity.true" if question.answer else "activity.false", "en")
    page.locator('[data-testid="stRadio"] [role="radiogroup"] label').filter(has_text=right).click()
    expect(page.locator('[data-testid="stRadio"] input:checked')).to_have_count(1)
    check.click()
    wait_idle(page)
    expect(page.get_by_text(t("feedback.right", "en"))).to_be_visible()
    expect(page.get_by_text(t("activity.choose_first", "en"))).to_have_count(0)
    runs = sent.reruns[before:]
    assert len(runs) == 1, [list(widget_values(run)) for run in runs]  # the check alone, not the pick
    values = widget_values(runs[0])
    pressed = [key for key, state in values.items() if state.trigger_value]
    assert [key.rsplit(":", 1)[-1] for key in pressed] == ["check"]
    assert any(key.endswith(":choice") for key in values)  # the pick travels with it


def test_ticks_run_nothing_until_check(quiz_page):
    page, sent = quiz_page
    for index, question in enumerate(QUIZ.questions[:3]):  # to the first question with boxes to tick
        if question.type == "multiple_choice":
            break
        page.locator('[data-testid="stRadio"] [role="radiogroup"] label').first.click()
        page.get_by_role("button", name=t("activity.check", "en")).click()
        wait_idle(page)
        page.locator(f".st-key-quiz_next_{index} button").click()
        wait_idle(page)
    else:
        raise AssertionError("no multiple choice among the quiz's first questions")
    before = len(sent.reruns)
    boxes = page.locator('[data-testid="stCheckbox"] label')
    for i in range(2):
        boxes.nth(i).click()
    expect(page.locator('[data-testid="stCheckbox"] input:checked')).to_have_count(2)
    page.get_by_role("button", name=t("activity.check", "en")).click()
    wait_idle(page)
    expect(page.get_by_text(t("quiz.next", "en"))).to_be_visible()  # checked: the feedback and "next"
    runs = sent.reruns[before:]
    assert len(runs) == 1, [list(widget_values(run)) for run in runs]
    ticked = [key for key, state in widget_values(runs[0]).items() if ":pick:" in key and state.bool_value]
    assert len(ticked) == 2
