"""The app keeps serving every valid lesson whatever one content file holds, and tells teachers which
file is broken and where."""

import shutil

import pytest

from tests.conftest import VALID
from tests.content.test_hostile_content import BROKEN, CASES
from tests.ui.apptest import open_page, start, teacher, texts, use_database

KINDS = ["nul_byte", "five_thousand_digit_number", "nested_ten_thousand_deep", "alias_bomb", "not_utf8"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_valid_lessons_are_served_beside_a_broken_file(kind, monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    root = tmp_path / "content"
    shutil.copytree(VALID, root)
    data, expected = CASES[kind]
    (root / BROKEN).write_bytes(data)
    monkeypatch.setenv("COURSE_CONTENT_ROOT", str(root))

    pupil = open_page(start("fr-FR", band="7-10"), "learn")
    assert not pupil.exception
    assert "Une leçon" in texts(pupil)  # the valid lesson beside the broken file

    at = open_page(teacher(), "teachers")
    assert not at.exception
    assert f"{BROKEN}:{expected}" in texts(at)  # the teacher sees which file, where, and why
