"""The page kit: every page's styles and scripts in two files named by their content, named in the
<head> of each page Streamlit sends, so that a run sends only the page's small marker."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from starlette.responses import HTMLResponse, PlainTextResponse
from streamlit import file_util

from course.ui import bars, celebration, grid_table, header, listen, page_kit, quick_exit
from course.ui.preferences import Reading
from course.ui.state import Visitor
from course.ui.widgets import chat, picture
from course.web import scripts
from course.web.page_kit import PageKit, css_url, js_url, kit_file, with_kit
from tests.web.asgi_client import get

INDEX = (Path(file_util.get_static_dir()) / "index.html").read_bytes()


def test_the_kit_is_named_before_streamlits_own_scripts():
    page = with_kit(INDEX).decode()
    kit = page.index(f'<script src="{js_url()}" defer>')
    assert f'<link rel="stylesheet" href="{css_url()}">' in page
    assert kit < page.index('<script type="module"')  # listening before Streamlit's bundle draws
    assert with_kit(b"<p>not a page of the app</p>") == b"<p>not a page of the app</p>"


def test_the_middleware_puts_the_kit_in_pages_only():
    async def page(scope, receive, send):
        await HTMLResponse(INDEX.decode())(scope, receive, send)

    async def text(scope, receive, send):
        await PlainTextResponse("<script")(scope, receive, send)

    answer = run(PageKit(page), "/learn")
    assert js_url().encode() in answer.body
    assert answer.header("content-length") == str(len(answer.body))
    assert run(PageKit(text), "/learn").body == b"<script"
    head = run(PageKit(page), "/learn", method="HEAD")
    assert head.body == b"" and head.header("content-length") == str(len(answer.body))


def test_a_page_is_never_answered_by_streamlits_own_validators():
    """Streamlit answers 304 by its index.html's date, which changes with Streamlit, not with the kit:
    a browser would keep a page naming a kit that is gone. The page goes out whole, without them."""
    seen = []

    async def page(scope, receive, send):
        seen.append(dict(scope["headers"]))
        response = HTMLResponse(
            INDEX.decode(), headers={"ETag": '"streamlit"', "Last-Modified": "Mon, 1 Jan 2024"}
        )
        await response(scope, receive, send)

    answer = get(PageKit(page), "/", {"If-None-Match": '"streamlit"', "If-Modified-Since": "Mon, 1 Jan 2024"})
    assert answer.status == 200 and js_url().encode() in answer.body
    assert answer.header("etag") is None and answer.header("last-modified") is None
    assert not {b"if-none-match", b"if-modified-since", b"accept-encoding"} & set(seen[0])


def test_the_files_are_served_under_their_version_only():
    for url, kind, text in (
        (css_url(), "text/css", page_kit.css()),
        (js_url(), "text/javascript", page_kit.js()),
    ):
        answer = run(kit_file_app(), url)
        assert answer.status == 200 and answer.header("content-type").startswith(kind)
        assert answer.body.decode() == text
        assert "immutable" in answer.header("cache-control")
    older = run(kit_file_app(), "/kit/000000000000.js")  # a page loaded before an update still runs
    assert older.status == 200 and older.body.decode() == page_kit.js()
    assert older.header("cache-control") == "no-cache"
    assert run(kit_file_app(), "/kit/anything.js").status == 404


def test_the_kit_holds_every_pages_styles_and_scripts():
    css = page_kit.css()
    parts = [header.LAYOUT_CSS, listen.CSS, quick_exit.STYLE, chat.STYLE, picture.STYLE, bars.STYLE]
    for part in (
        *parts,
        grid_table.STYLE,
        celebration.STARS_STYLE,
        page_kit.NO_ROOM,
        page_kit.REDUCED_MOTION,
    ):
        assert part in css
    assert "<style" not in css  # a stylesheet, not an HTML fragment
    js = page_kit.js()
    for script in scripts.KIT_PARTS.values():
        assert script.body in js
    assert "document.currentScript" not in js  # no inline element's data to read
    data = json.loads(re.search(r"const data = (\{.*?\});\n", js).group(1))
    assert data["languages"]["fr"]["texts"]["Skip to main content"] == "Aller au contenu principal"
    assert data["languages"]["en"]["texts"] == {}
    assert data["languages"]["fr"]["exit"] == quick_exit.exit_config(Visitor("fr", "FR"))["url"]


def test_a_run_sends_only_the_marker_where_the_kit_is_served(monkeypatch):
    import course.web

    monkeypatch.setattr(course.web, "ROUTES_SERVED", True)
    sent: list[tuple[str, dict]] = []
    monkeypatch.setattr(page_kit.st, "html", lambda body, **options: sent.append((body, options)))
    page_kit.install(Visitor("fr", "FR"))
    [(body, options)] = sent
    assert body.startswith('<div hidden class="course-page"') and len(body) < 200
    assert not options  # no script in it
    marker = json.loads(re.search(r'data-course="([^"]*)"', body).group(1).replace("&quot;", '"'))
    assert marker == {"lang": "fr", "rate": listen.RATES["normal"], "exit": True}

    sent.clear()  # the projector: no Escape twice; big text: the reading styles beside the marker
    page_kit.install(Visitor("fr", "FR", Reading(size="large")), exit_keys=False)
    [(body, _)] = sent
    assert body.startswith("<style>html { font-size") and "&quot;exit&quot;: false" in body

    monkeypatch.setattr(course.web, "ROUTES_SERVED", False)  # a plain `streamlit run`: the kit inline
    sent.clear()
    page_kit.install(Visitor("fr", "FR"))
    [(body, options)] = sent
    assert page_kit.css() in body and options == {"unsafe_allow_javascript": True}
    [attribute] = re.findall(r'<script data-course="([^"]*)">', body)  # the fixed code, its data beside it
    assert body.endswith(scripts.PAGE_KIT.code + "</script>")
    served = json.loads(re.search(r"const data = (\{.*?\});\n", page_kit.js()).group(1))
    assert json.loads(html.unescape(attribute)) == served


def kit_file_app():
    from starlette.applications import Starlette

    from course.web.page_kit import ROUTES

    assert ROUTES[0].endpoint is kit_file
    return Starlette(routes=ROUTES)


def run(app, path: str, method: str = "GET"):
    return get(app, path, method=method)
