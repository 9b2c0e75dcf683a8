"""deploy/nginx.conf: nginx accepts it, and in front of servers it does what docs/deploy.md says.

The copy under test differs from the shipped file only where a test machine must differ: loopback
ports and servers, files in a temporary folder, a throwaway certificate. Needs nginx and openssl
(bash .ci/run installs nginx): without them these tests fail, they never skip.
"""

from __future__ import annotations

import base64
import gzip
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest

from tests.browser.conftest import start_server, stop_server
from tests.conftest import ROOT
from tests.serving import free_port

CONFIG = ROOT / "deploy" / "nginx.conf"
COOKIE = "course_server"


def tool(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if path is None:
        pytest.fail(f"{name} not found: install it with `apt-get install -y {name}` (bash .ci/run does)")
    return path


def replace(text: str, pattern: str, new: str) -> str:
    """Replace every match of `pattern` (there must be one: the shipped file changed otherwise)."""
    changed, count = re.subn(pattern, new, text, flags=re.MULTILINE)
    assert count, f"deploy/nginx.conf has no line matching {pattern!r}: update this test with it"
    return changed


def certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def local_copy(
    folder: Path, servers: list[str] | None = None, https_port: int = 443, http_port: int = 80
) -> Path:
    """The shipped file with this machine's paths; with `servers`, also loopback ports and servers."""
    cert, key = certificate(folder)
    text = CONFIG.read_text(encoding="utf-8")
    text = replace(text, r"^pid .*;$", f"pid {folder / 'nginx.pid'};")
    text = replace(text, r"^error_log \S+", f"error_log {folder / 'error.log'}")
    text = replace(text, r"access_log /var/log/nginx/\S+ ", f"access_log {folder / 'access.log'} ")
    text = replace(text, r"ssl_certificate \S+;", f"ssl_certificate {cert};")
    text = replace(text, r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};")
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    text = replace(text, r"^http \{\n", "http {\n" + temp)
    if os.geteuid() != 0:
        text = replace(text, r"^user .*;\n", "")  # only root may switch users
    if servers is not None:
        if os.geteuid() == 0:  # workers write temporary files into this private folder
            text = replace(text, r"^user .*;$", "user root;")
        text = replace(text, r"^(\s*)server \d+\.\d+\.\d+\.\d+:\d+ ", r"\1server PLACEHOLDER ")
        lines = text.split("\n")
        first = next(i for i, line in enumerate(lines) if "server PLACEHOLDER " in line)
        template = lines[first]
        lines = [line for line in lines if "server PLACEHOLDER " not in line]
        lines[first:first] = [template.replace("PLACEHOLDER", server) for server in servers]
        text = "\n".join(lines)
        text = replace(text, r"^\s*listen \[::\]:\d+.*;\n", "")
        text = replace(text, r"listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
        text = replace(text, r"listen 80;", f"listen 127.0.0.1:{http_port};")
    path = folder / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


def test_nginx_accepts_the_shipped_configuration(tmp_path):
    config = local_copy(tmp_path)
    check = subprocess.run(
        [tool("nginx"), "-t", "-c", str(config), "-e", str(tmp_path / "error.log")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert "test is successful" in check.stderr


@contextmanager
def nginx(tmp_path: Path, servers: list[str]) -> Iterator[tuple[int, int]]:
    """nginx running the configuration in front of `servers`; yields its HTTPS and HTTP ports."""
    https_port, http_port = free_port(), free_port()
    config = local_copy(tmp_path, servers, https_port, http_port)
    process = subprocess.Popen(
        [tool("nginx"), "-c", str(config), "-e", str(tmp_path / "error.log"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                pytest.fail(f"nginx stopped: {process.stderr.read().decode(errors='replace')}")
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx does not listen"
                time.sleep(0.1)
        yield https_port, http_port
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(
    port: int, path: str, cookie: str | None = None, tls: bool = True, encoding: str | None = None
) -> http.client.HTTPResponse:
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the throwaway certificate
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "course.example.org", "Accept-Encoding": encoding or "identity"}
    connection.request("GET", path, headers={**headers, **({"Cookie": cookie} if cookie else {})})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@contextmanager
def named_backends(count: int, text: bytes = b"") -> Iterator[tuple[list[str], list[list[str]]]]:
    """Tiny HTTP servers that answer with their number (then `text`, as an uncompressed HTML page);
    yields their addresses and the paths each got."""
    seen: list[list[str]] = [[] for _ in range(count)]
    servers = []
    for number in range(count):

        class Handler(BaseHTTPRequestHandler):
            me = number

            def do_GET(self):  # noqa: N802 - the name http.server calls
                seen[self.me].append(self.path)
                body = str(self.me).encode() + text
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    try:
        yield [f"127.0.0.1:{server.server_address[1]}" for server in servers], seen
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_a_browser_stays_on_its_server_by_cookie_not_by_address(tmp_path):
    with named_backends(2) as (addresses, _), nginx(tmp_path, addresses) as (https, http_port):
        first = get(https, "/")
        set_cookie = first.getheader("Set-Cookie") or ""
        pinned = re.match(rf"{COOKIE}=([0-9a-f]{{32}}); Path=/; HttpOnly; Secure; SameSite=Lax$", set_cookie)
        assert pinned, f"no sticky cookie on the first response: {set_cookie!r}"
        cookie = f"{COOKIE}={pinned.group(1)}"
        # Its next requests reach the server that answered the first one, and are not given a new cookie.
        answers = [get(https, "/", cookie) for _ in range(10)]
        assert {a.body for a in answers} == {first.body}
        assert all(a.getheader("Set-Cookie") is None for a in answers)
        # Browsers from one address (a school) with different cookies spread over the servers.
        spread = {get(https, "/", f"{COOKIE}=browser-{n}").body for n in range(30)}
        assert spread == {b"0", b"1"}
        # The access log keeps paths, never query strings (teacher links, resume codes).
        get(https, "/teachers?token=secret-teacher-token", cookie)
        log, deadline = "", time.monotonic() + 5
        while '"GET /teachers HTTP/1.1"' not in log and time.monotonic() < deadline:
            time.sleep(0.05)  # nginx writes the line once the response has gone
            log = (tmp_path / "access.log").read_text(encoding="utf-8")
        assert '"GET /teachers HTTP/1.1"' in log and "secret-teacher-token" not in log
        # Plain HTTP only redirects to HTTPS.
        redirect = get(http_port, "/join?class=ABC123", tls=False)
        assert redirect.status == 301
        assert redirect.getheader("Location") == "https://course.example.org/join?class=ABC123"


def test_metrics_are_refused_in_any_spelling_and_never_reach_a_server(tmp_path):
    with named_backends(1) as (addresses, seen), nginx(tmp_path, addresses) as (https, _):
        for path in ("/_stcore/metrics", "/_stcore/metrics?x=1", "//_stcore/metrics", "/_stcore/%6Detrics",
                     "/_stcore/./metrics", "/_stcore/metrics/"):  # fmt: skip
            assert get(https, path).status == 404, path
        assert seen == [[]]
        assert get(https, "/_stcore/health").status == 200
        assert seen == [["/_stcore/health"]]


def websocket_handshake(port: int, cookie: str) -> str:
    """The status line nginx answers to a websocket upgrade on /_stcore/stream."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Cookie: {cookie}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, context.wrap_socket(raw) as tls:
        tls.sendall(request.encode())
        return tls.recv(4096).decode(errors="replace").split("\r\n")[0]


def test_the_app_behind_nginx_health_websocket_and_no_metrics(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "proxy").mkdir()
    url, server = start_server(tmp_path / "app", {"COURSE_PUBLIC_URL": "https://course.example.org"})
    try:
        direct = url.removeprefix("http://")
        assert (
            get(int(url.rsplit(":", 1)[1]), "/_stcore/metrics", tls=False).status == 404
        )  # the app hides them too
        with nginx(tmp_path / "proxy", [direct]) as (https, _):
            health = get(https, "/_stcore/health")
            assert (health.status, health.body) == (200, b"ok")
            assert get(https, "/_stcore/metrics").status == 404
            page = get(https, "/")
            assert page.status == 200 and b"<noscript>" in page.body
            cookie = page.getheader("Set-Cookie").split(";")[0]
            assert websocket_handshake(https, cookie) == "HTTP/1.1 101 Switching Protocols"
            # The app's security headers pass once each (nginx adds none of its own but HSTS).
            for name, value in (("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff")):
                assert page.headers.get_all(name) == [value], name
            assert "frame-ancestors 'none'" in page.getheader("Content-Security-Policy")
            assert page.getheader("Strict-Transport-Security") == "max-age=31536000"
            # Streamlit's bundle arrives as the app compressed it, for what the browser accepts.
            bundle = re.search(rb'src="\.(/static/js/index\.[^"]+\.js)"', page.body).group(1).decode()
            plain = get(https, bundle, cookie)
            assert plain.getheader("Content-Encoding") is None
            for encoding in ("br", "gzip"):
                packed = get(https, bundle, cookie, encoding=encoding)
                assert packed.getheader("Content-Encoding") == encoding
                unpacked = (
                    brotli.decompress(packed.body) if encoding == "br" else gzip.decompress(packed.body)
                )
                assert unpacked == plain.body
                assert "immutable" in packed.getheader("Cache-Control")

    finally:
        stop_server(server)


def test_nginx_gzips_what_comes_uncompressed_and_only_for_who_accepts_it(tmp_path):
    page = b"<p>Une page de la le\xc3\xa7on, assez longue pour valoir la peine.</p>\n" * 50
    with named_backends(1, page) as (addresses, _), nginx(tmp_path, addresses) as (https, _):
        packed = get(https, "/", encoding="gzip, br")
        assert packed.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(packed.body) == b"0" + page
        assert "Accept-Encoding" in packed.getheader("Vary")
        plain = get(https, "/")
        assert plain.getheader("Content-Encoding") is None and plain.body == b"0" + page
