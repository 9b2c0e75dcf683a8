"""Starting Streamlit's server for the app (course/asgi.py, an st.App), with Nagle's algorithm off.

Why a wrapper around a private Streamlit function is still here (Streamlit 1.67, uvicorn 0.54):
`streamlit run` on an st.App binds its listening socket itself (`starlette_server._bind_socket`:
`socket.socket(family)`, protocol 0) and hands it to uvicorn; asyncio sets TCP_NODELAY only on
connections whose socket says IPPROTO_TCP, so with that socket Nagle's algorithm stays on. The frames of
a run that follow the first then wait for the browser's delayed ACK (40 ms on Linux): a new pupil's
first page and the dashboard's refreshes are 3-4x slower (docs/performance.md). No supported way exists
in 1.67: no server option sets it, uvicorn has none, and neither st.App's lifespan nor its middleware
ever sees a socket (uvicorn puts no transport in the ASGI scope). `App.run()` binds the same way.
So the wrapper sets TCP_NODELAY on the listening socket (accepted sockets inherit it on Linux and
Windows), and only if the function is still there (`run` warns otherwise; tests/test_server.py checks
both, and fails when a Streamlit upgrade makes this needless or breaks it).

Under `uvicorn course.asgi:app` nothing is needed: uvicorn binds through asyncio, whose sockets say
IPPROTO_TCP, so every accepted connection gets TCP_NODELAY (tested too).
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger(__name__)


def turn_off_nagle() -> bool:
    """Wrap Streamlit's socket binding so that its sockets send at once; False if that hook is gone."""
    try:
        from streamlit.web.server.starlette import starlette_server
    except ImportError:
        return False
    bind = getattr(starlette_server, "_bind_socket", None)
    if bind is None or getattr(bind, "without_nagle", False):
        return bind is not None

    def bind_without_nagle(*args, **kwargs) -> socket.socket:
        sock = bind(*args, **kwargs)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    bind_without_nagle.__dict__["without_nagle"] = True  # the mark read above: patched once
    starlette_server._bind_socket = bind_without_nagle
    return True


def option(options: list[str], name: str, env: Mapping[str, str] | None = None) -> str | None:
    """The value of a `streamlit run` option among `options` (`--server.port 8502` or
    `--server.port=8502`; the last one wins, as in Streamlit), else its STREAMLIT_* variable."""
    flag, value = f"--{name}", None
    for index, arg in enumerate(options):
        if arg.startswith(flag + "="):
            value = arg.split("=", 1)[1]
        elif arg == flag and index + 1 < len(options):
            value = options[index + 1]
    if value is None:
        env = os.environ if env is None else env
        value = env.get("STREAMLIT_" + name.upper().replace(".", "_"))
    return value


def run(app: Path | str, options: list[str]) -> int:
    """`streamlit run app [options]` in this process, Nagle's algorithm off."""
    if not turn_off_nagle():
        log.warning("Streamlit's socket binding changed: Nagle's algorithm stays on (slower, still correct)")
    from streamlit.web.cli import main

    sys.argv = ["streamlit", "run", str(app), *options]
    try:
        main()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0
    return 0
