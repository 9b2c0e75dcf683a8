"""French typography: a "?" never wraps alone, in the content, the course data and the interface."""

import yaml

from course.content import load_course
from course.content.typography import NBSP, breaking_spaces, french_spacing
from tests.conftest import ROOT, TODAY, edit

LESSON = "lessons/demo/demo-7-10.yaml"


def test_spaces_before_signs_and_inside_quotes_become_no_break():
    assert french_spacing("Qui es-tu ? « Moi » ; bon : oui !") == (
        f"Qui es-tu{NBSP}? «{NBSP}Moi{NBSP}»{NBSP}; bon{NBSP}: oui{NBSP}!"
    )


def test_addresses_times_and_english_punctuation_are_left_alone():
    for text in ("https://3018.fr", "à 10:30", "Why?", "Ready: go", "a\u00a0?"):
        assert french_spacing(text) == text
        assert breaking_spaces(text) == []


def test_a_breaking_space_in_french_content_is_a_warning_at_its_line(content):
    edit(content, LESSON, f"'Laquelle{NBSP}?'", "'Laquelle ?'")
    assert [str(p) for p in load_course(content, today=TODAY).problems] == [
        "lessons/demo/demo-7-10.yaml:23:20: steps[1].activity.prompt.fr: warning: ordinary space before a sign, "
        "e.g. 'Laquelle ?' (French needs a no-break space (U+00A0) before ? ! : ; and inside « »)"
    ]


def test_the_french_interface_strings_never_break_before_a_sign():
    strings = yaml.safe_load((ROOT / "course" / "locales" / "fr.yaml").read_text(encoding="utf-8"))
    assert {key: breaking_spaces(value) for key, value in strings.items() if breaking_spaces(value)} == {}


def test_the_french_handout_never_breaks_before_a_sign():
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "fr" and isinstance(item, str):
                    found.extend(breaking_spaces(item))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(yaml.safe_load((ROOT / "course" / "data" / "handout.yaml").read_text(encoding="utf-8")))
    assert found == []
