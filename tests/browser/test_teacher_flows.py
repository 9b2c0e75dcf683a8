"""A teacher's flows in Chromium (issue 14): a class gets only lessons that fit its band, the dashboard
keeps first mistakes, the CSV reads like the dashboard in the teacher's language, and the delete button
stays reachable once "I understand" is ticked."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from course import nicknames
from course.activities import grade
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Attempt, Store
from tests.browser.conftest import (
    TEACHER_TOKEN,
    open_class,
    screenshot,
    serious_violations,
    start_server,
    stop_server,
    wait_idle,
)

pytestmark = pytest.mark.browser
COURSE = load_course()
YOUNG = COURSE.lessons["grooming-7-10"]
OLDER = COURSE.lessons["sextortion-14-17"]
ACTIVITY = next(step.activity for step in YOUNG.steps if step.type == "activity")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of our own, so that a test can seed its database: (address, store)."""
    tmp = tmp_path_factory.mktemp("teacher-flows")
    url, process = start_server(tmp)
    store = Store.open(f"sqlite:///{tmp / 'course.db'}")
    yield url, store
    store.engine.dispose()
    stop_server(process)


def teacher_page(open_page, url: str, path: str = "classes", width: int = 1280, height: int = 900) -> Page:
    page = open_page(f"{url}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR", width=width, height=height)
    page.goto(f"{url}/{path}")
    wait_idle(page)
    return page


BAND, LESSONS = (
    "new_class_band",
    "new_class_lessons",
)  # the class form's widgets (the evening has lessons too)


