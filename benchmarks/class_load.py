"""A class on the real server: N pupils over Streamlit's own websocket, a teacher's dashboard, a few browsers.

    python benchmarks/class_load.py [--pupils 60] [--duration 60] [--think 2 6] [--config default]
                                    [--paced] [--browsers 4] [--profile FILE]

1. Baseline: one client, no other load, on a bare Streamlit app (a title, a radio, a button) and on
   ours (a lesson's "next" button): what one click costs end to end, and the ratio.
2. Load: `streamlit run course/asgi.py` on a free loopback port with its own data folder; a class
   session is created in the store (course.classroom.sessions.Classroom); N pupils join it with the
   code (websocket clients speaking the browser's protocol, see stclient.py), pick a nickname, open
   a lesson, and step through it answering every activity (as in the browser, a tick, toggle or
   choice in an activity's form is held and sent with "check": one run per answer), pausing
   `--think` seconds (uniform) between actions, until `--duration` runs out; the teacher's dashboard
   is open the whole time and refreshes the way the browser does it (its `run_every` fragments),
   plus a full rerun every 10 s. With `--paced`, the teacher moves the
   class and the pupils' pages follow (their own 2 s fragments) instead of pressing "next".
3. Browsers: `--browsers` Chromium pages (Playwright, /usr/bin/chromium) do the same as as many
   protocol pupils, at the same time, on the same server: click-to-idle time as a person sees it,
   beside the protocol's figure for the same interactions.

Printed: p50/p95/max latency per interaction type, reruns per second, errors, server CPU and RSS
before/after. `--config`: default (.streamlit/config.toml as it is), or tokens joined by '+': nogc /
gc (`--runner.postScriptGC false` / `true`), nowatcher / watcher (`--server.fileWatcherType none`
/ `auto`), nagle (plain `streamlit run`; otherwise the server starts as `python -m course serve`
does, TCP_NODELAY on its sockets: benchmarks/nodelay_launch.py); streamlit-defaults = gc+watcher+nagle.
Everything goes to 127.0.0.1 only, and stops by itself (bounded pupils, duration, timeouts).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from _common import (
    BENCHMARKS,
    CONFIG_HELP,
    Server,
    Spy,
    load_note,
    machine,
    median,
    percentile,
    server_for,
    table,
)
from stclient import AppError, StreamlitClient

from tests.serving import CHROMIUM, CHROMIUM_FLAGS

CLASS_LESSONS = ("grooming-11-13", "privacy-settings-11-13", "sextortion-11-13", "personal-details-11-13")
MAX_PUPILS, MAX_DURATION = 150, 300


class Metrics:
    def __init__(self):
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.runs = 0
        self.requests = 0

    def record(self, kind: str, result) -> None:
        self.requests += 1
        if isinstance(result, BaseException):
            self.errors.append(f"{kind}: {type(result).__name__}: {result}")
            return
        self.runs += result.runs
        self.latency[kind].append(result.seconds)
        for exception in result.exceptions:
            self.errors.append(f"{kind}: the page showed {exception}")

    def rows(self, kinds=None) -> list[list[str]]:
        rows = []
        for kind in kinds or sorted(self.latency):
            values = self.latency.get(kind, [])
            if not values:
                continue
            rows.append(
                [
                    kind,
                    len(values),
                    f"{median(values) * 1000:.0f}",
                    f"{percentile(values, 95) * 1000:.0f}",
                    f"{max(values) * 1000:.0f}",
                ]
            )
        return rows


async def act(metrics: Metrics, kind: str, coro):
    """Await one request and record it as `kind`; a change held in a form (StreamlitClient.change:
    None) asked the server nothing, and is not recorded."""
    try:
        result = await coro
    except (TimeoutError, AppError, OSError) as error:
        metrics.record(kind, error)
        return None
    except Exception as error:  # noqa: BLE001 - a closed socket, a protocol surprise: count it
        metrics.record(kind, error)
        return None
    if result is not None:
        metrics.record(kind, result)
    return result


def quizzes_lesson(lesson_id: str):
    from course.content import load_course

    return load_course().lessons[lesson_id]


@functools.cache
def quizzes() -> dict:
    from course.content import load_course

    return load_course().quizzes


# --- a pupil --------------------------------------------------------------------------------------


class Pupil:
    def __init__(
        self,
        n: int,
        url: str,
        code: str,
        lesson,
        metrics: Metrics,
        think: tuple[float, float],
        deadline: float,
        paced: bool,
    ):
        self.n, self.url, self.code, self.lesson = n, url, code, lesson
        self.metrics, self.think_range, self.deadline, self.paced = metrics, think, deadline, paced
        self.rng = random.Random(n)
        self.client = StreamlitClient(url, "join", {"class": code, "lang": "fr", "country": "FR"})
        self.activities = {s.activity.id: s.activity for s in lesson.steps if s.type == "activity"}
        self.quiz_id = lesson.quiz or ""  # its before-check opens the lesson (course/ui/before_check.py)
        # Read here, before the class arrives: loading the course blocks this process's event loop for
        # a second or more, which once made every request then in flight look that much slower.
        self.quiz = quizzes().get(self.quiz_id)

    async def think(self) -> None:
        await asyncio.sleep(self.rng.uniform(*self.think_range))

    def time_left(self) -> bool:
        return time.monotonic() < self.deadline

    async def run(self, arrive_after: float) -> None:
        await asyncio.sleep(arrive_after)
        c = self.client
        if await act(self.metrics, "join: open the join page", c.open()) is None:
            return
        try:
            await self.join()
            await self.think()
            query = {**c.query(), "lesson": self.lesson.id}
            if await act(self.metrics, "lesson: open", c.rerun(page="lesson", query=query)) is None:
                return
            await self.before_check()
            if self.paced:
                await self.follow()
            else:
                await self.step_through()
        finally:
            await c.close()

    async def join(self) -> None:
        c = self.client
        for _ in range(12):  # a child picks again until a nickname is theirs (a big class clashes often)
            await self.think()
            names = c.widget_keys("class_nickname:")
            if not names:
                return
            await act(self.metrics, "join: pick a nickname", c.click(self.rng.choice(names)))
            if c.page_name != "join":
                return  # joined: on the class's lessons (else taken at the same moment: offered others)

    async def step_through(self) -> None:
        c = self.client
        while self.time_left():
            await self.think()
            if not self.time_left():
                return
            await self.answer_if_asked()
            if "lesson_next" in c.widgets:
                await act(self.metrics, "lesson: next step", c.click("lesson_next"))
            elif "lesson_again" in c.widgets:
                await act(self.metrics, "lesson: start again", c.click("lesson_again"))
            else:
                self.metrics.errors.append(f"pupil {self.n}: neither next nor again on /{c.page_name}")
                return

    async def follow(self) -> None:
        """Teacher-paced: the page follows the teacher (its fragment polls); the pupil answers when asked."""
        c = self.client
        stop = asyncio.Event()

        def fragment_done(_fragment_id, result) -> None:
            self.metrics.record("pupil: follow the teacher (fragment)", result)

        poller = asyncio.create_task(c.auto_reruns(stop, fragment_done))
        try:
            while self.time_left():
                await self.think()
                await self.answer_if_asked()
        finally:
            stop.set()
            await poller

    async def before_check(self) -> None:
        """The lesson's before-check: each question answered (no feedback), then the confidence scale."""
        quiz = self.quiz
        if quiz is None or not quiz.before_check:
            return
        c, questions = self.client, {q.id: q for q in quiz.before_check}
        for _ in range(len(questions) + 1):
            if not c.widget_keys(f"before:{quiz.id}:"):
                break
            await self.think()
            await self.answer_if_asked(f"before:{quiz.id}:", questions)
        confidence, start = f"before_confidence:{quiz.id}", f"before_start:{quiz.id}"
        if confidence in c.widgets:
            value = self.rng.choice(list(c.widget(confidence).proto.options))  # sent with "start"
            await act(self.metrics, "answer: pick an option", c.change(confidence, string_value=value))
            await self.think()
        if start in c.widgets:
            await act(self.metrics, "lesson: start after the before-check", c.click(start))

    async def answer_if_asked(self, prefix: str = "", activities: dict | None = None) -> None:
        c = self.client
        prefix = prefix or f"lesson:{self.lesson.id}:"
        activities = self.activities if activities is None else activities
        keys = c.widget_keys(prefix)
        if not keys:
            return
        activity = activities.get(keys[0][len(prefix) :].split(":", 1)[0])
        if activity is None:
            return
        kind, base = activity.type, f"{prefix}{activity.id}"
        if kind == "branching":
            for _ in range(8):  # choose until the story ends
                choices = [k for k in c.widget_keys(base + ":") if k.split(":")[3].isdigit()]
                if not choices:
                    return
                await act(self.metrics, "answer: a story choice", c.click(self.rng.choice(choices)))
                await self.think()
            return
        radios = [k for k in c.widget_keys(base) if k.endswith(":choice") or k.endswith(":vote")]
        if radios:
            options = list(c.widget(radios[0]).proto.options)
            value = self.rng.choice(options)
            # in the activity's form: held, sent with "check" (a run only for a widget outside a form)
            await act(self.metrics, "answer: pick an option", c.change(radios[0], string_value=value))
            await self.think()
        for key in [k for k in c.widget_keys(base) if ":pick:" in k or ":toggle:" in k]:
            if self.rng.random() < 0.5:
                kind_name = "answer: flip a toggle" if ":toggle:" in key else "answer: tick a box"
                await act(self.metrics, kind_name, c.change(key, bool_value=True))
                await asyncio.sleep(self.rng.uniform(0.3, 1.0))
        moves = [k for k in c.widget_keys(base) if (":up:" in k or ":down:" in k)]
        moves = [k for k in moves if not c.widget(k).disabled]
        if moves:
            await act(self.metrics, "answer: move an item", c.click(self.rng.choice(moves)))
            await self.think()
        check = [k for k in c.widget_keys(base) if k.endswith(":check") or k.endswith(":vote:button")]
        if check and not c.widget(check[0]).disabled:
            await act(self.metrics, "answer: check (stored, feedback)", c.click(check[0]))
            await self.think()


