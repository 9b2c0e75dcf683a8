"""Scripts are fixed code (course/web/scripts.py, allowed by hash in the Content-Security-Policy); the
values they use travel as JSON in an attribute that no value can leave; a planted cookie is filtered."""

import ast
import json
from html.parser import HTMLParser

import pytest

from course.ui.pages.vote import voted_in_cookie
from course.web import scripts
from tests.conftest import ROOT

HOSTILE = ["</script><script>alert(1)</script><!--'\"", '"><img src=x onerror=alert(1)>', "&quot;é", None]


class Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None], str]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs), ""))

    def handle_data(self, data):
        if self.found:
            tag, attrs, text = self.found[-1]
            self.found[-1] = (tag, attrs, text + data)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_stays_in_its_attribute_and_the_code_is_the_hashed_text(value):
    data = {"url": value, "texts": {value or "x": value}}
    parser = Elements()
    parser.feed(scripts.tag(scripts.EXIT_GUARD, data))
    [(name, attributes, text)] = parser.found  # one element: nothing opened another
    assert name == "script"
    assert set(attributes) == {"data-course"}
    assert json.loads(attributes["data-course"]) == data
    assert text == scripts.EXIT_GUARD.code  # the very text the policy's hash allows


def test_a_script_without_data_has_no_attribute():
    assert scripts.tag(scripts.REMEMBER_BROWSER) == f"<script>{scripts.REMEMBER_BROWSER.code}</script>"


def test_every_script_has_its_own_hash():
    assert len(set(scripts.csp_hashes())) == len(scripts.SCRIPTS)
    assert all(h.startswith("'sha256-") and h.endswith("='") for h in scripts.csp_hashes())


def test_the_interface_writes_no_script_of_its_own():
    """In course/ui no text writes a <script> element: every script is one of course/web/scripts.py,
    whose code is fixed (values go in its data attribute), so the policy's hashes cover them all."""
    offenders = []
    for path in sorted((ROOT / "course" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "<script" in node.value:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_only_our_own_vote_keys_are_read_from_the_cookie():
    assert voted_in_cookie("0123456789.abcdefabcd.x'</script>.ABCDEF0123.") == {"0123456789", "abcdefabcd"}
    assert voted_in_cookie(None) == set()
