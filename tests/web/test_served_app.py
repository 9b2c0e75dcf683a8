"""The real server, over plain HTTP, started by `python -m course serve` and by `uvicorn course.asgi:app`:
the security headers on every kind of response, Streamlit's bundles compressed, pages compressed."""

from __future__ import annotations

import gzip
import http.client
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from streamlit import file_util

from course.web import scripts
from tests.browser.conftest import start_server, stop_server

STATIC = Path(file_util.get_static_dir())
BUNDLE = re.search(r'src="\.(/static/js/index\.[^"]+\.js)"', (STATIC / "index.html").read_text()).group(1)
SECURITY = ("content-security-policy", "referrer-policy", "x-content-type-options", "permissions-policy")


@pytest.fixture(scope="module", params=["serve", "uvicorn"])
def server(request, tmp_path_factory) -> Iterator[str]:
    url, process = start_server(tmp_path_factory.mktemp(request.param), uvicorn=request.param == "uvicorn")
    yield url
    stop_server(process)


def fetch(url: str, path: str, encoding: str = "identity", host: str | None = None, method: str = "GET"):
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request(method, path, headers={"Accept-Encoding": encoding, "Host": host or parts.netloc})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def decoded(response) -> bytes:
    encoding = response.getheader("Content-Encoding")
    return {"br": brotli.decompress, "gzip": gzip.decompress}.get(encoding, lambda body: body)(response.body)


@pytest.mark.parametrize(
    ("path", "status", "host"),
    [
        ("/", 200, None),  # a page
        ("/join?code=ABC-234", 200, None),
        (BUNDLE, 200, None),  # Streamlit's JavaScript
        ("/favicon.png", 200, None),
        ("/_stcore/health", 200, None),  # the API
        ("/_stcore/host-config", 200, None),
        ("/teacher/sign-in?token=wrong", 303, None),  # our route
        ("/_stcore/metrics", 404, None),  # refused by the guard
        ("/", 421, "rebound.example.org"),  # a name the server does not answer to
    ],
)
def test_every_response_carries_the_security_headers(server, path, status, host):
    for encoding in ("identity", "br, gzip"):
        response = fetch(server, path, encoding, host)
        assert response.status == status, path
        for name in SECURITY:
            assert len(response.headers.get_all(name) or []) == 1, (path, name)
        assert response.getheader("Referrer-Policy") == "no-referrer"
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Permissions-Policy") == "camera=(), microphone=(), geolocation=()"
        policy = response.getheader("Content-Security-Policy")
        assert "frame-ancestors 'none'" in policy
        script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert set(scripts.csp_hashes()) <= set(script_src)


def test_streamlits_bundle_is_sent_compressed_and_kept_immutable(server):
    original = (STATIC / BUNDLE.lstrip("/")).read_bytes()
    plain = fetch(server, BUNDLE)
    assert plain.body == original and plain.getheader("Content-Encoding") is None
    for encoding, expected in (("gzip, deflate, br", "br"), ("gzip", "gzip")):
        for _ in range(20):  # the brotli copy may still be in the making just after start: gzip meanwhile
            response = fetch(server, BUNDLE, encoding)
            if response.getheader("Content-Encoding") == expected:
                break
        assert response.getheader("Content-Encoding") == expected
        assert decoded(response) == original
        assert int(response.getheader("Content-Length")) == len(response.body) < len(original) / 3
        assert response.getheader("Vary") == "Accept-Encoding"
        for name in ("Cache-Control", "Content-Type"):
            assert response.getheader(name) == plain.getheader(name), name
        assert "immutable" in response.getheader("Cache-Control")


def test_pages_and_json_are_compressed(server):
    for path in ("/", "/join", "/_stcore/host-config"):
        plain, packed = fetch(server, path), fetch(server, path, "br")
        assert packed.getheader("Content-Encoding") == "br", path
        assert decoded(packed) == plain.body and len(packed.body) < len(plain.body) / 2, path
