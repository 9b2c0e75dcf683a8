"""Security headers on every HTTP response the app sends: pages, Streamlit's files, the teacher routes,
health, errors.

The Content-Security-Policy is what Streamlit's frontend and our pages need, and no more (each
directive says why below). The pages are one document: Streamlit changes page without loading a new one,
so the headers of the address a browser first opened hold for every page it then visits in that tab.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from course.ui import routes
from course.web import scripts

# Permissions-Policy: every powerful feature closed on every page, unless a page's entry opens it
# (e.g. {routes.DASHBOARD.path: {"camera": "(self)"}} for a page that scans codes). Because the pages
# are one document (see above), a page that opens a feature must be reached by loading its address (a
# link the browser follows, not st.switch_page), and its entry opens the feature for that tab only.
PERMISSIONS: Mapping[str, str] = {"camera": "()", "microphone": "()", "geolocation": "()"}
PAGE_PERMISSIONS: Mapping[str, Mapping[str, str]] = {
    routes.DASHBOARD.path: {"camera": "(self)"},  # a photo of the class's paper answer cards
}

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def inline_script_hashes(index_html: str) -> tuple[str, ...]:
    """The policy's sources for the inline scripts of Streamlit's index.html ('sha256-…' each)."""
    return tuple(
        f"'sha256-{base64.b64encode(hashlib.sha256(code.encode('utf-8')).digest()).decode()}'"
        for code in INLINE_SCRIPT.findall(index_html)
        if code.strip()
    )


def content_security_policy(index_html: str) -> str:
    directives = {
        "default-src": ["'self'"],
        # Streamlit's bundles come from /static and the page kit (quick exit, focus keeping, read
        # aloud, the page's language) from /kit; index.html sets `window.prerenderReady` inline; the
        # pages' other scripts (cookies, scroll, a redirect) are run by Streamlit as inline <script>
        # elements (not eval or new Function): each is allowed by the hash of its fixed text
        # (course/web/scripts.py). No 'unsafe-inline', no 'unsafe-eval'.
        # 'wasm-unsafe-eval' lets WebAssembly be compiled, and nothing else (not JavaScript's eval or
        # new Function): Streamlit's protobuf decoder (long.js) compiles a 200-byte module for 64-bit
        # arithmetic on every page; it falls back to JavaScript without it, but reports a violation.
        "script-src": [
            "'self'",
            "'wasm-unsafe-eval'",
            *inline_script_hashes(index_html),
            *scripts.csp_hashes(),
        ],
        # Streamlit styles everything through emotion, which writes <style> elements at run time, and
        # sets style attributes on elements; our pages add <style> blocks through st.html. Styles cannot
        # run code: 'unsafe-inline' here only, never for scripts.
        "style-src": ["'self'", "'unsafe-inline'"],
        # Inline QR codes and pictures are data: URLs; Streamlit makes blob: URLs for downloads.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        # The websocket (/_stcore/stream) and Streamlit's own requests: this server only.
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # No other site may show the app in a frame (clickjacking a pupil or the teacher's dashboard).
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def permissions_policy(path: str) -> str:
    """The Permissions-Policy of the page at URL `path` ("/", "/dashboard", ...)."""
    page = path.strip("/").split("/", 1)[0] or routes.DEFAULT.path
    features = {**PERMISSIONS, **PAGE_PERMISSIONS.get(page, {})}
    return ", ".join(f"{feature}={allowed}" for feature, allowed in features.items())


def streamlit_index_html() -> str:
    from streamlit import file_util

    return (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")


class SecurityHeaders:
    """ASGI middleware: the headers below on every HTTP response (replacing any of the same name)."""

    def __init__(self, app, index_html: str | None = None):
        self.app = app
        html = streamlit_index_html() if index_html is None else index_html
        self.fixed = [
            (b"content-security-policy", content_security_policy(html).encode()),
            (b"referrer-policy", b"no-referrer"),  # join and resume codes are in addresses
            (b"x-content-type-options", b"nosniff"),
        ]
        self.names = {name for name, _ in self.fixed} | {b"permissions-policy"}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        permissions = (b"permissions-policy", permissions_policy(scope["path"]).encode())

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message = {**message, "headers": [*kept, *self.fixed, permissions]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
