"""Server time per interaction, measured with AppTest in one process, beside a bare Streamlit app.

    python benchmarks/interaction_cost.py [--runs 30] [--warmup 5] [--websocket-configs default …]
                                          [--websocket-pauses 0 0.3] [--websocket-runs 8] [--profile FILE]

Every figure is the median (and 90th percentile) wall time of an AppTest run for one interaction,
after warm-up runs, in milliseconds, and its ratio to a bare app (a title, a radio, a button) whose
button is pressed just before each sample (paired, so that the machine's drift cancels). Each
interaction is run twice over: as the server runs it (a widget drawn in an `st.fragment` reruns that
fragment alone, and a live view reruns alone on its timer: benchmarks/apptest_fragments.py), and as
a full rerun, which is all AppTest itself can do. Beside AppTest's wall time, "script alone" is the
same runs' `ScriptRunner._run_script` time, without AppTest's thread start and 1 ms polling.
AppTest runs the script in this process the way the server does (same ScriptRunner, widgets,
callbacks, session state), without the websocket and without the `gc.collect(2)` that the server
runs after every script run (`runner.postScriptGC`): that collection is timed separately at the
end, on this process's heap, bare and with the app loaded.

Interactions: the lesson's "next" button (real content); answering each activity type (the
every-activity test lesson, tests/data/every_activity/demo-14-17.yaml, in a temporary copy of
tests/data/valid); a quiz answer, next question and score page (real content); the teacher
dashboard (full rerun, pacing, and its two live views, a class of 30 seeded in the store); the
presenter's next slide.

Then (unless `--websocket-configs` is given empty) the same interactions end to end on the real
server over its websocket (benchmarks/e2e_sweep.py), one client at a time, for each server
configuration named (default: the app as it ships), each beside a bare app served the same way:
back to back, and with 0.3 s of quiet before each request, as a person clicks.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from functools import partial
from pathlib import Path

from _common import (
    APP_ROOT,
    CONFIG_HELP,
    Spy,
    every_activity_content,
    load_note,
    machine,
    median,
    percentile,
    table,
    temp_dir,
)

TMP = temp_dir("course-bench-interactions-")
os.environ["COURSE_DATABASE_URL"] = f"sqlite:///{TMP / 'course.db'}"
os.environ["COURSE_DATA_DIR"] = str(TMP)
TOKEN = os.environ.setdefault("COURSE_TEACHER_TOKEN", "bench-teacher-token")
os.environ.pop("COURSE_CONTENT_ROOT", None)

GC_PROBE = r"""
import gc, json, sys, time
# what `streamlit run` imports
import streamlit.web.bootstrap, streamlit.web.server.starlette.starlette_server
if sys.argv[1] == "app":
    import os
    from course.ui import app, state
    app.renders()  # imports every page module, as the first run does
    from course.content import load_course
    from course.progress import Store
    course = load_course()  # what st.cache_resource keeps for the process
    store = Store.open(os.environ["COURSE_DATABASE_URL"])
