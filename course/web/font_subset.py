"""A font of Streamlit's sent cut down to what the app draws, at the font's own address.

Shared by the icon font (course/web/icon_font.py: the icons the app names) and the text font
(course/web/text_font.py: the letters its languages use). A subset is made once per Streamlit version
and set of kept names (at start, in the background), kept in the cache folder, and checked before it
is used: if anything kept is missing from it, or anything fails, the whole font is sent, as Streamlit
would send it.

The font keeps its address (Streamlit's CSS names it) but not its immutable caching: the same address
gets another subset when the app starts drawing something new, so a browser asks again on each visit
(`no-cache` with an ETag: a 304 of a few hundred bytes while the subset is unchanged).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from course.web.files import write_whole

log = logging.getLogger(__name__)

CACHE_CONTROL = "public, no-cache"  # the subset: asked again (a 304) on each visit
WHOLE_CACHE_CONTROL = "public, immutable, max-age=31536000"  # the whole font: as Streamlit sends it


class SubsetFont:
    """A woff2 font at `url`: a subset keeping what `wanted()` lists (icon names, characters) once made;
    the whole font until then, or if it cannot be made. Subclasses say how to cut, and what a cut font
    lacks."""

    kind = "font"  # the cached file's prefix and the log's word

    def __init__(
        self, source: Path, url: str, wanted: Callable[[], set[str]], cache_dir: Path | None, version: str
    ):
        self.source, self.url, self.wanted = source, url, wanted
        self.cache_dir = cache_dir / f"streamlit-{version}" if cache_dir else None
        self.lock = threading.Lock()
        self._body: bytes | None = None
        self.etag = ""
        self.cache_control = WHOLE_CACHE_CONTROL

    def cut(self, whole: bytes, wanted: set[str]) -> bytes:
        raise NotImplementedError

    def missing(self, whole: bytes, made: bytes, wanted: set[str]) -> set[str]:
        """What of `wanted` the whole font draws and the subset `made` does not."""
        raise NotImplementedError

    def warm_up(self) -> threading.Thread:
        thread = threading.Thread(target=self.body, name=f"{self.kind}-font", daemon=True)
        thread.start()
        return thread

    def body(self) -> bytes:
        """The font to send (made on the first call; the others wait for it)."""
        with self.lock:
            if self._body is None:
                self._body, cut = self._make()
                self.cache_control = CACHE_CONTROL if cut else WHOLE_CACHE_CONTROL
                self.etag = '"' + hashlib.sha256(self._body).hexdigest()[:20] + '"'
            return self._body

    def _make(self) -> tuple[bytes, bool]:
        """The font to send, and whether it is a subset."""
        whole = self.source.read_bytes()
        try:
            wanted = self.wanted()
            key = hashlib.sha256("\n".join([self.source.name, *sorted(wanted)]).encode()).hexdigest()[:16]
            cached = self.cache_dir / f"{self.kind}-{key}.woff2" if self.cache_dir else None
            if cached is not None and cached.is_file():
                return cached.read_bytes(), True
            made = self.cut(whole, wanted)
            lacking = self.missing(whole, made, wanted)
            if lacking:
                shown = ", ".join(sorted(lacking)[:10])
                log.warning("%s subset lacks %s: the whole font is sent", self.kind, shown)
                return whole, False
            if cached is not None:
                self._keep(cached, made)
            log.info("%s font: %d kept, %d of %d bytes", self.kind, len(wanted), len(made), len(whole))
            return made, True
        except Exception as error:  # any failure: the whole font still draws everything
            log.warning("%s subset not made (%s): the whole font is sent", self.kind, error)
            return whole, False

    def _keep(self, cached: Path, made: bytes) -> None:
        try:
            write_whole(cached, made)
        except OSError as error:
            log.info("%s subset kept in memory only (%s): %s", self.kind, self.cache_dir, error)


def streamlit_media() -> tuple[Path, str]:
    """Streamlit's static folder and version: where its fonts are, and what their subsets depend on."""
    import streamlit
    from streamlit import file_util

    return Path(file_util.get_static_dir()), streamlit.__version__
