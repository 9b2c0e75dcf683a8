"""Generated content through the loader and every check: never a traceback, always a located message.

Hypothesis writes files from YAML's own punctuation, keys of the schema and random text, and breaks the
valid demo files by cutting, repeating and swapping their bytes."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.content import load_course
from tests.conftest import TODAY, VALID

TARGET = "lessons/demo/demo-7-10.yaml"
ORIGINAL = (VALID / TARGET).read_bytes()
KEYS = ["schema_version", "id", "topic", "type", "steps", "options", "nodes", "choices", "goto", "fr", "en",
        "start", "src", "questions", "before_check", "objective", "answer", "toggles", "items", "quiz"]  # fmt: skip
PIECES = st.one_of(
    st.sampled_from([": ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!", "? ", "|", ">", "'", '"',
                     "#", "---", "...", "%YAML 1.1\n", "\t", "\x00", "\ufeff", "9" * 40, "~", "null", "yes"]),
    st.sampled_from(KEYS).map(lambda key: f"{key}: "),
    st.text(max_size=12),
)  # fmt: skip
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes) -> None:
    """Load a copy of the tiny valid course with `data` as its lesson; every problem is located."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        shutil.copytree(VALID, root)
        (root / TARGET).write_bytes(data)
        course = load_course(root, today=TODAY)  # raises nothing, whatever the file holds
        for problem in course.problems:
            assert problem.file and problem.line >= 1 and problem.col >= 1 and problem.what, problem
        assert (
            "demo-7-10-quiz" in course.quizzes
        )  # the valid file beside it is served whatever this one holds


@FUZZ
@given(st.lists(PIECES, max_size=60))
def test_generated_yaml_never_breaks_the_loader(pieces):
    check("".join(pieces).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.data())
def test_a_broken_copy_of_a_valid_file_never_breaks_the_loader(data):
    text = bytearray(ORIGINAL)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["cut", "repeat", "insert", "swap"]))
        size = data.draw(st.integers(1, 40))
        if action == "cut":
            del text[at : at + size]
        elif action == "repeat":
            text[at:at] = text[at : at + size] * data.draw(st.integers(2, 50))
        elif action == "insert":
            text[at:at] = data.draw(st.binary(min_size=1, max_size=size))
        else:
            other = data.draw(st.integers(0, len(text)))
            text[at : at + size], text[other : other + size] = (
                text[other : other + size],
                text[at : at + size],
            )
    check(bytes(text))
