"""course/web/headers.py: the policy names what Streamlit's page and our scripts need, and a page can be
given a feature through its entry in one table."""

from __future__ import annotations

import base64
import hashlib

from course.ui import routes
from course.web import headers, scripts
from course.web.headers import (
    SecurityHeaders,
    content_security_policy,
    inline_script_hashes,
    permissions_policy,
)
from tests.web.asgi_client import get

INDEX = '<script>\n  window.ready = false\n</script><script type="module" src="./static/js/x.js"></script>'


def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_the_inline_scripts_of_streamlits_page_are_allowed_by_hash_and_no_other():
    assert inline_script_hashes(INDEX) == (sha256("\n  window.ready = false\n"),)
    policy = dict(part.split(" ", 1) for part in content_security_policy(INDEX).split("; "))
    script_src = policy["script-src"].split()
    assert script_src == ["'self'", "'wasm-unsafe-eval'", sha256("\n  window.ready = false\n"),
                          *(sha256(script.code) for script in scripts.SCRIPTS)]  # fmt: skip
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["connect-src"] == "'self'"  # the websocket and Streamlit's requests: this server only


def test_every_feature_is_closed_unless_a_page_opens_it(monkeypatch):
    for path in ("/", "/join", "/lesson", "/static/js/x.js"):
        assert permissions_policy(path) == "camera=(), microphone=(), geolocation=()"
    # the dashboard photographs the class's paper answer cards: the camera only, for this origin only
    assert permissions_policy("/dashboard") == "camera=(self), microphone=(), geolocation=()"
    monkeypatch.setattr(headers, "PAGE_PERMISSIONS", {routes.JOIN.path: {"camera": "(self)"}})
    assert permissions_policy("/join") == "camera=(self), microphone=(), geolocation=()"
    assert (
        permissions_policy("/")
        == permissions_policy("/dashboard")
        == "camera=(), microphone=(), geolocation=()"
    )


def test_every_page_with_its_own_permissions_is_a_route():
    assert set(headers.PAGE_PERMISSIONS) <= {route.path for route in routes.ROUTES}


def test_the_headers_replace_any_of_the_same_name():
    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"referrer-policy", b"unsafe-url"), (b"content-type", b"text/plain")]})  # fmt: skip
        await send({"type": "http.response.body", "body": b"ok"})

    answer = get(SecurityHeaders(inner, INDEX), "/")
    assert answer.header("referrer-policy") == "no-referrer"
    assert answer.header("content-type") == "text/plain" and answer.body == b"ok"
