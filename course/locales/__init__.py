"""UI strings per language. Every language file has the same keys (a test checks it)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
HERE = Path(__file__).parent


@cache
def strings(lang: str) -> dict[str, str]:
    with (HERE / f"{lang}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`, with `{placeholders}` filled; falls back to French, then the key."""
    text = strings(lang).get(key) or strings(DEFAULT_LANGUAGE).get(key) or key
    return text.format(**values) if values else text


def t_band(key: str, lang: str, band: str | None, **values: object) -> str:
    """`key` as worded for an age band when the file has `key.<band>` (a grown-up for 7-10, an adult
    for teens), else `key` itself."""
    own = f"{key}.{band}"
    return t(own if band and own in strings(lang) else key, lang, **values)


MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def month_name(year_month: str, lang: str) -> str:
    """'2026-11' -> 'novembre 2026' / 'November 2026'."""
    year, month = year_month.split("-")
    return f"{MONTHS[lang][int(month) - 1]} {year}"
