"""What `course/data/handout.yaml` must hold (both languages, every country), and reading it with
file:line:col problems."""

from __future__ import annotations

import string
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from course import bands, languages
from course.content.checks import and_list
from course.content.models import YEAR_MONTH, LearnerBand
from course.content.validation import validate
from course.content.yamlsource import read_yaml
from course.pdf.text import base_language

HANDOUT_FILE = Path(__file__).parents[2] / "data" / "handout.yaml"


def language(lang: str) -> str:
    """'fr-FR' -> 'fr'; ValueError for a language the handout is not written in."""
    return base_language(lang, languages.released(), "no handout in language")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _clean(value: str) -> str:
    if not value.strip():
        raise ValueError("the text is empty")
    for marker in ("--", "__", "~~", "["):  # fpdf2 markdown would take them for formatting
        if marker in value:
            raise ValueError(f"'{marker}' would be read as formatting in the PDF")
    if value.count("**") % 2:
        raise ValueError("unbalanced ** (bold)")
    return value


class Bilingual(BaseModel):
    """A handout text, one entry per language code: every released language is required (a draft's
    may be missing: its handout is not offered), and may use **bold** (fpdf2 markdown)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, str]

    @model_validator(mode="after")
    def _languages_and_markup(self) -> Bilingual:
        wrong = [
            f"unknown field '{code}'" for code in self.__pydantic_extra__ if code not in languages.codes()
        ]
        missing = [f"{code} missing" for code in languages.released() if code not in self.__pydantic_extra__]
        if missing or wrong:
            raise ValueError("; ".join(missing + wrong))
        for value in self.__pydantic_extra__.values():
            _clean(value)
        return self

    def get(self, lang: str) -> str:
        return self.__pydantic_extra__.get(lang) or self.__pydantic_extra__[languages.default()]

    def placeholders(self) -> set[str]:
        return set().union(*(_fields(value) for value in self.__pydantic_extra__.values()))

    def same_placeholders(self, allowed: AbstractSet[str], required: AbstractSet[str] = frozenset()) -> None:
        for lang in self.__pydantic_extra__:
            found = _fields(self.get(lang))
            if found - allowed:
                raise ValueError(
                    f"unknown placeholder {sorted(found - allowed)} in {lang!r}: {self.get(lang)!r}"
                )
            if required - found:
                raise ValueError(f"{lang!r} text needs {sorted(required - found)}: {self.get(lang)!r}")


class Section(_Strict):
    heading: Bilingual
    intro: Bilingual  # printed under the heading


class Checklist(Section):
    items: list[Bilingual] = Field(min_length=6, max_length=14)


class AgeBand(_Strict):
    ages: LearnerBand
    label: Bilingual
    starters: list[Bilingual] = Field(min_length=2, max_length=3)


class Conversations(Section):
    bands: list[AgeBand] = Field(description="One per learner band, youngest first.")
    if_they_tell_you: Bilingual

    @field_validator("bands")
    @classmethod
    def _every_band_in_order(cls, given: list[AgeBand]) -> list[AgeBand]:
        learners = bands.learners()
        if tuple(band.ages for band in given) != learners:
            raise ValueError(f"give the bands {and_list(learners)}, in that order")
        return given


class Step(_Strict):
    title: Bilingual
    body: Bilingual


class Sextortion(Section):
    steps: list[Step] = Field(min_length=7, max_length=7, description="The guide's seven steps, in order.")

    @model_validator(mode="after")
    def _country_texts_used_once(self) -> Sextortion:
        for step in self.steps:
            step.title.same_placeholders(set())
            step.body.same_placeholders({"report", "removal"}, step.body.placeholders())
        used = [name for step in self.steps for name in sorted(step.body.placeholders())]
        if sorted(used) != ["removal", "report"]:
            raise ValueError("use {report} once and {removal} once in the steps' bodies")
        return self


class WarningSigns(Section):
    items: list[Bilingual] = Field(min_length=3, max_length=8)
    note: Bilingual


class HelplinesText(_Strict):  # a heading over the table, no intro
    heading: Bilingual
    emergency: Bilingual
    verified: Bilingual
    verified_row: Bilingual
    unconfirmed: Bilingual

    @model_validator(mode="after")
    def _placeholders(self) -> HelplinesText:
        self.heading.same_placeholders({"country"}, {"country"})
        self.verified.same_placeholders({"month"}, {"month"})
        self.verified_row.same_placeholders({"month"}, {"month"})
        return self


class CountryText(_Strict):
    report: Bilingual = Field(description="Step 5: who to report to and who supports the family.")
    removal: Bilingual = Field(description="Step 6: the removal tools that fit the age and the country.")


class HandoutFile(_Strict):
    schema_version: Literal[1]
    edition: str = Field(description="Month the text was last reviewed, 'YYYY-MM'; the PDF's date.")
    title: Bilingual
    subtitle: Bilingual
    footer: Bilingual
    page: Bilingual
    emergency_footer: Bilingual
    checklist: Checklist
    conversations: Conversations
    sextortion: Sextortion
    warning_signs: WarningSigns
    helplines: HelplinesText
    countries: dict[str, CountryText] = Field(description="By country code: every country of the helplines.")

    @field_validator("edition")
    @classmethod
    def _year_month(cls, value: str) -> str:
        if not YEAR_MONTH.match(value):
            raise ValueError("must be a year and month written YYYY-MM, in quotes")
        return value

    @model_validator(mode="after")
    def _placeholders(self) -> HandoutFile:
        self.page.same_placeholders({"page", "pages"}, {"page", "pages"})
        self.emergency_footer.same_placeholders({"contact"}, {"contact"})
        return self

    def texts(self) -> list[tuple[str, Bilingual]]:
        """Every text of the handout with its place, e.g. ('checklist.items[3]', …)."""
        found: list[tuple[str, Bilingual]] = []

        def walk(value: object, where: str) -> None:
            if isinstance(value, Bilingual):
                found.append((where, value))
            elif isinstance(value, BaseModel):
                for name in type(value).model_fields:
                    walk(getattr(value, name), f"{where}.{name}" if where else name)
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(item, f"{where}.{key}")
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    walk(item, f"{where}[{index}]")

        walk(self, "")
        return found


class HandoutError(ValueError):
    """handout.yaml could not be read or does not validate; the message lists every problem."""


def load_handout(path: Path | None = None) -> HandoutFile:
    """Read and validate the handout text; raises `HandoutError` with file:line:col problems."""
    return _load(Path(path or HANDOUT_FILE).resolve())


@cache
def _load(path: Path) -> HandoutFile:
    source, problems = read_yaml(path, path.name)
    data = None
    if source is not None and source.data is not None and not problems:
        data, problems = validate(source, HandoutFile)
    if data is None:
        raise HandoutError("\n".join(str(problem) for problem in problems) or f"{path.name}: nothing to read")
    return data
