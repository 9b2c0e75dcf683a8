"""Reading YAML with the safe loader while keeping where every value stands in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AnyStr

import yaml

from course.content.problems import Problem, Severity, format_loc

Loc = tuple[str | int, ...]

# libyaml, PyYAML's C parser, composes the same nodes at the same lines and columns, many times
# faster. Where the two differ, PyYAML's own parser reads the text: libyaml accepts tabs that PyYAML
# refuses, and counts columns differently past a BOM or a Unicode line break.
_WITH_LIBYAML = yaml.__with_libyaml__
_READ_BY_PYYAML_ONLY = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")
_BLOCK_SCALAR_HEADER_WITH_COMMENT = re.compile(r"[|>][-+0-9]*#")  # "|#": refused by PyYAML only
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Resolved:
    """A path into the document, cleaned of schema-only parts, and the node it reaches."""

    loc: Loc
    node: yaml.Node | None  # None in an empty document
    complete: bool  # False when the path went past what the file contains (a missing field)
    depth: int = 0  # how many parts of the path were found in the file

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1 if self.node else 1

    @property
    def col(self) -> int:
        return self.node.start_mark.column + 1 if self.node else 1


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

    def problem(self, loc: Loc, what: str, hint: str = "", severity: Severity = "error") -> Problem:
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
            if name is not None:  # a key that is a list or a mapping is never a field name
                seen.add(name)
            problems += _duplicate_keys(source, value, (*loc, name) if name else loc)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _duplicate_keys(source, item, (*loc, index))
    return problems


# Content is untrusted input: every file is read under these limits, each broken one reported at its
# place (never a traceback, never minutes of CPU or gigabytes of memory for one file).
MAX_FILE_BYTES = 512 * 1024  # the largest shipped file is about 40 kB
MAX_DEPTH = 40  # lists and mappings inside each other; a lesson needs about 12
MAX_SCALAR_CHARS = 20_000  # one text; a long lesson step is about 2,000
MAX_INT_DIGITS = 12  # minutes, pass marks, schema versions: small numbers
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+)$")
# What YAML accepts in a file (YAML 1.1 §5.1): no other control characters.
_FORBIDDEN_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_yaml(path: Path, name: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse `path` (shown to users as `name`) under the limits above; anything wrong is returned as
    a located problem, whatever the file holds."""
    try:
        return _read_yaml(path, name)
    except (RecursionError, MemoryError, ValueError, yaml.YAMLError) as error:  # beyond every check below
        return None, [
            Problem(name, 1, 1, "", "file cannot be read", f"{type(error).__name__}: {error}"[:200])
        ]


