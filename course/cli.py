"""Command line: `python -m course serve | check | schema`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from course import server
from course.classroom import access
from course.classroom.sessions import Classroom
from course.content import assessment, load_course
from course.content.loader import default_root
from course.content.models import HelplinesFile, Lesson, Quiz, TopicsFile
from course.content.quality import format_table
from course.progress import Store

SCHEMAS = {"lesson": Lesson, "quiz": Quiz, "topics": TopicsFile, "helplines": HelplinesFile}


def check(root: Path | None, strict: bool) -> int:
    """Print every problem; 1 if any error (or, with --strict, any warning), else 0 and a summary."""
    course = load_course(root)
    for problem in course.problems:
        print(problem)
    if course.learner_topics():
        print("coverage (L = lesson, Q = quiz):")
        print(format_table(course.coverage()))
    print(assessment.guessing_summary(list(course.quizzes.values())))
    failing = course.problems if strict else course.errors
    if failing:
        print(f"{len(course.errors)} error(s), {len(course.warnings)} warning(s)", file=sys.stderr)
        return 1
    print(f"course check: OK: {course.summary()}")
    return 0


def write_schemas(out: Path) -> list[Path]:
    """JSON Schema files that editors use for completion and validation while authoring."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    return written


def teacher_link(extra: list[str]) -> str:
    """Make (or reuse) this server's teacher token and return the link that opens the teacher area."""
    token = os.environ.setdefault(access.TOKEN_ENV, access.new_token())
    port = "8501"
    for index, arg in enumerate(extra):
        if arg.startswith("--server.port="):
            port = arg.split("=", 1)[1]
        elif arg == "--server.port" and index + 1 < len(extra):
            port = extra[index + 1]
    return f"http://localhost:{port}/teachers?token={token}"


def serve(extra: list[str]) -> None:
    """Start the app with Streamlit (arguments after `serve` go to `streamlit run`)."""
    print(f"\n  Teacher link (keep it private; pupils never need it):\n  {teacher_link(extra)}\n", flush=True)
    sys.exit(server.run(default_root() / "streamlit_app.py", extra))


def purge() -> int:
    """Delete expired class sessions with all their pupils' data."""
    store = Store.open()
    sessions = Classroom(store).purge_expired()
    learners = store.purge_home_learners()
    print(
        f"purged {sessions} expired class session(s) and {learners} home learner(s) not seen for a long time"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="start the app; further arguments go to streamlit run")
    check_cmd = commands.add_parser("check", help="validate lessons, quizzes and course data")
    check_cmd.add_argument("--strict", action="store_true", help="warnings fail too")
    check_cmd.add_argument("--root", type=Path, default=None, help="content root (default: this checkout)")
    commands.add_parser("purge", help="delete expired class sessions and long-unseen home learners")
    password_cmd = commands.add_parser("teacher-password", help="print the hash to put in secrets")
    password_cmd.add_argument("password", help="the shared teacher password")
    schema_cmd = commands.add_parser("schema", help="write JSON Schema files for editors")
    schema_cmd.add_argument("--out", type=Path, default=default_root() / "schema")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:
        serve(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root, args.strict)
    if args.command == "purge":
        return purge()
    if args.command == "teacher-password":
        print(access.hash_password(args.password))
        return 0
    if args.command == "schema":
        for path in write_schemas(args.out):
            print(path)
        return 0
    return 0
