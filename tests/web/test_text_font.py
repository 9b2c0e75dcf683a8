"""course/web/text_font.py: Streamlit's text font cut down to the letters the app's languages use, every
character the app writes still drawn by it, its weights kept; sent at the font's address."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

import course
from course.content.loader import default_root
from course.web.compression import Compression
from course.web.text_font import TextFont, characters_in, drawn
from tests.web.asgi_client import get

APP_FILES = [Path(course.__file__).parent, default_root() / "lessons", default_root() / "quizzes"]
FRENCH = "àâæçéèêëîïôœùûüÿÀÇÉÈÊŒ«»’…–—€\u00a0\u202f"


@pytest.fixture(scope="module")
def fonts(tmp_path_factory) -> list[TextFont]:
    made = TextFont.streamlits(tmp_path_factory.mktemp("cache"), APP_FILES)
    assert [font.source.name.split(".")[0] for font in made] == [
        "SourceSansVF-Upright",
        "SourceSansVF-Italic",
    ]
    for font in made:
        font.warm_up().join(timeout=120)
    return made


def test_every_character_the_app_writes_and_the_font_draws_is_kept(fonts):
    written = characters_in(APP_FILES)
    assert {"é", "«", "œ", "\u00a0"} <= written  # read from the French locale and content
    for font in fonts:
        whole, sent = drawn(font.source.read_bytes()), drawn(font.body())
        assert font.cache_control == "public, no-cache"  # the subset, not the whole font after a failure
        assert (written | set(FRENCH)) & whole <= sent
        assert "Ж" in whole and "Ж" not in sent  # Cyrillic, which no language of the app writes, goes
        assert len(font.body()) < len(font.source.read_bytes()) / 3


def test_the_subset_keeps_the_weights_and_the_layout(fonts):
    font = TTFont(io.BytesIO(fonts[0].body()))
    assert [axis.axisTag for axis in font["fvar"].axes] == ["wght"]  # bold and light still come from it
    assert "gvar" in font and "GPOS" in font  # the shapes vary with the weight; kerning is there


def test_the_middleware_sends_each_subset_at_its_fonts_address(fonts):
    async def streamlit(scope, receive, send):
        raise AssertionError(f"Streamlit was asked for {scope['path']}")

    app = Compression(streamlit, None, fonts)
    for font in fonts:
        answer = get(app, font.url, {"accept-encoding": "gzip, br"})
        assert answer.status == 200 and answer.body == font.body()
        assert answer.header("content-type") == "font/woff2" and answer.header("etag") == font.etag
