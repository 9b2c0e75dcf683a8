"""Choosing the language, the country and the reading comfort from the URL, the session and the browser
(no Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from course import languages

# Browser regions use ISO codes; the course says UK where ISO says GB.
REGION_ALIASES = {"GB": "UK"}


def _clean(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def choose_language(url_value: object, session_value: object, browser_locale: object) -> str:
    """The URL wins, then what this session chose, then the browser's language, then the default one.
    Only released languages are offered: a draft is never chosen."""
    offered = languages.released()
    for candidate in (_clean(url_value).lower(), _clean(session_value).lower()):
        if candidate in offered:
            return candidate
    browser = languages.base(_clean(browser_locale))
    return browser if browser in offered else languages.default()


def choose_country(
    url_value: object, session_value: object, browser_locale: object, countries: Sequence[str]
) -> str:
    """The URL wins, then this session's choice, then the browser's region (fr-BE -> BE), then the first
    of `countries` (the course's, its default first)."""
    for candidate in (_clean(url_value).upper(), _clean(session_value).upper()):
        if candidate in countries:
            return candidate
    parts = _clean(browser_locale).replace("_", "-").split("-")
    region = parts[-1].upper() if len(parts) > 1 else ""
    region = REGION_ALIASES.get(region, region)
    return region if region in countries else next(iter(countries), "")


# --- reading comfort ---------------------------------------------------------------------------------
# Each setting: its URL parameter and its choices, the first being the default. A default value is
# left out of the URL, so an address someone shares carries only what its reader changed.
READING: dict[str, tuple[str, ...]] = {
    "size": ("normal", "large", "larger"),  # text size, three steps
    "spacing": ("normal", "wide"),  # line spacing
    "font": ("default", "legible"),  # the bundled Atkinson Hyperlegible (course/web/fonts.py)
    "contrast": ("normal", "high"),
    "rate": ("normal", "slow", "fast"),  # the read-aloud voice's speed
}


@dataclass(frozen=True)
class Reading:
    size: str = "normal"
    spacing: str = "normal"
    font: str = "default"
    contrast: str = "normal"
    rate: str = "normal"

    def changed(self) -> dict[str, str]:
        """The settings that differ from the default, by URL parameter."""
        return {name: value for name, value in asdict(self).items() if value != READING[name][0]}


def choose_reading(url_values: Mapping[str, object], session_value: object) -> Reading:
    """Each setting from the URL if it names one of its choices, else this session's, else the default."""
    kept = session_value if isinstance(session_value, Reading) else Reading()
    chosen = {}
    for name, choices in READING.items():
        value = _clean(url_values.get(name)).lower()
        chosen[name] = value if value in choices else getattr(kept, name)
    return Reading(**chosen)
