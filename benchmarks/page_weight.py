"""What a pupil's browser downloads, and a class joining through a school's line: ours vs the bare app.

1. Bytes on the wire and requests, first visit (empty cache) and repeat visit (same browser), for the
   home page, /join and a lesson, in headless Chromium (CDP Network events: encodedDataLength of each
   HTTP response, headers included; websocket frames counted apart).
2. A class of N pupils (30) opening /join at once through one shared link (10 Mbit/s each way, 50 ms
   round trip: a token-bucket TCP proxy on loopback, in its own process). Each pupil fetches what
   Chromium fetched for a first visit of /join (same addresses, same Accept-Encoding, up to 6
   connections per pupil as Chromium opens), then opens the websocket and waits for the page's first
   script run. Printed: time until the last pupil's page is usable, p50, bytes through the link, and
   the server's CPU for the burst. The browsers' own rendering is not in these times.

Both apps are started the same way (`python -m course serve`'s launcher: course/asgi.py for ours,
benchmarks/bare_app.py for the bare one). Prints figures; asserts nothing.

    python benchmarks/page_weight.py [--pupils 30] [--rate-mbit 10] [--rtt-ms 50] [--skip-burst]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import multiprocessing
import os
import socket
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BENCHMARKS, Server, machine, median, percentile, table  # noqa: E402
from stclient import StreamlitClient  # noqa: E402

from tests.serving import CHROMIUM, CHROMIUM_FLAGS, free_port  # noqa: E402

LESSON = "personal-details-7-10"
PAGES = {"home": "/", "join": "/join", "lesson": f"/lesson?lesson={LESSON}"}
IDLE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return app && app.dataset.testConnectionState === 'CONNECTED'"
    " && app.dataset.testScriptState === 'notRunning'; }"
)


# --- 1. bytes and requests per visit ----------------------------------------------------------------


class Wire:
    """What one page load moved, from Chromium's DevTools protocol."""

    def __init__(self, cdp):
        self.sent: dict[str, str] = {}
        self.cached: set[str] = set()
        self.bytes: dict[str, int] = {}
        self.websocket = 0
        self.encodings: dict[str, str] = {}  # the Accept-Encoding the network layer really sent
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestWillBeSentExtraInfo", self._extra)
        cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        cdp.on(
            "Network.loadingFinished",
            lambda e: self.bytes.__setitem__(e["requestId"], e["encodedDataLength"]),
        )
        cdp.on("Network.webSocketFrameReceived", self._frame)
        cdp.on("Network.webSocketFrameSent", self._frame)
        cdp.send("Network.enable")

    def _sent(self, event) -> None:
        url = event["request"]["url"]
        if url.startswith("http"):
            self.sent[event["requestId"]] = url

    def _extra(self, event) -> None:
        headers = {name.lower(): value for name, value in event["headers"].items()}
        self.encodings[event["requestId"]] = headers.get("accept-encoding", "")

    def requests(self) -> list[tuple[str, str]]:
        """(path with query, Accept-Encoding) of every HTTP request, in the order they were sent."""
        found = []
        for rid, url in self.sent.items():
            parts = urlsplit(url)
            found.append(
                (parts.path + (f"?{parts.query}" if parts.query else ""), self.encodings.get(rid, ""))
            )
        return found

    def _frame(self, event) -> None:
        data = event["response"]["payloadData"]
        self.websocket += len(base64.b64decode(data)) if event["response"]["opcode"] == 2 else len(data)

    def summary(self) -> tuple[int, int, int]:
        """(requests that reached the network, their bytes, websocket bytes)."""
        network = [rid for rid in self.sent if rid not in self.cached and self.bytes.get(rid, 0) > 0]
        return len(network), sum(self.bytes.get(rid, 0) for rid in network), self.websocket


def visit(context, url: str) -> Wire:
    page = context.new_page()
    wire = Wire(context.new_cdp_session(page))
    page.goto(url)
    for _ in range(2):
        page.wait_for_timeout(300)
        page.wait_for_function(IDLE, timeout=60_000)
    page.wait_for_timeout(500)
    page.close()
    return wire


