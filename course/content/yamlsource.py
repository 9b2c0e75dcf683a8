"""Reading YAML with the safe loader while keeping where every value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from course.content.problems import Problem, format_loc

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Resolved:
    """A path into the document, cleaned of schema-only parts, and the node it reaches."""

    loc: Loc
    node: yaml.Node
    complete: bool  # False when the path went past what the file contains (a missing field)
    depth: int = 0  # how many parts of the path were found in the file

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    @property
    def col(self) -> int:
        return self.node.start_mark.column + 1


class SourceFile:
    """One parsed YAML file: its data and the position of every node."""

    def __init__(self, name: str, root: yaml.Node | None, data: Any):
        self.name = name
        self.root = root
        self.data = data

    def resolve(self, loc: Loc) -> Resolved:
        """Follow `loc` as far as the file goes.

        Pydantic puts the discriminator value of a tagged union in its error locations
        ('steps', 3, 'activity', 'activity', …: a step of type 'activity' has a field 'activity'),
        our own checks do not: both readings are tried and the one reaching furthest wins.
        """
        return _walk(self.root, tuple(loc), (), tag_skipped=False)

    def key_node(self, loc: Loc) -> yaml.Node | None:
        """The key node of the last part of `loc` (where an unknown field is written)."""
        parent = self.resolve(loc[:-1]).node
        if isinstance(parent, yaml.MappingNode):
            for key, _ in parent.value:
                if isinstance(key, yaml.ScalarNode) and key.value == loc[-1]:
                    return key
        return None

    def problem(self, loc: Loc, what: str, hint: str = "", severity: str = "error") -> Problem:
        """A problem about the value at `loc`, placed at its line and column."""
        resolved = self.resolve(loc)
        return Problem(self.name, resolved.line, resolved.col, format_loc(resolved.loc), what, hint, severity)


def _walk(node: yaml.Node | None, loc: Loc, clean: Loc, tag_skipped: bool) -> Resolved:
    if not loc:
        return Resolved(clean, node, complete=True, depth=len(clean))
    part, rest = loc[0], loc[1:]
    readings = []
    child = _child(node, part)
    if child is not None:
        readings.append(_walk(child, rest, (*clean, part), tag_skipped=False))
    if isinstance(part, str) and not tag_skipped and _is_type_tag(node, part):
        readings.append(_walk(node, rest, clean, tag_skipped=True))
    if not readings:
        return Resolved((*clean, *loc), node, complete=False, depth=len(clean))
    return max(readings, key=lambda reading: (reading.complete, reading.depth))


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def _is_type_tag(node: yaml.Node | None, part: str) -> bool:
    type_node = _child(node, "type")
    return isinstance(type_node, yaml.ScalarNode) and type_node.value == part


def _duplicate_keys(source: SourceFile, node: yaml.Node, loc: Loc) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name in seen:
                problems.append(
                    Problem(
                        source.name,
                        key.start_mark.line + 1,
                        key.start_mark.column + 1,
                        format_loc(loc),
                        f"'{name}' is written twice",
                        "YAML keeps only the last one: remove or rename the other",
                    )
                )
            seen.add(name)
            problems += _duplicate_keys(source, value, (*loc, name) if name else loc)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _duplicate_keys(source, item, (*loc, index))
    return problems


def read_yaml(path: Path, name: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse `path` (shown to users as `name`); a syntax error is returned as a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(name, 1, 1, "", "file is not UTF-8 text", str(error.reason))]
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = error.context or ""
        return None, [Problem(name, line, col, "", f"YAML syntax: {error.problem}", hint)]
    finally:
        loader.dispose()
    source = SourceFile(name, root, data)
    if root is None:
        return source, [Problem(name, 1, 1, "", "file is empty")]
    return source, _duplicate_keys(source, root, ())