def collect(repeat=7):
    times = []
    for _ in range(repeat):
        start = time.perf_counter(); gc.collect(2); times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[repeat // 2]
gc.collect(2)
result = {"objects": len(gc.get_objects()), "gc_ms": collect()}
gc.freeze()
result["frozen_gc_ms"] = collect()
print(json.dumps(result))
"""


def gc_probe(kind: str) -> dict:
    """gc.collect(2) on a heap like the server's: `bare` (streamlit's server) or `app` (and the app)."""
    import json
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", GC_PROBE, kind],
        cwd=APP_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(APP_ROOT)},
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


BARE_APP = """
import streamlit as st
st.title("Bare app")
st.radio("Pick one", ["red", "green", "blue"], key="pick")
st.button("Press", key="press")
"""

import apptest_fragments  # noqa: E402
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

# AppTest's session_state writes between runs log "missing ScriptRunContext": harmless here.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: "missing ScriptRunContext" not in record.getMessage()
)

from course import nicknames  # noqa: E402
from course.classroom.sessions import Classroom  # noqa: E402
from course.content import load_course  # noqa: E402
from course.progress import Attempt, Store  # noqa: E402
from tests.ui.journey import TICKED_ITEMS, activity_state, answer_values, set_inputs  # noqa: E402

_COURSE = None


def real_course():
    """The real course, loaded once here (each load adds a whole course to the heap that gc walks)."""
    global _COURSE
    if _COURSE is None:
        _COURSE = load_course()
    return _COURSE


SERVER, FULL = "as the server runs it", "full rerun"


class Timings:
    """Samples per interaction and per way of running it: `SERVER` reruns only the fragment a
    widget was drawn in, as the server does (benchmarks/apptest_fragments.py), `FULL` the whole
    script, as AppTest alone does."""

    def __init__(self, runs: int, warmup: int):
        self.runs, self.warmup = runs, warmup
        self.mode = SERVER
        self.last = 0.0  # the time of the last action, warm-up or not
        self.samples: dict[tuple[str, str], list[float]] = {}
        self.scripts: dict[tuple[str, str], list[float]] = {}  # the script runs' own time, same actions
        # the bare app's press just before each sample: (AppTest time, script time), per interaction
        self.paired: dict[tuple[str, str], list[tuple[float, float]]] = {}
        self.order: list[str] = []
        self.reference: AppTest | None = None  # the bare app, clicked before each timed interaction

    def add(self, name: str, seconds: float, script: float | None = None) -> None:
        if name not in self.order:
            self.order.append(name)
        self.samples.setdefault((self.mode, name), []).append(seconds)
        if script is not None:
            self.scripts.setdefault((self.mode, name), []).append(script)

    def of(self, mode: str, name: str) -> list[float]:
        return self.samples.get((mode, name), [])

    def script_of(self, mode: str, name: str) -> list[float]:
        return self.scripts.get((mode, name), [])

    def bare_beside(self, mode: str, name: str) -> tuple[float, float]:
        """The bare app's median (AppTest, script) over the presses made just before `name`'s samples;
        over all its presses if there were none (the bare app's own rows)."""
        pairs = self.paired.get((mode, name))
        if not pairs:
            return median(self.of(SERVER, BARE_PRESS)), median(self.script_of(SERVER, BARE_PRESS))
        return median([p[0] for p in pairs]), median([p[1] for p in pairs])

    def use(self, name: str, at: AppTest, widget, index: int) -> AppTest:
        """`widget` (clicked or set) used once, timed as the server runs it in `SERVER` mode: its
        fragment alone when it is drawn in one; then, untimed, the whole page again for what follows."""
        if self.mode == FULL or widget.id not in apptest_fragments.widget_fragment:
            return self.timed(name, widget.run, index)
        return self.timed(name, partial(apptest_fragments.click_in_fragment, at, widget), index).run()

    def timed(self, name: str, action: Callable[[], AppTest], index: int) -> AppTest:
        """Run `action` and keep its time unless `index` is a warm-up round.

        The bare app's button is pressed just before, so that the reference is measured all through
        the run, under the same conditions as the interactions (a 2-core machine drifts)."""
        if self.reference is not None and not name.startswith(BARE):
            self.reference = self.timed(BARE_PRESS, self.reference.button(key="press").click().run, index)
            if index >= self.warmup:
                pair = (self.last, script_time[0])
                self.paired.setdefault((self.mode, name), []).append(pair)
        script_time[0] = 0.0
        start = time.perf_counter()
        at = action()
        elapsed = self.last = time.perf_counter() - start
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].value}")
        if index >= self.warmup:
            self.add(name, elapsed, script_time[0])
        return at


# The script runs' own time (ScriptRunner._run_script: callbacks, the script or fragment, Streamlit's
# bookkeeping), without what AppTest adds around them: its thread start, and its wait for the end,
# which polls every millisecond and so rounds every run up to a step of about 1.06 ms.
script_time = [0.0]
_run_script = ScriptRunner._run_script


