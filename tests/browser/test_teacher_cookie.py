"""The teacher's sign-in cookie is the server's: HttpOnly, SameSite=Strict, out of the address bar, and
signing out on one server refuses a copy of the cookie on another."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import TEACHER_TOKEN, start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture
def two_servers(tmp_path):
    """Two servers of the app on one SQLite file, with the same teacher secret."""
    first, process_a = start_server(tmp_path)
    try:
        second, process_b = start_server(tmp_path)
    except Exception:
        stop_server(process_a)
        raise
    yield first, second
    stop_server(process_a)
    stop_server(process_b)


def signed_in(page) -> bool:
    return page.get_by_role("link", name="Mes classes").count() > 0


def open_classes(page, url: str) -> None:
    page.goto(f"{url}/classes")
    wait_idle(page)


def test_the_cookie_is_the_servers_and_signing_out_holds_on_every_server(two_servers, browser: Browser):
    server_a, server_b = two_servers
    teacher = browser.new_context(locale="fr-FR").new_page()
    teacher.goto(f"{server_a}/teacher/sign-in?token={TEACHER_TOKEN}")
    wait_idle(teacher)
    assert "/teachers" in teacher.url and "token" not in teacher.url  # the token left the address
    assert TEACHER_TOKEN not in teacher.evaluate("() => window.location.href + document.referrer")
    [cookie] = [c for c in teacher.context.cookies() if c["name"] == "course_teacher"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert "course_teacher" not in teacher.evaluate("() => document.cookie")  # no script can read it
    expect(teacher.get_by_role("link", name="Mes classes")).to_be_visible()

    # A copy of the cookie works on the other server while the sign-in holds...
    host_b = server_b.split("//", 1)[1].split(":", 1)[0]
    copy = browser.new_context(locale="fr-FR")
    copy.add_cookies([{**cookie, "domain": host_b}])
    other = copy.new_page()
    open_classes(other, server_b)
    assert signed_in(other)

    # ...and not once the teacher signs out on the first one.
    open_classes(teacher, server_a)
    teacher.get_by_role("link", name="Quitter l'espace enseignant").click()
    wait_idle(teacher)
    assert not signed_in(teacher)
    open_classes(other, server_b)
    assert not signed_in(other)
    copy.close()
    teacher.context.close()


def test_a_wrong_token_gets_no_cookie_and_says_so(two_servers, browser: Browser):
    server_a, _ = two_servers
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(f"{server_a}/teacher/sign-in?token=guess")
    wait_idle(page)
    assert "guess" not in page.url
    assert not [c for c in page.context.cookies() if c["name"] == "course_teacher"]
    expect(page.get_by_text("Ce lien enseignant n'est pas (ou plus) valable.")).to_be_visible()
    page.context.close()