def pick(page: Page, key: str, option: str) -> None:
    """Choose `option` in the select box or multiselect with this key."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    box.click()
    box.press_sequentially(option.split()[0])  # a long list shows only what fits: filter it
    page.get_by_role("option", name=spaces_as_any(option)).click()
    wait_idle(page)
    close_lists(page)


def spaces_as_any(text: str) -> re.Pattern:
    """The whole text, any space matching a no-break one too (French typography before ? ! : ;)."""
    return re.compile("^" + r"[\s\u00a0]".join(map(re.escape, text.split())) + "$")


def close_lists(page: Page) -> None:
    """A multiselect stays open after a pick: click beside it (not Escape, twice is the quick exit)."""
    page.locator("h1").first.click()  # the list hides the rest from roles while it is open


def lesson_options(page: Page) -> list[str]:
    page.locator(f".st-key-{LESSONS}").get_by_role("combobox").click()
    options = page.get_by_role("option").all_inner_texts()
    close_lists(page)
    return [option for option in options if option.endswith(")")]  # not "Select all"


def seeded_class(store: Store, name: str) -> tuple[str, list[str]]:
    """A 7–10 class where two pupils answered the first activity wrong, then right; (session, keys)."""
    classroom = Classroom(store)
    session = classroom.create(name, "7-10", [YOUNG.id], paced=False)
    wrong = grade(ACTIVITY, (next(m.id for m in ACTIVITY.messages if not m.red_flag),))
    right = grade(ACTIVITY, tuple(m.id for m in ACTIVITY.messages if m.red_flag))
    keys = ["brave-otter", "calm-fox"]
    for key in keys:
        pupil = classroom.join(session, key)
        store.record_step(pupil.id, YOUNG.id, 2)
        for result in (wrong, right):
            store.record_attempt(
                Attempt(
                    pupil.id, YOUNG.id, ACTIVITY.id, result.answer, result.correct, result.score, "v1",
                    session_id=session.id,
                )
            )  # fmt: skip
    return session.id, keys


def test_a_7_10_class_cannot_get_an_older_lesson(server, open_page):
    url, store = server
    page = teacher_page(open_page, url)
    pick(page, BAND, "14–17 ans")
    older = f"{OLDER.title.fr} (14–17 ans)"
    assert lesson_options(page)[0].endswith("(14–17 ans)")  # the class's band first, each titled with it
    pick(page, LESSONS, older)
    pick(page, BAND, "7–10 ans")
    # the older lesson leaves the choice, and the teacher is told why
    expect(
        page.get_by_text("Retiré des leçons, car la classe est maintenant pour les 7–10 ans")
    ).to_be_visible()
    expect(page.get_by_text("Une classe de 7–10 ans ne reçoit jamais de leçon écrite")).to_be_visible()
    options = lesson_options(page)
    assert options and all(option.endswith("(7–10 ans)") for option in options)
    assert serious_violations(page) == []
    screenshot(page, "teacher-band-7-10")
    open_class(page, "CE2 bandes", paced=False, from_teachers=False)
    (session,) = [s for s in Classroom(store).all_open() if s.class_name == "CE2 bandes"]
    assert session.band == "7-10" and OLDER.id not in session.lessons


def test_another_bands_lesson_needs_a_tick(server, open_page):
    url, store = server
    page = teacher_page(open_page, url, width=390, height=844)
    pick(page, BAND, "14–17 ans")
    pick(page, LESSONS, f"{YOUNG.title.fr} (7–10 ans)")
    expect(
        page.get_by_text(re.compile("Ces leçons sont écrites pour une autre tranche d'âge"))
    ).to_be_visible()
    page.get_by_role("textbox", name="Nom de la classe").fill("3e confirmée")
    page.get_by_role("button", name="Ouvrir la séance").click()
    wait_idle(page)
    expect(page.get_by_text(re.compile("^Confirmez que cette classe reçoit"))).to_be_visible()
    assert not [s for s in Classroom(store).all_open() if s.class_name == "3e confirmée"]
    screenshot(page, "teacher-band-confirm-phone")
    page.get_by_text("Oui, donner à cette classe des leçons d'une autre tranche d'âge").click()
    wait_idle(page)
    page.get_by_role("button", name="Ouvrir la séance").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="3e confirmée")).to_be_visible()


def test_the_dashboard_keeps_first_mistakes(server, open_page):
    url, store = server
    session_id, _ = seeded_class(store, "CM1 erreurs")
    page = teacher_page(open_page, url, f"dashboard?session={session_id}")
    page.get_by_role("tab", name="Ma vue").click()
    expect(
        page.get_by_text("0 bonne(s) réponse(s) sur 2 au premier essai, 2 sur 2 maintenant")
    ).to_be_visible(timeout=10_000)
    expect(page.get_by_text("Aucune erreur pour l'instant.")).to_have_count(0)
    screenshot(page, "teacher-first-mistakes")


def test_the_csv_reads_like_the_french_dashboard(server, open_page):
    url, store = server
    session_id, keys = seeded_class(store, "CM1 export")
    page = teacher_page(open_page, url, f"dashboard?session={session_id}")
    page.get_by_role("tab", name="Ma vue").click()
    shown = [nicknames.display(key, "fr") for key in keys]
    grid = page.locator("table.grid")
    for name in shown:
        expect(grid.get_by_role("rowheader", name=name)).to_be_visible(timeout=10_000)
    progress = f"3/{len(YOUNG.steps)}"
    expect(grid.get_by_role("cell", name=progress)).to_have_count(2)
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter (CSV)").click()
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        header, *rows = csv.reader(io.StringIO(exported.read()))
    assert header[:5] == ["Classe", "Élève", "Leçon", "Avancement", "Meilleur score au quiz (%)"]
    assert "nickname" not in header and "Juste" in header
    assert {row[1] for row in rows} == set(shown)  # the nicknames the teacher sees, never "brave-otter"
    assert {row[3] for row in rows} == {progress}  # the grid's progress
    assert {row[header.index("Juste")] for row in rows} == {"non", "oui"}


def test_the_delete_button_stays_reachable_after_ticking(server, open_page):
    url, store = server
    session_id, _ = seeded_class(store, "CM1 à supprimer")
    page = teacher_page(open_page, url, f"dashboard?session={session_id}")
    page.get_by_role("tab", name="Ma vue").click()
    page.get_by_text("Supprimer cette séance", exact=True).click()
    wait_idle(page)
    delete = page.get_by_role("button", name="Supprimer la séance et ses données")
    expect(delete).to_be_disabled()
    page.get_by_text("Je comprends que c'est définitif").click()
    wait_idle(page)
    page.wait_for_timeout(3500)  # a live refresh of the dashboard does not close it either
    wait_idle(page)
    expect(delete).to_be_visible()
    expect(delete).to_be_enabled()
    screenshot(page, "teacher-delete-reachable")
    delete.click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Mes classes")).to_be_visible()
    assert Classroom(store).get(session_id) is None
