"""Capacity: the largest class one server process serves with p95 < 250 ms, beside the bare app's.

    python benchmarks/capacity.py [--duration 40] [--limit 250] [--start 100] [--most 1200]
                                  [--apps ours bare]

Ours: the class model of benchmarks/class_load.py (pupils join with the code, pick a nickname,
step through one of four lessons answering every activity, 2–6 s between actions; the teacher's
dashboard open with its live refresh). The bare app (benchmarks/bare_app.py: a title, a radio, a
button): as many clients, arriving the same way, opening the page and then, at the same pace,
picking a colour or pressing the button. Both are started the same way (`python -m course serve`'s
launcher: TCP_NODELAY on; ours is course/asgi.py, the st.App with its middleware), each class size
on a fresh server.

The search doubles the class until p95 of every interaction reaches the limit (or any request
fails), then halves the gap between the largest class that passed and the smallest that failed
until it is within 10 %. The figure is the ratio of the two capacities: the clients run on the same
machine as the server (their own CPU use is printed), so the absolute numbers say as much about the
load generator as about the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from collections.abc import Awaitable, Callable

from _common import BENCHMARKS, Server, load_note, machine, median, percentile, server_for, table
from class_load import CLASS_LESSONS, Metrics, Pupil, act, create_class, teacher
from stclient import StreamlitClient

COLOURS = ("red", "green", "blue")


class BareVisitor:
    """A client of the bare app at a pupil's pace: open the page, then a colour or the button."""

    def __init__(self, n: int, url: str, metrics: Metrics, think: tuple[float, float], deadline: float):
        self.n, self.metrics, self.think_range, self.deadline = n, metrics, think, deadline
        self.rng = random.Random(n)
        self.client = StreamlitClient(url)

    async def run(self, arrive_after: float) -> None:
        await asyncio.sleep(arrive_after)
        c = self.client
        if await act(self.metrics, "open the page", c.open()) is None:
            return
        try:
            while time.monotonic() < self.deadline:
                await asyncio.sleep(self.rng.uniform(*self.think_range))
                if time.monotonic() >= self.deadline:
                    return
                if self.rng.random() < 0.5:
                    colour = self.rng.choice(COLOURS)
                    await act(self.metrics, "pick a colour", c.set_value("pick", string_value=colour))
                else:
                    await act(self.metrics, "press the button", c.click("press"))
        finally:
            await c.close()


async def crowd(tasks: list[Callable[[], Awaitable[None]]], duration: float) -> None:
    running = [asyncio.create_task(task()) for task in tasks]
    await asyncio.wait_for(asyncio.gather(*running, return_exceptions=True), duration + 120)


async def run_ours(size: int, duration: float, think: tuple[float, float]) -> tuple[Metrics, Server, float]:
    from course.content import load_course

    course = load_course()
    lessons = [course.lessons[lesson_id] for lesson_id in CLASS_LESSONS]
    metrics = Metrics()
    server = server_for("default", entry="course/asgi.py")
    server.start()
    session = create_class(server, paced=False)
    warm = StreamlitClient(server.url, "join", {"class": session.join_code})
    await warm.open()  # the first run imports the app and loads the course
    await warm.close()
    cpu_before = server.cpu()
    deadline = time.monotonic() + duration
    arrival = min(10.0, duration / 4)
    pupils = [
        Pupil(n, server.url, session.join_code, lessons[n % len(lessons)], metrics, think, deadline, False)
        for n in range(size)
    ]
    tasks: list[Callable[[], Awaitable[None]]] = [(lambda p=p: p.run(arrival * p.n / size)) for p in pupils]
    tasks.append(lambda: teacher(server.url, server.token, session.id, metrics, deadline, False, lessons[0]))
    await crowd(tasks, duration)
    return metrics, server, server.cpu() - cpu_before


async def run_bare(size: int, duration: float, think: tuple[float, float]) -> tuple[Metrics, Server, float]:
    metrics = Metrics()
    server = server_for("default", entry=str(BENCHMARKS / "bare_app.py"))
    server.start()
    warm = StreamlitClient(server.url)
    await warm.open()
    await warm.close()
    cpu_before = server.cpu()
    deadline = time.monotonic() + duration
    arrival = min(10.0, duration / 4)
    visitors = [BareVisitor(n, server.url, metrics, think, deadline) for n in range(size)]
    tasks: list[Callable[[], Awaitable[None]]] = [(lambda v=v: v.run(arrival * v.n / size)) for v in visitors]
    await crowd(tasks, duration)
    return metrics, server, server.cpu() - cpu_before


