"""The course's languages, declared once in `course/locales/languages.yaml` (no Streamlit).

Everything that needs to know which languages exist asks here: the content schema and its checks, the
UI strings, the language switch, the exports. A language is `released` (offered to users; a missing text
or UI string is an error of `course check`) or a `draft` (listed and checked, `course check` warns about
what is missing, never offered to users). Exactly one released language is the default: the one shown
when the visitor's cannot be known, and the one a draft falls back to, marked.

What a language needs besides its data (a readability rule, its tone rules, its nickname words) is
registered in the per-language tables of the modules that use it; `missing_rules` names what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from course.content.yamlsource import read_unique

LANGUAGES_FILE = Path(__file__).parent / "locales" / "languages.yaml"
CODE = re.compile(r"^[a-z]{2,3}$")


class LanguageEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=CODE.pattern, description="ISO 639 code, lowercase: 'fr', 'en'.")
    name: str = Field(min_length=1, description="The language's name in itself, shown in the switch.")
    english_name: str = Field(min_length=1, description="Its name in English, used in check messages.")
    status: Literal["released", "draft"] = Field(
        description="'released': offered to users, complete; 'draft': checked, not offered."
    )
    default: bool = Field(False, description="True for the one language shown when no other is known.")


class LanguagesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = Field(description="Version of this schema; currently 1.")
    languages: list[LanguageEntry] = Field(min_length=1, description="Every language, released or draft.")

    @model_validator(mode="after")
    def _one_released_default(self) -> LanguagesFile:
        codes = [entry.code for entry in self.languages]
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValueError(f"language(s) listed twice: {', '.join(repeated)}")
        defaults = [entry for entry in self.languages if entry.default]
        if len(defaults) != 1:
            raise ValueError(f"exactly one language needs default: true, found {len(defaults)}")
        if defaults[0].status != "released":
            raise ValueError(f"the default language '{defaults[0].code}' must be released")
        return self


@dataclass(frozen=True)
class Registry:
    """The languages of one languages file; their UI strings are the `<code>.yaml` files beside it."""

    folder: Path
    languages: tuple[LanguageEntry, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """Every language, released or draft, in the file's order."""
        return tuple(entry.code for entry in self.languages)

    @property
    def released(self) -> tuple[str, ...]:
        return tuple(entry.code for entry in self.languages if entry.status == "released")

    @property
    def drafts(self) -> tuple[str, ...]:
        return tuple(entry.code for entry in self.languages if entry.status == "draft")

    @property
    def default(self) -> str:
        return next(entry.code for entry in self.languages if entry.default)

    def get(self, code: str) -> LanguageEntry | None:
        return next((entry for entry in self.languages if entry.code == code), None)

    def locale_file(self, code: str) -> Path:
        return self.folder / f"{code}.yaml"


class LanguagesError(ValueError):
    """The languages file cannot be used (the app cannot start without it)."""


def read(path: Path) -> Registry:
    try:
        data = LanguagesFile.model_validate(read_unique(path, path.name))
    except (OSError, yaml.YAMLError, ValueError) as error:
        raise LanguagesError(f"{path}: {error}") from error
    return Registry(path.parent, tuple(data.languages))


_file = LANGUAGES_FILE


@cache
def registry() -> Registry:
    """The course's languages (read once)."""
    return read(_file)


def use(path: Path | None) -> None:
    """Read the languages from another file (a tree being checked, a test's temporary tree); None: the
    course's own. Everything that asks here, the UI strings included, follows."""
    global _file
    _file = path or LANGUAGES_FILE
    registry.cache_clear()


def codes() -> tuple[str, ...]:
    """Every registered language, released or draft."""
    return registry().codes


def released() -> tuple[str, ...]:
    """The languages offered to users."""
    return registry().released


def drafts() -> tuple[str, ...]:
    return registry().drafts


def default() -> str:
    return registry().default


def is_released(code: str) -> bool:
    return code in registry().released


def name(code: str) -> str:
    """The language's name in itself ('Français'), or the code for an unknown one."""
    entry = registry().get(code)
    return entry.name if entry else code


def english_name(code: str) -> str:
    entry = registry().get(code)
    return entry.english_name if entry else code


def base(lang: str) -> str:
    """'fr-FR' / 'fr_CA' / 'FR' -> 'fr' (the registry's codes are bare and lowercase)."""
    return lang.replace("_", "-").split("-")[0].lower()
