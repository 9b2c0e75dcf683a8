"""What one pupil costs the server, action by action, beside what one client of the bare app costs.

    python benchmarks/pupil_cost.py [--pupils 40]

Pupils go one after another (nothing else on the server, no thinking time) through the class model of
benchmarks/class_load.py: the join page, a nickname, a lesson, its before-check, then its steps and
activities for 2 s (starting again at its end). For each kind of action: how many, and the server's
CPU per action (user + system, from /proc; the tick is 10 ms, so only means over many actions say
anything). Then the bare
app (benchmarks/bare_app.py) as many times: open the page, pick a colour, press the button. Both
started as `python -m course serve` starts the app.

Capacity (benchmarks/capacity.py) is the server's CPU divided among the pupils: this says where a
pupil's share goes (an action's cost times how often a pupil makes it), and which to make cheaper.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import defaultdict

from _common import cpu_seconds, load_note, machine, server_for, table
from class_load import CLASS_LESSONS, Metrics, Pupil, create_class
from stclient import StreamlitClient


class CpuMetrics(Metrics):
    """Metrics that also keep the server's CPU per action (RunResult.server_cpu)."""

    def __init__(self):
        super().__init__()
        self.cpu: dict[str, list[float]] = defaultdict(list)

    def record(self, kind: str, result) -> None:
        super().record(kind, result)
        if not isinstance(result, BaseException):
            self.cpu[kind].append(result.server_cpu)


def rows(metrics: CpuMetrics) -> list[list[str]]:
    return [
        [kind, len(values), f"{1000 * sum(values) / len(values):.1f}"]
        for kind, values in sorted(metrics.cpu.items())
    ]


def totals(metrics: CpuMetrics, total: float) -> str:
    runs = sum(len(values) for values in metrics.cpu.values())
    return f"server CPU per action, everything included: {1000 * total / runs:.1f} ms"


async def ours(pupils: int) -> tuple[CpuMetrics, float]:
    from course.content import load_course

    course = load_course()
    server = server_for("default", entry="course/asgi.py")
    server.start()
    session = create_class(server, paced=False)
    warm = StreamlitClient(server.url, "join", {"class": session.join_code})
    await warm.open()  # the first run imports the app and loads the course
    await warm.close()
    await asyncio.sleep(3)  # the fonts' subsets and compressed files made at start
    metrics = CpuMetrics()
    before = cpu_seconds(server.pid)
    for n in range(pupils):
        lesson = course.lessons[CLASS_LESSONS[n % len(CLASS_LESSONS)]]
        pupil = Pupil(
            n, server.url, session.join_code, lesson, metrics, (0.0, 0.0), time.monotonic() + 2, False
        )
        pupil.client.server_pid = server.pid
        await pupil.run(0)
    total = cpu_seconds(server.pid) - before
    server.stop()
    server.cleanup()
    return metrics, total


async def bare(clients: int) -> tuple[CpuMetrics, float]:
    server = server_for("default", entry="benchmarks/bare_app.py")
    server.start()
    warm = StreamlitClient(server.url)
    await warm.open()
    await warm.close()
    await asyncio.sleep(3)
    metrics = CpuMetrics()
    before = cpu_seconds(server.pid)
    for n in range(clients):
        client = StreamlitClient(server.url, server_pid=server.pid)
        metrics.record("open the page", await client.open())
        for _ in range(4):
            metrics.record(
                "pick a colour", await client.set_value("pick", string_value=("red", "blue")[n % 2])
            )
            metrics.record("press the button", await client.click("press"))
        await client.close()
    total = cpu_seconds(server.pid) - before
    server.stop()
    server.cleanup()
    return metrics, total


async def main_async(args) -> int:
    print(machine())
    headers = ["action", "n", "server CPU ms each"]
    ours_metrics, ours_total = await ours(args.pupils)
    print(f"\nours: {args.pupils} pupils, one after another, each through its lesson for 2 s (again if done)")
    print(table(rows(ours_metrics), headers))
    print(totals(ours_metrics, ours_total))
    bare_metrics, bare_total = await bare(args.pupils)
    print(f"\nbare app: {args.pupils} clients, each opening the page and acting 8 times")
    print(table(rows(bare_metrics), headers))
    print(totals(bare_metrics, bare_total))
    print(f"({load_note()})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pupils", type=int, default=40, help="pupils, and bare clients (default 40)")
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
