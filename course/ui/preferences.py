"""Choosing the language and the country from the URL, the session and the browser (no Streamlit)."""

from __future__ import annotations

from course.content.models import SUPPORTED_COUNTRIES
from course.locales import DEFAULT_LANGUAGE, LANGUAGES

DEFAULT_COUNTRY = "FR"
# Browser regions use ISO codes; the course says UK where ISO says GB.
REGION_TO_COUNTRY = {"GB": "UK", **{code: code for code in SUPPORTED_COUNTRIES if code != "UK"}}


def _clean(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def choose_language(url_value: object, session_value: object, browser_locale: object) -> str:
    """The URL wins, then what this session chose, then the browser's language, then French."""
    for candidate in (_clean(url_value).lower(), _clean(session_value).lower()):
        if candidate in LANGUAGES:
            return candidate
    browser = _clean(browser_locale).replace("_", "-").split("-")[0].lower()
    return browser if browser in LANGUAGES else DEFAULT_LANGUAGE


def choose_country(url_value: object, session_value: object, browser_locale: object) -> str:
    """The URL wins, then this session's choice, then the browser's region (fr-BE -> BE), then France."""
    for candidate in (_clean(url_value).upper(), _clean(session_value).upper()):
        if candidate in SUPPORTED_COUNTRIES:
            return candidate
    parts = _clean(browser_locale).replace("_", "-").split("-")
    region = parts[-1].upper() if len(parts) > 1 else ""
    return REGION_TO_COUNTRY.get(region, DEFAULT_COUNTRY)
