"""The page kit's two files (course/ui/page_kit.py: every page's styles and scripts), served at
addresses named by their content and cached for good, and named in the <head> of every page Streamlit
sends (its index.html, the same for every page address), so that no run has to send them again."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from course.ui import page_kit

PREFIX = "/kit/"
KIT_NAME = re.compile(r"(?P<version>[0-9a-f]{12})\.(?P<kind>css|js)")
CACHE_CONTROL = "public, immutable, max-age=31536000"


def css_url() -> str:
    return f"{PREFIX}{page_kit.version()}.css"


def js_url() -> str:
    return f"{PREFIX}{page_kit.version()}.js"


async def kit_file(request: Request) -> Response:
    """The kit under its own name, kept for good; under an older version's name (a page loaded before
    the app was updated), today's kit, kept by no one: a page never runs without its scripts."""
    found = KIT_NAME.fullmatch(request.path_params["name"])
    if found is None:
        return PlainTextResponse("Not found", status_code=404)
    cache = CACHE_CONTROL if found["version"] == page_kit.version() else "no-cache"
    if found["kind"] == "css":
        return Response(page_kit.css(), media_type="text/css", headers={"Cache-Control": cache})
    return Response(page_kit.js(), media_type="text/javascript", headers={"Cache-Control": cache})


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


# What a page's request must not carry to Streamlit: its own conditions (Streamlit would answer 304 by
# its index.html's date, which changes with Streamlit, not with the kit: a browser would keep a page
# naming a kit that is gone), and the encodings it accepts (a page compressed inside could not be
# changed here; the compression middleware outside compresses it anyway).
STRIPPED = (b"if-none-match", b"if-modified-since", b"accept-encoding")
# What a changed page must not carry: its length is new, its validators were Streamlit's file's.
REPLACED = (b"content-length", b"etag", b"last-modified")


class PageKit:
    """ASGI middleware: the kit's tags in every page (index.html) Streamlit sends."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        skipped = path.startswith(("/static/", "/_stcore/", "/media/", PREFIX))
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or skipped:
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        headers_in = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in STRIPPED]
        scope = {
            **scope,
            "method": "GET",
            "headers": headers_in,
        }  # a HEAD's length is the page's with the kit
        start: dict | None = None
        chunks: list[bytes] = []

        async def sending(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                named = dict(message.get("headers", []))
                page = message["status"] == 200 and named.get(b"content-type", b"").startswith(b"text/html")
                if not page or b"content-encoding" in named:
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send({**message, "body": b""} if head else message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = with_kit(b"".join(chunks))
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in REPLACED]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if head else body})

        await self.app(scope, receive, sending)
