"""No import cycle under course/ui/: every import statement (at module level or inside a function)
of a course.ui module, followed through the modules it names, never leads back to it."""

import ast

from tests.conftest import ROOT

UI = ROOT / "course" / "ui"


def module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path, known: set[str]) -> set[str]:
    """The course.ui modules `path` imports ("from course.ui import x" names module x when it is one)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in known}


def ui_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in UI.rglob("*.py")}
    return {name: imports_of(path, set(paths)) - {name} for name, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan), as the modules in it."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(graph[node]):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_walk_finds_a_cycle_when_there_is_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_under_course_ui():
    graph = ui_graph()
    assert "course.ui.app" in graph and "course.ui.pages.lesson" in graph  # the walk sees the pages
    assert "course.ui.widgets.answer_state" in graph["course.ui.widgets.ordering"]
    assert cycles(graph) == []


def test_pages_do_not_import_each_other_nor_the_app():
    graph = ui_graph()
    for name, imported in graph.items():
        if name.startswith("course.ui.pages."):
            assert not {other for other in imported if other.startswith("course.ui.pages.")}, name
        assert "course.ui.app" not in imported, name
