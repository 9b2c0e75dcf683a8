"""Concurrent answers written to the store: writes per second, no lost write, no "database is locked".

    python benchmarks/store_writes.py [--writes 50] [--threads 8 32 64] [--processes 4]
    COURSE_BENCH_DATABASE_URL=postgresql+psycopg://… python benchmarks/store_writes.py

Every write goes through the app's own verbs (course.progress.Store), each in its own transaction:
`record_attempt` (a pupil's answer, append-only), `record_step` (an upsert of the pupil's place)
and `vote` (an upsert of one poll count that every voter hits: a hot row). Scenarios:

- threads: T threads share one Store (one engine and its connection pool), as the sessions of one
  Streamlit server do; each thread is a pupil of one class session writing `--writes` answers and
  as many step updates;
- votes: T threads vote for the same option of the same poll (`--writes` votes each);
- processes: `--processes` processes with their own engine, 8 threads each, on the same database,
  as several servers behind a proxy would be (SQLite: the same file).

After each scenario the rows are counted: every answer and every vote must be there. Errors are
counted by kind ("database is locked", pool timeouts, others). SQLite always (a fresh file); with
COURSE_BENCH_DATABASE_URL also PostgreSQL, in a fresh schema dropped afterwards.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import secrets
import sys
import threading
import time

from _common import load_note, machine, median, percentile, table, temp_dir

from tests.pgschema import fresh_schema

BENCH_URL_ENV = "COURSE_BENCH_DATABASE_URL"


def classify(error: BaseException) -> str:
    text = str(error).lower()
    if "database is locked" in text:
        return "database is locked"
    if "queuepool limit" in text or "timed out" in text and "pool" in text:
        return "pool timeout"
    return f"{type(error).__name__}: {str(error).splitlines()[0][:80]}"


def add_results(out: dict, lock: threading.Lock, latencies: list, done: int, errors: dict) -> None:
    """One thread's figures into the shared totals."""
    with lock:
        out["latencies"] += latencies
        out["answers"] += done
        for kind, count in errors.items():
            out["errors"][kind] = out["errors"].get(kind, 0) + count


def pupil_writes(url: str, store, session_id: str, writes: int, out: dict, lock: threading.Lock) -> None:
    from course.progress import Attempt

    learner = store.create_learner(f"bench-{secrets.token_hex(4)}", session_id=session_id)
    latencies, errors, done = [], {}, 0
    for n in range(writes):
        for verb in ("answer", "step"):
            start = time.perf_counter()
            try:
                if verb == "answer":
                    store.record_attempt(
                        Attempt(
                            learner.id,
                            "bench-lesson",
                            f"activity-{n}",
                            ("a", "b"),
                            n % 2 == 0,
                            1.0 if n % 2 == 0 else 0.0,
                            "v1",
                            session_id=session_id,
                        )
                    )
                    done += 1
                else:
                    store.record_step(learner.id, "bench-lesson", n)
            except Exception as error:  # noqa: BLE001 - counted by kind
                errors[classify(error)] = errors.get(classify(error), 0) + 1
            latencies.append(time.perf_counter() - start)
    add_results(out, lock, latencies, done, errors)


def voter(store, scope: str, writes: int, out: dict, lock: threading.Lock) -> None:
    latencies, errors, done = [], {}, 0
    for _ in range(writes):
        start = time.perf_counter()
        try:
            store.vote(scope, "bench-lesson/poll", "agree")
            done += 1
        except Exception as error:  # noqa: BLE001
            errors[classify(error)] = errors.get(classify(error), 0) + 1
        latencies.append(time.perf_counter() - start)
    add_results(out, lock, latencies, done, errors)


def run_threads(url: str, threads: int, writes: int, target, session_id: str) -> dict:
    from course.progress import Store

    store = Store.open(url)
    out = {"latencies": [], "answers": 0, "errors": {}}
    lock = threading.Lock()
    workers = [
        threading.Thread(target=target, args=(url, store, session_id, writes, out, lock))
        if target is pupil_writes
        else threading.Thread(target=target, args=(store, session_id, writes, out, lock))
        for _ in range(threads)
    ]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    out["seconds"] = time.perf_counter() - start
    store.engine.dispose()
    return out


def process_main(url: str, threads: int, writes: int, session_id: str, queue) -> None:
    out = run_threads(url, threads, writes, pupil_writes, session_id)
    queue.put(out)


