"""The app served by any ASGI server: `uvicorn course.asgi:app` opens a working page in Chromium, with
its headers, and a pupil's click runs over the websocket."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from course.locales import t
from tests.browser.conftest import start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser


def test_uvicorn_serves_the_app(tmp_path, open_page):
    url, process = start_server(tmp_path, uvicorn=True)
    try:
        page = open_page(f"{url}/join?lang=fr")
        response = page.request.get(f"{url}/join?lang=fr")
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        expect(page.get_by_role("button", name=t("help.button", "fr"))).to_be_visible()
        assert page.evaluate("document.documentElement.lang") == "fr"
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        page.get_by_role("radio", name="English").click()  # a rerun over the websocket
        wait_idle(page)
        expect(page.get_by_role("button", name=t("help.button", "en"))).to_be_visible()
    finally:
        stop_server(process)
