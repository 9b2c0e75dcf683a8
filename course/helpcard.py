"""What the help card shows for a band in a country (no Streamlit): the app's "Need help now?" panel
(course/ui/helpcard.py) and the print pack's slide (course/pdf/pack/) both read it.

Before a band is chosen nobody knows who is reading, so the card is the youngest band's: the people to
talk to and the "danger now" numbers, in its words (`helpline_band`, `Helpline.purpose_for`)."""

from __future__ import annotations

from dataclasses import dataclass

from course import bands
from course.content.loader import Course, helpline_band
from course.content.models import Helpline


@dataclass(frozen=True)
class HelpCard:
    band: str  # whose lines and wording these are
    intro_key: str  # the UI string said before the lines: to a young person, or to an adult
    emergency: tuple[Helpline, ...]  # "danger now", shown first
    others: tuple[Helpline, ...]
    verified: str | None  # the latest month a line was checked, 'YYYY-MM'

    @property
    def lines(self) -> tuple[Helpline, ...]:
        return self.emergency + self.others


def help_card(course: Course, country: str, band: str | None) -> HelpCard:
    """The card for `band` (None: not chosen yet) in `country`."""
    band = helpline_band(band)
    lines = course.helplines(country, band)
    months = sorted({line.verified for line in lines})
    return HelpCard(
        band=band,
        intro_key="help.intro" if bands.is_learner(band) else "help.intro_adult",
        emergency=tuple(line for line in lines if line.emergency),
        others=tuple(line for line in lines if not line.emergency),
        verified=months[-1] if months else None,
    )