async def take_before_check(client: StreamlitClient, lesson) -> None:
    """The before-check of `lesson` on `client`'s page, answered at once (for benchmarks of the steps)."""
    pupil = Pupil(0, client.base_url, "", lesson, Metrics(), (0.0, 0.0), time.monotonic() + 120, False)
    pupil.client = client
    await pupil.before_check()


# --- the teacher ----------------------------------------------------------------------------------


def teacher_cookies(url: str, token: str) -> dict[str, str]:
    """Sign in the way the teacher's link does (course/web/teacher_routes.py): the server sets the cookie."""
    from http.client import HTTPConnection
    from http.cookies import SimpleCookie
    from urllib.parse import urlsplit

    address = urlsplit(url)
    connection = HTTPConnection(address.hostname, address.port, timeout=30)
    connection.request("GET", f"/teacher/sign-in?token={token}")
    response = connection.getresponse()
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    connection.close()
    if not cookies:
        raise RuntimeError(f"the teacher's sign-in set no cookie (HTTP {response.status})")
    return {name: morsel.value for name, morsel in cookies.items()}


async def teacher(
    url: str, token: str, session_id: str, metrics: Metrics, deadline: float, paced: bool, lesson
) -> None:
    c = StreamlitClient(
        url,
        "dashboard",
        {"session": session_id, "lang": "fr", "country": "FR"},
        cookies=await asyncio.to_thread(teacher_cookies, url, token),
    )
    if await act(metrics, "dashboard: open", c.open()) is None:
        return
    stop = asyncio.Event()
    poller = asyncio.create_task(
        c.auto_reruns(stop, lambda _f, result: metrics.record("dashboard: live refresh (fragment)", result))
    )
    try:
        next_full = time.monotonic() + 10
        next_pace = time.monotonic() + 15
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            if time.monotonic() >= next_full:
                next_full += 10
                await act(metrics, "dashboard: full rerun", c.rerun())
            if paced and time.monotonic() >= next_pace:
                next_pace += 15
                if "pace_next" in c.widgets and not c.widget("pace_next").disabled:
                    await act(metrics, "dashboard: move the class on", c.click("pace_next"))
    finally:
        stop.set()
        await poller
        await c.close()