def _read_yaml(path: Path, name: str) -> tuple[SourceFile | None, list[Problem]]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                name,
                1,
                1,
                "",
                f"file is {size // 1024} kB",
                f"a content file is at most {MAX_FILE_BYTES // 1024} kB",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _place(raw[: error.start])
        return None, [Problem(name, line, col, "", "file is not UTF-8 text", str(error.reason))]
    bad = _FORBIDDEN_CHAR.search(text)
    if bad:
        line, col = _place(text[: bad.start()])
        return None, [
            Problem(
                name,
                line,
                col,
                "",
                f"control character U+{ord(bad.group()):04X}",
                "remove it: a content file holds text only",
            )
        ]
    problem = _beyond_limits(text, name)
    if problem is not None:
        return None, [problem]
    try:
        root, data = _parse(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = error.context or ""
        return None, [Problem(name, line, col, "", f"YAML syntax: {error.problem}", hint)]
    source = SourceFile(name, root, data)
    if root is None:
        return source, [Problem(name, 1, 1, "", "file is empty")]
    return source, _duplicate_keys(source, root, ())


def _place(before: AnyStr) -> tuple[int, int]:
    """Line and column (1-based) of the character that follows `before`."""
    newline = "\n" if isinstance(before, str) else b"\n"
    return before.count(newline) + 1, len(before) - (before.rfind(newline) + 1) + 1


def _beyond_limits(text: str, name: str) -> Problem | None:
    """The first place where the file goes past a limit (depth, anchors, long texts, huge numbers),
    found from the parser's events before anything is built from them; None if within every limit."""
    if _WITH_LIBYAML:
        try:
            return _first_beyond_limits(text, name, yaml.CSafeLoader)
        except yaml.YAMLError:
            pass  # libyaml refuses some files (over 1,000 levels deep): read their events again below
    try:
        return _first_beyond_limits(text, name, yaml.SafeLoader)  # events only: no recursion, no limit
    except yaml.YAMLError:
        return None  # a syntax error: parsing reports it with its own words and place


def _first_beyond_limits(
    text: str, name: str, loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
) -> Problem | None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        mark = event.start_mark
        assert mark is not None  # the parser places every event
        here = (name, mark.line + 1, mark.column + 1, "")
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return Problem(
                *here, "anchors and aliases (& and *) are not allowed", "write each value out in full"
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(
                    *here, f"nested more than {MAX_DEPTH} levels deep", "a content file is flatter than this"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_SCALAR_CHARS:
                return Problem(
                    *here,
                    f"a text of {len(event.value):,} characters",
                    f"one text is at most {MAX_SCALAR_CHARS:,}",
                )
            digits = event.value.lstrip("+-")
            if event.implicit[0] and _INT.match(event.value) and len(digits) > MAX_INT_DIGITS:
                return Problem(
                    *here, f"a number of {len(digits)} digits", "numbers here are small: check the value"
                )
    return None


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The root node and data of `text`, as PyYAML's own parser reads them (through libyaml when it can)."""
    parsed = _parse_with_libyaml(text) if _libyaml_reads_alike(text) else None
    return parsed or _parse_with_pyyaml(text)


def _libyaml_reads_alike(text: str) -> bool:
    return (
        _WITH_LIBYAML
        and text.endswith("\n")  # past a last line without one, libyaml puts its marks a line further
        and not any(char in text for char in _READ_BY_PYYAML_ONLY)
        and not _BLOCK_SCALAR_HEADER_WITH_COMMENT.search(text)
    )


def _parse_with_libyaml(text: str) -> tuple[yaml.Node | None, Any] | None:
    """As `_parse`; None when libyaml fails or would read the text differently from PyYAML."""
    loader = yaml.CSafeLoader(text)
    try:
        root = loader.get_single_node()
        if _read_differently_by_pyyaml(root):
            return None
        return root, _construct(loader, root)
    except yaml.YAMLError:
        return None  # PyYAML's own parser reports it, in its own words and at its own mark
    finally:
        loader.dispose()


def _parse_with_pyyaml(text: str) -> tuple[yaml.Node | None, Any]:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        return root, _construct(loader, root)
    finally:
        loader.dispose()


def _construct(loader: yaml.SafeLoader | yaml.CSafeLoader, root: yaml.Node | None) -> Any:
    return loader.construct_document(root) if root is not None else None


def _read_differently_by_pyyaml(root: yaml.Node | None) -> bool:
    """Whether the document holds an unquoted scalar that PyYAML would read otherwise (see below)."""
    pending = [(root, False)]
    seen: set[tuple[int, bool]] = set()  # aliases share nodes, and can make cycles
    while pending:
        node, in_flow = pending.pop()
        if node is None or (id(node), in_flow) in seen:
            continue
        seen.add((id(node), in_flow))
        if isinstance(node, yaml.ScalarNode):
            if not node.style and _plain_scalar_read_differently(node, in_flow):
                return True
            continue
        assert isinstance(node, yaml.SequenceNode | yaml.MappingNode)  # the only other kinds of node
        in_flow = in_flow or bool(node.flow_style)
        pending.extend((child, in_flow) for child in _children(node))
    return False


def _children(node: yaml.SequenceNode | yaml.MappingNode) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return [child for pair in node.value for child in pair]


def _plain_scalar_read_differently(node: yaml.ScalarNode, in_flow: bool) -> bool:
    """Inside [...] or {...}, a '?' is text for libyaml but a key indicator for PyYAML, and an empty
    value is placed after the spaces that follow it by libyaml only. Anywhere, an empty value under a
    lone '!' tag is a string for libyaml, null for PyYAML."""
    if in_flow:
        return "?" in node.value or not node.value
    return not node.value and node.tag == _STR_TAG


def read_unique(path: Path, name: str) -> Any:
    """The data of a YAML file the app cannot start without (languages, bands, locale strings), read under
    the same limits as content; a key written twice, or any other problem, raises ValueError naming
    `name`, line and column."""
    source, problems = read_yaml(path, name)
    errors = [str(problem) for problem in problems if problem.severity == "error"]
    if errors or source is None:
        raise ValueError("\n".join(errors) or f"{name}: not readable")
    return source.data
