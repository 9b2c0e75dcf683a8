"""Command line: `python -m course serve | check | schema | print | cards …`."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from pydantic import BaseModel

from course import languages, server
from course.cards import layout as card_layout
from course.cards.sheet import class_cards
from course.classroom import access, join_address
from course.classroom.join_address import JoinAddress
from course.classroom.sessions import Classroom
from course.content import assessment, load_course
from course.content.loader import default_root
from course.content.models import HelplinesFile, Lesson, Quiz, TopicsFile
from course.content.quality import format_table
from course.pdf.pack import PackError, pack_filename, pack_pdf
from course.progress import Store
from course.settings import FIELDS, SettingError, settings, table
from course.web import teacher_routes

SCHEMAS: dict[str, type[BaseModel]] = {
    "lesson": Lesson,
    "quiz": Quiz,
    "topics": TopicsFile,
    "helplines": HelplinesFile,
}


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


SERVE_HELP = """\
Start the course app. The arguments after `serve` go to `streamlit run`, for example:

  --server.port PORT       the port (default 8501)
  --server.address ADDR    the interface to listen on (default: every one, so that pupils'
                           devices can join; 127.0.0.1 means this computer only)

It prints a private teacher link for this computer and one for other devices on the network.
The class page projects the address pupils join at: the machine's network address when the
teacher uses localhost, with a warning when other devices cannot reach it.

Every other `streamlit run` option works too (`streamlit run --help` lists them).

environment (`python -m course settings` prints them with their defaults):
{variables}
"""


def variables_help() -> str:
    """One line per COURSE_* variable: its name and what it is for."""
    lines = [f"  {field.metadata['variable']:<24} {field.metadata['description']}" for field in FIELDS]
    return "\n".join(line.replace("`", "") for line in lines)


def serve_parser() -> argparse.ArgumentParser:
    """Only for `python -m course serve --help`: the options themselves go to Streamlit untouched."""
    return argparse.ArgumentParser(
        prog="python -m course serve",
        usage="%(prog)s [streamlit run options]",
        description=SERVE_HELP.format(variables=variables_help()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def teacher_links(extra: list[str]) -> tuple[str, str | None, JoinAddress]:
    """Make (or reuse) this server's teacher token: the teacher link for this computer, the one
    for other devices on the network (None if they cannot reach the server) and the join address."""
    current = settings()
    token = current.teacher_token or access.publish_new_token()  # for the Streamlit started next
    links = join_address.start_links(
        port=server.option(extra, "server.port") or "8501",
        listen_address=server.option(extra, "server.address"),
        public_url=current.public_url,
    )
    path = f"{teacher_routes.SIGN_IN}?token={token}"
    return links.here + path, (links.others + path if links.others else None), links.join


def start_message(extra: list[str]) -> str:
    here, others, join = teacher_links(extra)
    lines = [
        "",
        "  Teacher links (keep them private; pupils never need them):",
        f"    on this computer:               {here}",
    ]
    if others:
        lines.append(f"    on other devices (the network): {others}")
    if join.problem:
        warning = f"Warning: {join_address.PROBLEM_HELP[join.problem]}"
        lines.append(textwrap.fill(warning, width=96, initial_indent="  ", subsequent_indent="  "))
    else:
        lines.append(f"  Pupils and parents join at: {join.base}/join")
    return "\n".join([*lines, ""])


def serve(extra: list[str]) -> int:
    """Start the app with Streamlit (arguments after `serve` go to `streamlit run`)."""
    if "-h" in extra or "--help" in extra:
        serve_parser().print_help()
        return 0
    print(start_message(extra), flush=True)
    return server.run(default_root() / "course" / "asgi.py", extra)  # Streamlit behind course/web's guards


def print_pack(lesson_id: str, lang: str | None, country: str | None, out: Path | None) -> int:
    """Write a lesson's print pack (slides, worksheet, answer key, teacher's notes) as a PDF file."""
    course = load_course()
    lang = lang or languages.default()
    country = country or course.default_country
    try:
        pdf = pack_pdf(course, lesson_id, lang, country)
    except PackError as wrong:
        print(f"python -m course print: {wrong}", file=sys.stderr)
        return 2
    path = out or Path(pack_filename(lesson_id, lang, country))
    path.write_bytes(pdf)
    print(path)
    return 0


def purge() -> int:
    """Delete expired class sessions with all their pupils' data."""
    store = Store.open()
    sessions = Classroom(store).purge_expired()
    learners = store.purge_home_learners()
    print(
        f"purged {sessions} expired class session(s) and {learners} home learner(s) not seen for a long time"
    )
    return 0


