"""The guards in front of Streamlit: the Host allow-list and the hidden metrics (course/web/guards.py)."""

import pytest

from course.settings import Settings
from course.web.guards import Guard, allowed_hosts, host_allowed, host_of
from tests.conftest import run_async


def test_host_names_are_read_as_browsers_send_them():
    assert host_of("Example.org:8501") == "example.org"
    assert host_of("[::1]:8501") == "::1"
    assert host_of("192.0.2.10") == "192.0.2.10"
    assert host_of("") is None and host_of(None) is None and host_of("[bad") is None


def test_this_machine_the_public_address_and_extra_names_are_allowed():
    env = {
        "COURSE_PUBLIC_URL": "https://cours.ecole.example/",
        "COURSE_ALLOWED_HOSTS": "proxy.lan, other.lan",
    }
    allowed = allowed_hosts(Settings.from_env(env), network="192.0.2.10")
    for host in (
        "localhost",
        "127.0.0.1",
        "::1",
        "127.0.1.1",
        "cours.ecole.example",
        "proxy.lan",
        "192.0.2.10",
    ):
        assert host_allowed(host, allowed), host
    assert not host_allowed("attacker.example", allowed)  # a DNS-rebinding name
    assert not host_allowed(None, allowed)


def run(env, path="/", host="localhost:8501", kind="http"):
    """What the guard answers (status), or 'passed' when it hands the request to the app."""
    sent, reached = [], []

    async def app(scope, receive, send):
        reached.append(scope["path"])

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        sent.append(message)

    scope = {"type": kind, "path": path, "headers": [(b"host", host.encode())]}
    run_async(Guard(app, Settings.from_env(env))(scope, receive, send))
    if reached:
        return "passed"
    return sent[0].get("status") or sent[0]["code"]


@pytest.mark.parametrize("kind", ["http", "websocket"])
def test_an_unknown_host_is_refused_for_pages_and_the_websocket(kind):
    env = {"COURSE_NETWORK_ADDRESS": "192.0.2.10"}
    assert run(env, kind=kind) == "passed"
    assert run(env, host="192.0.2.10:8501", kind=kind) == "passed"
    refused = 421 if kind == "http" else 1008
    assert run(env, host="rebound.attacker.example:8501", kind=kind) == refused


def test_metrics_are_hidden_unless_enabled():
    env = {"COURSE_NETWORK_ADDRESS": "192.0.2.10"}
    assert run(env, path="/_stcore/metrics") == 404
    assert run({**env, "COURSE_METRICS": "1"}, path="/_stcore/metrics") == "passed"
    assert run(env, path="/_stcore/health") == "passed"