def _timed_run_script(self, *args, **kwargs):
    start = time.perf_counter()
    try:
        return _run_script(self, *args, **kwargs)
    finally:
        script_time[0] += time.perf_counter() - start


ScriptRunner._run_script = _timed_run_script


def start(path: str = "", locale: str = "fr-FR", **query: str) -> AppTest:
    at = AppTest.from_file(str(APP_ROOT / "streamlit_app.py"), default_timeout=60)
    at.context = {"locale": locale}
    at.query_params.update(query)
    at = at.run()
    return open_page(at, path) if path else at


def skip_before_check(at: AppTest, lesson_id: str) -> AppTest:
    """The lesson's before-check counted as done (course/ui/before_check.py): its steps are measured."""
    from course.content import load_course

    quiz = load_course().lessons[lesson_id].quiz
    if quiz:
        at.session_state[f"before_done:{quiz}"] = True
    return at


def open_page(at: AppTest, url_path: str) -> AppTest:
    pages = {info.get("url_pathname"): page_hash for page_hash, info in at._registered_pages.items()}
    at._page_hash = pages[url_path]
    return at.run()


def state(at: AppTest, key: str, default=None):
    try:
        return at.session_state[key]
    except KeyError:
        return default


# --- the bare app ---------------------------------------------------------------------------------


BARE = "bare app"
BARE_PRESS = "bare app: press the button"


def bare(t: Timings) -> None:
    at = AppTest.from_string(BARE_APP, default_timeout=30).run()
    colours = ["red", "green", "blue"]
    for i in range(t.warmup + t.runs):
        at = t.timed(BARE_PRESS, at.button(key="press").click().run, i)
        at = t.timed("bare app: pick a radio option", at.radio(key="pick").set_value(colours[i % 3]).run, i)
    t.reference = at


# --- a lesson, step by step (real content) --------------------------------------------------------


def lesson_steps(t: Timings, lesson_id: str = "grooming-11-13") -> None:
    at = start("lesson", lesson=lesson_id)
    at = skip_before_check(at, lesson_id)
    at = next(b for b in at.button if b.key.startswith("nickname:")).click().run()
    i = 0
    while i < t.warmup + t.runs:
        if "lesson_next" not in [b.key for b in at.button]:  # finished: start the lesson again
            at = at.button(key="lesson_again").click().run()
            continue
        at = t.use("lesson: next step", at, at.button(key="lesson_next").click(), i)
        i += 1


# --- every activity type (test content) -----------------------------------------------------------


def activities(t: Timings, content: Path) -> None:
    os.environ["COURSE_CONTENT_ROOT"] = str(content)
    try:
        lesson = load_course(content).lessons["demo-14-17"]
        at = start("lesson", lesson=lesson.id)
        at = next(b for b in at.button if b.key.startswith("nickname:")).click().run()
        for index, step in enumerate(lesson.steps):
            if step.type != "activity":
                continue
            at.session_state[f"step:{lesson.id}"] = index
            at = at.run()
            at = answer_repeatedly(t, at, step.activity, f"lesson:{lesson.id}:{step.activity.id}")
    finally:
        os.environ.pop("COURSE_CONTENT_ROOT", None)


