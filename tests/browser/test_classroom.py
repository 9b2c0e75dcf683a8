"""A teacher and two pupils in Chromium at once: join with the code, teacher-paced steps, the reveal."""

import re

import pytest
from playwright.sync_api import expect

from course.content import load_course
from tests.browser.conftest import (
    TEACHER_TOKEN,
    join_class,
    open_class,
    screenshot,
    serious_violations,
    wait_idle,
)

pytestmark = pytest.mark.browser
LESSON = load_course().lessons["grooming-7-10"]


def test_teacher_and_two_pupils(app_url, open_page):
    teacher = open_page(f"{app_url}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR")
    assert "token=" not in teacher.url  # the secret does not stay on the projector
    code = open_class(teacher, "CM2 B")
    assert serious_violations(teacher) == []

    pupils = []
    for locale in ("fr-FR", "en-GB"):
        pupil = open_page(f"{app_url}/join", locale, width=400, height=800)  # phone-sized
        join_class(pupil, code.lower(), LESSON.id)  # typed in lower case: any case is accepted
        pupils.append(pupil)
    expect(pupils[0].get_by_text(re.compile(r"^Étape 1 sur"))).to_be_visible()
    expect(pupils[1].get_by_text(re.compile(r"^Step 1 of"))).to_be_visible()

    teacher.get_by_role("tab", name="Ma vue").click()
    teacher.get_by_role("button", name="▶").click()
    wait_idle(teacher)
    # the pupils' pages poll the store and follow within a few seconds, without any click
    expect(pupils[0].get_by_text(re.compile(r"^Étape 2 sur"))).to_be_visible(timeout=10_000)
    expect(pupils[1].get_by_text(re.compile(r"^Step 2 of"))).to_be_visible(timeout=10_000)
    teacher.get_by_role("tab", name="Vue projecteur").click()
    expect(teacher.locator('[data-testid="stMetricValue"]').first).to_have_text("2", timeout=10_000)
    screenshot(teacher, "classroom-teacher")
    screenshot(pupils[0], "classroom-pupil-phone")

    # The exports are made when their button is pressed (a deferred download), in the browser too.
    teacher.get_by_role("tab", name="Ma vue").click()
    with teacher.expect_download() as download:
        teacher.get_by_role("button", name="Exporter (CSV)").click()
    assert download.value.suggested_filename == f"class-{code.replace('-', '')}.csv"
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        assert exported.readline().startswith("Classe,Élève,Leçon,Avancement,")  # French page, French CSV


def test_signing_out_holds_after_the_teacher_cookie_was_set(app_url, open_page):
    teacher = open_page(f"{app_url}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR")
    teacher.goto(f"{app_url}/classes")  # a new page load: this session is signed in by the cookie alone
    wait_idle(teacher)
    expect(teacher.get_by_role("heading", name="Mes classes")).to_be_visible()

    teacher.get_by_role("link", name="Quitter l'espace enseignant").click()  # the server ends the sign-in
    wait_idle(teacher)
    expect(teacher.get_by_role("heading", name="Mes classes")).to_have_count(0)
    teacher.get_by_role("link", name="Enseignants").click()
    wait_idle(teacher)
    expect(teacher.get_by_text("Connexion enseignant")).to_be_visible()  # still signed out a click later
    teacher.goto(f"{app_url}/classes")  # and after a reload: the cookie is gone too
    wait_idle(teacher)
    expect(teacher.get_by_role("heading", name="Mes classes")).to_have_count(0)
    expect(teacher.get_by_role("link", name="Mes classes")).to_have_count(0)