RUNS = {"ours": run_ours, "bare": run_bare}


def client_cpu() -> float:
    times = os.times()
    return times.user + times.system


async def measure(app: str, size: int, args) -> dict:
    started, client_before = time.monotonic(), client_cpu()
    metrics, server, server_cpu = await RUNS[app](size, args.duration, tuple(args.think))
    wall = time.monotonic() - started
    server.stop()
    server.cleanup()
    every = [v for values in metrics.latency.values() for v in values]
    p95 = percentile(every, 95) * 1000
    return {
        "app": app,
        "size": size,
        "n": len(every),
        "p50": median(every) * 1000,
        "p95": p95,
        "errors": len(metrics.errors),
        "first_error": "; ".join(sorted({e[:100] for e in metrics.errors})[:3]),
        "reruns/s": metrics.runs / args.duration,
        "server_cpu": 100 * server_cpu / args.duration,
        "client_cpu": 100 * (client_cpu() - client_before) / wall,
        "passed": bool(every) and p95 < args.limit and not metrics.errors,
    }


async def search(app: str, args) -> tuple[int, list[dict]]:
    """The largest size that passed, and every run made to find it."""
    runs: list[dict] = []

    async def trial(size: int) -> bool:
        result = await measure(app, size, args)
        runs.append(result)
        print(
            f"  {app:4} {size:5} pupils: p50 {result['p50']:6.0f} ms, p95 {result['p95']:6.0f} ms, "
            f"{result['errors']} errors, server {result['server_cpu']:3.0f} % of a core, "
            f"clients {result['client_cpu']:3.0f} %  → {'pass' if result['passed'] else 'FAIL'}"
            + (f"  ({result['first_error']})" if result["first_error"] else ""),
            flush=True,
        )
        return result["passed"]

    passed, failed = 0, 0
    size = args.start
    while size <= args.most:
        if await trial(size):
            passed, size = size, size * 2
        else:
            failed = size
            break
    if not failed:
        return passed, runs
    while failed - passed > max(10, passed // 10):
        middle = (passed + failed) // 2
        if await trial(middle):
            passed = middle
        else:
            failed = middle
    return passed, runs


async def main_async(args) -> int:
    print(machine())
    print(
        f"capacity: largest class with p95 < {args.limit:.0f} ms and no failed request; "
        f"{args.duration:.0f} s per class size, think {args.think[0]}–{args.think[1]} s, "
        f"arrival over the first 10 s, a fresh server per size"
    )
    found: dict[str, int] = {}
    every: list[dict] = []
    for app in args.apps:
        print(f"\n{app}:")
        found[app], runs = await search(app, args)
        every += runs
    print()
    print(
        table(
            [
                [
                    r["app"],
                    r["size"],
                    r["n"],
                    f"{r['p50']:.0f}",
                    f"{r['p95']:.0f}",
                    r["errors"],
                    f"{r['reruns/s']:.1f}",
                    f"{r['server_cpu']:.0f} %",
                    f"{r['client_cpu']:.0f} %",
                    "pass" if r["passed"] else "fail",
                ]
                for r in every
            ],
            [
                "app",
                "pupils",
                "requests",
                "p50 ms",
                "p95 ms",
                "errors",
                "reruns/s",
                "server CPU",
                "clients CPU",
                "",
            ],
        )
    )
    print()
    for app, size in found.items():
        print(f"capacity of {app}: {size} pupils")
    if found.get("bare") and "ours" in found:
        print(f"ours / bare: {found['ours'] / found['bare']:.2f}×")
    print(f"({load_note()})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=40, help="seconds per class size (default 40)")
    parser.add_argument("--limit", type=float, default=250, help="p95 limit in ms (default 250)")
    parser.add_argument("--start", type=int, default=100, help="first class size (default 100)")
    parser.add_argument("--most", type=int, default=1600, help="largest class size tried (default 1600)")
    parser.add_argument(
        "--think", type=float, nargs=2, default=[2.0, 6.0], metavar=("MIN", "MAX"), help="default 2 6"
    )
    parser.add_argument("--apps", nargs="+", choices=sorted(RUNS), default=["ours", "bare"])
    args = parser.parse_args()
    args.duration = max(20.0, min(args.duration, 300.0))
    args.start = max(10, args.start)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