# --- phases ---------------------------------------------------------------------------------------


def create_class(server: Server, paced: bool):
    import os

    os.environ["COURSE_DATABASE_URL"] = server.database_url
    from course.classroom.sessions import Classroom
    from course.progress import Store

    room = Classroom(Store.open(server.database_url))
    return room.create("Bench class", "11-13", CLASS_LESSONS, paced=paced)


async def load_phase(
    server: Server, pupils: int, duration: float, think: tuple[float, float], paced: bool, course, session
) -> tuple[Metrics, float]:
    metrics = Metrics()
    start = time.monotonic()
    deadline = start + duration
    lessons = [course.lessons[lid] for lid in CLASS_LESSONS]
    if paced:
        lessons = [course.lessons[CLASS_LESSONS[0]]]  # the paced session shows its current lesson
    crowd = [
        Pupil(n, server.url, session.join_code, lessons[n % len(lessons)], metrics, think, deadline, paced)
        for n in range(pupils)
    ]
    arrival = min(10.0, duration / 4)  # the class arrives over the first seconds
    tasks = [asyncio.create_task(p.run(arrival * p.n / max(1, pupils))) for p in crowd]
    tasks.append(
        asyncio.create_task(
            teacher(server.url, server.token, session.id, metrics, deadline, paced, lessons[0])
        )
    )
    await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), duration + 120)
    return metrics, time.monotonic() - start


