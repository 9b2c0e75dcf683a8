"""Values that cross into markup or scripts: text typed by a person (a teacher's class name) shown
as plain text, never as markdown; values written into a <script> as JSON literals, never by string
concatenation (cookies, URL parameters and storage are the browser's, so anyone can set them)."""

from __future__ import annotations

import json
import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(text: str) -> str:
    """'[x](javascript:…)' stays those characters on screen, not a link."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def script_json(value: object) -> str:
    """`value` as a JavaScript literal that cannot end its <script> element nor open a comment."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace("/", "\\/")
