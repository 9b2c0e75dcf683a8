"""Server memory (RSS) over many reruns of our pages, with and without Streamlit's post-run gc.collect(2).

    python benchmarks/rerun_memory.py [--reruns 2000] [--reference-reruns 500]
                                      [--configs gc+nowatcher nogc+nowatcher ...]

Four websocket clients take turns on one server: a pupil stepping through a lesson and answering,
a pupil taking a quiz again and again (score page and certificate included), the teacher's
dashboard (full reruns and its live fragments) and the presenter's slides. Every 200 reruns the
lesson pupil leaves and a new one joins (a session closed, another opened). RSS is read from
/proc every 100 reruns. Printed per configuration: RSS at the start, every 500 reruns and at the
end, its slope per 1,000 reruns over the second half (after warm-up), and the median and 95th
percentile rerun time at the start and at the end.

Configurations with runner.postScriptGC on cost ~100 ms a rerun, so they run `--reference-reruns`
reruns (default 500) to stay within a few minutes; the others run `--reruns` (default 2000).
The default configurations both have nowatcher, so that the time goes to what is compared: `gc`
(Streamlit's default post-run collection) against `nogc` (the app's config.toml). The app freezes
its long-lived objects itself (`gc.freeze()` after the first run), in both.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from _common import CONFIG_HELP, gc_enabled, load_note, machine, median, percentile, server_for, table
from stclient import StreamlitClient

DEFAULT_CONFIGS = ["gc+nowatcher", "nogc+nowatcher"]
LESSON, QUIZ = "grooming-11-13", "grooming-11-13-quiz"


async def pupil(url: str, page: str, query: dict[str, str]) -> StreamlitClient:
    c = StreamlitClient(url, page, query)
    await c.open()
    await c.click(c.widget_keys("nickname:")[0])
    return c


async def learner_action(c: StreamlitClient, step: int):
    """One rerun of a learner: answer what is on screen (a pick, a tick, check), else move on. Picks and
    ticks in an activity's form run nothing: they are held, and sent with "check" in the same call."""
    checks = [k for k in c.widget_keys() if k.endswith(":check") and not c.widget(k).disabled]
    radios = [k for k in c.widget_keys() if k.endswith(":choice")]
    ticks = [k for k in c.widget_keys() if ":pick:" in k or ":toggle:" in k]
    held = {state.id for state in c.values.values()}
    for key in radios:
        if c.widget(key).id not in held:
            result = await c.change(key, string_value=c.widget(key).proto.options[step % 2])
            if result is not None:
                return result
    for key in ticks:
        if c.widget(key).id not in held:
            result = await c.change(key, bool_value=True)
            if result is not None:
                return result
    if checks:
        return await c.click(checks[0])
    stories = [k for k in c.widget_keys("lesson:") if k.count(":") == 4 and k.split(":")[3].isdigit()]
    if stories:
        return await c.click(stories[0])
    for key in ("lesson_next", "lesson_again", "quiz_again"):
        if key in c.widgets:
            return await c.click(key)
    nexts = [k for k in c.widget_keys("quiz_next_")]
    if nexts:
        return await c.click(nexts[0])
    return await c.rerun()


