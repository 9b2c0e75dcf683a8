"""The bundled font's route: its two files, cached for a year; nothing else from any path."""

from starlette.applications import Starlette

from course.web import fonts
from tests.conftest import run_async
from tests.web.asgi_client import call

APP = Starlette(routes=fonts.ROUTES)


def test_the_font_files_are_served_with_a_long_cache():
    answer = run_async(call(APP, fonts.url(400)))
    assert answer.status == 200
    assert answer.header("content-type") == "font/woff2"
    assert answer.header("cache-control") == fonts.CACHE_CONTROL
    assert answer.body[:4] == b"wOF2"


def test_nothing_else_is_served_from_the_fonts_folder():
    assert run_async(call(APP, "/fonts/OFL.txt")).status == 404
    assert run_async(call(APP, "/fonts/README.md")).status == 404
    assert run_async(call(APP, "/fonts/../fonts.py")).status == 404