RECOMMENDED = "default"
PAUSE = 0.3  # between clicks: a person's pace (back to back, Nagle + delayed ACK would add ~40 ms)


async def baseline(configs: list[str], clicks: int = 15) -> list[list[str]]:
    """One client, nothing else running: a click on the bare app, then a lesson step on ours."""
    rows = []
    for config in configs:
        with server_for(config, entry=str(BENCHMARKS / "bare_app.py")) as bare_server:
            c = StreamlitClient(bare_server.url)
            await c.open()
            times = []
            for _ in range(clicks + 3):
                await asyncio.sleep(PAUSE)
                times.append((await c.click("press")).seconds)
            times = times[3:]
            await c.close()
        bare_ms = median(times) * 1000
        with server_for(config) as server:
            c = StreamlitClient(server.url, "lesson", {"lesson": CLASS_LESSONS[0]})
            await c.open()
            await c.click(c.widget_keys("nickname:")[0])
            await take_before_check(c, quizzes_lesson(CLASS_LESSONS[0]))
            steps = []
            for i in range(clicks + 3):  # next, back, next, back… (no store write on the way back)
                await asyncio.sleep(PAUSE)
                result = await c.click("lesson_next" if i % 2 == 0 else "lesson_back")
                if i >= 3:
                    steps.append(result.seconds)
            await c.close()
        step_ms = median(steps) * 1000
        rows.append([config, f"{bare_ms:.1f}", f"{step_ms:.1f}", f"{step_ms / bare_ms:.2f}×"])
    return rows


