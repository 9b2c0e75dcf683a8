"""Adding an activity type is one unit and one table: in a temporary copy of the code, a throwaway
type "odd_one_out" gets its unit (model, grader, authoring rule), its line in course.activities.UNITS
and its widget, and nothing else; `course check` accepts a lesson using it, refuses a broken one at its
line, and the lesson page draws it, grades it and explains it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, VALID

UNIT = '''\
"""Odd one out: the option that does not belong with the others."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import answers
from course.activities.base import ActivityBase
from course.activities.result import Feedback, Flaw, Result
from course.content.base import Id, Strict, Text


class Word(Strict):
    id: Id
    text: Text


class OddOneOut(ActivityBase):
    type: Literal["odd_one_out"] = Field(description="Pick the option that does not belong.")
    words: list[Word] = Field(min_length=3)
    odd: Id = Field(description="The id of the word that does not belong.")
    why: Text = Field(description="Why it is the odd one out.")

    choices_field: ClassVar = "words"
    picks: ClassVar = "one"
    shuffled: ClassVar = True

    def right_answer(self) -> tuple[str, ...]:
        return (self.odd,)


def grade(activity: OddOneOut, answer: Sequence[str]) -> Result:
    chosen = answers.single(answer, "word id")
    answers.known([chosen], [word.id for word in activity.words], "word")
    right = chosen == activity.odd
    return Result((chosen,), right, float(right), (Feedback(chosen, activity.why, right),))


def check(activity: OddOneOut) -> list[Flaw]:
    if activity.odd in {word.id for word in activity.words}:
        return []
    return [Flaw(("odd",), f"no word with id '{activity.odd}'", "name one of the words")]


MODEL = OddOneOut
'''

WIDGET = '''\
"""Odd one out: the words as radio buttons, in the order this learner sees them."""

from __future__ import annotations

from course.activities import Result
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, answer_form, choice, picked, shown, widget_key
from course.ui.widgets.checked import checked


def draw(activity, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs)


def inputs(activity, who: Visitor, answering: Answering) -> None:
    texts = {word.id: word.text.get(who.lang) for word in activity.words}
    key = widget_key(answering, "odd")
    with answer_form(activity, who, answering, lambda: picked(key)):
        choice(activity, who, {word_id: texts[word_id] for word_id in shown(activity, answering)}, key)
'''

STEP = {
    "id": "odd",
    "type": "activity",
    "activity": {
        "id": "odd-word",
        "type": "odd_one_out",
        "prompt": {"fr": "Lequel est à part\u00a0?", "en": "Which one is the odd one out?"},
        "words": [
            {"id": "nickname", "text": {"fr": "Un pseudo", "en": "A nickname"}},
            {"id": "avatar", "text": {"fr": "Un avatar", "en": "An avatar"}},
            {"id": "address", "text": {"fr": "Mon adresse", "en": "My home address"}},
        ],
        "odd": "address",
        "why": {"fr": "L'adresse dit où tu vis.", "en": "An address says where you live."},
    },
}

PAGE = textwrap.dedent(
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file("streamlit_app.py", default_timeout=30)
    at.context = {"locale": "en-GB"}
    at.query_params.update(lesson="demo-7-10", lang="en")
    at.run()
    pages = {info.get("url_pathname"): key for key, info in at._registered_pages.items()}
    at._page_hash = pages["lesson"]
    at = at.run()
    at = next(b for b in at.button if b.key.startswith("nickname:")).click().run()  # no name: a nickname
    assert not at.exception, at.exception
    radio = next(radio for radio in at.radio if radio.key.endswith(":odd"))
    print("OPTIONS", sorted(radio.options))  # shown by their words
    radio.set_value("address")  # sent with "check"
    at = next(b for b in at.button if b.key.endswith("odd-word:v0:check")).click().run()
    assert not at.exception, at.exception
    print("SHOWN", " | ".join(str(m.value) for m in [*at.markdown, *at.success]))
    """
)


def add_unit(tree: Path) -> None:
    """What a developer adds for a new type: its unit, its line in UNITS (and the import that line
    needs, in the same file), its widget."""
    (tree / "course" / "activities" / "odd_one_out.py").write_text(UNIT, encoding="utf-8")
    table = tree / "course" / "activities" / "__init__.py"
    source = table.read_text(encoding="utf-8")
    source = source.replace(
        "from course.activities import (\n", "from course.activities import (\n    odd_one_out,\n", 1
    )
    source = source.replace("UNITS = (\n", "UNITS = (\n    odd_one_out,\n", 1)
    table.write_text(source, encoding="utf-8")
    (tree / "course" / "ui" / "widgets" / "odd_one_out.py").write_text(WIDGET, encoding="utf-8")


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "course", tree / "course", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "streamlit_app.py", tree / "streamlit_app.py")
    add_unit(tree)
    content = tree / "content"
    shutil.copytree(VALID, content)
    lesson = content / "lessons" / "demo" / "demo-7-10.yaml"
    data = yaml.safe_load(lesson.read_text(encoding="utf-8"))
    data.pop("quiz")  # no before-check: the page opens on the new type's step
    data["steps"].insert(0, STEP)
    lesson.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tree


def run(tree: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree), "COURSE_CONTENT_ROOT": str(tree / "content")}
    env["COURSE_DATABASE_URL"] = f"sqlite:///{tree / 'course.db'}"
    return subprocess.run(
        [sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True, timeout=120
    )


def test_course_check_accepts_the_new_type_and_applies_its_rule(tree):
    done = run(tree, "-m", "course", "check", "--root", str(tree / "content"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "course check: OK" in done.stdout
    lesson = tree / "content" / "lessons" / "demo" / "demo-7-10.yaml"
    good = lesson.read_text(encoding="utf-8")
    try:
        lesson.write_text(good.replace("odd: address", "odd: adress"), encoding="utf-8")
        broken = run(tree, "-m", "course", "check", "--root", str(tree / "content"))
    finally:
        lesson.write_text(good, encoding="utf-8")
    assert broken.returncode == 1
    line = next(n for n, text in enumerate(good.splitlines(), 1) if text.strip() == "odd: address")
    assert f"lessons/demo/demo-7-10.yaml:{line}:" in broken.stdout
    assert "steps[0].activity.odd: no word with id 'adress' (name one of the words)" in broken.stdout


def test_the_lesson_page_draws_grades_and_explains_the_new_type(tree):
    done = run(tree, "-c", PAGE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OPTIONS ['A nickname', 'An avatar', 'My home address']" in done.stdout
    assert "That's right" in done.stdout.split("SHOWN", 1)[1]
    assert "An address says where you live." in done.stdout