async def run_config(config: str, reruns: int) -> dict:
    from course.classroom.sessions import Classroom
    from course.content import load_course
    from course.progress import Store

    course = load_course()
    with server_for(config) as server:
        room = Classroom(Store.open(server.database_url))
        klass = room.create("Bench class", "11-13", (LESSON,), paced=False)
        evening = room.create(
            "Bench evening",
            "parents",
            tuple(lesson.id for lesson in course.lessons_for("parents")),
            True,
            kind="evening",
        )
        lesson_pupil = await pupil(server.url, "lesson", {"lesson": LESSON})
        quiz_pupil = await pupil(server.url, "quiz", {"quiz": QUIZ})
        dashboard = StreamlitClient(server.url, "dashboard", {"session": klass.id, "token": server.token})
        await dashboard.open()
        presenter = StreamlitClient(server.url, "presenter", {"session": evening.id, "token": server.token})
        await presenter.open()
        joined = StreamlitClient(server.url, "join", {"class": klass.join_code})  # a class pupil, kept
        await joined.open()
        await joined.click(joined.widget_keys("class_nickname:")[0])
        samples: list[tuple[int, float]] = [(0, server.rss())]
        times: list[float] = []
        errors: list[str] = []
        started = time.monotonic()
        for n in range(1, reruns + 1):
            turn = n % 4
            try:
                if turn == 0:
                    result = await learner_action(lesson_pupil, n)
                elif turn == 1:
                    result = await learner_action(quiz_pupil, n)
                elif turn == 2:
                    fragments = list(dashboard.fragments)
                    if n % 20 == 2 or not fragments:
                        result = await dashboard.rerun()
                    else:
                        result = await dashboard.rerun(fragment_id=fragments[n % len(fragments)])
                else:
                    result = await presenter.click("slide_next" if (n // 40) % 2 == 0 else "slide_back")
                times.append(result.seconds)
                errors += result.exceptions
            except Exception as error:  # noqa: BLE001 - counted, and the run goes on
                errors.append(f"{type(error).__name__}: {error}")
            if n % 200 == 0:  # a pupil leaves, another arrives
                await lesson_pupil.close()
                lesson_pupil = await pupil(server.url, "lesson", {"lesson": LESSON})
            if n % 100 == 0:
                samples.append((n, server.rss()))
        wall = time.monotonic() - started
        for client in (lesson_pupil, quiz_pupil, dashboard, presenter, joined):
            await client.close()
        logged = server.errors_in_log()
    return {"samples": samples, "times": times, "errors": errors + logged, "wall": wall}


def slope(samples: list[tuple[int, float]]) -> float:
    """MiB per 1,000 reruns over the second half (least squares)."""
    half = [s for s in samples if s[0] >= samples[-1][0] / 2]
    if len(half) < 2:
        return float("nan")
    xs, ys = [s[0] for s in half], [s[1] for s in half]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return 1000 * sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


async def main_async(args) -> int:
    print(machine())
    print()
    rows, curves = [], []
    for config in args.configs:
        gc_on = gc_enabled(config)
        reruns = args.reference_reruns if gc_on else args.reruns
        result = await run_config(config, reruns)
        samples, times = result["samples"], result["times"]
        first, last = times[:200], times[-200:]
        rows.append(
            [
                config,
                reruns,
                f"{samples[0][1]:.0f}",
                f"{samples[len(samples) // 2][1]:.0f}",
                f"{samples[-1][1]:.0f}",
                f"{slope(samples):+.1f}",
                f"{median(first) * 1000:.1f} / {percentile(first, 95) * 1000:.1f}",
                f"{median(last) * 1000:.1f} / {percentile(last, 95) * 1000:.1f}",
                f"{len(times) / result['wall']:.0f}",
                len(result["errors"]),
            ]
        )
        curves.append(
            f"{config}: "
            + " ".join(f"{n}:{rss:.0f}" for n, rss in samples if n % 500 == 0 or n == samples[-1][0])
        )
        for error in result["errors"][:3]:
            print(f"  {config} error: {error}")
    print(
        table(
            rows,
            [
                "server config",
                "reruns",
                "RSS start MiB",
                "RSS middle",
                "RSS end",
                "MiB/1000 reruns (2nd half)",
                "first 200 p50/p95 ms",
                "last 200 p50/p95 ms",
                "reruns/s",
                "errors",
            ],
        )
    )
    print()
    print("RSS (MiB) after n reruns:")
    for curve in curves:
        print(f"  {curve}")
    print(f"({load_note()})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reruns", type=int, default=2000, help="reruns per configuration without the gc")
    parser.add_argument(
        "--reference-reruns", type=int, default=500, help="reruns for configurations with the gc"
    )
    parser.add_argument("--configs", nargs="+", default=DEFAULT_CONFIGS, help=CONFIG_HELP)
    args = parser.parse_args()
    args.reruns = max(100, min(args.reruns, 20_000))
    args.reference_reruns = max(100, min(args.reference_reruns, 20_000))
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
