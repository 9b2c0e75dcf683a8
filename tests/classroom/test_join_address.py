"""The address projected for joining a class: never localhost when the machine has a network address,
and a reason whenever pupils' devices still could not reach it. No test opens a socket: the
address-finding function is injected or replaced."""

import socket

import pytest

from course.classroom import join_address
from course.classroom.join_address import LOOPBACK_ONLY, NO_NETWORK, JoinAddress, choose, start_links
from course.settings import Settings

LAN = "192.168.1.20"
DETECT = join_address.detect_network_address  # the real one: the fixture below replaces it


def lan() -> str:
    return LAN


def nothing() -> None:
    return None


def never() -> str:
    raise AssertionError("the network address was looked up although it is not needed")


@pytest.fixture(autouse=True)
def no_real_lookup(monkeypatch):
    """A test that forgot to inject the lookup fails instead of asking the system."""
    monkeypatch.setattr(join_address, "detect_network_address", never)
    monkeypatch.setattr(join_address, "_detected", None)
    monkeypatch.delenv("COURSE_NETWORK_ADDRESS", raising=False)


@pytest.mark.parametrize(
    "teacher",
    [
        "http://localhost:8501/dashboard?session=1",
        "http://127.0.0.1:8501/",
        "http://0.0.0.0:8501",
        "http://[::1]:8501",
    ],
)
def test_a_loopback_teacher_address_projects_the_network_address_with_the_same_port(teacher):
    assert choose(teacher, network=lan) == JoinAddress(f"http://{LAN}:8501")


def test_the_scheme_and_port_of_the_teacher_address_are_kept():
    assert choose("https://localhost:9443/classes", network=lan).base == f"https://{LAN}:9443"
    assert choose("http://localhost/classes", network=lan).base == f"http://{LAN}"


def test_an_ipv6_network_address_is_bracketed():
    assert choose("http://localhost:8501", network=lambda: "fd00::20").base == "http://[fd00::20]:8501"


@pytest.mark.parametrize("teacher", [f"http://{LAN}:8501/dashboard", "http://teacher-pc.local:8501/classes"])
def test_an_address_other_devices_can_use_is_projected_as_it_is(teacher):
    assert choose(teacher, network=never) == JoinAddress(teacher.rsplit("/", 1)[0])


def test_without_a_network_address_the_projector_is_warned():
    joined = choose("http://localhost:8501", network=nothing)
    assert joined == JoinAddress("http://localhost:8501", NO_NETWORK)
    assert not joined.reachable


@pytest.mark.parametrize("listen", ["127.0.0.1", "localhost", "::1", "[::1]"])
def test_a_server_listening_on_loopback_only_is_warned_about(listen):
    assert choose("http://localhost:8501", listen_address=listen, network=lan) == JoinAddress(
        f"http://{LAN}:8501", LOOPBACK_ONLY
    )
    # even if the teacher typed the network address: the server refuses other devices
    assert choose(f"http://{LAN}:8501", listen_address=listen, network=never).problem == LOOPBACK_ONLY


@pytest.mark.parametrize("listen", [None, "", "0.0.0.0", "::", LAN])
def test_servers_listening_on_the_network_are_not_warned_about(listen):
    assert choose("http://localhost:8501", listen_address=listen, network=lan).reachable


def test_the_public_url_wins_even_behind_a_proxy_on_loopback():
    for teacher in ("http://localhost:8501", f"http://{LAN}:8501"):
        assert choose(
            teacher, public_url="https://safe.school.example/", listen_address="127.0.0.1", network=never
        ) == JoinAddress("https://safe.school.example")


def test_a_missing_teacher_address_counts_as_localhost():
    assert choose(None, network=lan).base == f"http://{LAN}:8501"


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("localhost", True),
        ("LOCALHOST.", True),
        ("app.localhost", True),
        ("127.0.1.1", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", True),
        ("", True),
        (None, True),
        (LAN, False),
        ("10.0.0.5", False),
        ("fd00::1", False),
        ("teacher-pc.local", False),
        ("safe.school.example", False),
    ],
)
def test_what_counts_as_this_computer_only(host, local):
    assert join_address.is_local_host(host) is local


def test_the_configured_network_address_wins_over_the_detected_one():
    assert (
        join_address.network_address(
            Settings.from_env({"COURSE_NETWORK_ADDRESS": " 10.0.0.7 "}), detect=never
        )
        == "10.0.0.7"
    )
    assert join_address.network_address(Settings(network_address="127.0.0.1"), detect=never) is None
    assert join_address.network_address(Settings(), detect=lan) == LAN
    assert (
        join_address.network_address(Settings(), detect=lambda: "127.0.0.1") is None
    )  # Streamlit's fallback


def test_the_lookup_is_asked_again_only_after_a_while(monkeypatch):
    calls = []
    monkeypatch.setattr(join_address, "detect_network_address", lambda: calls.append(1) or LAN)
    clock = [1000.0]
    monkeypatch.setattr(join_address.time, "monotonic", lambda: clock[0])
    assert join_address.network_address(Settings()) == LAN
    assert join_address.network_address(Settings()) == LAN
    assert len(calls) == 1  # the dashboard reruns every few seconds
    clock[0] += join_address._DETECT_SECONDS + 1
    assert join_address.network_address(Settings()) == LAN
    assert len(calls) == 2  # the laptop may have joined the Wi-Fi since


class FakeSocket:
    """A datagram socket that records the connect and never touches the network."""

    def __init__(self, own: str | None):
        self.own, self.peer = own, None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def connect(self, peer):
        if self.own is None:
            raise OSError(101, "Network is unreachable")
        self.peer = peer

    def getsockname(self):
        return (self.own, 40000)


@pytest.mark.parametrize(("own", "found"), [(LAN, LAN), ("127.0.0.1", None), (None, None)])
def test_detection_asks_the_route_of_a_datagram_socket_as_streamlit_does(monkeypatch, own, found):
    made = []

    def fake_socket(family, kind):
        assert (family, kind) == (socket.AF_INET, socket.SOCK_DGRAM)  # connecting it sends nothing
        made.append(FakeSocket(own))
        return made[-1]

    monkeypatch.setattr(join_address.socket, "socket", fake_socket)
    assert DETECT() == found
    assert len(made) == 1


def test_start_links_for_this_computer_and_the_network():
    links = start_links(8502, network=lan)
    assert (links.here, links.others) == ("http://localhost:8502", f"http://{LAN}:8502")
    assert links.join == JoinAddress(f"http://{LAN}:8502")

    links = start_links("8502", listen_address="127.0.0.1", network=lan)
    assert (links.here, links.others, links.join.problem) == ("http://localhost:8502", None, LOOPBACK_ONLY)

    links = start_links(8501, listen_address=LAN, network=never)  # bound to that interface only
    assert (links.here, links.others) == (f"http://{LAN}:8501", f"http://{LAN}:8501")

    links = start_links(8501, network=nothing)
    assert (links.others, links.join.problem) == (None, NO_NETWORK)

    links = start_links(
        8501, listen_address="127.0.0.1", public_url="https://safe.school.example", network=never
    )
    assert (links.others, links.join.problem) == ("https://safe.school.example", None)
