"""Values the browser holds never become script: a planted votes cookie on a parent's phone."""

import pytest
from playwright.sync_api import expect

from course.classroom import evening
from tests.browser.conftest import wait_idle
from tests.browser.test_projector import COURSE, LIVE, PARENT_LESSONS, server  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser
PAYLOAD = "0123456789.x'+(window.__planted=1)+'</script><script>window.__planted=2</script>"


def test_a_planted_votes_cookie_never_runs_and_is_not_written_back(server, open_page, browser):  # noqa: F811
    app_url, classroom = server
    session = classroom.create("Réunion", "parents", PARENT_LESSONS, paced=True, kind="evening")
    position = next(
        p
        for p in evening.slides(COURSE, PARENT_LESSONS)
        if evening.activity_at(COURSE, p) and evening.votable(evening.activity_at(COURSE, p), session.id)
    )
    question = evening.activity_at(COURSE, position)
    classroom.set_step(session.id, *position)

    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    host = app_url.split("//", 1)[1].split(":", 1)[0]
    context.add_cookies([{"name": "course_votes", "value": PAYLOAD, "domain": host, "path": "/"}])
    phone = context.new_page()
    phone.goto(f"{app_url}/join?class={session.join_code}")
    wait_idle(phone)
    expect(phone.get_by_role("heading", name=question.prompt.fr)).to_be_visible(timeout=LIVE)
    label = next(text for _, text in evening.votable(question, session.id))
    phone.get_by_text(label.fr if label else "Vrai", exact=True).first.click()
    wait_idle(phone)
    voted = phone.get_by_role("button", name="Voter")
    if voted.count():  # a tick-all question: the vote is sent with its own button
        voted.click()
        wait_idle(phone)
    expect(phone.get_by_text("Merci, votre vote est compté.")).to_be_visible()
    assert phone.evaluate("() => window.__planted") is None  # the planted text never ran
    written = next(c["value"] for c in context.cookies() if c["name"] == "course_votes")
    assert "<" not in written and "'" not in written and "0123456789" in written  # our keys only
    context.close()
