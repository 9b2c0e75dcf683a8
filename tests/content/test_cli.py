"""`python -m course check | schema` as an author runs them."""

import json
import subprocess
import sys

from course.cli import main
from tests.conftest import ROOT, edit


def test_check_on_valid_content_prints_a_one_line_summary(content, capsys):
    assert main(["check", "--root", str(content)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        "guessing: always the first option passes 1/1, always the longest option passes 1/1, "
        "always false, every switch flipped passes 1/1",
        "course check: OK: 1 lessons, 1 quizzes, 7 activities (demo 7-10: 1L 1Q 7A)",
    ]


def test_check_on_broken_content_prints_problems_and_fails(content, capsys):
    edit(content, "lessons/demo/demo-7-10.yaml", "          feedback: {fr: Non., en: No.}\n", "")
    assert main(["check", "--root", str(content)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "lessons/demo/demo-7-10.yaml:29:11: steps[1].activity.options[1]: feedback missing "
        "(every option needs feedback)",
        "guessing: always the first option passes 1/1, always the longest option passes 1/1, "
        "always false, every switch flipped passes 1/1",
    ]
    assert "1 error(s), 0 warning(s)" in captured.err


def test_strict_makes_warnings_fail(content, capsys):
    edit(content, "lessons/demo/demo-7-10.yaml", "reviewed: '2026-10'", "reviewed: '2020-01'")
    assert main(["check", "--root", str(content)]) == 0
    assert main(["check", "--strict", "--root", str(content)]) == 1
    assert "warning: last reviewed 2020-01: a review is due" in capsys.readouterr().out


def test_module_entry_point_checks_the_shipped_content():
    result = subprocess.run(
        [sys.executable, "-m", "course", "check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("course check: OK: ")
    assert "coverage (L = lesson, Q = quiz):" in lines
    assert lines[lines.index("coverage (L = lesson, Q = quiz):") + 1].split() == [
        "topic",
        "7-10",
        "11-13",
        "14-17",
    ]


def test_schema_writes_json_schema_for_each_file_kind(tmp_path, capsys):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["helplines.schema.json", "lesson.schema.json", "quiz.schema.json", "topics.schema.json"]
    lesson = json.loads((tmp_path / "lesson.schema.json").read_text())
    assert lesson["additionalProperties"] is False
    assert "steps" in lesson["required"]
    assert lesson["properties"]["reviewed"]["description"].startswith("Month of the last review")
