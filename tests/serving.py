"""A real app server on loopback and the Chromium that opens it: shared by the browser tests and the
benchmarks (no pytest or Playwright imports here)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_log(process: subprocess.Popen, limit: int = 4000) -> str:
    """The end of what the server wrote to stderr (kept in a file: a pipe nobody reads fills up and
    then blocks the server in the middle of a test session)."""
    path = getattr(process, "log_path", None)
    if path is None or not Path(path).exists():
        return ""
    return Path(path).read_text(encoding="utf-8", errors="replace")[-limit:]


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit code {process.returncode}):\n{server_log(process)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(
        f"no answer from {url}/_stcore/health after {timeout} s; its stderr:\n{server_log(process)}"
    )
