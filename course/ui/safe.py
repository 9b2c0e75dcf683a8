"""Values that cross into markup: text typed by a person (a teacher's class name) shown as plain text,
never as markdown. (Values reach scripts as JSON in an attribute, never in code: course/web/scripts.py.)"""

from __future__ import annotations

import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(text: str) -> str:
    """'[x](javascript:…)' stays those characters on screen, not a link."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)