def card_count(text: str) -> int:
    """--count as a number of cards a sheet can hold, else argparse's own error (exit 2)."""
    try:
        return card_layout.check_count(int(text))
    except ValueError as wrong:
        raise argparse.ArgumentTypeError(
            str(wrong) if "cards" in str(wrong) else f"not a number: {text!r}"
        ) from None


def write_cards(count: int, out: Path, lang: str) -> int:
    """The answer cards for pupils 1 to `count`, one per A4 page."""
    out.write_bytes(class_cards(count, lang))
    print(f"{out}: {count} answer card(s), one per A4 page")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="start the app; further arguments go to streamlit run (serve --help)")
    check_cmd = commands.add_parser("check", help="validate lessons, quizzes and course data")
    check_cmd.add_argument("--strict", action="store_true", help="warnings fail too")
    check_cmd.add_argument("--root", type=Path, default=None, help="content root (default: this checkout)")
    commands.add_parser("purge", help="delete expired class sessions and long-unseen home learners")
    commands.add_parser("settings", help="print the COURSE_* environment variables (the README's table)")
    password_cmd = commands.add_parser("teacher-password", help="print the hash to put in secrets")
    password_cmd.add_argument("password", help="the shared teacher password")
    schema_cmd = commands.add_parser("schema", help="write JSON Schema files for editors")
    schema_cmd.add_argument("--out", type=Path, default=default_root() / "schema")
    print_cmd = commands.add_parser(
        "print", help="write a lesson's print pack (PDF) for a class without devices"
    )
    print_cmd.add_argument("lesson", help="the lesson's id, e.g. grooming-7-10")
    print_cmd.add_argument("--lang", help="the language (default: the course's default)")
    print_cmd.add_argument("--country", help="whose helplines to print (default: the first country)")
    print_cmd.add_argument(
        "-o", "--output", type=Path, help="the PDF file (default: its name in this folder)"
    )
    cards_cmd = commands.add_parser("cards", help="write the printable answer cards (PDF), one per pupil")
    cards_cmd.add_argument(
        "--count",
        type=card_count,
        default=card_layout.DEFAULT_CARDS,
        help=f"cards 1 to COUNT (default {card_layout.DEFAULT_CARDS}, at most {card_layout.MAX_CARDS})",
    )
    cards_cmd.add_argument("-o", "--out", type=Path, default=Path("cards.pdf"), help="the PDF to write")
    cards_cmd.add_argument("--lang", choices=languages.released(), default=languages.default())
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["serve"]:
            return serve(argv[1:])
        return run(parser.parse_args(argv))
    except SettingError as wrong:
        print(f"python -m course: {wrong}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return check(args.root, args.strict)
    if args.command == "purge":
        return purge()
    if args.command == "settings":
        print(table(), end="")
        return 0
    if args.command == "teacher-password":
        print(access.hash_password(args.password))
        return 0
    if args.command == "print":
        return print_pack(args.lesson, args.lang, args.country, args.output)
    if args.command == "cards":
        return write_cards(args.count, args.out, args.lang)
    if args.command == "schema":
        for path in write_schemas(args.out):
            print(path)
        return 0
    return 0
