"""The app's launcher turns Nagle's algorithm off on the sockets Streamlit's server accepts."""

import socket

from streamlit.web.server.starlette import starlette_server

from course.server import turn_off_nagle


def test_accepted_connections_send_without_waiting_for_acks(monkeypatch):
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)  # undone after
    assert turn_off_nagle()
    assert turn_off_nagle()  # a second call does not wrap twice
    listener = starlette_server._bind_socket("127.0.0.1", 0, 8)
    with listener, socket.create_connection(listener.getsockname()) as client:
        accepted, _ = listener.accept()
        with accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
            assert client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0  # only the server's side


def test_without_the_hook_the_server_still_starts(monkeypatch):
    monkeypatch.delattr(starlette_server, "_bind_socket")
    assert turn_off_nagle() is False
