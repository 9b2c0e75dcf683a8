"""Requests straight to an ASGI application, without a server or an HTTP client library."""

from __future__ import annotations

from dataclasses import dataclass

from tests.conftest import run_async


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    chunks: int

    def header(self, name: str) -> str | None:
        values = [value for key, value in self.headers if key == name.lower()]
        assert len(values) <= 1, f"{name} sent {len(values)} times: {values}"
        return values[0] if values else None


async def call(app, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> Answer:
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "server": ("127.0.0.1", 8501),
        "client": ("127.0.0.1", 50000),
        "headers": [
            (k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1", **(headers or {})}.items()
        ],
    }
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    return Answer(
        start["status"],
        [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in start.get("headers", [])],
        b"".join(m.get("body", b"") for m in bodies),
        len(bodies),
    )


def get(app, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> Answer:
    return run_async(call(app, path, headers, method))