async def browser_phase(
    server: Server, session, course, count: int, steps: int = 8
) -> tuple[Metrics, Metrics]:
    """`count` Chromium pages and as many protocol pupils, side by side, same lesson, same moment."""
    from playwright.async_api import async_playwright

    seen, protocol = Metrics(), Metrics()
    lesson = course.lessons[CLASS_LESSONS[0]]
    deadline = time.monotonic() + 90
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            tasks = [
                asyncio.create_task(
                    browser_pupil(browser, server.url, session.join_code, lesson, seen, steps, n)
                )
                for n in range(count)
            ]
            protocol_pupils = [
                Pupil(1000 + n, server.url, session.join_code, lesson, protocol, (1.0, 2.0), deadline, False)
                for n in range(count)
            ]
            tasks += [asyncio.create_task(limited(p, steps)) for p in protocol_pupils]
            try:
                await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 150)
            except TimeoutError:  # report what was measured, and say so
                seen.errors.append("browser phase: not finished within 150 s (pages still waiting)")
        finally:
            await browser.close()
    return seen, protocol


async def limited(pupil: Pupil, steps: int) -> None:
    """A protocol pupil doing what a browser pupil does in browser_phase: join, open, `steps` steps."""
    c = pupil.client
    if await act(pupil.metrics, "join: open the join page", c.open()) is None:
        return
    try:
        await pupil.join()
        await act(
            pupil.metrics,
            "lesson: open",
            c.rerun(page="lesson", query={**c.query(), "lesson": pupil.lesson.id}),
        )
        for _ in range(steps):
            await pupil.think()
            await pupil.answer_if_asked()
            if "lesson_next" not in c.widgets:
                break
            await act(pupil.metrics, "lesson: next step", c.click("lesson_next"))
    finally:
        await c.close()


# What a person sees: from the click to the moment the page stops changing (no DOM mutation for
# `quiet` ms) with Streamlit idle again. Streamlit's own script-state attribute is not enough: a
# fast run can go from "running" to "notRunning" within one React render, leaving no trace.
WATCH = """() => {
  if (window.__watching) return;
  window.__watching = true; window.__mutated = performance.now();
  new MutationObserver(() => { window.__mutated = performance.now(); })
    .observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener('click', () => { window.__clickAt = performance.now(); }, true);
}"""
SETTLED = """(quiet) => { const app = document.querySelector('[data-testid="stApp"]');
  return window.__clickAt !== undefined && window.__mutated > window.__clickAt
         && app && app.dataset.testScriptState === 'notRunning'
         && performance.now() - window.__mutated > quiet; }"""
ELAPSED = "() => window.__mutated - window.__clickAt"
IDLE = (
    "() => { const app = document.querySelector('[data-testid=stApp]'); return app && "
    "app.dataset.testConnectionState === 'CONNECTED' && app.dataset.testScriptState === 'notRunning'; }"
)


def css_key(key: str) -> str:
    import re

    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