def weigh(servers: dict[str, Server]) -> dict[str, list[tuple[str, str]]]:
    """Prints the table; returns, per app, what a first visit of /join asked for (url path, encoding)."""
    from playwright.sync_api import sync_playwright

    rows, join_requests = [], {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, server in servers.items():
            warm = browser.new_context()
            visit(warm, server.url + "/")  # the server's first run and compressed copies: not measured
            warm.close()
            for page_name, path in PAGES.items():
                context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
                first = visit(context, server.url + path)
                again = visit(context, server.url + path)
                context.close()
                (n1, b1, w1), (n2, b2, w2) = first.summary(), again.summary()
                rows.append([name, page_name, n1, f"{b1 / 1e6:.3f}", f"{w1 / 1e3:.1f}", n2, f"{b2 / 1e3:.1f}",
                             f"{w2 / 1e3:.1f}"])  # fmt: skip
                if page_name == "join":
                    join_requests[name] = first.requests()
        browser.close()
    print("\n## Bytes on the wire per visit (HTTP: headers + bodies as sent; websocket apart)\n")
    print(table(rows, ["app", "page", "first: requests", "first: MB", "first: ws kB", "repeat: requests",
                       "repeat: kB", "repeat: ws kB"]))  # fmt: skip
    return join_requests


# --- 2. a class through one shared line -------------------------------------------------------------


def run_link(listen_port: int, target_port: int, rate_bit_s: float, one_way_s: float, ready) -> None:
    """A TCP proxy on loopback: one shared token bucket per direction (every connection waits its turn
    on the line, as on a school's single line) and a fixed one-way delay."""

    async def main() -> None:
        free_at = {"down": 0.0, "up": 0.0}

        async def pump(reader, writer, direction: str) -> None:
            loop = asyncio.get_running_loop()
            queue: asyncio.Queue = asyncio.Queue()

            async def deliver() -> None:
                while True:
                    when, chunk = await queue.get()
                    delay = when - loop.time()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    if chunk is None:
                        writer.close()
                        return
                    writer.write(chunk)
                    await writer.drain()

            task = asyncio.create_task(deliver())
            try:
                while chunk := await reader.read(16384):
                    start = max(loop.time(), free_at[direction])
                    free_at[direction] = start + len(chunk) * 8 / rate_bit_s
                    queue.put_nowait((free_at[direction] + one_way_s, chunk))
            except ConnectionError:
                pass
            queue.put_nowait((loop.time() + one_way_s, None))
            await task

        async def handle(client_reader, client_writer) -> None:
            try:
                server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
            except OSError:
                client_writer.close()
                return
            for sock in (client_writer.get_extra_info("socket"), server_writer.get_extra_info("socket")):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            await asyncio.gather(
                pump(client_reader, server_writer, "up"),
                pump(server_reader, client_writer, "down"),
                return_exceptions=True,
            )

        server = await asyncio.start_server(handle, "127.0.0.1", listen_port, backlog=512)
        ready.set()
        async with server:
            await server.serve_forever()

    asyncio.run(main())


async def fetch_all(port: int, requests: list[tuple[str, str]], counted: list[int]) -> None:
    """One pupil's files: 6 keep-alive connections, as Chromium opens per host."""
    queue: asyncio.Queue = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)

    async def connection() -> None:
        reader = writer = None
        while not queue.empty():
            path, encoding = queue.get_nowait()
            head = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: {encoding}\r\n\r\n"
            for _attempt in range(2):  # a kept-alive connection the server closed meanwhile: a new one
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(head.encode())
                counted.append(len(head))
                try:
                    status_and_headers = await reader.readuntil(b"\r\n\r\n")
                    break
                except (asyncio.IncompleteReadError, ConnectionError):
                    writer.close()
                    reader = writer = None
            else:
                raise RuntimeError(f"no answer for {path}")
            counted.append(len(status_and_headers))
            headers = {
                line.split(":", 1)[0].strip().lower(): line.split(":", 1)[1].strip()
                for line in status_and_headers.decode("latin-1").split("\r\n")[1:]
                if ":" in line
            }
            if "content-length" in headers:
                counted.append(len(await reader.readexactly(int(headers["content-length"]))))
            elif headers.get("transfer-encoding") == "chunked":
                while True:
                    size_line = await reader.readuntil(b"\r\n")
                    size = int(size_line.strip().split(b";")[0], 16)
                    counted.append(len(await reader.readexactly(size + 2)) + len(size_line))
                    if size == 0:
                        break
        if writer is not None:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(6)))


async def pupil(port: int, requests, path: str, counted: list[int]) -> float:
    start = time.perf_counter()
    await fetch_all(port, requests, counted)
    client = StreamlitClient(f"http://127.0.0.1:{port}", path=path, timeout=180)
    try:
        await client.open()  # the websocket and the page's first script run: what the pupil then sees
    finally:
        await client.close()
    return time.perf_counter() - start


def burst(name: str, server: Server, requests, pupils: int, rate_mbit: float, rtt_ms: float) -> list:
    port = free_port()
    ready = multiprocessing.Event()
    link = multiprocessing.Process(
        target=run_link, args=(port, server.port, rate_mbit * 1e6, rtt_ms / 2000, ready), daemon=True
    )
    link.start()
    ready.wait(10)
    counted: list[int] = []
    cpu_before = server.cpu()

    async def everyone():
        return await asyncio.gather(*(pupil(port, requests, "/join", counted) for _ in range(pupils)))

    started = time.perf_counter()
    times = asyncio.run(everyone())
    wall = time.perf_counter() - started
    cpu = server.cpu() - cpu_before
    link.terminate()
    link.join(5)
    return [name, pupils, f"{max(times):.1f}", f"{median(times):.1f}", f"{percentile(times, 95):.1f}",
            f"{sum(counted) / 1e6:.1f}", f"{cpu:.1f}", f"{wall:.1f}"]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pupils", type=int, default=30)
    parser.add_argument("--rate-mbit", type=float, default=10.0)
    parser.add_argument("--rtt-ms", type=float, default=50.0)
    parser.add_argument("--skip-burst", action="store_true")
    args = parser.parse_args()
    print(f"# Page weight and a class on one line\n\n{machine()}")
    servers = {
        "ours": Server(entry="course/asgi.py", nodelay=True),
        "bare": Server(entry=str(BENCHMARKS / "bare_app.py"), nodelay=True),
    }
    try:
        for server in servers.values():
            server.start()
        requests = weigh(servers)
        if not args.skip_burst:
            rows = [
                burst(name, server, requests[name], args.pupils, args.rate_mbit, args.rtt_ms)
                for name, server in servers.items()
            ]
            print(f"\n## {args.pupils} pupils open /join at once through one {args.rate_mbit:g} Mbit/s line, "
                  f"{args.rtt_ms:g} ms round trip\n")  # fmt: skip
            print(table(rows, ["app", "pupils", "last usable s", "p50 s", "p95 s", "MB through the line",
                               "server CPU s", "wall s"]))  # fmt: skip
    finally:
        for server in servers.values():
            server.stop()
            server.cleanup()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
