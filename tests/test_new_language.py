"""Adding a language is data plus its registrations: a throwaway language 'xx' is added to a temporary
tree (the languages file, its UI strings, its texts in the content), first as a draft, then released;
`course check` and a page run on it.

What is data is written as files. What is code (its readability rule, its tone rules, its nickname
words) is registered in-process, in the tables where a real language would add its entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from course import cli, languages, nicknames
from course.content import quality, readability
from course.locales import t
from course.ui.preferences import choose_language
from tests.conftest import VALID
from tests.ui.apptest import open_page, start, texts, use_database

CODE = "xx"


def with_language(value: object) -> object:
    """Every text mapping of a content file gets its xx text (the English one, marked)."""
    if isinstance(value, dict) and {"fr", "en"} <= set(value) and set(value) <= set(languages.codes()):
        return {**value, CODE: f"Xx {value['en']}"}
    if isinstance(value, dict):
        return {key: with_language(item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_language(item) for item in value]
    return value


def write_yaml(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A copy of the tiny valid course and of the UI strings, with xx registered as a draft: its
    entry in the languages file and half of its UI strings, nothing else yet."""
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    locales = tmp_path / "locales"
    shutil.copytree(
        languages.LANGUAGES_FILE.parent, locales, ignore=shutil.ignore_patterns("*.py", "__pycache__")
    )
    listed = yaml.safe_load((locales / "languages.yaml").read_text(encoding="utf-8"))
    listed["languages"].append(
        {"code": CODE, "name": "Xxish", "english_name": "Throwaway", "status": "draft"}
    )
    write_yaml(locales / "languages.yaml", listed)
    english = yaml.safe_load((locales / "en.yaml").read_text(encoding="utf-8"))
    strings = {key: value if key == "exit.url" else f"Xx {value}" for key, value in english.items()}
    write_yaml(locales / f"{CODE}.yaml", dict(list(strings.items())[: len(strings) // 2]))
    languages.use(locales / "languages.yaml")
    yield content, locales, strings
    languages.use(None)


def release(content: Path, locales: Path, strings: dict[str, str], monkeypatch) -> None:
    """Everything a released language needs: its files complete, its rules registered."""
    for path in [*content.rglob("*.yaml")]:
        write_yaml(path, with_language(yaml.safe_load(path.read_text(encoding="utf-8"))))
    write_yaml(locales / f"{CODE}.yaml", strings)
    listed = yaml.safe_load((locales / "languages.yaml").read_text(encoding="utf-8"))
    listed["languages"][-1]["status"] = "released"
    write_yaml(locales / "languages.yaml", listed)
    languages.use(locales / "languages.yaml")
    monkeypatch.setitem(readability.RULES, CODE, readability.RULES["en"])
    monkeypatch.setitem(quality.FORBIDDEN, CODE, quality.FORBIDDEN["en"])
    monkeypatch.setitem(nicknames.SAY, CODE, nicknames.SAY["en"])


def check(content: Path, capsys, *options: str) -> tuple[int, str]:
    code = cli.main(["check", "--root", str(content), *options])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_draft_is_checked_and_warned_about_but_never_offered(tree, capsys):
    content, locales, _ = tree
    code, output = check(content, capsys)
    assert code == 0, output  # a draft does not fail the check
    warnings = [line for line in output.splitlines() if "warning:" in line and CODE in line]
    assert any("UI string(s) missing or empty" in line for line in warnings), output
    assert any(f"{CODE} missing in" in line and "Throwaway is a draft" in line for line in warnings), output
    assert any(f"{CODE} has no readability rule" in line for line in warnings), output
    assert any(f"{CODE} has no nickname words" in line for line in warnings), output
    assert "error" not in output.split("course check:")[0].lower().replace("0 error", ""), output
    assert check(content, capsys, "--strict")[0] == 1  # strict: what a draft lacks fails
    assert CODE in languages.codes() and CODE not in languages.released()
    assert choose_language(CODE, CODE, "xx-XX") == languages.default()  # never offered
    assert t("nav.home", CODE) == "Xx Home"
    last_key = list(yaml.safe_load((locales / "en.yaml").read_text(encoding="utf-8")))[-1]
    assert t(last_key, CODE) == t(last_key, languages.default())  # a draft falls back


def test_released_it_passes_the_check_and_a_page_runs_in_it(tree, capsys, monkeypatch, tmp_path):
    content, locales, strings = tree
    release(content, locales, strings, monkeypatch)
    code, output = check(content, capsys, "--strict")
    assert code == 0, output
    assert "course check: OK" in output

    use_database(monkeypatch, tmp_path)
    monkeypatch.setenv("COURSE_CONTENT_ROOT", str(content))
    assert choose_language(CODE, None, "fr-FR") == CODE
    at = open_page(start("fr-FR", lang=CODE, band="7-10"), "learn")
    assert not at.exception
    shown = texts(at)
    assert strings["learn.title"] in shown  # its UI strings
    assert "Xx A lesson" in shown  # its texts in the content
    assert "Xx Une" not in shown and "[fr]" not in shown  # no fallback anywhere
    assert CODE in at.segmented_control[0].options or "Xxish" in at.segmented_control[0].options


def test_a_released_language_missing_a_text_or_a_ui_string_fails_the_check(tree, capsys, monkeypatch):
    content, locales, strings = tree
    release(content, locales, strings, monkeypatch)
    write_yaml(locales / f"{CODE}.yaml", {key: value for key, value in strings.items() if key != "nav.home"})
    lesson = content / "lessons" / "demo" / "demo-7-10.yaml"
    data = yaml.safe_load(lesson.read_text(encoding="utf-8"))
    del data["title"][CODE]
    write_yaml(lesson, data)
    code, output = check(content, capsys)
    assert code == 1
    assert f"{CODE}.yaml:1:1: '{'nav.home'}' missing (every language has every UI string)" in output
    assert "title: xx missing (no Throwaway text: every text needs fr, en and xx)" in output
