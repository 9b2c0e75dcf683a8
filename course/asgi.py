"""The app as an ASGI application (st.App): Streamlit, behind the middleware of course/web.

`python -m course serve` runs this file; `streamlit run course/asgi.py` does the same, and any ASGI
server can serve `course.asgi:app` (`uvicorn course.asgi:app --host 0.0.0.0 --port 8501`: Streamlit's
options then come from `.streamlit/config.toml` and STREAMLIT_* variables). `streamlit run
streamlit_app.py` still works, without any of it.

Around Streamlit, outermost first: the security headers (on every response, refusals included), the
guards (Host allow-list, hidden metrics), then compression (precompressed /static bundles, compressed
pages and JSON, the icon and text fonts cut down to the app's icons and letters), then the page kit
(every page names the kit's two files: course/web/page_kit.py). The lifespan starts
compressing a first visit's files and cutting the fonts in the background.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

import course.web
from course.content.loader import default_root
from course.settings import cache_folder, settings
from course.web import fonts, page_kit, pictures, teacher_routes
from course.web.compression import Compression, StaticAssets
from course.web.guards import Guard
from course.web.headers import SecurityHeaders
from course.web.icon_font import IconFont
from course.web.text_font import TextFont

ENTRY = Path(__file__).resolve().parents[1] / "streamlit_app.py"

settings()  # a COURSE_* value the app cannot use stops the server here, with a message naming it
course.web.ROUTES_SERVED = True  # the pages may send a teacher's link to the sign-in route
ASSETS = StaticAssets.streamlits(cache_folder(settings()))
CONTENT = Path(settings().content_root or default_root())
APP_FILES = [Path(course.__file__).parent, CONTENT / "lessons", CONTENT / "quizzes"]
ICONS = IconFont.streamlits(cache_folder(settings()), APP_FILES)  # the app's icons and Streamlit's own
FONTS = [*([ICONS] if ICONS else []), *TextFont.streamlits(cache_folder(settings()), APP_FILES)]


@asynccontextmanager
async def lifespan(_app) -> AsyncIterator[None]:
    ASSETS.warm_up()  # a first visit's files, compressed once per Streamlit version
    for font in FONTS:
        font.warm_up()  # the fonts' subsets, made once per Streamlit version and set of icons or letters
    yield


app = st.App(
    ENTRY,
    routes=[*teacher_routes.ROUTES, *pictures.ROUTES, *fonts.ROUTES, *page_kit.ROUTES],
    middleware=[
        Middleware(SecurityHeaders),
        Middleware(Guard),
        Middleware(Compression, assets=ASSETS, fonts=FONTS),
        Middleware(page_kit.PageKit),
    ],
    lifespan=lifespan,
)
