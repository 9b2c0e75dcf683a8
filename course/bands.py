"""The course's age bands and adult strands, declared once in `course/data/bands.yaml` (no Streamlit).

Everything that needs to know which bands exist asks here: the content schema and its checks, the
classroom's rules, the pages, the handout. The file is read once, from the package, so nothing needs a
loaded course: the content only names each band to users (its label, in `course/data/topics.yaml`).

A band is for an audience: learners (an age range, youngest first), parents or teachers (one band each,
an adult strand). Exactly one learner band is the youngest: the help card assumes it before a band is
chosen. What a band needs besides its entry here is registered in the per-band tables of the modules
that use it (`TABLES`: a test checks every band has its entry in each).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from course.content.yamlsource import read_unique

BANDS_FILE = Path(__file__).parent / "data" / "bands.yaml"

Audience = Literal["learner", "parent", "teacher"]
ADULT_AUDIENCES: tuple[Audience, ...] = ("parent", "teacher")

# Where each band needs an entry besides the bands file: module, table (a mapping keyed by band id, or
# for `RULES` one mapping per language, its `limits`).
TABLES = {
    "course/content/readability.py": "RULES[language].limits: the readability limit per language and band",
    "course/nicknames.py": "WORDS_BY_BAND: the nickname words a band is offered",
    "course/ui/celebration.py": "CELEBRATION: how the end of a lesson is marked for a band",
}


class BandEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Stable id: '7-10', 'parents'.")
    audience: Audience = Field(description="Who the band is for.")
    ages: tuple[int, int] | None = Field(
        None, description="Learner bands: the first and last year of age, e.g. [7, 10]."
    )
    youngest: bool = Field(False, description="True for the one learner band assumed before one is chosen.")
    helplines: str = Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="The group of helplines the band is shown (a helpline's `for_ages` names groups).",
    )
    pictures: int = Field(
        0,
        ge=0,
        description="The fewest pictures a lesson of this band shows (image steps and steps' pictures).",
    )
    older_lessons: Literal["confirmed", "never"] | None = Field(
        None,
        description="Learner bands: 'never' if its classes never get an older band's lesson ('confirmed').",
    )

    @model_validator(mode="after")
    def _learner_fields(self) -> BandEntry:
        learner = self.audience == "learner"
        if learner and (self.ages is None or self.ages[0] > self.ages[1]):
            raise ValueError(f"band '{self.id}': a learner band needs its ages, [first, last]")
        if not learner and (self.ages is not None or self.youngest or self.older_lessons is not None):
            raise ValueError(f"band '{self.id}': ages, youngest and older_lessons are for learner bands")
        return self


class BandsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = Field(description="Version of this schema; currently 1.")
    bands: list[BandEntry] = Field(min_length=1, description="Every band, in the order shown to users.")

    @model_validator(mode="after")
    def _consistent(self) -> BandsFile:
        ids = [entry.id for entry in self.bands]
        repeated = sorted({band for band in ids if ids.count(band) > 1})
        if repeated:
            raise ValueError(f"band(s) listed twice: {', '.join(repeated)}")
        learners = [entry for entry in self.bands if entry.audience == "learner"]
        if not learners:
            raise ValueError("the course needs at least one learner band")
        for younger, older in zip(learners, learners[1:], strict=False):
            if younger.ages and older.ages and younger.ages[1] >= older.ages[0]:
                raise ValueError(f"learner bands go youngest first, without overlap: '{older.id}'")
        youngest = [entry.id for entry in self.bands if entry.youngest]
        if youngest != [learners[0].id]:
            first = learners[0].id
            raise ValueError(f"exactly one band needs youngest: true, the first learner band ('{first}')")
        for audience in ADULT_AUDIENCES:
            strands = [entry.id for entry in self.bands if entry.audience == audience]
            if len(strands) != 1:
                raise ValueError(f"exactly one band is for audience '{audience}', found {len(strands)}")
        return self


@dataclass(frozen=True)
class Registry:
    bands: tuple[BandEntry, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(entry.id for entry in self.bands)

    @property
    def learners(self) -> tuple[str, ...]:
        return tuple(entry.id for entry in self.bands if entry.audience == "learner")

    @property
    def youngest(self) -> str:
        return next(entry.id for entry in self.bands if entry.youngest)

    @property
    def helpline_groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(entry.helplines for entry in self.bands))

    def get(self, band: str | None) -> BandEntry | None:
        return next((entry for entry in self.bands if entry.id == band), None)


class BandsError(ValueError):
    """The bands file cannot be used (the app cannot start without it)."""


def read(path: Path) -> Registry:
    try:
        data = BandsFile.model_validate(read_unique(path, path.name))
    except (OSError, yaml.YAMLError, ValueError) as error:
        raise BandsError(f"{path}: {error}") from error
    return Registry(tuple(data.bands))


@cache
def registry() -> Registry:
    """The course's bands (read once)."""
    return read(BANDS_FILE)


def ids() -> tuple[str, ...]:
    """Every band, in the file's order (the order shown to users)."""
    return registry().ids


def learners() -> tuple[str, ...]:
    """The learner bands, youngest first."""
    return registry().learners


def is_learner(band: str | None) -> bool:
    return band in registry().learners


def youngest() -> str:
    """The learner band assumed before a band is chosen (its help card, its words checked)."""
    return registry().youngest


def audience(band: str) -> Audience:
    entry = registry().get(band)
    if entry is None:
        raise KeyError(band)
    return entry.audience


def strand(audience: str) -> str:
    """The one band of an adult audience: 'parent' -> 'parents' (KeyError for learners, who have several)."""
    if audience not in ADULT_AUDIENCES:
        raise KeyError(audience)
    return next(entry.id for entry in registry().bands if entry.audience == audience)


def ages(band: str) -> tuple[int, int] | None:
    """A learner band's first and last year of age; None for an adult strand or an unknown band."""
    entry = registry().get(band)
    return entry.ages if entry else None


def helpline_group(band: str) -> str:
    """The helpline group `band` is shown (a helpline's `for_ages` names groups)."""
    entry = registry().get(band)
    if entry is None:
        raise KeyError(band)
    return entry.helplines


def helpline_groups() -> tuple[str, ...]:
    """Every helpline group, in the order of the bands that use it."""
    return registry().helpline_groups


def pictures(band: str) -> int:
    """The fewest pictures a lesson of `band` shows (0 for an unknown band)."""
    entry = registry().get(band)
    return entry.pictures if entry else 0


def takes_older_lessons(band: str) -> bool:
    """False for a learner band whose classes never get a lesson written for an older band."""
    entry = registry().get(band)
    return bool(entry and entry.audience == "learner" and entry.older_lessons != "never")
