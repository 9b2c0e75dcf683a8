"""The app's launcher: Nagle's algorithm off on the sockets Streamlit's server accepts; its own help;
the teacher links it prints at start."""

import os
import socket
import subprocess
import sys

import pytest
from streamlit.web.server.starlette import starlette_server

from course import server
from course.cli import main
from course.server import turn_off_nagle
from tests.conftest import ROOT, run_async


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


# --- `python -m course serve`: its own help, and the links it prints at start ---------------------


def test_streamlit_options_are_read_as_streamlit_reads_them():
    assert server.option(["--server.port", "8502"], "server.port", env={}) == "8502"
    assert server.option(["--server.port=8503"], "server.port", env={}) == "8503"
    assert server.option(["--server.port", "1", "--server.port=2"], "server.port", env={}) == "2"  # last wins
    assert server.option([], "server.address", env={"STREAMLIT_SERVER_ADDRESS": "127.0.0.1"}) == "127.0.0.1"
    assert (
        server.option(
            ["--server.address", "0.0.0.0"], "server.address", env={"STREAMLIT_SERVER_ADDRESS": "x"}
        )
        == "0.0.0.0"
    )
    assert server.option(["--server.port"], "server.port", env={}) is None


@pytest.fixture
def no_server(monkeypatch):
    """`serve` as typed, without starting Streamlit, with a network address that asks no system."""
    started = []
    monkeypatch.setattr(server, "run", lambda app, options: started.append(options) or 0)
    monkeypatch.delenv("COURSE_TEACHER_TOKEN", raising=False)
    monkeypatch.delenv("COURSE_PUBLIC_URL", raising=False)
    monkeypatch.setenv("COURSE_NETWORK_ADDRESS", "192.0.2.10")  # TEST-NET-1: never contacted
    yield started
    monkeypatch.delenv("COURSE_TEACHER_TOKEN", raising=False)  # serve sets it for the Streamlit it starts


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_serve_help_prints_the_projects_options_and_makes_no_token(no_server, capsys, flag):
    assert main(["serve", "--server.port", "8502", flag]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m course serve [streamlit run options]")
    for option in ("--server.port", "--server.address", "COURSE_PUBLIC_URL", "COURSE_NETWORK_ADDRESS"):
        assert option in out
    assert "token=" not in out and "course.streamlit" not in out and "Usage: streamlit" not in out
    assert "COURSE_TEACHER_TOKEN" not in os.environ
    assert no_server == []  # Streamlit was not started


def test_serve_help_as_a_newcomer_types_it():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COURSE_", "STREAMLIT_"))}
    done = subprocess.run(
        [sys.executable, "-m", "course", "serve", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m course serve")
    assert "token=" not in done.stdout + done.stderr


def test_serve_prints_a_teacher_link_for_this_computer_and_for_other_devices(no_server, capsys):
    assert main(["serve", "--server.port", "8610"]) == 0
    out = capsys.readouterr().out
    token = os.environ["COURSE_TEACHER_TOKEN"]
    assert f"on this computer:               http://localhost:8610/teacher/sign-in?token={token}" in out
    assert f"on other devices (the network): http://192.0.2.10:8610/teacher/sign-in?token={token}" in out
    assert "Pupils and parents join at: http://192.0.2.10:8610/join" in out
    assert "Warning" not in out
    assert no_server == [["--server.port", "8610"]]  # the options go to Streamlit untouched


def test_serve_on_loopback_only_warns_and_prints_no_link_for_other_devices(no_server, capsys):
    assert main(["serve", "--server.address", "127.0.0.1"]) == 0
    out = capsys.readouterr().out
    assert "http://localhost:8501/teacher/sign-in?token=" in out
    assert "other devices" not in out and "join at" not in out
    assert "Warning: Pupils' devices cannot reach this server" in out
    assert "without --server.address" in out


def test_serve_with_a_public_url_prints_it_for_other_devices(no_server, monkeypatch, capsys):
    monkeypatch.setenv("COURSE_PUBLIC_URL", "https://safe.school.example/")
    assert main(["serve", "--server.address=127.0.0.1"]) == 0  # behind a proxy on this machine
    out = capsys.readouterr().out
    assert "on other devices (the network): https://safe.school.example/teacher/sign-in?token=" in out
    assert "Pupils and parents join at: https://safe.school.example/join" in out
    assert "Warning" not in out


# --- why the wrapper stays: who sets TCP_NODELAY on the connections the server accepts -------------


async def _hello(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _nodelay_of_accepted(sockets: list[socket.socket] | None) -> int:
    """TCP_NODELAY on the server's side of a connection uvicorn accepted (it binds the socket itself
    when `sockets` is None, as `uvicorn course.asgi:app` does; else it serves those, as Streamlit does)."""
    import asyncio

    import uvicorn

    async def run() -> int:
        server = uvicorn.Server(
            uvicorn.Config(_hello, host="127.0.0.1", port=0, lifespan="off", log_level="error")
        )
        task = asyncio.create_task(server.serve(sockets=sockets))
        while not server.started:
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        await reader.readuntil(b"ok")
        [connection] = server.server_state.connections
        value = connection.transport.get_extra_info("socket").getsockopt(
            socket.IPPROTO_TCP, socket.TCP_NODELAY
        )
        writer.close()
        server.should_exit = True
        await task
        return value

    return run_async(run())


def test_uvicorn_binding_its_own_socket_turns_nagle_off_by_itself():
    """Under `uvicorn course.asgi:app` nothing is needed: asyncio sets TCP_NODELAY on the connections of
    a socket it made (its protocol is IPPROTO_TCP)."""
    assert _nodelay_of_accepted(None) == 1


def test_on_the_socket_streamlit_binds_only_the_wrapper_turns_nagle_off(monkeypatch):
    """`python -m course serve` (streamlit run): Streamlit binds the socket itself (protocol 0), so
    asyncio leaves Nagle on; the wrapper around its binding function turns it off."""
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)  # undone after
    assert _nodelay_of_accepted([starlette_server._bind_socket("127.0.0.1", 0, 8)]) == 0
    assert turn_off_nagle()
    assert _nodelay_of_accepted([starlette_server._bind_socket("127.0.0.1", 0, 8)]) == 1
