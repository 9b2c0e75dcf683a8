"""course/web/icon_font.py: Streamlit's icon font cut down to the icons the app and Streamlit itself can
show, each still drawn by its ligature; sent at the font's address by the compression middleware."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import course
from course.content.loader import default_root
from course.web import icon_font
from course.web.compression import Compression
from course.web.icon_font import IconFont, drawn, names_in
from tests.web.asgi_client import get

APP_FOLDERS = [Path(course.__file__).parent, default_root() / "lessons", default_root() / "quizzes"]
# Drawn by Streamlit's frontend whatever the app does: the sidebar's arrows, an expander's chevron, the
# main menu, a code block's copy button, a dialog's close, the data editor's column menu, a status.
STREAMLITS = [
    "keyboard_double_arrow_right",
    "keyboard_double_arrow_left",
    "expand_more",
    "expand_less",
    "more_vert",
    "content_copy",
    "close",
    "check",
    "search",
    "error",
    "chevron_right",
    "menu",
]
UNUSED = "rocket_launch"


class Inner:
    """Stands for Streamlit: the whole font at its address, a page anywhere else."""

    def __init__(self, font: Path):
        self.font, self.calls = font, 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        body = self.font.read_bytes()
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"font/woff2")]}
        )
        await send({"type": "http.response.body", "body": body})


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def font(cache) -> IconFont:
    made = IconFont.streamlits(cache, APP_FOLDERS)
    assert made is not None, "Streamlit's Material Symbols font was not found"
    made.warm_up().join(timeout=120)
    return made


def test_the_app_uses_icons_and_not_the_unused_one():
    used = names_in(APP_FOLDERS)
    assert {"home", "check_circle", "family_restroom", "co_present", "child_care"} <= used
    assert UNUSED not in used


def test_the_subset_draws_every_icon_of_the_app_and_of_streamlit_and_drops_the_others(font):
    whole = font.source.read_bytes()
    body = font.body()
    assert font.cache_control == icon_font.CACHE_CONTROL  # the subset, not the whole font after a failure
    kept, everything = drawn(body), drawn(whole)
    missing = {name for name in names_in(APP_FOLDERS) if name in everything} - kept.keys()
    assert not missing, f"icons of the app the subset does not draw: {sorted(missing)}"
    assert not names_in(APP_FOLDERS) - everything.keys(), "an icon of the app is not in Streamlit's font"
    assert set(STREAMLITS) <= kept.keys()
    assert UNUSED in everything and UNUSED not in kept
    assert len(kept) < len(everything) / 4
    assert len(body) < len(whole) / 4  # 55 kB of 375 kB with Streamlit 1.67


def test_each_icon_still_becomes_its_own_drawing(font):
    from fontTools.ttLib import TTFont

    whole, kept = drawn(font.source.read_bytes()), drawn(font.body())
    original, cut = TTFont(font.source), TTFont(io.BytesIO(font.body()))
    for name in kept:  # the same outline and advance as the whole font's glyph for that name
        before, after = whole[name], kept[name]
        assert cut["hmtx"][after] == original["hmtx"][before], name
        points = cut["glyf"][after].getCoordinates(cut["glyf"])[0]
        assert points == original["glyf"][before].getCoordinates(original["glyf"])[0], name


def test_the_subset_is_made_once_and_read_from_the_cache_after_a_restart(font, cache, monkeypatch):
    assert len(list(cache.rglob("icons-*.woff2"))) == 1

    def refuse(*_):
        raise AssertionError("made again")

    monkeypatch.setattr(icon_font, "subset", refuse)
    again = IconFont.streamlits(cache, APP_FOLDERS)
    assert again is not None and again.body() == font.body() and again.etag == font.etag


def test_a_subset_that_cannot_be_made_leaves_the_whole_font(tmp_path, monkeypatch, caplog):
    source = IconFont.streamlits(None, []).source  # type: ignore[union-attr]

    def broken(*_):
        raise ValueError("no GSUB")

    monkeypatch.setattr(icon_font, "subset", broken)
    font = IconFont(source, "/static/media/font.woff2", lambda: {"home"}, tmp_path, "1.67.0")
    assert font.body() == source.read_bytes()
    assert font.cache_control == icon_font.WHOLE_CACHE_CONTROL
    assert "whole font" in caplog.text and not list(tmp_path.rglob("*.woff2"))


def test_a_subset_missing_an_icon_is_not_sent(tmp_path, monkeypatch):
    source = IconFont.streamlits(None, []).source  # type: ignore[union-attr]
    real = icon_font.subset
    monkeypatch.setattr(icon_font, "subset", lambda data, names: real(data, ["home"]))
    font = IconFont(source, "/static/media/font.woff2", lambda: {"home", "check"}, tmp_path, "1.67.0")
    assert font.body() == source.read_bytes()


def test_the_middleware_sends_the_subset_at_the_fonts_address(font):
    inner = Inner(font.source)
    app = Compression(inner, None, [font])
    answer = get(app, font.url, {"accept-encoding": "gzip, deflate, br"})
    assert answer.status == 200 and answer.body == font.body() and inner.calls == 0
    assert answer.header("content-type") == "font/woff2"
    assert answer.header("content-encoding") is None  # woff2 is compressed already
    assert answer.header("content-length") == str(len(font.body()))
    assert answer.header("cache-control") == "public, no-cache"
    assert answer.header("etag") == font.etag
    again = get(app, font.url, {"if-none-match": font.etag})
    assert again.status == 304 and again.body == b"" and again.header("etag") == font.etag
    stale = get(app, font.url, {"if-none-match": '"an-older-subset"'})
    assert stale.status == 200 and stale.body == font.body()
    head = get(app, font.url, method="HEAD")
    assert head.body == b"" and head.header("content-length") == str(len(font.body()))
    other = get(app, "/static/media/other.woff2")
    assert inner.calls == 1 and other.body == font.source.read_bytes()  # anything else: Streamlit's
