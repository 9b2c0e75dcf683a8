"""Refusing what the app need not serve, before Streamlit sees the request.

- A Host allow-list for pages and the websocket: DNS rebinding cannot turn a teacher's laptop into a
  page of another site. Allowed: this machine (localhost, its loopback and network addresses), the
  configured public address, and any extra names in COURSE_ALLOWED_HOSTS.
- Streamlit's /_stcore/metrics is hidden unless COURSE_METRICS=1: on a one-machine install it would
  tell anyone on the network how busy the class is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import urlsplit

from course.classroom import join_address
from course.settings import Settings, settings

METRICS_PATH = "/_stcore/metrics"
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

Scope = Mapping[str, object]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]


def host_of(header: str | None) -> str | None:
    """'Example.org:8501' -> 'example.org', '[::1]:8501' -> '::1'; None for an empty or malformed Host."""
    if not header:
        return None
    try:
        host = urlsplit(f"//{header.strip()}").hostname
    except ValueError:
        return None
    return host or None


def allowed_hosts(given: Settings, network: str | None = None) -> frozenset[str]:
    """The names a browser may use to reach this server."""
    names = set(LOCAL_NAMES) | set(given.allowed_hosts)
    public = host_of(urlsplit(given.public_url or "").netloc)
    if public:
        names.add(public)
    if network:
        names.add(network)
    return frozenset(names)


def host_allowed(host: str | None, allowed: frozenset[str]) -> bool:
    return host is not None and (host in allowed or host.startswith("127."))


class Guard:
    """ASGI middleware: the Host allow-list and the hidden metrics."""

    def __init__(self, app: ASGIApp, given: Settings | None = None):
        self.app = app
        self.given = given  # tests' settings; else the environment's, read at each request

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        current = self.given or settings()
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        allowed = allowed_hosts(current, join_address.network_address(current))
        if not host_allowed(host_of(headers.get("host")), allowed):
            await _refuse(scope, receive, send, 421, "This server does not answer to that name.")
            return
        if scope["path"].rstrip("/") == METRICS_PATH and not current.metrics:
            await _refuse(scope, receive, send, 404, "Not found.")
            return
        await self.app(scope, receive, send)


async def _refuse(scope, receive, send, status: int, text: str) -> None:
    if scope["type"] == "websocket":
        await receive()  # websocket.connect
        await send({"type": "websocket.close", "code": 1008})
        return
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
