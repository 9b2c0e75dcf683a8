"""Streamlit's icon font, cut down to the icons this app can show.

A `:material/<name>:` icon makes Streamlit's frontend load Material Symbols Rounded: 375 kB of woff2,
the largest file of a first visit, for the fifty or so icons the app draws. The font draws an icon by
ligature (the letters "check_circle", set in it, become one glyph), so a plain subset by text would
keep every icon. Here the font's ligatures are first pruned to the names kept, then the font is
subset to those glyphs and the letters that spell them, and sent at the font's own address.

The names kept: every `:material/<name>:` in the app's code, locales and content, and every name
Streamlit's own frontend can show (any quoted string of its bundles that is an icon name, and the
`:material/<name>:` of its Python package: a few hundred, most of them never drawn; a missing one
would be a word where an icon should be). Made, cached, checked and sent as course/web/font_subset.py
says: a kept name that no longer becomes its glyph means the whole font is sent.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable
from pathlib import Path

from course.web.font_subset import CACHE_CONTROL, WHOLE_CACHE_CONTROL, SubsetFont, streamlit_media

log = logging.getLogger(__name__)

FONT_GLOB = "MaterialSymbols-Rounded.*.woff2"
MATERIAL = re.compile(r":material/([a-z0-9_]+):")
QUOTED = re.compile(r"[`'\"]([a-z0-9_]+)[`'\"]")
APP_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".md", ".toml"})
PRIVATE_USE = 0xE000  # the font's code points from here on draw icons by number: the frontend never uses them
__all__ = ["CACHE_CONTROL", "WHOLE_CACHE_CONTROL", "IconFont", "drawn", "names_in", "subset"]


def ligatures(font) -> dict[str, str]:
    """Every icon name the font draws (lower case) and the glyph it becomes: {"home": "home", ...}."""
    spelling = _spelling(font)
    names: dict[str, str] = {}
    for table in _ligature_tables(font):
        for first, found in table.ligatures.items():
            for ligature in found:
                name = _spelt(spelling, [first, *ligature.Component])
                if name:
                    names.setdefault(name, ligature.LigGlyph)
    return names


def _spelling(font) -> dict[str, str]:
    """The letter each glyph of text is (upper and lower case share a glyph: the lower case)."""
    letters: dict[str, str] = {}
    for code, glyph in font.getBestCmap().items():
        if code < PRIVATE_USE:
            letters[glyph] = max(letters.get(glyph, ""), chr(code))
    return letters


def _spelt(spelling: dict[str, str], glyphs: list[str]) -> str | None:
    letters = [spelling.get(glyph) for glyph in glyphs]
    return "".join(letter for letter in letters if letter).lower() if all(letters) else None


def _ligature_tables(font) -> list:
    if "GSUB" not in font:
        return []
    tables = []
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            inner = table.ExtSubTable if lookup.LookupType == 7 else table
            if inner.LookupType == 4:
                tables.append(inner)
    return tables


def names_in(paths: Iterable[Path], pattern: re.Pattern[str] = MATERIAL) -> set[str]:
    """The names `pattern` finds in the files at `paths`; a folder: its code, locales and content
    (APP_SUFFIXES), recursively."""
    found: set[str] = set()
    for path in paths:
        files = sorted(f for f in path.rglob("*") if f.suffix in APP_SUFFIXES) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                found.update(pattern.findall(file.read_text(encoding="utf-8", errors="replace")))
    return found


def streamlit_names(static_dir: Path, package_dir: Path) -> set[str]:
    """What Streamlit itself may show as an icon: every quoted lower-case word and `:material/` name of
    its JavaScript bundles, and the `:material/` names of its Python package (to be kept where the font
    draws them)."""
    bundles = sorted((static_dir / "static" / "js").glob("*.js"))
    return names_in(bundles, QUOTED) | names_in(bundles) | names_in([package_dir])


def subset(data: bytes, names: Iterable[str]) -> bytes:
    """The woff2 font `data`, with only the icons `names` (those it draws) and the letters spelling them."""
    from fontTools import subset as subsetter
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.subset").setLevel(logging.WARNING)  # it lists every glyph at INFO
    font = TTFont(io.BytesIO(data))
    glyphs = ligatures(font)
    kept = {name for name in names if name in glyphs}
    spelling = _spelling(font)
    for table in _ligature_tables(font):  # the other icons' ligatures go, so their glyphs go too
        pruned = {}
        for first, found in table.ligatures.items():
            chosen = [lig for lig in found if _spelt(spelling, [first, *lig.Component]) in kept]
            if chosen:
                pruned[first] = chosen
        table.ligatures = pruned
    options = subsetter.Options()
    options.flavor = "woff2"
    options.layout_features = ["rlig", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    cut = subsetter.Subsetter(options)
    text = [code for code in font.getBestCmap() if code < PRIVATE_USE]
    cut.populate(unicodes=text, glyphs=[glyphs[name] for name in sorted(kept)])
    cut.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def drawn(data: bytes) -> dict[str, str]:
    """The icon names the woff2 font `data` draws, each with its glyph (that has an outline)."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    glyphs = font.get("glyf")
    return {
        name: glyph
        for name, glyph in ligatures(font).items()
        if glyphs is None or glyphs[glyph].numberOfContours != 0
    }


class IconFont(SubsetFont):
    """The icon font at `url`, keeping the icons `wanted()` names."""

    kind = "icons"

    @classmethod
    def streamlits(cls, cache_dir: Path | None, app_folders: Iterable[Path]) -> IconFont | None:
        """Streamlit's icon font, to hold the icons of the files in `app_folders` and Streamlit's own."""
        import streamlit

        static_dir, version = streamlit_media()
        fonts = sorted((static_dir / "static" / "media").glob(FONT_GLOB))
        if len(fonts) != 1:  # a Streamlit that names it otherwise: its font is sent as it is
            log.warning("icon font not found in %s: sent whole", static_dir)
            return None
        folders = list(app_folders)
        package = Path(streamlit.__file__).parent
        return cls(
            fonts[0],
            "/" + fonts[0].relative_to(static_dir).as_posix(),
            lambda: names_in(folders) | streamlit_names(static_dir, package),
            cache_dir,
            version,
        )

    def cut(self, whole: bytes, wanted: set[str]) -> bytes:
        return subset(whole, sorted(wanted))

    def missing(self, whole: bytes, made: bytes, wanted: set[str]) -> set[str]:
        everything = drawn(whole)
        return {name for name in wanted if name in everything} - drawn(made).keys()