def answer_repeatedly(t: Timings, at: AppTest, activity, prefix: str) -> AppTest:
    kind = activity.type
    name = f"answer {kind}"
    for i in range(t.warmup + t.runs):
        if kind == "branching":
            from course.activities import branching

            endings = branching.ending_paths(activity)
            path = endings[i % len(endings)].choices
            for depth, choice in enumerate(path):
                button = f"{prefix}:{depth}:{choice}"
                last = depth == len(path) - 1  # the ending: the path is graded and stored
                label = f"{name} (last choice, stored)" if last else f"{name} (a choice)"
                at = t.use(label, at, at.button(key=button).click(), i)
            at = at.button(key=f"{prefix}:again").click().run()
            continue
        if kind == "poll":
            key = f"{prefix}:v0:vote"
            at.radio(key=key).set_value(activity.options[i % len(activity.options)].id)  # sent with the vote
            at = t.use(f"{name} (vote)", at, at.button(key=f"{key}:button").click(), i)
            activity_state(at, prefix)["counts"] = None  # show the question again
            at = at.run()
            continue
        key = f"{prefix}:v{activity_state(at, prefix).get('version', 0)}"
        # a wrong answer, so that "try again" appears and the same activity can be answered again; the
        # choices and ticks (in the activity's form) run nothing: they are sent with "check"
        at = set_inputs(at, key, answer_values(activity, right=False))
        at = t.use(f"{name}: check (stored, feedback)", at, at.button(key=f"{key}:check").click(), i)
        at = at.button(key=f"{prefix}:retry_button").click().run()
    return at


# --- a quiz (real content) ------------------------------------------------------------------------


def quiz(t: Timings, quiz_id: str = "grooming-11-13-quiz") -> None:
    questions = real_course().quizzes[quiz_id].questions
    at = start("quiz", quiz=quiz_id)
    at = next(b for b in at.button if b.key.startswith("nickname:")).click().run()
    checks = nexts = scores = passes = 0
    first, late = [], []
    while min(checks, nexts, scores) < t.warmup + t.runs:
        run_id = at.session_state[f"quiz_run:{quiz_id}"]
        index = state(at, f"quiz:{run_id}:at", 0)
        if index >= len(questions):
            at = at.button(key="quiz_again").click().run()
            passes += 1
            late = []  # keep the last pass only
            continue
        question = questions[index]
        key = f"quiz:{run_id}:{question.id}:v0"
        if question.type == "branching" or question.type == "poll":
            raise RuntimeError("the benchmark quiz should have graded questions only")
        at = set_inputs(at, key, answer_values(question))  # all right: the score page makes the certificate
        check = at.button(key=f"{key}:check").click()
        at = t.use("quiz: check an answer (stored, feedback)", at, check, checks)
        (first if passes == 0 else late).append(t.last)
        checks += 1
        last = index == len(questions) - 1
        label = "quiz: see the score (score page, certificate)" if last else "quiz: next question"
        at = t.use(label, at, at.button(key=f"quiz_next_{index}").click(), scores if last else nexts)
        if last:
            scores += 1
        else:
            nexts += 1
    for value in first:
        t.add("quiz: check an answer, 1st run of the quiz", value)
    for value in late:
        t.add(f"quiz: check an answer, after {passes} earlier runs", value)


# --- the teacher's dashboard, with a class of 30 in the store -------------------------------------


CLASS_LESSONS = ("grooming-11-13", "privacy-settings-11-13")


def seed_class(url: str, pupils: int = 30, lessons: tuple[str, ...] = CLASS_LESSONS, paced: bool = True):
    """A paced class session with `pupils` pupils who have moved through the lessons and answered,
    on an activity step whose answers are revealed (the projector shows the chart)."""
    course = real_course()
    store = Store.open(url)
    room = Classroom(store)
    session = room.create("Bench class", "11-13", lessons, paced=paced)
    rng = random.Random(7)
    for nickname in nicknames.suggest(pupils, rng=rng):  # real ones: the grid shows them as a class would
        learner = room.join(session, nickname)
        for lesson_id in lessons:
            lesson = course.lessons[lesson_id]
            reached = rng.randrange(len(lesson.steps))
            store.record_step(learner.id, lesson_id, reached)
            for step in lesson.steps[: reached + 1]:
                if step.type == "activity" and step.activity.type not in ("poll", "branching"):
                    answer = random_answer(step.activity, rng)
                    from course.activities import grade

                    result = grade(step.activity, answer)
                    store.record_attempt(
                        Attempt(
                            learner.id,
                            lesson_id,
                            step.activity.id,
                            result.answer,
                            result.correct,
                            result.score,
                            "v",
                            session_id=session.id,
                        )
                    )
    step = next(i for i, s in enumerate(course.lessons[lessons[0]].steps) if s.type == "activity")
    room.set_step(session.id, lessons[0], step)
    room.reveal(session.id, True)
    store.engine.dispose()
    return session


