"""The page kit's two files (course/ui/page_kit.py: every page's styles and scripts), served at
addresses named by their content and cached for good, and named in the <head> of every page Streamlit
sends (its index.html, the same for every page address), so that no run has to send them again."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from course.ui import page_kit

PREFIX = "/kit/"
CACHE_CONTROL = "public, immutable, max-age=31536000"


def css_url() -> str:
    return f"{PREFIX}{page_kit.version()}.css"


def js_url() -> str:
    return f"{PREFIX}{page_kit.version()}.js"


async def kit_file(request: Request) -> Response:
    name = request.path_params["name"]
    if f"{PREFIX}{name}" == css_url():
        return Response(page_kit.css(), media_type="text/css", headers={"Cache-Control": CACHE_CONTROL})
    if f"{PREFIX}{name}" == js_url():
        return Response(page_kit.js(), media_type="text/javascript", headers={"Cache-Control": CACHE_CONTROL})
    return PlainTextResponse("Not found", status_code=404)  # an older version, or any other name


ROUTES = [Route(PREFIX + "{name}", kit_file, methods=["GET", "HEAD"])]


def head_tags() -> bytes:
    return f'<link rel="stylesheet" href="{css_url()}"><script src="{js_url()}" defer></script>'.encode()


def with_kit(page: bytes) -> bytes:
    """Streamlit's index.html with the kit named before its first script (any other body as it is):
    deferred scripts run in the order they are named, so the kit is listening before Streamlit's
    bundle draws anything."""
    if b'<div id="root">' not in page or b"<script" not in page:
        return page
    return page.replace(b"<script", head_tags() + b"<script", 1)


class PageKit:
    """ASGI middleware: the kit's tags in every page (index.html) Streamlit sends."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        skipped = path.startswith(("/static/", "/_stcore/", "/media/", PREFIX))
        if scope["type"] != "http" or scope.get("method") != "GET" or skipped:
            await self.app(scope, receive, send)
            return
        start: dict | None = None
        chunks: list[bytes] = []

        async def sending(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                if not kind.startswith(b"text/html"):
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = with_kit(b"".join(chunks))
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, sending)
