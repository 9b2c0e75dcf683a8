"""The real server in headless Chromium (Debian's build, never a downloaded one)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from course.classroom.sessions import Classroom
from course.content import load_course
from course.locales import t
from course.progress import Store
from course.ui.routes import ROUTES
from tests.serving import CHROMIUM, CHROMIUM_FLAGS, free_port, wait_for_health

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
TEACHER_TOKEN = "browser-test-teacher-token"


def start_server(
    tmp: Path, extra_env: dict[str, str] | None = None, uvicorn: bool = False
) -> tuple[str, subprocess.Popen]:
    """The app on a free loopback port, started as a newcomer starts it (`python -m course serve`), or
    with `uvicorn=True` as a deployment may (`uvicorn course.asgi:app`)."""
    port = free_port()
    env = {
        **os.environ,
        "COURSE_TEACHER_TOKEN": TEACHER_TOKEN,
        "COURSE_DATA_DIR": str(tmp),
        "COURSE_DATABASE_URL": f"sqlite:///{tmp / 'course.db'}",
        **(extra_env or {}),
    }
    log_path = tmp / f"streamlit-{port}.log"
    with open(log_path, "wb") as log:
        command = (
            ["-m", "uvicorn", "course.asgi:app", "--host", "127.0.0.1", "--port", str(port)]
            if uvicorn
            else [
                "-m",
                "course",
                "serve",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
            ]
        )
        process = subprocess.Popen(
            [sys.executable, *command],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
    process.log_path = log_path
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(url, process)
    except Exception:
        process.kill()
        raise
    return url, process


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    url, process = start_server(tmp_path_factory.mktemp("server"))
    yield url
    stop_server(process)


def launch_chromium(playwright) -> Browser:
    """Debian's Chromium, headless; a clear failure if it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: install it with `apt-get install -y chromium` (bash .ci/run does)"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Browser):
    """open_page(url, locale="fr-FR", width=1280) -> a page loaded and idle; closed after the test."""
    contexts = []

    def opener(url: str, locale: str = "fr-FR", width: int = 1280, height: int = 900) -> Page:
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        wait_idle(page)
        return page

    yield opener
    for context in contexts:
        context.close()


# Idle, and drawn: Streamlit loads the code of some elements (st.html among them) when a page first
# shows one, so a page can be idle before they appear. A page with the top bar also has the page kit's
# marker (course/ui/page_kit.py), an st.html drawn before the bar: wait for it too.
IDLE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return app && app.dataset.testConnectionState === 'CONNECTED'"
    " && app.dataset.testScriptState === 'notRunning'"
    " && (!document.querySelector('.st-key-topbar') || !!document.querySelector('.course-page')); }"
)


def wait_idle(page: Page, settle_ms: int = 250) -> None:
    """Wait until Streamlit is connected and has finished running the script (twice, for reruns)."""
    for _ in range(2):
        page.wait_for_timeout(settle_ms)
        page.wait_for_function(IDLE, timeout=30_000)


# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. Target size (2.5.8, 24×24 px) is
# off unless named: it is turned on.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    if not AXE.exists():
        pytest.fail(f"{AXE} not found: run `npm ci` (bash .ci/run does)")
    # Evaluated by the test tool, not as a <script> of the page: the app's Content-Security-Policy
    # allows no inline script but its own (course/web/headers.py), and must not be loosened for a test.
    if not page.evaluate("typeof axe !== 'undefined'"):  # a page that moved within the app keeps it
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async (options) => await axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# --- a class session: the teacher opens it, pupils join it -------------------------------------------

CLASS_CODE = re.compile(r"\b([A-Z2-9]{3}-[A-Z2-9]{3})\b")


def class_code(page: Page) -> str:
    """The join code shown on the page ('ABC-234')."""
    return CLASS_CODE.search(page.inner_text("body")).group(1)


def to_my_classes(teacher: Page, lang: str = "fr") -> None:
    """From the teachers' page, to "My classes"."""
    teacher.get_by_role("button", name=t("teachers.my_classes", lang)).click()
    wait_idle(teacher)


def open_class(
    teacher: Page, name: str = "CM2 B", lang: str = "fr", paced: bool = True, from_teachers: bool = True
) -> str:
    """Open a class called `name` (teacher-paced unless `paced` is False) with the page in `lang`, from
    the teachers' page (or, `from_teachers=False`, from "My classes" with its band and lessons already
    chosen); its join code."""
    if from_teachers:
        to_my_classes(teacher, lang)
    teacher.get_by_role("textbox", name=t("classes.name", lang)).fill(name)
    if paced:
        teacher.get_by_text(t("classes.paced", lang)).click()
    teacher.get_by_role("button", name=t("classes.create", lang)).click()
    wait_idle(teacher)
    expect(teacher.get_by_role("heading", name=name)).to_be_visible()
    return class_code(teacher)