def seed_evening(url: str):
    """A parent evening on its welcome slide."""
    lessons = tuple(lesson.id for lesson in real_course().lessons_for("parents"))
    store = Store.open(url)
    session = Classroom(store).create("Bench evening", "parents", lessons, paced=True, kind="evening")
    store.engine.dispose()
    return session


def random_answer(activity, rng: random.Random) -> list[str]:
    """Any answer a pupil could give (as grade() takes it): the seeded class gets some right, some wrong."""
    kind = activity.type
    if kind in ("single_choice",):
        return [rng.choice(activity.options).id]
    if kind == "true_false":
        return [rng.choice(["true", "false"])]
    if kind in TICKED_ITEMS:
        items = getattr(activity, TICKED_ITEMS[kind][0])
        return [item.id for item in items if rng.random() < 0.5] or [items[0].id]
    if kind == "ordering":
        order = [item.id for item in activity.items]
        rng.shuffle(order)
        return order
    if kind == "settings":
        return [f"{toggle.id}:{rng.choice(['on', 'off'])}" for toggle in activity.toggles]
    raise ValueError(kind)


def dashboard(t: Timings, pupils: int = 30) -> None:
    session = seed_class(os.environ["COURSE_DATABASE_URL"], pupils)
    at = start("dashboard", token=TOKEN, session=session.id)
    for i in range(t.warmup + t.runs):
        at = t.timed(f"dashboard: full rerun ({pupils} pupils)", at.run, i)
    for i in range(t.warmup + t.runs):  # the teacher moves the class on, then back
        pace = at.button(key="pace_next" if i % 2 == 0 else "pace_back").click()
        at = t.use("dashboard: pace the class (next/back)", at, pace, i)
    if t.mode == SERVER:  # the live views' timers rerun them alone; a full rerun has no such thing
        live_refresh(t, at)


def live_refresh(t: Timings, at: AppTest) -> None:
    """The projector and the teacher's view each rerun on their own timer (run_every)."""
    at = at.run()
    projector, mine = apptest_fragments.timed_fragments
    if not at.tabs[0].metric:  # the projector tab is drawn first; its view shows the counts
        raise RuntimeError("the dashboard's projector view is not where the benchmark expects it")
    for fragment, name in ((projector, "projector view"), (mine, "teacher's view (grid, mistakes)")):
        for i in range(t.warmup + t.runs):
            refresh = partial(apptest_fragments.run_fragment, at, fragment)
            t.timed(f"dashboard: live refresh, {name}", refresh, i)
            at = at.run()


# --- the presenter's slides -----------------------------------------------------------------------


def presenter(t: Timings) -> None:
    session = seed_evening(os.environ["COURSE_DATABASE_URL"])
    at = start("presenter", token=TOKEN, session=session.id)
    for i in range(t.warmup + t.runs):
        at = t.use("presenter: next slide", at, at.button(key="slide_next").click(), i)


# --- what one rerun spends in the code every page shares (timed inside script runs) ---------------

