"""The lessons' pictures as files the browser keeps: /pictures/<version>/<src>, the version a hash of the
file, so the address changes when the picture does and a browser never asks twice (immutable for a year).

A lesson page then carries a short <img> address instead of the picture itself (Streamlit would send an
SVG as a data: URL inside every script run, again on each step). Only files inside the lessons folder
are served (`media_path`), and only the pictures' own kinds of file.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from course.content.checks import media_path
from course.content.loader import default_root
from course.settings import settings

PREFIX = "/pictures"
MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp"}
CACHE = "public, max-age=31536000, immutable"


def content_root() -> Path:
    return Path(settings().content_root or default_root())


@functools.cache
def version(path: Path, size: int, mtime: float) -> str:
    """A short hash of the file's bytes (cached per size and time, so an edited file gets a new one)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def url(src: str, root: Path | None = None) -> str | None:
    """The address of the picture `src` (relative to the lessons folder), or None if it cannot be served."""
    path = media_path(root or content_root(), src)
    if path is None or path.suffix.lower() not in MEDIA_TYPES or not path.is_file():
        return None
    stat = path.stat()
    return f"{PREFIX}/{version(path, stat.st_size, stat.st_mtime)}/{quote(src)}"


async def picture(request: Request) -> Response:
    src = request.path_params["src"]
    path = media_path(content_root(), src)
    if path is None or path.suffix.lower() not in MEDIA_TYPES or not path.is_file():
        return PlainTextResponse("Not found", status_code=404)
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix.lower()], headers={"cache-control": CACHE})


ROUTES = [Route(PREFIX + "/{version}/{src:path}", picture, methods=["GET", "HEAD"])]
