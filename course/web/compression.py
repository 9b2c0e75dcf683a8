"""Compressed responses, so that a class joining at once does not fill a school's line.

Streamlit sends its JavaScript uncompressed on purpose (its gzip middleware skips /static: compressing
2.9 MB per visit on every request costs the server too much). Here:

- Streamlit's hashed bundles (/static/…: the name changes with the content) are compressed once per
  file and Streamlit version, brotli (quality 11) and gzip (level 9), kept in memory and in a cache
  folder that outlives restarts (`COURSE_CACHE_DIR`), and sent with their Content-Encoding,
  Content-Length, `Vary: Accept-Encoding` and Streamlit's immutable caching. The files every first
  visit needs (those index.html names) are compressed in the background at start; any other one the
  first time it is asked for. While a file's brotli copy is being made, its gzip copy (made first, in
  milliseconds) is sent.
- Everything else the app sends that compresses well (HTML, JSON, SVG, text, JavaScript: never the
  websocket, pictures or anything already compressed) is compressed as it goes, brotli at a fast
  quality or gzip; the same small body (index.html for every page address) is compressed once.
- Streamlit's icon font and text font are sent as subsets with the icons and letters the app draws
  (course/web/icon_font.py, text_font.py).
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import logging
import mimetypes
import re
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from course.web.files import write_whole
from course.web.font_subset import SubsetFont

try:
    import brotli
except ImportError:  # pragma: no cover - brotli is a dependency; gzip alone still works
    brotli = None

log = logging.getLogger(__name__)

STATIC_PREFIX = "/static/"
# What compresses well: text of any kind and the formats below. Never images, fonts in woff/woff2,
# audio, video, archives (already compressed), nor Streamlit's protobuf websocket.
COMPRESSIBLE = re.compile(
    r"^(text/|application/(javascript|json|manifest\+json|xml|x-javascript|wasm)|image/svg\+xml|font/(ttf|otf))"
)
STATIC_SUFFIXES = frozenset({".js", ".mjs", ".css", ".svg", ".json", ".html", ".txt", ".map", ".ttf", ".otf"})
MINIMUM_SIZE = 500  # below this, the headers weigh more than what compression saves
MEMO_LIMIT = 64 * 1024  # bodies up to this size are compressed once per distinct body (LRU)
STATIC_CACHE_CONTROL = "public, immutable, max-age=31536000"  # as Streamlit's static route (1 year)


def _brotli(data: bytes, quality: int) -> bytes:
    return brotli.compress(data, quality=quality)


def _gzip(data: bytes, level: int) -> bytes:
    return gzip.compress(data, compresslevel=level, mtime=0)


def encodings() -> tuple[str, ...]:
    """What this server can send, best first."""
    return ("br", "gzip") if brotli is not None else ("gzip",)


def accepted(header: str | None) -> list[str]:
    """The encodings a request's Accept-Encoding allows that we can send, best first
    ('gzip, deflate, br' -> ['br', 'gzip']; 'br;q=0' -> [])."""
    allowed: dict[str, float] = {}
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        if name:
            allowed[name.strip().lower()] = quality
    wildcard = allowed.get("*", 0.0)
    return [name for name in encodings() if allowed.get(name, wildcard) > 0]


def content_type(headers: Iterable[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name.lower() == b"content-type":
            return value.decode("latin-1").split(";")[0].strip().lower()
    return ""


@functools.lru_cache(maxsize=128)
def _compressed_once(body: bytes, encoding: str) -> bytes:
    return _brotli(body, 5) if encoding == "br" else _gzip(body, 6)


def compress_body(body: bytes, encoding: str) -> bytes:
    """A whole response body, at a quality fit for doing it per request."""
    if len(body) <= MEMO_LIMIT:
        return _compressed_once(body, encoding)
    return _brotli(body, 5) if encoding == "br" else _gzip(body, 6)


@dataclass
class _Entry:
    source: Path
    variants: dict[str, bytes] = field(default_factory=dict)
    started: bool = False
    done: bool = False


class StaticAssets:
    """Streamlit's files under /static, compressed once per file and version."""

    def __init__(self, static_dir: Path, cache_dir: Path | None, version: str):
        self.static_dir = static_dir
        self.cache_dir = cache_dir / f"streamlit-{version}" if cache_dir else None
        self.entries: dict[str, _Entry] = {}
        for path in (static_dir / "static").rglob("*"):
            if path.suffix in STATIC_SUFFIXES and path.is_file() and path.stat().st_size >= MINIMUM_SIZE:
                self.entries["/" + path.relative_to(static_dir).as_posix()] = _Entry(path)
        self.changed = threading.Condition()

    @classmethod
    def streamlits(cls, cache_dir: Path | None) -> StaticAssets:
        import streamlit
        from streamlit import file_util

        return cls(Path(file_util.get_static_dir()), cache_dir, streamlit.__version__)

    def first_visit(self) -> list[str]:
        """The /static paths index.html names (its entry bundle, preloads and styles)."""
        index = (self.static_dir / "index.html").read_text(encoding="utf-8")
        named = re.findall(r'(?:src|href)="\.?(/static/[^"]+)"', index)
        return [path for path in named if path in self.entries]

    def warm_up(self, paths: Iterable[str] | None = None) -> threading.Thread:
        """Compress `paths` (default: a first visit's files) one after the other, in the background."""
        chosen = list(self.first_visit() if paths is None else paths)
        thread = threading.Thread(target=self._make_all, args=(chosen,), name="compress-static", daemon=True)
        thread.start()
        return thread

    def _make_all(self, paths: list[str]) -> None:
        for path in paths:
            if self._claim(path):
                self._make(path)

    def _claim(self, path: str) -> bool:
        """True for the one caller that is to make `path`'s copies."""
        entry = self.entries[path]
        with self.changed:
            if entry.started:
                return False
            entry.started = True
            return True

    def _make(self, path: str) -> None:
        """Both compressed copies of `path`, from the cache folder or made now; gzip first (fast), so
        that requests have a compressed copy while the brotli one is made."""
        entry = self.entries[path]
        try:
            for encoding in ("gzip", *(("br",) if brotli is not None else ())):
                made = self._variant(entry.source, path, encoding)
                with self.changed:
                    entry.variants[encoding] = made
                    self.changed.notify_all()
        except OSError as error:  # an unreadable file: Streamlit serves it (or its error) uncompressed
            log.warning("could not compress %s: %s", path, error)
        finally:
            with self.changed:
                entry.done = True
                self.changed.notify_all()

    def _variant(self, source: Path, path: str, encoding: str) -> bytes:
        cached = self.cache_dir / f"{path.lstrip('/')}.{encoding}" if self.cache_dir else None
        if cached is not None and cached.is_file():
            return cached.read_bytes()
        data = source.read_bytes()
        made = _brotli(data, 11) if encoding == "br" else _gzip(data, 9)
        if cached is not None:
            try:
                write_whole(cached, made)
            except OSError as error:
                log.info("compressed copies kept in memory only (%s): %s", self.cache_dir, error)
                self.cache_dir = None
        return made

    def _wait(self, path: str, wanted: list[str]) -> None:
        """Block until `path` has a copy in one of `wanted` (or cannot have one); starts making it."""
        if self._claim(path):
            threading.Thread(target=self._make, args=(path,), name="compress-static", daemon=True).start()
        entry = self.entries[path]
        with self.changed:
            self.changed.wait_for(lambda: entry.done or any(e in entry.variants for e in wanted))

    def _best(self, path: str, wanted: list[str]) -> tuple[str, bytes] | None:
        variants = self.entries[path].variants
        return next(((encoding, variants[encoding]) for encoding in wanted if encoding in variants), None)

    async def variant(self, path: str, wanted: list[str]) -> tuple[str, bytes] | None:
        """The best compressed copy of `path` among `wanted` encodings, or None (send it as it is)."""
        if path not in self.entries or not wanted:
            return None
        found = self._best(path, wanted)
        if found is None:
            await asyncio.get_running_loop().run_in_executor(None, self._wait, path, wanted)
            found = self._best(path, wanted)
        return found