BREAKDOWN = """
import os, time
import streamlit as st
from course.classroom import exports, reports
from course.ui import app, header, state, teacher_access
from course.ui.classroom_state import classroom, qr_png
times = st.session_state.setdefault("times", {})

def timed(name, call, repeat=1):
    start = time.perf_counter()
    for _ in range(repeat):
        call()
    times.setdefault(name, []).append((time.perf_counter() - start) / repeat)

who = state.sync_preferences()
session_id = os.environ["BENCH_SESSION_ID"]
timed("state.course() (cached)", state.course, 50)
timed("state.store() (cached)", state.store, 50)
timed("classroom().get(session) (one SELECT)", lambda: classroom().get(session_id), 20)
timed("teacher_access.is_teacher() (visitor)", teacher_access.is_teacher, 20)
engine = classroom().engine
timed("app.registered_pages() (15 st.Page)",
      lambda: st.navigation(app.registered_pages(False), position="hidden"))
timed("header.render() (the top bar)", lambda: header.render(state.course(), who))
timed("qr_png(join url) (segno PNG)", lambda: qr_png("http://127.0.0.1:8501/join?class=ABC123"), 5)
timed("reports.question_stats (class of 30)",
      lambda: reports.question_stats(engine, state.course(), session_id), 5)
timed("reports.progress_grid (class of 30)", lambda: reports.progress_grid(classroom().engine, session_id), 5)
timed("exports.csv_text (class of 30)", lambda: exports.csv_text(classroom().engine, session_id, "Bench"), 5)
timed("exports.xapi_jsonl (class of 30)", lambda: exports.xapi_jsonl(engine, session_id, "http://x"), 5)
"""


def breakdown(runs: int) -> list[list[str]]:
    session = seed_class(os.environ["COURSE_DATABASE_URL"], 30)
    os.environ["BENCH_SESSION_ID"] = session.id
    at = AppTest.from_string(BREAKDOWN, default_timeout=60)
    at.context = {"locale": "fr-FR"}
    for _ in range(runs):
        at = at.run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)
    times = at.session_state["times"]
    return [[name, f"{median(values[2:]) * 1000:.2f}"] for name, values in times.items()]


# --- report ---------------------------------------------------------------------------------------


def report(t: Timings, bare_gc: dict, app_gc: dict) -> None:
    def figures(values: list[float], against: float, with_p90: bool = False) -> list[str]:
        if not values:
            return ["-"] * (3 if with_p90 else 2)
        p90 = [f"{percentile(values, 90) * 1000:.1f}"] if with_p90 else []
        return [f"{median(values) * 1000:.1f}", *p90, f"{median(values) / against:.2f}×"]

    rows = []
    for name in t.order:
        server, full = t.of(SERVER, name), t.of(FULL, name)
        mode = SERVER if server else FULL
        reference, script_reference = t.bare_beside(mode, name)
        rows.append(
            [name, len(server) or len(full)]
            + figures(server or full, reference, with_p90=True)
            + figures(t.script_of(mode, name), script_reference)
            + figures(full, t.bare_beside(FULL, name)[0])
        )
    print(
        "AppTest: the script's run only (no websocket). 'As the server runs it' reruns only the fragment "
        "a widget is drawn in, as the browser asks; 'full rerun' reruns the whole script, which is all "
        "AppTest itself can do. 'Script alone' is the same runs without AppTest's thread start and its "
        "1 ms polling for the end. The bare app's button is pressed just before every timed interaction, "
        "and each × bare is against those presses (the machine's speed drifts; the pairs drift together):"
    )
    headers = [
        "interaction (AppTest)", "n", f"{SERVER}: ms", "p90 ms", "× bare",
        "script alone: ms", "× bare", f"{FULL}: ms", "× bare",
    ]  # fmt: skip
    print(table(rows, headers))
    print()
    print("gc.collect(2), which the server runs after every script run unless runner.postScriptGC = false,")
    print(
        "timed in a fresh process holding what the server holds "
        "(streamlit's server; + the app, its course, its store):"
    )
    print(
        table(
            [
                [
                    "bare app's server",
                    bare_gc["objects"],
                    f"{bare_gc['gc_ms']:.1f}",
                    f"{bare_gc['frozen_gc_ms']:.1f}",
                ],
                [
                    "our app's server",
                    app_gc["objects"],
                    f"{app_gc['gc_ms']:.1f}",
                    f"{app_gc['frozen_gc_ms']:.1f}",
                ],
            ],
            ["process", "tracked objects", "gc ms", "gc ms after gc.freeze()"],
        )
    )


