"""Every route has its page and a title in every language; pages link to each other through routes."""

import ast
import importlib

import pytest

from course.languages import released
from course.locales import strings
from course.ui import app, routes
from tests.conftest import ROOT


def test_every_route_has_a_page_module_with_render_and_a_title_in_every_language():
    assert len({route.path for route in routes.ROUTES}) == len(routes.ROUTES)
    for route in routes.ROUTES:
        module = importlib.import_module(f"course.ui.pages.{route.path}")
        assert callable(module.render), route.path
        for lang in released():
            assert strings(lang).get(route.title_key), (route.path, lang)
    assert set(app.renders()) == {route.path for route in routes.ROUTES}


def test_every_page_module_has_its_route():
    pages = {path.stem for path in (ROOT / "course" / "ui" / "pages").glob("*.py")} - {"__init__"}
    assert pages == {route.path for route in routes.ROUTES}


def test_a_route_without_its_page_stops_the_app_with_the_file_to_add(monkeypatch):
    monkeypatch.setattr(
        routes, "ROUTES", (*routes.ROUTES, routes.Route("games", "nav.home", ":material/toys:"))
    )
    app.renders.cache_clear()
    try:
        with pytest.raises(RuntimeError) as error:
            app.renders()
        assert str(error.value) == "route 'games' has no page: add course/ui/pages/games.py"
    finally:
        app.renders.cache_clear()


def test_links_between_pages_name_a_route_never_a_string():
    """go(...), page(...) and not_found(...) take a Route: a misspelt one fails when the page is imported."""
    offenders = []
    for path in sorted((ROOT / "course" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("go", "page", "not_found"):
                where = node.args[2] if getattr(node.func, "id", None) == "not_found" else node.args[0]
                if names_a_string(where):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def names_a_string(expr: ast.expr) -> bool:
    """Whether the route given can be a string: a literal, or one in either branch of an if/else."""
    if isinstance(expr, ast.IfExp):
        return names_a_string(expr.body) or names_a_string(expr.orelse)
    return isinstance(expr, ast.Constant)


def test_the_scan_sees_a_string_route_in_an_if_else():
    call = ast.parse('go(routes.CONSOLE if kind == "evening" else "dashboard")').body[0].value
    assert names_a_string(call.args[0])
    assert not names_a_string(
        ast.parse('routes.CONSOLE if kind == "evening" else routes.DASHBOARD').body[0].value
    )
