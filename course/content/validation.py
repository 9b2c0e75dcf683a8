"""Turning a parsed YAML file into a model, with pydantic's errors rewritten for content authors."""

from __future__ import annotations

import datetime
import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from course import languages
from course.content.checks import and_list, at_key
from course.content.models import Text
from course.content.problems import Problem, format_loc
from course.content.yamlsource import Loc, SourceFile

M = TypeVar("M", bound=BaseModel)

FIELD_HINTS = {
    "feedback": "every option needs feedback",
    "alt": "every image needs alternative text for screen readers",
    "reviewed": "the month of the last review, written '2026-11'",
    "verified": "the month the details were checked, written '2026-11'",
    "schema_version": "start the file with schema_version: 1",
    "sources": "name the guidance the lesson is based on",
    "id": "the id is stored with answers and must never change",
}


def validate(source: SourceFile, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate the file's data against `model`; every error becomes a located problem."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        problems = [_problem(source, model, detail) for detail in error.errors()]
        return None, sorted(set(problems))


def _problem(source: SourceFile, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc: Loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "missing":
        parent = source.resolve(loc[:-1])
        field = loc[-1]
        return Problem(
            source.name,
            parent.line,
            parent.col,
            format_loc(parent.loc),
            f"{field} missing",
            FIELD_HINTS.get(str(field), ""),
        )
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return at_key(source, loc, f"unknown field '{loc[-1]}'", _did_you_mean(str(loc[-1]), allowed))
    what, hint = _describe(kind, value, context, detail["msg"], _model_at(model, loc))
    if kind == "union_tag_invalid":
        loc = (*loc, "type")  # point at the misspelt type itself
    return source.problem(loc, what, hint)


def _describe(kind: str, value: Any, context: dict[str, Any], message: str, expected: Any) -> tuple[str, str]:
    if expected is Text and kind in ("model_type", "model_attributes_type"):
        return "expected the text in each language", "write it as a mapping: " + and_list(
            [f"{code}: …" for code in languages.released()]
        )
    if kind == "string_type":
        return "expected text, got " + _describe_value(value), _quote_hint(value)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tags = context.get("expected_tags", "")
        found = context.get("tag")
        what = f"unknown type '{found}'" if kind == "union_tag_invalid" else "type missing"
        return what, f"use one of: {tags}"
    if kind == "literal_error":
        return f"{_describe_value(value)} is not allowed", f"use one of: {context.get('expected', '')}"
    if kind == "too_short":
        return (
            f"needs at least {context.get('min_length')} item(s), has {context.get('actual_length')}",
            "",
        )
    if kind == "too_long":
        return f"has {context.get('actual_length')} items, at most {context.get('max_length')} allowed", ""
    if kind == "string_pattern_mismatch":
        return f"{_describe_value(value)} is not a valid id", "use lowercase letters, digits and hyphens"
    if kind == "value_error":
        return str(context.get("error", message)), ""
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_describe_value(value)}", ""
    if kind in ("int_type", "int_parsing"):
        return f"expected a whole number, got {_describe_value(value)}", ""
    if kind in ("list_type",):
        return f"expected a list, got {_describe_value(value)}", "write each item on its own line after '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of fields, got {_describe_value(value)}", ""
    return message[0].lower() + message[1:], ""


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    return repr(value)


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool):
        return "YAML reads unquoted yes/no/on/off/true/false as true or false: put the text in quotes"
    if isinstance(value, datetime.date):
        return "YAML reads unquoted dates as dates: put it in quotes"
    if isinstance(value, int | float):
        return "YAML reads unquoted numbers as numbers: put it in quotes"
    return ""


def _did_you_mean(name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"allowed: {', '.join(allowed)}" if allowed else ""


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    target = _model_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _model_at(model: Any, loc: Loc) -> Any:
    """The type expected at `loc` inside `model`, following lists, optionals and tagged unions."""
    current = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        elif _is_union(current):
            current = next((m for m in typing.get_args(current) if _tag_of(m) == part), None)
        else:
            return None
        if current is None:
            return None
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if _is_union(annotation):
        members = [m for m in typing.get_args(annotation) if m is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return annotation


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _tag_of(member: Any) -> str | None:
    if isinstance(member, type) and issubclass(member, BaseModel) and "type" in member.model_fields:
        args = typing.get_args(member.model_fields["type"].annotation)
        return args[0] if args else None
    return None
