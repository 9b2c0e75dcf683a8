"""The print pack is offered where a teacher picks lessons, for the class's band first."""

import pytest

from course.content import load_course
from tests.ui.apptest import open_page, teacher, use_database


@pytest.fixture
def db(monkeypatch, tmp_path):
    return use_database(monkeypatch, tmp_path)


def test_my_classes_offers_the_chosen_lessons_print_pack(db):
    at = open_page(teacher("en-GB"), "classes")
    assert not at.exception
    picker = at.selectbox(key="print_lesson")
    course = load_course()
    assert picker.value == course.lessons_for("7-10")[0].id  # the class's band comes first
    at.selectbox(key="new_class_band").set_value("14-17").run()
    first = course.lessons_for("14-17")[0].title.get("en")
    assert at.selectbox(key="print_lesson").options[0].startswith(first)
    at.selectbox(key="print_lesson").set_value("grooming-14-17").run()
    buttons = [button for button in at.get("download_button") if button.proto.label == "Print pack (PDF)"]
    assert len(buttons) == 1
    assert buttons[0].proto.id and "print_pack" in buttons[0].proto.id
