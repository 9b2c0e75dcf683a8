"""course/web/compression.py: Streamlit's bundles compressed once per file and version (brotli, gzip),
with the right headers; other responses compressed when their type compresses well."""

from __future__ import annotations

import asyncio
import gzip
import threading
from pathlib import Path

import brotli
import pytest
from starlette.responses import FileResponse

from course.web import compression
from course.web.compression import Compression, StaticAssets, accepted
from tests.conftest import run_async
from tests.web.asgi_client import call, get

BUNDLE = ("const greeting = 'bonjour';\n" * 400).encode()  # 10 kB of JavaScript
PAGE = ("<p>Une leçon pour rester en sécurité en ligne.</p>\n" * 100).encode()


def decoded(answer) -> bytes:
    encoding = answer.header("content-encoding")
    if encoding == "br":
        return brotli.decompress(answer.body)
    if encoding == "gzip":
        return gzip.decompress(answer.body)
    return answer.body


@pytest.fixture
def static_dir(tmp_path) -> Path:
    root = tmp_path / "streamlit-static"
    (root / "static" / "js").mkdir(parents=True)
    (root / "static" / "media").mkdir()
    (root / "static" / "js" / "index.Ab12.js").write_bytes(BUNDLE)
    (root / "static" / "js" / "later.Cd34.js").write_bytes(BUNDLE + b"// later\n")
    (root / "static" / "media" / "font.woff2").write_bytes(b"\x00" * 4000)  # already compressed
    (root / "index.html").write_text('<script type="module" src="./static/js/index.Ab12.js"></script>')
    return root


