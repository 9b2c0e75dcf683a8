"""What each registered language has besides its content texts: its UI strings and its rules.

For a released language a gap is an error, for a draft a warning (a draft lands in steps): the UI strings
of `course/locales/<code>.yaml` need every key of the default language's file, with the same
placeholders and none empty; its readability rule (with a limit for every band), its tone rules and
its nickname words must be registered in their tables.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from pathlib import Path

from course import languages, nicknames
from course.content.problems import Problem, Severity
from course.content.quality import FORBIDDEN
from course.content.readability import RULES
from course.content.yamlsource import SourceFile, read_yaml


def missing_rules(code: str, bands: Iterable[str]) -> list[str]:
    """What `code` lacks among the per-language rules, in words ('readability rule (…)', …)."""
    missing = []
    rule = RULES.get(code)
    if rule is None:
        missing.append("readability rule (course/content/readability.py RULES)")
    else:
        missing += [f"readability limit for {band}" for band in bands if band not in rule.limits]
    if code not in FORBIDDEN:
        missing.append("forbidden wording (course/content/quality.py FORBIDDEN)")
    say = nicknames.SAY.get(code)
    if say is None:
        missing.append("nickname words (course/nicknames.py SAY)")
    else:
        try:
            for band in (None, *nicknames.WORDS_BY_BAND):
                for key in nicknames.all_keys(band):
                    say(*key.split("-", 1))
        except KeyError as error:
            missing.append(f"nickname word for {error}")
    return missing


def check(bands: Iterable[str]) -> list[Problem]:
    """Every registered language's UI strings and rules, against the default language's."""
    registry = languages.registry()
    bands = list(bands)
    entries, _ = read_yaml(registry.folder / "languages.yaml", _name(registry.folder / "languages.yaml"))
    reference = languages.default()
    reference_strings = _strings(registry.locale_file(reference))[1]
    problems = []
    for index, code in enumerate(registry.codes):
        severity: Severity = "error" if languages.is_released(code) else "warning"
        if entries is not None:
            for rule in missing_rules(code, bands):
                problems.append(
                    entries.problem(("languages", index, "code"), f"{code} has no {rule}", severity=severity)
                )
        if code != reference:
            problems += _locale(registry.locale_file(code), reference_strings, severity)
    return problems


def _locale(path: Path, reference: dict[str, str], severity: Severity) -> list[Problem]:
    source, found = _strings(path)
    if source is None:
        return [Problem(_name(path), 1, 1, "", "no UI strings", "copy the default language's file", severity)]
    problems = []
    missing = [key for key in reference if not (found.get(key) or "").strip()]
    if severity == "warning" and missing:
        what = f"{len(missing)} UI string(s) missing or empty, e.g. '{missing[0]}'"
        problems.append(
            Problem(source.name, 1, 1, "", what, "a draft needs them all before it is released", severity)
        )
    else:
        hint = "every language has every UI string"
        problems += [Problem(source.name, 1, 1, "", f"'{key}' missing", hint, severity) for key in missing]
    for key, value in found.items():
        if key not in reference:
            problems.append(
                source.problem((key,), f"'{key}' is not a UI string", "remove it or fix its name", severity)
            )
        elif key not in missing and _placeholders(value) != _placeholders(reference[key]):
            expected = ", ".join(sorted(_placeholders(reference[key]))) or "none"
            problems.append(
                source.problem((key,), "other placeholders than the default language's", expected, severity)
            )
    return problems


def _strings(path: Path) -> tuple[SourceFile | None, dict[str, str]]:
    if not path.is_file():
        return None, {}
    source, _ = read_yaml(path, _name(path))
    data = source.data if source is not None and isinstance(source.data, dict) else {}
    return source, {str(key): value for key, value in data.items() if isinstance(value, str)}


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"(unbalanced braces)"}


def _name(path: Path) -> str:
    """The file as problems name it: from the checkout's root when it is in it."""
    from course.content.loader import default_root  # the loader imports this module

    try:
        return path.resolve().relative_to(default_root()).as_posix()
    except ValueError:
        return str(path)