def first_poll_position() -> tuple[int, object]:
    """The parent evening's first poll: its slide's index and the poll."""
    from course.classroom import evening

    course = load_course()
    lessons = tuple(lesson.id for lesson in course.lessons_for("parents"))
    for index, (lesson_id, step) in enumerate(evening.slides(course, lessons)):
        if lesson_id and course.lessons[lesson_id].steps[step].type == "activity":
            activity = course.lessons[lesson_id].steps[step].activity
            if activity.type == "poll":
                return index, activity
    raise AssertionError("no poll in the parent course")


def open_evening(console: Page, lang: str = "fr") -> str:
    """From the teachers' page, open a parent evening; its session id (the console's address has it)."""
    to_my_classes(console, lang)
    console.get_by_role("button", name=t("evening.create", lang)).click()
    wait_idle(console)
    return re.search(r"session=([0-9a-f]+)", console.url).group(1)


def join_class(pupil: Page, code: str, lesson_id: str) -> None:
    """On the join page (in French or English), join with `code`, take the first nickname offered
    and open the lesson `lesson_id`: the pupil lands on it (the teacher's lesson, the class's only
    one) or on the class's lessons, where it is opened."""
    pupil.get_by_role("textbox").first.fill(code)
    pupil.get_by_role("button", name=re.compile("^(Rejoindre|Join)$")).click()
    wait_idle(pupil)
    pupil.locator("[class*='st-key-class_nickname'] button").first.click()
    wait_idle(pupil)
    if f"lesson={lesson_id}" not in pupil.url:
        pupil.locator(f".st-key-open_{lesson_id} button").click()
        wait_idle(pupil)
    finish_before_check(pupil)


BEFORE_CHECK = re.compile(r"^(Before we start|Avant de commencer)")


def finish_before_check(page: Page) -> None:
    """If the lesson opens with its before-check, answer it with the first choice shown, say "mostly"
    sure and start the lesson (in French or English)."""
    if not page.get_by_role("heading", name=BEFORE_CHECK).count():
        return
    next_button = page.get_by_role("button", name=re.compile("^(Next|Suivant)$"))
    while next_button.count():
        radios = page.locator('[data-testid="stRadio"] [role="radiogroup"] label')
        boxes = page.locator('[data-testid="stCheckbox"] label')
        (radios if radios.count() else boxes).first.click()
        wait_idle(page)
        next_button.click()
        wait_idle(page)
    page.get_by_text(re.compile("^(Mostly|Plutôt oui)$")).click()
    wait_idle(page)
    page.get_by_role("button", name=re.compile("^(Start the lesson|Commencer la leçon)$")).click()
    wait_idle(page)


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def answer_first_activity_right(page: Page, lesson) -> tuple[int, object]:
    """From step 1 of `lesson` in English, go to its first activity (spot the details) and answer it
    right; returns that step's index and the activity."""
    step = next(i for i, s in enumerate(lesson.steps) if s.type == "activity")
    activity = lesson.steps[step].activity
    for _ in range(step):
        page.get_by_role("button", name="Next").click()
        wait_idle(page)
    for part in activity.parts:
        if part.personal:
            page.get_by_text(part.text.en, exact=True).click()
            wait_idle(page)
    page.get_by_role("button", name="Check my answer").click()
    wait_idle(page)
    expect(page.get_by_text("That's right, well done!")).to_be_visible()
    return step, activity


# --- every page of the app, with what each needs in its address ------------------------------------

LESSON = "personal-details-7-10"


@dataclass(frozen=True)
class Site:
    url: str
    class_id: str
    evening_id: str
    evening_code: str


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    """A real server with a class (7-10) and a parent evening in its store; one per test module."""
    tmp = tmp_path_factory.mktemp("site")
    url, process = start_server(tmp)
    classroom = Classroom(Store.open(f"sqlite:///{tmp / 'course.db'}"))  # the server's own store
    course = load_course()
    lessons = [lesson.id for lesson in course.lessons_for("7-10")]
    parents = [lesson.id for lesson in course.lessons_for("parents")]
    klass = classroom.create("CM2 B", "7-10", lessons, paced=False, course=course)
    evening = classroom.create("Réunion", "parents", parents, paced=True, kind="evening")
    yield Site(url, klass.id, evening.id, evening.join_code)
    stop_server(process)


def page_queries(site: Site) -> dict[str, str]:
    """Every page (course/ui/routes.py) with what it needs in its URL."""
    quiz = load_course().lessons[LESSON].quiz
    extra = {
        "lesson": f"lesson={LESSON}",
        "quiz": f"quiz={quiz}",
        "dashboard": f"session={site.class_id}",
        "presenter": f"session={site.evening_id}",
        "console": f"session={site.evening_id}",
        "vote": f"evening={site.evening_code}",
        "join": "",
    }
    return {route.path: extra.get(route.path, "") for route in ROUTES}
