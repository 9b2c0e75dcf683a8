"""The address pupils and parents join at, and whether their devices can reach it.

A teacher usually opens the app on the machine that runs it, as `http://localhost:8501`: that
address means "this computer" on every device, so projecting it (or its QR code) sends pupils'
phones nowhere. When the teacher's address is loopback, the projected address uses the machine's
network address instead, found the way Streamlit finds its "Network URL" (streamlit/net_util.py).
`COURSE_PUBLIC_URL` (a proxy, a domain) always wins; `COURSE_NETWORK_ADDRESS` names the network
address when the machine has several (and lets tests give one without any network).

Plain Python: the pages and `python -m course serve` both call it; tests call it directly.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from course.settings import Settings, settings

# Why pupils' devices cannot reach the projected address (None: they can, as far as we can tell).
LOOPBACK_ONLY = "loopback_only"  # the server accepts connections from this computer only
NO_NETWORK = "no_network"  # this computer has no network address (no Wi-Fi or cable)

_DETECT_SECONDS = 30  # the laptop may join the school Wi-Fi after the server started: look again


@dataclass(frozen=True)
class JoinAddress:
    base: str  # scheme://host[:port], no trailing slash
    problem: str | None = None  # LOOPBACK_ONLY, NO_NETWORK or None

    @property
    def reachable(self) -> bool:
        return self.problem is None


def is_local_host(host: str | None) -> bool:
    """True for an address that means "this computer" (or no address at all): never reachable
    from another device. `localhost`, `127.x.y.z`, `::1`, `0.0.0.0`, `::`."""
    if not host:
        return True
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name (teacher-pc.local, a domain): other devices may resolve it
    return address.is_loopback or address.is_unspecified


def listens_on_loopback_only(listen_address: str | None) -> bool:
    """`--server.address 127.0.0.1` (or localhost, ::1): other devices are refused. Streamlit's
    default (empty) and the wildcards 0.0.0.0 and :: accept every interface."""
    if not listen_address or listen_address.startswith("unix://"):
        return False
    host = listen_address.strip("[]").lower()
    if host in ("0.0.0.0", "::"):
        return False
    return is_local_host(host)


def detect_network_address() -> str | None:
    """This machine's IPv4 address on its network, as Streamlit's "Network URL" finds it.

    A UDP socket "connected" to a public address makes the system pick the interface of its
    default route; connecting a datagram socket sends no packet. None when there is no route
    (no network) or when the answer is loopback (Streamlit would print 127.0.0.1)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("8.8.8.8", 1))
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if is_local_host(address) else address


_detected: tuple[float, str | None] | None = None


def _detect_cached(detect: Callable[[], str | None]) -> str | None:
    """The live views rerun every few seconds: ask the system at most every _DETECT_SECONDS."""
    global _detected  # noqa: PLW0603 - a tiny time-limited cache of one value
    now = time.monotonic()
    if _detected is None or now - _detected[0] > _DETECT_SECONDS:
        _detected = (now, detect())
    return _detected[1]


def network_address(
    given: Settings | None = None, detect: Callable[[], str | None] | None = None
) -> str | None:
    """COURSE_NETWORK_ADDRESS if set (and not loopback), else the detected address, else None.
    `given`: the settings to use (default: the environment's)."""
    configured = (given or settings()).network_address
    if configured:
        return None if is_local_host(configured) else configured
    if detect is None:
        return _detect_cached(detect_network_address)
    found = detect()
    return None if is_local_host(found) else found


def _host_for_url(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def with_host(base: str, host: str) -> str:
    """`http://localhost:8501` with host 192.168.1.20 -> `http://192.168.1.20:8501`."""
    parts = urlsplit(base)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme or 'http'}://{_host_for_url(host)}{port}"


def base_of(url: str | None, default: str = "http://localhost:8501") -> str:
    """scheme://host[:port] of a page address."""
    parts = urlsplit(url or default)
    if not parts.scheme or not parts.netloc:
        parts = urlsplit(default)
    return f"{parts.scheme}://{parts.netloc}"


def choose(
    teacher_url: str | None,
    *,
    public_url: str | None = None,
    listen_address: str | None = None,
    network: Callable[[], str | None] = network_address,
) -> JoinAddress:
    """The base address to project for joining, and why other devices could not reach it.

    - `public_url` (COURSE_PUBLIC_URL) wins: behind a proxy the server may well listen on
      127.0.0.1 only, and the proxy is what pupils reach.
    - The teacher's own address when it is not loopback (they opened it as pupils will).
    - Else the same scheme and port on the machine's network address (`network()`), or the
      teacher's address with NO_NETWORK when there is none.
    - LOOPBACK_ONLY whenever the server listens on loopback only: no address can work then.
    """
    if public_url and public_url.strip():
        return JoinAddress(public_url.strip().rstrip("/"))
    base = base_of(teacher_url)
    problem = None
    if is_local_host(urlsplit(base).hostname):
        found = network()
        if found:
            base = with_host(base, found)
        else:
            problem = NO_NETWORK
    if listens_on_loopback_only(listen_address):
        problem = LOOPBACK_ONLY
    return JoinAddress(base, problem)


@dataclass(frozen=True)
class StartLinks:
    """What `python -m course serve` prints before the server starts."""

    here: str  # the base for this computer's browser
    others: str | None  # the base for other devices (None: none can reach the server)
    join: JoinAddress  # what the projector will show when the teacher uses `here`


def start_links(
    port: int | str,
    listen_address: str | None = None,
    public_url: str | None = None,
    network: Callable[[], str | None] = network_address,
) -> StartLinks:
    """The teacher links to print at start: this computer, and other devices on the network."""
    one_interface = (  # bound to one network interface: localhost would be refused
        listen_address
        and listen_address not in ("0.0.0.0", "::")
        and not listen_address.startswith("unix://")
        and not listens_on_loopback_only(listen_address)
    )
    here_host = listen_address if one_interface and listen_address else "localhost"
    here = f"http://{_host_for_url(here_host)}:{port}"
    join = choose(here, public_url=public_url, listen_address=listen_address, network=network)
    others = None if join.problem else join.base
    return StartLinks(here, others, join)


PROBLEM_HELP = {
    LOOPBACK_ONLY: (
        "Pupils' devices cannot reach this server: it accepts connections from this computer only "
        "(--server.address 127.0.0.1). Stop it (Ctrl+C) and start it again with `python -m course serve` "
        "without --server.address (or with --server.address 0.0.0.0)."
    ),
    NO_NETWORK: (
        "No network address found: connect this computer to the school's Wi-Fi or network (the one "
        "pupils' devices use), then reload the class page; or set COURSE_NETWORK_ADDRESS or "
        "COURSE_PUBLIC_URL."
    ),
}
