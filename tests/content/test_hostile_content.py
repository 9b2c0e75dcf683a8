"""Content is untrusted input: whatever one file holds, it gets a located message (never a traceback,
a hang or a memory blow-up), and every valid file beside it is still served."""

import os

import pytest

from course.content import load_course
from tests.conftest import TODAY, edit

BROKEN = "lessons/demo/broken.yaml"
QUIZ = "quizzes/demo/demo-7-10-quiz.yaml"
LESSON = "lessons/demo/demo-7-10.yaml"

CASES = {
    "nul_byte": (
        b"schema_version: 1\nid: broken\x00\n",
        "2:11: control character U+0000 (remove it: a content file holds text only)",
    ),
    "control_character": (
        b"schema_version: 1\ntitle: {fr: a\x07b}\n",
        "2:14: control character U+0007 (remove it: a content file holds text only)",
    ),
    "five_thousand_digit_number": (
        b"schema_version: 1\nminutes: " + b"9" * 5000 + b"\n",
        "2:10: a number of 5000 digits (numbers here are small: check the value)",
    ),
    "nested_ten_thousand_deep": (
        b"steps: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
        "1:47: nested more than 40 levels deep (a content file is flatter than this)",
    ),
    "mapping_nested_deep": (
        b"".join(b"  " * i + b"k:\n" for i in range(60)) + b"  " * 60 + b"v\n",
        "41:81: nested more than 40 levels deep (a content file is flatter than this)",
    ),
    "alias_inside_its_own_anchor": (
        b"a: &x [*x]\n",
        "1:4: anchors and aliases (& and *) are not allowed (write each value out in full)",
    ),
    "alias_bomb": (
        b"a: &a [x,x,x,x,x,x,x,x,x]\n"
        + b"".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]\n".encode()
            for i in range(8)
        ),
        "1:4: anchors and aliases (& and *) are not allowed (write each value out in full)",
    ),
    "huge_file": (b"# " + b"x" * 600_000 + b"\n", "1:1: file is 585 kB (a content file is at most 512 kB)"),
    "huge_text": (
        b"schema_version: 1\ntitle: {fr: '" + b"a" * 30_000 + b"'}\n",
        "2:13: a text of 30,000 characters (one text is at most 20,000)",
    ),
    "not_utf8": (b"schema_version: 1\nid: br\xffoken\n", "2:7: file is not UTF-8 text (invalid start byte)"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_hostile_file_gets_a_located_message_and_the_rest_is_served(content, case):
    data, expected = CASES[case]
    (content / BROKEN).write_bytes(data)
    course = load_course(content, today=TODAY)
    assert [str(p) for p in course.problems if p.file == BROKEN] == [f"{BROKEN}:{expected}"]
    assert "demo-7-10" in course.lessons and "demo-7-10-quiz" in course.quizzes


def _chain_story(length: int, helped: bool) -> str:
    """A story of `length` nodes with two choices each to the next: 2**(length-1) paths."""
    nodes = "".join(
        f"        - id: n{i}\n          text: {{fr: N, en: N}}\n          choices:\n"
        f"            - {{id: a, text: {{fr: A, en: A}}, goto: n{i + 1}, feedback: {{fr: F, en: F}}}}\n"
        f"            - {{id: b, text: {{fr: B, en: B}}, goto: n{i + 1}, feedback: {{fr: F, en: F}}}}\n"
        for i in range(length)
    )
    ending = f"        - id: n{length}\n          text: {{fr: Fin, en: End}}\n          seeks_help: {str(helped).lower()}\n"
    return nodes + ending


def test_a_story_with_two_to_the_39_paths_is_checked_in_linear_time(content):
    lesson = (content / LESSON).read_text(encoding="utf-8")
    start = lesson.index("      start: begin\n")
    end = lesson.index("  - id: help\n")
    story = "      start: n0\n      nodes:\n" + _chain_story(40, helped=False)
    (content / LESSON).write_text(lesson[:start] + story + lesson[end:], encoding="utf-8")
    messages = [str(p) for p in load_course(content, today=TODAY).problems]
    assert len(messages) == 1
    assert messages[0].startswith("lessons/demo/demo-7-10.yaml:")
    assert messages[0].endswith(
        "does not end in getting help (every path must end at an ending with seeks_help: true)"
    )


def test_a_newcomer_reusing_a_shipped_id_is_refused_and_the_shipped_file_served(content):
    newcomer = content / "lessons" / "demo" / "a-new-file.yaml"
    newcomer.write_text(
        (content / LESSON).read_text(encoding="utf-8").replace("title: {fr: Une leçon", "title: {fr: Autre"),
        encoding="utf-8",
    )
    shipped = (content / LESSON).stat().st_mtime_ns
    os.utime(newcomer, ns=(shipped + 10**9, shipped + 10**9))  # written after the shipped file
    course = load_course(content, today=TODAY)
    assert (
        "lessons/demo/a-new-file.yaml:2:5: id: id 'demo-7-10' is already used by lessons/demo/demo-7-10.yaml "
        "(ids must be unique)"
    ) in [str(p) for p in course.problems]
    assert course.lessons["demo-7-10"].title.fr == "Une leçon"  # never replaced by the newcomer


@pytest.mark.parametrize("src", ["../../course/data/topics.yaml", "/etc/hostname"])
def test_an_image_path_outside_the_lessons_folder_is_refused(content, src):
    edit(
        content,
        LESSON,
        "  - id: help\n",
        f"  - id: picture\n    type: image\n    src: '{src}'\n    alt: {{fr: A, en: A}}\n  - id: help\n",
    )
    course = load_course(content, today=TODAY)
    assert [str(p) for p in course.problems if "image" in p.what] == [
        f"lessons/demo/demo-7-10.yaml:52:10: steps[3].src: image path leaves the lessons folder: {src} "
        "(write it relative to the lessons folder, e.g. images/keys.svg)"
    ]
    assert "demo-7-10" not in course.lessons


def test_a_quiz_of_polls_alone_is_refused(content):
    quiz = (content / QUIZ).read_text(encoding="utf-8")
    start, end = quiz.index("questions:\n"), quiz.index("before_check:\n")
    polls = (
        "questions:\n  - id: vote\n    type: poll\n    prompt: {fr: Vote, en: Vote}\n    options:\n"
        "      - {id: x, text: {fr: X, en: X}}\n      - {id: y, text: {fr: Y, en: Y}}\n"
    )
    (content / QUIZ).write_text(quiz[:start] + polls + quiz[end:], encoding="utf-8")
    messages = [str(p) for p in load_course(content, today=TODAY).problems]
    assert (
        "quizzes/demo/demo-7-10-quiz.yaml:15:3: questions: no graded question "
        "(a quiz of polls alone has no score: add a question with a right answer)"
    ) in messages
