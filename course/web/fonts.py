"""The legible font of the reading settings (course/ui/reading.py), served by the app itself.

Atkinson Hyperlegible's regular and bold woff2 files (latin: every letter of French and English) are
bundled in course/web/fonts/ with their licence. A file never changes under its name (a new version
of the font would come with new names), so a browser keeps it a year without asking again.
"""

from __future__ import annotations

import functools
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

FOLDER = Path(__file__).parent / "fonts"
PREFIX = "/fonts/"
FAMILY = "Atkinson Hyperlegible"
FILES = {  # weight -> file
    400: "atkinson-hyperlegible-latin-400-normal.woff2",
    700: "atkinson-hyperlegible-latin-700-normal.woff2",
}
CACHE_CONTROL = "public, immutable, max-age=31536000"


def url(weight: int) -> str:
    return PREFIX + FILES[weight]


@functools.cache
def _read(name: str) -> bytes:
    return (FOLDER / name).read_bytes()  # 17 kB each: kept in memory once read


async def font(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in FILES.values():  # only the bundled files: never a path from the request
        return PlainTextResponse("Not found", status_code=404)
    return Response(_read(name), media_type="font/woff2", headers={"Cache-Control": CACHE_CONTROL})


ROUTES = [Route(PREFIX + "{name}", font, methods=["GET", "HEAD"])]
