"""Values written into a <script> go as JSON that cannot end the element; a planted cookie is filtered."""

import ast

from course.ui.pages.vote import voted_in_cookie
from course.ui.safe import script_json
from tests.conftest import ROOT


def test_a_json_literal_cannot_close_its_script_or_open_a_comment():
    literal = script_json("</script><script>alert(1)</script><!--'\"")
    assert "</" not in literal and "<!--" not in literal and "<" not in literal
    assert literal.startswith('"') and literal.endswith('"')


def test_only_our_own_vote_keys_are_read_from_the_cookie():
    assert voted_in_cookie("0123456789.abcdefabcd.x'</script>.ABCDEF0123.") == {"0123456789", "abcdefabcd"}
    assert voted_in_cookie(None) == set()


def test_every_script_the_interface_writes_takes_values_through_json():
    """In course/ui, an f-string that writes a <script> interpolates only script_json(...) results,
    module constants (UPPER_CASE, their % formatting) or a local `script` text (itself an f-string
    writing to `document.` and so checked here too)."""
    offenders = []
    for path in sorted((ROOT / "course" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        builders = _json_builders(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
            if "<script" not in text and "document." not in text:
                continue
            for part in node.values:
                if isinstance(part, ast.FormattedValue) and not _safe(part.value, builders):
                    offenders.append(f"{path.relative_to(ROOT)}:{part.lineno}: {ast.unparse(part.value)}")
    assert offenders == []


def _json_builders(tree: ast.Module) -> set[str]:
    """script_json, and the module's functions that return script_json(...)."""
    found = {"script_json"}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            returns = [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
            if returns and all(
                isinstance(r, ast.Call) and getattr(r.func, "id", None) == "script_json" for r in returns
            ):
                found.add(node.name)
    return found


def _safe(value: ast.expr, builders: set[str] = frozenset({"script_json"})) -> bool:
    if isinstance(value, ast.Call) and getattr(value.func, "id", None) in builders:
        return True
    if isinstance(value, ast.Name):
        return value.id.isupper() or value.id == "script"
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mod) and isinstance(value.left, ast.Name):
        return value.left.id.isupper() and _safe(value.right, builders)
    return False


def test_the_check_above_catches_a_value_written_into_a_script():
    for source in (
        "f\"<script>document.cookie = '{VOTES_COOKIE}={value}';</script>\"",  # how the votes cookie was set
        'f"<script>go({request.cookies});</script>"',
        'f"<script>{SCRIPT % value}</script>"',
    ):
        written = ast.parse(source).body[0].value
        assert not all(_safe(p.value) for p in written.values if isinstance(p, ast.FormattedValue)), source
