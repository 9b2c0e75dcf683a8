"""Choosing the language and the country from the URL, the session and the browser (no Streamlit)."""

from __future__ import annotations

from collections.abc import Sequence

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
