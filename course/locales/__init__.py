"""UI strings per language: `<code>.yaml` beside `languages.yaml`, which lists the languages.

A released language has every key of the default language's file (`course check` and a test say so),
so `t` never needs to fall back for it; a draft falls back to the default language's string."""

from __future__ import annotations

import datetime
import logging
from functools import cache
from pathlib import Path

from course import languages

log = logging.getLogger(__name__)


def strings(lang: str) -> dict[str, str]:
    """Every UI string of `lang` (empty for a language without a file)."""
    registry = languages.registry()
    found = _found.get(lang)
    if found is None or found[0] is not registry:  # another languages file since: find it again
        found = _found[lang] = (registry, _read(registry.locale_file(lang)))
    return found[1]


# A page asks for a few dozen strings on every run: the file's path is built and hashed once per
# language and registry, not on each call.
_found: dict[str, tuple[languages.Registry, dict[str, str]]] = {}


@cache
def _read(path: Path) -> dict[str, str]:
    """The strings of a locale file; a key written twice (the second would silently win) stops here with
    the file and line of each."""
    from course.content.yamlsource import read_unique

    if not path.is_file():
        return {}
    return read_unique(path, f"course/locales/{path.name}") or {}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`, with `{placeholders}` filled. A draft language falls back to the
    default language; a released one has every key (checked), so a missing one shows the key itself."""
    text = strings(lang).get(key)
    if text is None:
        if lang in languages.drafts():
            text = strings(languages.default()).get(key)
        else:
            log.warning("UI string %r missing in %r", key, lang)
    text = text or key
    return text.format(**values) if values else text


def t_band(key: str, lang: str, band: str | None, **values: object) -> str:
    """`key` as worded for an age band when the file has `key.<band>` (a grown-up for 7-10, an adult
    for teens), else `key` itself."""
    own = f"{key}.{band}"
    return t(own if band and own in strings(lang) else key, lang, **values)


def month_name(year_month: str, lang: str) -> str:
    """'2026-11' -> 'novembre 2026' / 'November 2026'."""
    year, month = year_month.split("-")
    return t("date.month_year", lang, month=t(f"date.month.{int(month)}", lang), year=year)


def format_date(when: datetime.date, lang: str) -> str:
    """'21 novembre 2026' (and '1er novembre 2026') / '21 November 2026'."""
    day = t("date.first_day", lang) if when.day == 1 else str(when.day)
    return t("date.full", lang, day=day, month=t(f"date.month.{when.month}", lang), year=when.year)