async def browser_pupil(browser, url: str, code: str, lesson, metrics: Metrics, steps: int, n: int) -> None:
    """A pupil in Chromium: join with the code, pick a nickname, open the lesson, `steps` steps."""
    context = await browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    rng = random.Random(500 + n)

    async def idle() -> None:
        await page.wait_for_timeout(200)
        await page.wait_for_function(IDLE, timeout=30_000)
        await page.evaluate(WATCH)

    async def click(kind: str, locator) -> None:
        try:
            await locator.click(timeout=15_000)
            await page.wait_for_function(SETTLED, arg=300, timeout=30_000)
            metrics.latency[kind].append(await page.evaluate(ELAPSED) / 1000)
            metrics.requests += 1
        except Exception as error:  # noqa: BLE001
            metrics.errors.append(f"browser {kind}: {type(error).__name__}: {str(error)[:120]}")
        await page.wait_for_timeout(rng.uniform(1000, 2000))

    try:
        start = time.perf_counter()
        await page.goto(f"{url}/join?class={code}&lang=fr&country=FR")
        await idle()
        metrics.latency["join: open the join page (page load)"].append(time.perf_counter() - start)
        await click("join: pick a nickname", page.locator("[class*='st-key-class_nickname'] button").first)
        await page.wait_for_function(IDLE, timeout=30_000)
        resume = await page.evaluate("() => new URLSearchParams(location.search).get('code')")
        start = time.perf_counter()
        await page.goto(f"{url}/lesson?lesson={lesson.id}&lang=fr&country=FR&code={resume}")
        await idle()
        metrics.latency["lesson: open (page load)"].append(time.perf_counter() - start)
        for step in range(steps):
            current = lesson.steps[step] if step < len(lesson.steps) else None
            if (
                current is not None
                and current.type == "activity"
                and current.activity.type == "red_flag_chat"
            ):
                base = f"lesson:{lesson.id}:{current.activity.id}:v0"
                for message in current.activity.messages[:3]:  # in the form: ticked, not sent yet
                    await page.locator(f".{css_key(f'{base}:pick:{message.id}')} label").click()
                    await page.wait_for_timeout(rng.uniform(300, 1000))
                await click(
                    "answer: check (stored, feedback)", page.locator(f".{css_key(f'{base}:check')} button")
                )
            await click("lesson: next step", page.locator(f".{css_key('lesson_next')} button"))
    except Exception as error:  # noqa: BLE001
        metrics.errors.append(f"browser pupil {n}: {type(error).__name__}: {str(error)[:160]}")
    finally:
        await context.close()


# --- main -----------------------------------------------------------------------------------------


def print_metrics(title: str, metrics: Metrics, wall: float) -> None:
    print(title)
    print(table(metrics.rows(), ["interaction", "n", "p50 ms", "p95 ms", "max ms"]))
    every = [v for values in metrics.latency.values() for v in values]
    print(
        f"all interactions: n={len(every)}, p50 {median(every) * 1000:.0f} ms, "
        f"p95 {percentile(every, 95) * 1000:.0f} ms; {metrics.requests} requests, {metrics.runs} script runs "
        f"in {wall:.0f} s = {metrics.runs / wall:.1f} reruns/s; errors: {len(metrics.errors)}"
    )
    kinds: dict[str, list[str]] = {}
    for error in metrics.errors:
        kinds.setdefault(error_kind(error), []).append(error)
    for kind, errors in kinds.items():
        print(f"  {len(errors)} × {kind}, e.g. {errors[0][:150]}")


def error_kind(error: str) -> str:
    if "no script_finished" in error:
        return "no answer within 30 s (overloaded, or a fragment rerun the server dropped)"
    if "no widget" in error:
        return "the page changed under the pupil (after a timeout: the client lost track)"
    if "the page showed" in error:
        return "an exception shown on the page"
    return "other"


