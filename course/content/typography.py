"""Typography per language (`SPACING`, by code). French: a no-break space (U+00A0) before ? ! : ; and
inside « », so that a "?" never wraps alone onto the next line. Used by the content check and the locale
test; `french_spacing` fixes a text (and is what `python -m course fix-spacing` would apply by hand)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

NBSP = "\u00a0"
_BEFORE = re.compile(r"[ \t]+([?!:;»])")
_AFTER = re.compile(r"(«)[ \t]+")
# a colon in a web address or a time ("https://", "10:30") has no space before it, so it is never matched


def french_spacing(text: str) -> str:
    """`text` with every ordinary space before ? ! : ; » and after « made a no-break space."""
    return _AFTER.sub(rf"\1{NBSP}", _BEFORE.sub(rf"{NBSP}\1", text))


def breaking_spaces(text: str) -> list[str]:
    """The places (a few characters around) where `text` has an ordinary space that should not break."""
    found = []
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(text):
            found.append(text[max(0, match.start() - 12) : match.end() + 2].strip())
    return found


@dataclass(frozen=True)
class SpacingRule:
    """Where a language wants no-break spaces: `breaking` finds the wrong ones, `fix` mends a text."""

    breaking: Callable[[str], list[str]]
    fix: Callable[[str], str]
    hint: str


# The spacing rule of each language that has one, by code (English has none).
SPACING: dict[str, SpacingRule] = {
    "fr": SpacingRule(
        breaking_spaces,
        french_spacing,
        "French needs a no-break space (U+00A0) before ? ! : ; and inside « »",
    ),
}