class Compression:
    """ASGI middleware: precompressed /static files, the fonts' subsets, and compressed responses for
    the rest."""

    def __init__(self, app, assets: StaticAssets | None = None, fonts: Iterable[SubsetFont] = ()):
        self.app = app
        self.assets = assets
        self.fonts = {font.url: font for font in fonts}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        wanted = accepted(_header(headers, b"accept-encoding"))
        path = scope.get("path", "")
        method = scope.get("method", "GET")
        if path in self.fonts and method in ("GET", "HEAD"):
            await self._send_font(self.fonts[path], _header(headers, b"if-none-match"), method, send)
            return
        if (
            self.assets is not None
            and method in ("GET", "HEAD")
            and path.startswith(STATIC_PREFIX)
            and path in self.assets.entries
            and _header(headers, b"range") is None
        ):
            found = await self.assets.variant(path, wanted)
            if found is not None:
                await self._send_static(path, found, method, send)
            else:  # sent as it is, but a cache between must still know the file is negotiated
                await self.app(scope, receive, _with_vary(send))
            return
        if not wanted:
            await self.app(scope, receive, send)
            return
        # Streamlit's own gzip would compress some of these first (and at level 9): this layer does it.
        inner = {**scope, "headers": [(k, v) for k, v in headers if k != b"accept-encoding"]}
        await self.app(inner, receive, _Compressing(send, wanted[0], method == "HEAD"))

    async def _send_static(self, path: str, found: tuple[str, bytes], method: str, send) -> None:
        encoding, body = found
        media_type = _media_type(path)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", media_type.encode()),
                    (b"content-encoding", encoding.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", STATIC_CACHE_CONTROL.encode()),
                    (b"vary", b"Accept-Encoding"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})

    async def _send_font(self, font: SubsetFont, if_none_match: str | None, method: str, send) -> None:
        """A font (already compressed: woff2), or 304 when the browser has this very subset."""
        body = await asyncio.get_running_loop().run_in_executor(None, font.body)
        fresh = if_none_match is not None and font.etag in {tag.strip() for tag in if_none_match.split(",")}
        headers = [
            (b"content-type", _media_type(font.url).encode()),
            (b"cache-control", font.cache_control.encode()),
            (b"etag", font.etag.encode()),
        ]
        if not fresh:
            headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 304 if fresh else 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if fresh or method == "HEAD" else body})


