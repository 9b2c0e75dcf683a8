"""`streamlit run …` with TCP_NODELAY on the server's sockets (for benchmarks: see docs/performance.md).

    python benchmarks/nodelay_launch.py streamlit_app.py [streamlit run options]

Streamlit 1.67's Starlette server binds its listening socket itself with `socket.socket(family)`,
so accepted sockets report `proto == 0` and asyncio skips the TCP_NODELAY it sets on every TCP
transport (it checks `proto == IPPROTO_TCP`; uvicorn issue #3149 is the same bug). Nagle's algorithm
then holds the frames of a rerun that follow the first until the browser's delayed ACK (40 ms on
Linux). Setting TCP_NODELAY on the listener is enough: accepted sockets inherit it on Linux.
"""

import socket
import sys

from streamlit.web.server.starlette import starlette_server

_bind = starlette_server._bind_socket


def _bind_without_nagle(address: str, port: int, backlog: int) -> socket.socket:
    sock = _bind(address, port, backlog)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


starlette_server._bind_socket = _bind_without_nagle

if __name__ == "__main__":
    from streamlit.web.cli import main

    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    sys.exit(main())
