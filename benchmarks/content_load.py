"""Loading and checking the whole course: cold, warm, and what a rerun pays once it is cached.

    python benchmarks/content_load.py [--cold 3] [--reruns 200]

1. Cold: a fresh interpreter imports course.content and runs `load_course()` (read every YAML file,
   validate with pydantic, cross-file and quality checks), `--cold` times; the median is printed.
2. Where a load goes: cProfile of one load in a fresh interpreter, by step.
3. YAML parsing alone, PyYAML's pure-Python SafeLoader (what the loader uses) against libyaml's
   CSafeLoader, on the same files: what switching the parser could save.
4. Warm: `load_course()` again in the same process (files in the OS cache).
5. Per rerun once cached: the app keeps the course in `st.cache_resource`. Under AppTest, the real
   pages are rerun `--reruns` times while counting calls to load_course and YAML files opened
   (an audit hook), and one `state.course()` / `state.store()` / `classroom()` call is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from _common import APP_ROOT, load_note, machine, median, table, temp_dir

COLD = r"""
import json, time
t0 = time.perf_counter()
from course.content import load_course
t1 = time.perf_counter()
course = load_course()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "lessons": len(course.lessons),
                  "quizzes": len(course.quizzes), "problems": len(course.problems)}))
"""

PROFILE = r"""
import cProfile, json, pstats
from course.content import load_course
load_course()  # imports and lazy caches out of the way: profile a load, not the imports
profiler = cProfile.Profile()
profiler.enable()
load_course()
profiler.disable()
stats = pstats.Stats(profiler)
out = {}
for (file, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
    if "course/content" in file or "yaml/" in file or "pydantic" in file:
        key = f"{file.split('/')[-2]}/{file.split('/')[-1]}:{name}"
        out[key] = max(out.get(key, (0, 0))[0], ct), nc
total = sum(tt for (cc, nc, tt, ct, callers) in stats.stats.values())
print(json.dumps({"total": total, "functions": out}))
"""

YAML_PARSE = r"""
import json, time, yaml
from pathlib import Path
root = Path(".")
patterns = ("lessons/**/*.y*ml", "quizzes/**/*.y*ml", "course/data/*.y*ml")
files = sorted(path for pattern in patterns for path in root.glob(pattern))
texts = [f.read_text(encoding="utf-8") for f in files]
def parse(loader_class):
    start = time.perf_counter()
    for text in texts:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            loader.construct_document(node)
        finally:
            loader.dispose()
    return time.perf_counter() - start
result = {"files": len(files), "bytes": sum(len(t.encode()) for t in texts)}
result["pure"] = min(parse(yaml.SafeLoader) for _ in range(3))
if getattr(yaml, "__with_libyaml__", False):
    result["libyaml"] = min(parse(yaml.CSafeLoader) for _ in range(3))
print(json.dumps(result))
"""


def fresh(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=APP_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(APP_ROOT)},
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold(times: int) -> None:
    runs = [fresh(COLD) for _ in range(times)]
    first = runs[0]
    print(
        f"1. cold, fresh interpreter ({times} runs, median): import course.content "
        f"{median([r['import_s'] for r in runs]) * 1000:.0f} ms, load_course() "
        f"{median([r['load_s'] for r in runs]) * 1000:.0f} ms "
        f"({first['lessons']} lessons, {first['quizzes']} quizzes, {first['problems']} problems reported)"
    )


def profile() -> None:
    result = fresh(PROFILE)
    functions = result["functions"]
    picks = [
        ("load_course, all of it", "loader.py:load_course"),
        ("read_yaml (parse + duplicate-key check), every call", "yamlsource.py:read_yaml"),
        ("  of which YAML composing (PyYAML, pure Python)", "composer.py:get_single_node"),
        ("validate (pydantic models)", "validation.py:validate"),
        ("checks.content_file (cross-file checks)", "checks.py:content_file"),
        ("quality.content (wording, readability)", "quality.py:content"),
        ("_link_lessons_to_quizzes", "loader.py:_link_lessons_to_quizzes"),
        ("  of which _raw_data (every lesson parsed a 2nd time)", "loader.py:_raw_data"),
        ("coverage_gaps", "quality.py:coverage_gaps"),
    ]
    rows = []
    total = functions.get("content/loader.py:load_course", (result["total"], 1))[0]
    for label, key in picks:
        found = [(ct, nc) for name, (ct, nc) in functions.items() if name.endswith(key)]
        if found:
            ct, nc = max(found)
            rows.append([label, nc, f"{ct * 1000:.0f}", f"{100 * ct / total:.0f}%"])
    print("2. one warm load under cProfile (profiling inflates times; the shares are what count):")
    print(table(rows, ["step", "calls", "cumulative ms", "share"]))


def yaml_parsers() -> None:
    result = fresh(YAML_PARSE)
    line = (
        f"3. parsing the {result['files']} YAML files ({result['bytes'] / 1024:.0f} KiB) to nodes and data, "
        "best of 3: "
        f"PyYAML SafeLoader {result['pure'] * 1000:.0f} ms"
    )
    if "libyaml" in result:
        faster = result["pure"] / result["libyaml"]
        line += f", libyaml CSafeLoader {result['libyaml'] * 1000:.0f} ms ({faster:.1f}× faster)"
    else:
        line += " (PyYAML here has no libyaml: CSafeLoader not available)"
    print(line)


def warm() -> None:
    from course.content import load_course

    load_course()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        load_course()
        times.append(time.perf_counter() - start)
    print(f"4. warm, same process (median of 3): load_course() {median(times) * 1000:.0f} ms")


PROBE = """
import time
import streamlit as st
from course.ui import state
from course.ui.classroom_state import classroom
results = {}
calls = (("state.course()", state.course), ("state.store()", state.store), ("classroom()", classroom))
for name, call in calls:
    call()
    start = time.perf_counter()
    for _ in range(2000):
        call()
    results[name] = (time.perf_counter() - start) / 2000
st.session_state["results"] = results
"""


def per_rerun(reruns: int) -> None:
    import logging

    from streamlit.testing.v1 import AppTest

    import course.content.loader as loader_module
    import course.ui.state as state_module

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    tmp = temp_dir("course-bench-content-")
    os.environ["COURSE_DATABASE_URL"] = f"sqlite:///{tmp / 'course.db'}"
    os.environ.setdefault("COURSE_TEACHER_TOKEN", "bench-teacher-token")
    calls = {"load_course": 0, "yaml_opened": 0, "counting": False}
    real_load = state_module.load_course

    def counting_load(*args, **kwargs):
        calls["load_course"] += 1
        return real_load(*args, **kwargs)

    state_module.load_course = counting_load
    loader_module.load_course = counting_load

    def audit(event, args):
        if calls["counting"] and event == "open" and str(args[0]).endswith((".yaml", ".yml")):
            calls["yaml_opened"] += 1

    sys.addaudithook(audit)
    at = AppTest.from_file(str(APP_ROOT / "streamlit_app.py"), default_timeout=60)
    at.context = {"locale": "fr-FR"}
    at.query_params["lesson"] = "grooming-11-13"
    at = at.run()  # the first run loads the course: not counted
    pages = {info.get("url_pathname"): page_hash for page_hash, info in at._registered_pages.items()}
    at._page_hash = pages["lesson"]
    at = at.run()
    at.session_state["before_done:grooming-11-13-quiz"] = True  # the steps are measured, not the before-check
    at = next(b for b in at.button if b.key.startswith("nickname:")).click().run()
    calls["load_course"] = 0
    calls["counting"] = True
    start = time.perf_counter()
    for n in range(reruns):
        if "lesson_next" in [b.key for b in at.button]:
            at = at.button(key="lesson_next").click().run()
        elif n % 2:
            at = at.button(key="lesson_again").click().run()
        else:  # the home and learn pages too
            at._page_hash = pages["home" if n % 4 == 0 else "learn"]
            at = at.run()
            at._page_hash = pages["lesson"]
            at = at.run()
    elapsed = time.perf_counter() - start
    calls["counting"] = False
    probe = AppTest.from_string(PROBE, default_timeout=60).run()
    results = probe.session_state["results"]
    print(
        f"5. per rerun once cached ({reruns} reruns of the lesson, home and learn pages under AppTest, "
        f"{elapsed / reruns * 1000:.1f} ms each): load_course called {calls['load_course']} times, "
        f"{calls['yaml_opened']} YAML files opened"
    )
    print(
        "   one call, cached: "
        + ", ".join(f"{name} {seconds * 1e6:.0f} µs" for name, seconds in results.items())
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cold", type=int, default=3, help="fresh-interpreter loads (default 3)")
    parser.add_argument("--reruns", type=int, default=200, help="AppTest reruns counted (default 200)")
    args = parser.parse_args()
    print(machine())
    print()
    cold(max(1, min(args.cold, 10)))
    profile()
    yaml_parsers()
    warm()
    per_rerun(max(10, min(args.reruns, 2000)))
    print(f"({load_note()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