def _media_type(path: str) -> str:
    """The Content-Type Streamlit's static route (Starlette's FileResponse) gives `path`."""
    media_type = mimetypes.guess_type(path)[0] or "text/plain"
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def _with_vary(send):
    async def sending(message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"vary", b"Accept-Encoding")]}
        await send(message)

    return sending


def _header(headers, name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


class _Compressing:
    """The `send` of one response: compresses its body when its type compresses well."""

    def __init__(self, send, encoding: str, head: bool):
        self.send, self.encoding, self.head = send, encoding, head
        self.start: dict | None = None
        self.active = False
        self.streamer: _Streamer | None = None

    async def __call__(self, message) -> None:
        if message["type"] == "http.response.start":
            headers = message.get("headers", [])
            names = {k.lower() for k, _ in headers}
            self.active = (
                message.get("status", 200) not in (204, 206, 304)
                and b"content-encoding" not in names
                and b"content-range" not in names
                and bool(COMPRESSIBLE.match(content_type(headers)))
                and not self.head
            )
            if not self.active:
                await self.send(message)
            else:
                self.start = message
            return
        if message["type"] != "http.response.body" or not self.active:
            await self.send(message)
            return
        body, more = message.get("body", b""), message.get("more_body", False)
        if self.start is not None and not more:  # the whole body at once (almost every response)
            start, self.start = self.start, None
            if len(body) < MINIMUM_SIZE:
                await self.send(start)
                await self.send(message)
                return
            compressed = compress_body(body, self.encoding)
            await self.send(self._start(start, len(compressed)))
            await self.send({"type": "http.response.body", "body": compressed})
            return
        if self.start is not None:  # a streamed body: compressed as it comes
            start, self.start = self.start, None
            self.streamer = _Streamer(self.encoding)
            await self.send(self._start(start, None))
        if self.streamer is None:  # a body with no start before it: nothing of ours to compress
            await self.send(message)
            return
        chunk = self.streamer.feed(body) + (b"" if more else self.streamer.end())
        await self.send({"type": "http.response.body", "body": chunk, "more_body": more})

    def _start(self, start: dict, length: int | None) -> dict:
        headers = [
            (k, v)
            for k, v in start.get("headers", [])
            if k.lower() not in (b"content-length", b"vary", b"etag")
        ]
        vary = [v for k, v in start.get("headers", []) if k.lower() == b"vary"]
        values = {part.strip().lower() for v in vary for part in v.split(b",") if part.strip()}
        vary_value = b", ".join([*vary, b"Accept-Encoding"]) if b"accept-encoding" not in values else vary[0]
        headers += [(b"content-encoding", self.encoding.encode()), (b"vary", vary_value)]
        if length is not None:
            headers.append((b"content-length", str(length).encode()))
        return {**start, "headers": headers}


class _Streamer:
    def __init__(self, encoding: str):
        if encoding == "br":
            self.compressor = brotli.Compressor(quality=5)
            self.feed = lambda data: self.compressor.process(data) + self.compressor.flush()
            self.end = self.compressor.finish
        else:
            self.compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
            self.feed = lambda data: self.compressor.compress(data) + self.compressor.flush(zlib.Z_SYNC_FLUSH)
            self.end = self.compressor.flush
