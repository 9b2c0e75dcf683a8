"""Content problems, reported the way a compiler reports errors: file:line:col: where: what (hint)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    where: str
    what: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: "
        if self.where:
            text += f"{self.where}: "
        if self.severity == "warning":
            text += "warning: "
        text += self.what
        if self.hint:
            text += f" ({self.hint})"
        return text


def format_loc(loc: tuple[str | int, ...]) -> str:
    """('questions', 2, 'options', 1) -> 'questions[2].options[1]'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def one_of(value: str, choices: set[str]) -> str:
    """The hint for an unknown name: the closest known one, or the list of known ones."""
    close = difflib.get_close_matches(value, sorted(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else f"known: {', '.join(sorted(choices))}"