def count_rows(url: str, session_id: str, scope: str) -> tuple[int, int]:
    from sqlalchemy import func, select

    from course.progress import Store
    from course.progress.tables import attempts, poll_counts

    store = Store.open(url)
    with store.engine.connect() as db:
        answers = db.execute(
            select(func.count()).select_from(attempts).where(attempts.c.session_id == session_id)
        ).scalar()
        votes = db.execute(
            select(func.coalesce(func.sum(poll_counts.c.count), 0)).where(poll_counts.c.scope == scope)
        ).scalar()
    store.engine.dispose()
    return int(answers), int(votes)


def scenario_rows(name: str, url: str, args) -> list[list[str]]:
    rows = []
    for threads in args.threads:
        session_id = secrets.token_hex(8)
        out = run_threads(url, threads, args.writes, pupil_writes, session_id)
        stored, _ = count_rows(url, session_id, "-")
        rows.append(row(f"{name}: {threads} threads, answers + steps", threads * args.writes, out, stored, 2))
    for threads in args.threads:
        scope = secrets.token_hex(8)
        out = run_threads(url, threads, args.writes, voter, scope)
        _, stored = count_rows(url, "-", scope)
        rows.append(
            row(f"{name}: {threads} threads, votes on one row", threads * args.writes, out, stored, 1)
        )
    if args.processes:
        session_id = secrets.token_hex(8)
        queue = multiprocessing.get_context("spawn").Queue()
        procs = [
            multiprocessing.get_context("spawn").Process(
                target=process_main, args=(url, 8, args.writes, session_id, queue)
            )
            for _ in range(args.processes)
        ]
        start = time.perf_counter()
        for proc in procs:
            proc.start()
        results = [queue.get(timeout=300) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
        merged = {"latencies": [], "answers": 0, "errors": {}, "seconds": time.perf_counter() - start}
        for result in results:
            merged["latencies"] += result["latencies"]
            merged["answers"] += result["answers"]
            for kind, count in result["errors"].items():
                merged["errors"][kind] = merged["errors"].get(kind, 0) + count
        stored, _ = count_rows(url, session_id, "-")
        rows.append(
            row(
                f"{name}: {args.processes} processes × 8 threads, answers + steps",
                args.processes * 8 * args.writes,
                merged,
                stored,
                2,
            )
        )
    return rows


def row(label: str, expected: int, out: dict, stored: int, per_write: int) -> list[str]:
    lat = out["latencies"]
    errors = ", ".join(f"{kind}: {count}" for kind, count in out["errors"].items()) or "0"
    return [
        label,
        expected,
        stored,
        expected - stored,
        f"{len(lat) / out['seconds']:.0f}",
        f"{median(lat) * 1000:.1f}",
        f"{percentile(lat, 95) * 1000:.1f}",
        f"{max(lat) * 1000:.0f}",
        errors,
    ]


def seed_sessions(url: str) -> None:
    """Class sessions are not needed by these verbs (session_id is a plain column); just migrate."""
    from course.progress import Store

    Store.open(url).engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--writes", type=int, default=50, help="answers (or votes) per thread (default 50)")
    parser.add_argument(
        "--threads", type=int, nargs="+", default=[8, 32, 64], help="thread counts (default 8 32 64)"
    )
    parser.add_argument(
        "--processes", type=int, default=4, help="processes of 8 threads (default 4; 0 to skip)"
    )
    args = parser.parse_args()
    args.writes = max(1, min(args.writes, 1000))
    args.threads = [max(1, min(t, 256)) for t in args.threads]
    args.processes = max(0, min(args.processes, 16))
    print(machine())
    print(f"{args.writes} writes per thread; each answer is its own transaction, committed before returning")
    print()
    headers = ["scenario", "expected", "stored", "lost", "writes/s", "p50 ms", "p95 ms", "max ms", "errors"]
    tmp = temp_dir("course-bench-store-")
    sqlite_url = f"sqlite:///{tmp / 'course.db'}"
    seed_sessions(sqlite_url)
    rows = scenario_rows("SQLite", sqlite_url, args)
    base = os.environ.get(BENCH_URL_ENV)
    if base:
        with fresh_schema(base, prefix="bench") as url:
            seed_sessions(url)
            rows += scenario_rows("PostgreSQL", url, args)
    else:
        print(f"(set {BENCH_URL_ENV}=postgresql+psycopg://… to measure PostgreSQL too)")
    print(table(rows, headers))
    print(
        "writes/s counts every write (an answer and a step update per answer; a vote); "
        "lost = expected - stored"
    )
    print(f"({load_note()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
