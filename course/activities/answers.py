"""Checks shared by the graders: every answer is a sequence of known, distinct ids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from course.activities.result import InvalidAnswer


def ids(answer: Sequence[str]) -> tuple[str, ...]:
    if isinstance(answer, str | bytes) or not isinstance(answer, Sequence):
        raise InvalidAnswer(f"the answer must be a sequence of ids, not {answer!r}")
    for value in answer:
        if not isinstance(value, str):
            raise InvalidAnswer(f"every id must be a string, not {value!r}")
    return tuple(answer)


def single(answer: Sequence[str], what: str) -> str:
    values = ids(answer)
    if len(values) != 1:
        raise InvalidAnswer(f"expected exactly 1 {what}, got {len(values)}")
    return values[0]


def known(values: Iterable[str], allowed: Sequence[str], what: str) -> None:
    for value in values:
        if value not in allowed:
            raise InvalidAnswer(f"unknown {what} '{value}' (expected one of: {', '.join(allowed)})")


def distinct(values: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise InvalidAnswer(f"{what} '{value}' is given more than once")
        seen.add(value)


def every_once(values: Sequence[str], allowed: Sequence[str], what: str) -> None:
    """Each allowed id exactly once, nothing else."""
    known(values, allowed, what)
    distinct(values, what)
    missing = [value for value in allowed if value not in values]
    if missing:
        raise InvalidAnswer(f"missing {what}s: {', '.join(missing)} (each must be given exactly once)")
