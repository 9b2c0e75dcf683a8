"""The join address on the projector, in Chromium, when the teacher opened the app as localhost.

Pupils' phones cannot use `localhost`: the projector and its QR code show the machine's network
address, and a warning while other devices still could not reach it. The network address here is
given with COURSE_NETWORK_ADDRESS (a documentation address, RFC 5737): it is shown, never contacted;
every page is loaded through http://localhost."""

import base64
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from course.ui.classroom_state import qr_png
from tests.browser.conftest import (
    TEACHER_TOKEN,
    class_code,
    open_class,
    open_evening,
    screenshot,
    serious_violations,
    start_server,
    stop_server,
    wait_idle,
)

pytestmark = pytest.mark.browser
NETWORK = "192.0.2.10"  # TEST-NET-1: never routed, never connected to
PUBLIC = "https://cours.ecole.example"
QR_ALT = "QR code qui ouvre la page pour rejoindre cette classe"
LOOPBACK = re.compile(r"localhost|127\.0\.0\.1|\[::1\]")
WARNING = "Les autres appareils ne peuvent pas encore joindre cette adresse"


def local_address(url: str) -> str:
    """The server's address as a teacher on that machine types it."""
    return f"http://localhost:{urlsplit(url).port}"


@pytest.fixture(scope="module")
def lan_server(tmp_path_factory):
    """The server as the browser tests start it (listening on 127.0.0.1 only), with a network address."""
    url, process = start_server(
        tmp_path_factory.mktemp("join-lan"), extra_env={"COURSE_NETWORK_ADDRESS": NETWORK}
    )
    yield local_address(url)
    stop_server(process)


def qr_src(join_url: str) -> str:
    """The data URL of the projected QR code that opens `join_url` (the app draws it at scale 10)."""
    return "data:image/png;base64," + base64.b64encode(qr_png(join_url, scale=10)).decode()


def test_the_projector_shows_the_network_address_and_warns_while_pupils_cannot_reach_it(
    lan_server, open_page
):
    port = urlsplit(lan_server).port
    teacher = open_page(f"{lan_server}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR", height=720)
    code = open_class(teacher, "CM2 réseau")
    join = f"http://{NETWORK}:{port}/join"

    heading = teacher.get_by_role("heading", name=re.compile("^Rejoindre sur"))
    expect(heading).to_have_text(f"Rejoindre sur {join}")
    assert not LOOPBACK.search(heading.inner_text())
    qr = teacher.get_by_role("img", name=QR_ALT)
    expect(qr).to_have_attribute("src", qr_src(f"{join}?class={code.replace('-', '')}"))

    # The server listens on 127.0.0.1 only: the projector says so, and what to do.
    warning = teacher.locator('[data-testid="stAlertContentWarning"]')
    expect(warning).to_contain_text(WARNING)
    expect(warning).to_contain_text("--server.address")
    assert serious_violations(teacher) == []
    screenshot(teacher, "join-address-projector-1280")
    teacher.set_viewport_size({"width": 390, "height": 844})
    wait_idle(teacher)
    expect(warning).to_be_visible()
    screenshot(teacher, "join-address-projector-390")


def test_the_evening_welcome_slide_shows_the_network_address_and_the_console_stays_local(
    lan_server, open_page
):
    port = urlsplit(lan_server).port
    console = open_page(f"{lan_server}/teacher/sign-in?token={TEACHER_TOKEN}", "fr-FR", height=720)
    open_evening(console)
    # the presenter opens the slides on this same screen: its sign-in cookie belongs to localhost
    projector_link = console.get_by_role("link", name="Ouvrir les diapositives (projecteur)")
    expect(projector_link).to_have_attribute(
        "href", re.compile(rf"^{re.escape(lan_server)}/presenter\?session=")
    )

    slides = console.context.new_page()
    slides.set_viewport_size({"width": 1280, "height": 720})
    slides.goto(projector_link.get_attribute("href"))
    wait_idle(slides)
    code = class_code(slides)
    join = f"http://{NETWORK}:{port}/join"
    expect(slides.get_by_role("heading", name=join, exact=True)).to_be_visible()
    expect(slides.get_by_role("img", name=QR_ALT)).to_have_attribute(
        "src", qr_src(f"{join}?class={code.replace('-', '')}")
    )
    expect(slides.locator('[data-testid="stAlertContentWarning"]')).to_contain_text(WARNING)
    assert serious_violations(slides) == []
    screenshot(slides, "join-address-welcome-slide-1280")


def test_the_public_url_wins_and_then_nothing_is_wrong(tmp_path, open_page):
    url, process = start_server(
        tmp_path, extra_env={"COURSE_PUBLIC_URL": PUBLIC, "COURSE_NETWORK_ADDRESS": NETWORK}
    )
    try:
        teacher = open_page(f"{local_address(url)}/teacher/sign-in?token={TEACHER_TOKEN}", "en-GB")
        code = open_class(teacher, "Year 7 network", lang="en", paced=False)
        expect(teacher.get_by_role("heading", name=re.compile("^Join at"))).to_have_text(
            f"Join at {PUBLIC}/join"
        )
        expect(teacher.get_by_role("img", name=re.compile("QR code"))).to_have_attribute(
            "src", qr_src(f"{PUBLIC}/join?class={code.replace('-', '')}")
        )
        expect(teacher.locator('[data-testid="stAlertContentWarning"]')).to_have_count(0)
    finally:
        stop_server(process)
