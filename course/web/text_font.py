"""Streamlit's text font (Source Sans), cut down to the letters the app's languages use.

Source Sans draws Latin, Greek, Cyrillic and Vietnamese: 1,615 characters, 170 kB of woff2 for the
upright alone, the largest file of a first visit after the JavaScript. The app writes French and
English (and any language registered later in a Latin script): kept are Latin-1, Latin Extended-A,
general punctuation (the no-break spaces of French typography among them), the euro sign, and every
character written in the app's code, locales and content that the font draws. About 30 kB. A
character outside the subset (a child's browser showing something else) is still drawn, by the
browser's next font. Made, cached, checked and sent as course/web/font_subset.py says.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from pathlib import Path

from course.web.font_subset import SubsetFont, streamlit_media
from course.web.icon_font import APP_SUFFIXES

FONT_GLOBS = ("SourceSansVF-Upright.*.woff2", "SourceSansVF-Italic.*.woff2")
ALWAYS = (
    (0x20, 0x7E),  # Basic Latin
    (0xA0, 0x17F),  # Latin-1 Supplement, Latin Extended-A
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis, the (narrow) no-break spaces
    (0x20AC, 0x20AC),  # €
    (0xFFFD, 0xFFFD),  # the replacement character
)


def characters_in(paths: Iterable[Path]) -> set[str]:
    """Every character written in the files at `paths`; a folder: its code, locales and content."""
    found: set[str] = set()
    for path in paths:
        files = sorted(f for f in path.rglob("*") if f.suffix in APP_SUFFIXES) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                found.update(file.read_text(encoding="utf-8", errors="replace"))
    return {c for c in found if c.isprintable() or c in "\u00a0\u202f"}


def always() -> set[str]:
    return {chr(code) for first, last in ALWAYS for code in range(first, last + 1)}


def drawn(data: bytes) -> set[str]:
    """The characters the woff2 font `data` maps to a glyph."""
    from fontTools.ttLib import TTFont

    return {chr(code) for code in TTFont(io.BytesIO(data)).getBestCmap()}


def subset(data: bytes, characters: Iterable[str]) -> bytes:
    """The woff2 font `data` with only `characters` (those it draws), its variations and layout kept."""
    from fontTools import subset as subsetter
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.subset").setLevel(logging.WARNING)
    font = TTFont(io.BytesIO(data))
    options = subsetter.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]
    options.notdef_outline = True
    cut = subsetter.Subsetter(options)
    cut.populate(unicodes=sorted(ord(c) for c in characters))
    cut.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


class TextFont(SubsetFont):
    """A text font at `url`, keeping `characters()`."""

    kind = "text"

    @classmethod
    def streamlits(cls, cache_dir: Path | None, app_folders: Iterable[Path]) -> list[TextFont]:
        """Streamlit's Source Sans (upright and italic), to hold what the files in `app_folders` write."""
        static_dir, version = streamlit_media()
        folders = list(app_folders)
        fonts = []
        for pattern in FONT_GLOBS:
            for source in sorted((static_dir / "static" / "media").glob(pattern)):
                url = "/" + source.relative_to(static_dir).as_posix()
                fonts.append(cls(source, url, lambda: always() | characters_in(folders), cache_dir, version))
        return fonts

    def cut(self, whole: bytes, wanted: set[str]) -> bytes:
        return subset(whole, wanted)

    def missing(self, whole: bytes, made: bytes, wanted: set[str]) -> set[str]:
        return (wanted & drawn(whole)) - drawn(made)
