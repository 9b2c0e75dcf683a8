"""Parsing through libyaml or PyYAML's own parser: the same problems, at the same lines and columns."""

import pytest
import yaml

from course.content import load_course, yamlsource
from tests.conftest import TODAY, edit

LESSON = "lessons/demo/demo-7-10.yaml"
QUIZ = "quizzes/demo/demo-7-10-quiz.yaml"
QUIZ_OPTION = "      - id: b\n        text: {fr: B, en: B}\n        feedback: {fr: Non., en: No.}"

# (file, text, its replacement, whether libyaml reads the file: elsewhere PyYAML's own parser does)
BROKEN = {
    "feedback_missing": (LESSON, "          feedback: {fr: Non., en: No.}\n", "", True),
    "unquoted_yes": (LESSON, "{fr: Celle-ci, en: This one}", "{fr: Celle-ci, en: yes}", True),
    "unquoted_date": (LESSON, "reviewed: '2026-10'", "reviewed: 2026-10-01", True),
    "key_written_twice": (LESSON, "minutes: 5\n", "minutes: 5\nminutes: 6\n", True),
    "empty_value_in_braces": (
        QUIZ,
        QUIZ_OPTION,
        "      - {id: b, text: {fr: B, en: B}, correct: , feedback: {fr: Non., en: No.}}",
        False,
    ),
    "question_mark_in_braces": (
        LESSON,
        "'Laquelle\u00a0?', en: 'Which one?'",
        "Laquelle ?, en: Which one?",
        False,
    ),
    "tab_after_colon": (LESSON, "minutes: 5", "minutes:\t5", False),
    "lone_tag_on_empty_value": (LESSON, "quiz: demo-7-10-quiz", "quiz: !", False),
    "last_line_unended": (LESSON, "    type: help_card\n", "    type: help_card\n    ? alt", False),
}


def read_by_libyaml(text: str) -> bool:
    return yamlsource._libyaml_reads_alike(text) and yamlsource._parse_with_libyaml(text) is not None


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML is installed without libyaml")
@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_same_messages_with_and_without_libyaml(content, monkeypatch, case):
    relative, old, new, libyaml_reads_it = BROKEN[case]
    edit(content, relative, old, new)
    assert read_by_libyaml((content / relative).read_text(encoding="utf-8")) == libyaml_reads_it
    with_libyaml = [str(problem) for problem in load_course(content, today=TODAY).problems]
    monkeypatch.setattr(yamlsource, "_WITH_LIBYAML", False)
    without_libyaml = [str(problem) for problem in load_course(content, today=TODAY).problems]
    assert with_libyaml == without_libyaml
    assert with_libyaml, "the broken file must be reported"