class Inner:
    """Stands for Streamlit: serves the files as they are, or a given response; counts its requests."""

    def __init__(self, static_dir: Path | None = None, body: bytes = PAGE, content_type: str = "text/html"):
        self.static_dir, self.body, self.content_type = static_dir, body, content_type
        self.scopes: list[dict] = []
        self.extra: list[tuple[bytes, bytes]] = []
        self.chunks = 1

    async def __call__(self, scope, receive, send):
        self.scopes.append(scope)
        if self.static_dir and scope["path"].startswith("/static/"):
            path = self.static_dir / scope["path"].lstrip("/")
            body, kind = path.read_bytes(), FileResponse(path).headers["content-type"].encode()
        else:
            body, kind = self.body, self.content_type.encode()
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()), *self.extra]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        size = -(-len(body) // self.chunks)
        for i in range(self.chunks):
            part = body[i * size : (i + 1) * size]
            await send({"type": "http.response.body", "body": part, "more_body": i < self.chunks - 1})


@pytest.fixture
def counted(monkeypatch):
    """How many times each file was compressed at top quality (brotli 11, gzip 9)."""
    made: list[tuple[str, int]] = []
    real_brotli, real_gzip = compression._brotli, compression._gzip

    def counting_brotli(data, quality):
        made.append(("br", quality))
        return real_brotli(data, quality)

    def counting_gzip(data, level):
        made.append(("gzip", level))
        return real_gzip(data, level)

    monkeypatch.setattr(compression, "_brotli", counting_brotli)
    monkeypatch.setattr(compression, "_gzip", counting_gzip)
    return made


def test_accept_encoding_is_read_with_its_weights():
    assert accepted("gzip, deflate, br, zstd") == ["br", "gzip"]
    assert accepted("gzip") == ["gzip"]
    assert accepted("br;q=0, gzip;q=0.5") == ["gzip"]
    assert accepted("*") == ["br", "gzip"]
    assert accepted("identity") == accepted("") == accepted(None) == []


def test_a_bundle_is_sent_compressed_with_its_headers(static_dir, tmp_path):
    assets = StaticAssets(static_dir, tmp_path / "cache", "1.67.0")
    assets.warm_up().join(timeout=30)
    app = Compression(Inner(static_dir), assets)
    for wanted, encoding in (("gzip, deflate, br", "br"), ("gzip", "gzip")):
        answer = get(app, "/static/js/index.Ab12.js", {"accept-encoding": wanted})
        assert answer.status == 200
        assert answer.header("content-encoding") == encoding
        assert decoded(answer) == BUNDLE
        assert int(answer.header("content-length")) == len(answer.body) < len(BUNDLE) / 10
        assert answer.header("vary") == "Accept-Encoding"
        assert answer.header("cache-control") == "public, immutable, max-age=31536000"
        assert (
            answer.header("content-type")
            == FileResponse(static_dir / "static/js/index.Ab12.js").headers["content-type"]
        )  # as Streamlit's static route (Starlette's FileResponse) sends it
    head = get(app, "/static/js/index.Ab12.js", {"accept-encoding": "br"}, method="HEAD")
    assert head.body == b"" and head.header("content-length") == str(len(brotli.compress(BUNDLE, quality=11)))


def test_without_compression_the_file_is_streamlits_answer_and_still_varies(static_dir, tmp_path):
    inner = Inner(static_dir)
    app = Compression(inner, StaticAssets(static_dir, tmp_path / "cache", "1.67.0"))
    answer = get(app, "/static/js/index.Ab12.js", {"accept-encoding": "identity"})
    assert answer.header("content-encoding") is None and answer.body == BUNDLE
    assert answer.header("vary") == "Accept-Encoding"
    assert len(inner.scopes) == 1
    woff = get(app, "/static/media/font.woff2", {"accept-encoding": "br"})  # not ours to compress
    assert woff.header("content-encoding") is None and woff.body == b"\x00" * 4000


def test_each_file_is_compressed_once_however_many_ask_at_once(static_dir, tmp_path, counted):
    assets = StaticAssets(static_dir, tmp_path / "cache", "1.67.0")
    app = Compression(Inner(static_dir), assets)

    async def class_arrives():
        return await asyncio.gather(
            *(call(app, "/static/js/later.Cd34.js", {"accept-encoding": "br, gzip"}) for _ in range(30))
        )

    answers = run_async(class_arrives())
    assert {decoded(a) for a in answers} == {BUNDLE + b"// later\n"}
    for _ in range(5):
        get(app, "/static/js/later.Cd34.js", {"accept-encoding": "br"})
    assert sorted(counted) == [("br", 11), ("gzip", 9)]
    # A server started later (same Streamlit version) reads the cache folder: nothing compressed again.
    again = StaticAssets(static_dir, tmp_path / "cache", "1.67.0")
    answer = get(Compression(Inner(static_dir), again), "/static/js/later.Cd34.js", {"accept-encoding": "br"})
    assert decoded(answer) == BUNDLE + b"// later\n"
    assert sorted(counted) == [("br", 11), ("gzip", 9)]
    # Another Streamlit version has files of its own.
    assert list((tmp_path / "cache").iterdir()) == [tmp_path / "cache" / "streamlit-1.67.0"]


def test_while_the_brotli_copy_is_made_the_gzip_one_is_sent(static_dir, tmp_path, monkeypatch):
    release = threading.Event()
    real_brotli = compression._brotli
    monkeypatch.setattr(
        compression, "_brotli", lambda data, quality: release.wait(30) and real_brotli(data, quality)
    )
    assets = StaticAssets(static_dir, tmp_path / "cache", "1.67.0")
    app = Compression(Inner(static_dir), assets)
    first = get(app, "/static/js/index.Ab12.js", {"accept-encoding": "br, gzip"})
    assert first.header("content-encoding") == "gzip" and decoded(first) == BUNDLE
    release.set()
    only_brotli = get(app, "/static/js/index.Ab12.js", {"accept-encoding": "br"})  # waits for it
    assert only_brotli.header("content-encoding") == "br" and decoded(only_brotli) == BUNDLE


def test_the_first_visits_files_are_compressed_at_start(static_dir, tmp_path, counted):
    assets = StaticAssets(static_dir, tmp_path / "cache", "1.67.0")
    assert assets.first_visit() == ["/static/js/index.Ab12.js"]
    assets.warm_up().join(timeout=30)
    assert sorted(counted) == [("br", 11), ("gzip", 9)]
    assert set(assets.entries["/static/js/index.Ab12.js"].variants) == {"br", "gzip"}
    assert assets.entries["/static/js/later.Cd34.js"].variants == {}  # the others when first asked for


def test_an_unwritable_cache_folder_keeps_the_copies_in_memory(static_dir, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assets = StaticAssets(static_dir, blocker, "1.67.0")
    answer = get(
        Compression(Inner(static_dir), assets), "/static/js/index.Ab12.js", {"accept-encoding": "br"}
    )
    assert decoded(answer) == BUNDLE and assets.cache_dir is None


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_pages_and_json_are_compressed_as_they_go(encoding):
    inner = Inner()
    answer = get(Compression(inner), "/join", {"accept-encoding": encoding})
    assert answer.header("content-encoding") == encoding and decoded(answer) == PAGE
    assert int(answer.header("content-length")) == len(answer.body) < len(PAGE) / 5
    assert answer.header("vary") == "Accept-Encoding"
    # Streamlit's own gzip (inside) is not asked to compress it first.
    assert all(name != b"accept-encoding" for name, _ in inner.scopes[0]["headers"])
    json_answer = get(
        Compression(Inner(body=b'{"key": "value"}' * 100, content_type="application/json")),
        "/x",
        {"accept-encoding": encoding},
    )
    assert json_answer.header("content-encoding") == encoding


def test_a_streamed_body_is_compressed_as_it_comes():
    inner = Inner()
    inner.chunks = 4
    answer = get(Compression(inner), "/page", {"accept-encoding": "gzip"})
    assert answer.chunks == 4 and answer.header("content-length") is None
    assert decoded(answer) == PAGE


@pytest.mark.parametrize(
    ("body", "content_type", "extra"),
    [
        (PAGE, "image/png", []),  # pictures are compressed already
        (b"<p>short</p>", "text/html", []),  # too small to gain anything
        (PAGE, "text/html", [(b"content-encoding", b"gzip")]),  # compressed by whoever made it
    ],
)
def test_what_does_not_compress_well_is_sent_as_it_is(body, content_type, extra):
    inner = Inner(body=body, content_type=content_type)
    inner.extra = extra
    answer = get(Compression(inner), "/media/x", {"accept-encoding": "br, gzip"})
    assert answer.body == body
    assert answer.header("content-encoding") == (extra[0][1].decode() if extra else None)


def test_the_websocket_passes_untouched():
    seen = []

    async def inner(scope, receive, send):
        seen.append(scope)

    run_async(Compression(inner)({"type": "websocket", "path": "/_stcore/stream", "headers": []}, None, None))
    assert seen and seen[0]["path"] == "/_stcore/stream"


def test_concurrent_servers_never_read_half_a_file(static_dir, tmp_path):
    """Two processes may share the cache folder: a copy appears whole (written aside, then renamed)."""
    first = StaticAssets(static_dir, tmp_path / "cache", "1.67.0")
    second = StaticAssets(static_dir, tmp_path / "cache", "1.67.0")
    threads = [
        threading.Thread(target=a._make_all, args=(["/static/js/index.Ab12.js"],)) for a in (first, second)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for assets in (first, second):
        assert brotli.decompress(assets.entries["/static/js/index.Ab12.js"].variants["br"]) == BUNDLE
    assert not list((tmp_path / "cache").rglob("*.tmp"))
