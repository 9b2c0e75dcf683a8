"""A page looks the same on a first visit as on the next ones: the scripts the app sends take no room
(a first visit runs one more of them, and the top bar and a projected question used to move down)."""

import pytest

from tests.browser.conftest import wait_idle

pytestmark = pytest.mark.browser
TOP_BAR = "() => document.querySelector('.st-key-topbar').getBoundingClientRect().top"
MENU_BAR = "() => document.querySelector('[data-testid=stHeader]').getBoundingClientRect().bottom"
SCRIPT_ROOM = (
    "() => Array.from(document.querySelectorAll('[data-testid=stElementContainer]'))"
    ".filter((box) => box.querySelector('[data-testid=stHtml] > script:only-child')"
    " && box.getBoundingClientRect().height + box.getBoundingClientRect().top > 0).length"
)


@pytest.mark.parametrize("path", ["learn", "join"])
def test_the_top_bar_does_not_move_between_a_first_visit_and_the_next(app_url, open_page, path):
    page = open_page(f"{app_url}/{path}", "fr-FR")  # a new browser: no cookie yet, one more script
    first = page.evaluate(TOP_BAR)
    assert first >= page.evaluate(MENU_BAR)  # the top bar sits below the menu bar, not under it
    assert page.evaluate(SCRIPT_ROOM) == 0
    page.goto(f"{app_url}/{path}")
    wait_idle(page)
    assert page.evaluate(TOP_BAR) == first
    assert page.evaluate(SCRIPT_ROOM) == 0