def report_websocket(results: dict[str, dict[str, list]]) -> None:
    """Per configuration: the median latency, and the server's mean CPU per request, each × bare."""
    configs = list(results)
    names = list(dict.fromkeys(name for samples in results.values() for name in samples))
    reference = "bare app: press the button"
    rows = []
    for name in names:
        row = [name]
        for config in configs:
            found = results[config].get(name, [])
            bare = results[config][reference]
            latency, bare_latency = median([r.seconds for r in found]), median([r.seconds for r in bare])
            cpu, bare_cpu = mean_cpu(found), mean_cpu(bare)
            row += (
                [f"{latency * 1000:.1f}", f"{latency / bare_latency:.2f}×", f"{cpu * 1000:.1f}"]
                + [f"{cpu / bare_cpu:.2f}×" if bare_cpu else "-"]
                if found
                else ["-"] * 4
            )
        rows.append(row)
    headers = ["interaction (end to end, one client)"]
    for config in configs:
        headers += [f"{config}: ms", "× bare", "server CPU ms", "× bare"]
    print(table(rows, headers))


def mean_cpu(found: list) -> float:
    return sum(r.server_cpu for r in found) / len(found) if found else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=30, help="timed runs per interaction (default 30)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs first (default 5)")
    parser.add_argument(
        "--websocket-configs",
        nargs="*",
        default=["default"],
        help="also measure end to end on the real server under these configurations "
        "(none: skip). " + CONFIG_HELP,
    )
    parser.add_argument(
        "--websocket-pauses",
        nargs="+",
        type=float,
        default=[0.0, 0.3],
        help="seconds of quiet before each request end to end: 0 = back to back, 0.3 = a person's "
        "pace (default: both)",
    )
    parser.add_argument(
        "--websocket-runs",
        type=int,
        default=8,
        help="timed runs per interaction end to end (default 8, after 2 warm-up runs)",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        help="py-spy the app's runs (all threads) into this raw file and print where the time went",
    )
    args = parser.parse_args()
    args.runs = max(3, min(args.runs, 500))
    print(machine())
    print(f"AppTest, one process; {args.runs} timed runs after {args.warmup} warm-up runs per interaction")
    print()
    t = Timings(args.runs, args.warmup)
    content = every_activity_content(TMP)
    began = time.perf_counter()
    apptest_fragments.install()
    bare(t)
    real_course()  # loaded once, untimed
    with Spy(os.getpid(), args.profile, gil=False) if args.profile else nullcontext() as spy:
        for t.mode in (SERVER, FULL):
            lesson_steps(t)
            activities(t, content)
            quiz(t)
            dashboard(t)
            presenter(t)
        t.mode = SERVER
    if spy is not None:
        print(spy.summary())
        print()
    bare(t)  # again at the end: the reference should not have drifted
    report(t, gc_probe("bare"), gc_probe("app"))
    print()
    print("what the shared code costs inside a script run (median per call, ms):")
    print(table(breakdown(max(12, args.runs)), ["piece", "ms per call"]))
    if args.websocket_configs:
        import e2e_sweep

        print()
        print(
            "The same interactions end to end on the real server (websocket, one client, nothing else "
            f"running): median latency of {max(3, min(args.websocket_runs, 200))}, and the server's CPU "
            "per request (user + system, all threads, mean; /proc counts in 10 ms ticks, so read it over "
            "many runs); × bare = against the bare app on a server of the same configuration:"
        )
        runs = max(3, min(args.websocket_runs, 200))
        results = {
            f"{config}, {pause:g} s apart": e2e_sweep.run(
                config, real_course(), runs, 2, seed_class, seed_evening, pause
            )
            for config in args.websocket_configs
            for pause in args.websocket_pauses
        }
        report_websocket(results)
    print(f"\n(ran in {time.perf_counter() - began:.0f} s; {load_note()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