async def main_async(args) -> int:
    from course.content import load_course

    course = load_course()
    print(machine())
    print(
        f"server config: {args.config}; pupils {args.pupils}, "
        f"think {args.think[0]}–{args.think[1]} s, duration {args.duration:.0f} s, "
        f"{'teacher-paced' if args.paced else 'self-paced'}"
    )
    print()
    if args.baseline:
        configs = list(dict.fromkeys(args.baseline_configs or ["streamlit-defaults", RECOMMENDED]))
        print(
            f"1. one click every {PAUSE} s, one client, nothing else running (end to end over the websocket, "
            "median of 15):"
        )
        print(
            table(
                await baseline(configs),
                ["server config", "bare app: button ms", "our lesson: next/back ms", "× bare"],
            )
        )
        print()
    with server_for(args.config) as server:
        session = create_class(server, args.paced)
        warm = StreamlitClient(server.url, "join", {"class": session.join_code})
        await warm.open()  # the first run imports the app and loads the course
        await warm.close()
        rss_before, cpu_before = server.rss(), server.cpu()
        spy = Spy(server.pid, args.profile) if args.profile else None
        if spy:
            spy.__enter__()
        try:
            metrics, wall = await load_phase(
                server, args.pupils, args.duration, tuple(args.think), args.paced, course, session
            )
        finally:
            if spy:
                spy.__exit__(None, None, None)
        rss_after, cpu_used = server.rss(), server.cpu() - cpu_before
        print(f"2. {args.pupils} pupils + the teacher's dashboard ({wall:.0f} s):")
        print_metrics("", metrics, wall)
        print(
            f"server: RSS {rss_before:.0f} MiB before, {rss_after:.0f} MiB after; CPU {cpu_used:.0f} s "
            f"in {wall:.0f} s = {100 * cpu_used / wall:.0f}% of one core (the GIL makes one core the ceiling "
            f"for Python work)"
        )
        dropped = server.dropped_fragment_reruns()
        if dropped:
            print(f"server: {dropped} fragment rerun(s) ignored: the fragment was gone after a full rerun")
        logged = server.errors_in_log()
        print(f"server log: {len(logged)} error line(s)" + "".join(f"\n  {line}" for line in logged[:5]))
        if spy:
            print()
            print(f"where the server's GIL time went (py-spy --gil, {args.profile}):")
            print(spy.summary())
        if args.browsers:
            print()
            seen, protocol = await browser_phase(server, session, course, args.browsers)
            print(
                f"3. {args.browsers} Chromium pages and {args.browsers} protocol pupils at the same time "
                f"(same lesson, same server; Chromium shares the 2 cores):"
            )
            kinds = sorted(set(seen.latency) | set(protocol.latency))
            rows = []
            for kind in kinds:
                b, p = seen.latency.get(kind, []), protocol.latency.get(kind, [])
                rows.append(
                    [
                        kind,
                        len(b),
                        f"{median(b) * 1000:.0f}" if b else "-",
                        f"{percentile(b, 95) * 1000:.0f}" if b else "-",
                        len(p),
                        f"{median(p) * 1000:.0f}" if p else "-",
                        f"{percentile(p, 95) * 1000:.0f}" if p else "-",
                    ]
                )
            print(
                table(
                    rows, ["interaction", "browser n", "p50 ms", "p95 ms", "protocol n", "p50 ms", "p95 ms"]
                )
            )
            for error in (seen.errors + protocol.errors)[:6]:
                print(f"  error: {error}")
            print(f"server RSS after the browsers: {server.rss():.0f} MiB")
    print(f"({load_note()})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pupils", type=int, default=60, help=f"pupils (default 60, at most {MAX_PUPILS})")
    parser.add_argument("--duration", type=float, default=60, help="seconds of class (default 60)")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=[2.0, 6.0],
        metavar=("MIN", "MAX"),
        help="seconds between a pupil's actions, uniform (default 2 6)",
    )
    parser.add_argument("--config", default="default", help=CONFIG_HELP)
    parser.add_argument(
        "--baseline-configs",
        nargs="*",
        help="configurations for phase 1 (default: streamlit-defaults and default)",
    )
    parser.add_argument(
        "--paced", action="store_true", help="teacher-paced: pupils' pages follow the teacher"
    )
    parser.add_argument(
        "--browsers", type=int, default=4, help="Chromium pages in phase 3 (0 to skip; max 5)"
    )
    parser.add_argument("--no-baseline", dest="baseline", action="store_false", help="skip phase 1")
    parser.add_argument("--profile", type=Path, help="py-spy the server during the load into this raw file")
    args = parser.parse_args()
    args.pupils = max(1, min(args.pupils, MAX_PUPILS))
    args.duration = max(10.0, min(args.duration, MAX_DURATION))
    args.browsers = max(0, min(args.browsers, 5))
    if args.browsers and not Path("/usr/bin/chromium").exists():
        print("no /usr/bin/chromium: skipping the browser phase")
        args.browsers = 0
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
