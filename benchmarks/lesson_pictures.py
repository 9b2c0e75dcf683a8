"""Bytes a lesson's pictures cost: a 7–10 lesson walked step by step in headless Chromium, with the
pictures served at their cached address (the app, course/asgi.py) and as Streamlit sends them without
that route (`streamlit run streamlit_app.py`: each SVG inlined as a data: URL in the websocket).

Prints, per app: websocket bytes received (payload as decoded, before any permessage-deflate), picture
bytes over HTTP (as sent), and the same walk again in the same browser (pictures cached). Asserts nothing.

    python benchmarks/lesson_pictures.py [--lesson grooming-7-10]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from course.content import load_course  # noqa: E402
from tests.browser.conftest import finish_before_check, wait_idle  # noqa: E402
from tests.serving import CHROMIUM  # noqa: E402


def walk(context, url: str, lesson_id: str, steps: int) -> tuple[int, int]:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    websocket, pictures = [0], [0]
    cdp.on(
        "Network.webSocketFrameReceived",
        lambda e: websocket.__setitem__(0, websocket[0] + len(e["response"]["payloadData"])),
    )
    urls: dict[str, str] = {}
    cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
    cdp.on(
        "Network.loadingFinished",
        lambda e: (
            "/pictures/" in urls.get(e["requestId"], "")
            and pictures.__setitem__(0, pictures[0] + int(e["encodedDataLength"]))
        ),
    )
    page.goto(f"{url}/lesson?lesson={lesson_id}")
    wait_idle(page)
    page.locator('[data-testid="stButton"] button').filter(has_not_text=re.compile("Need help")).first.click()
    wait_idle(page)
    finish_before_check(page)
    before = websocket[0]
    for _ in range(steps - 1):
        page.get_by_role("button", name=re.compile("^(Next|Skip)$")).first.click()
        wait_idle(page)
    page.close()
    return websocket[0] - before, pictures[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lesson", default="grooming-7-10")
    lesson_id = parser.parse_args().lesson
    steps = len(load_course().lessons[lesson_id].steps)
    print(f"{lesson_id}: {steps} steps, walked from the first to the last (English)\n")
    print("| app | websocket kB | pictures over HTTP kB | again, same browser: websocket kB | pictures kB |")
    print("|---|---|---|---|---|")
    for name, entry in (
        ("served at /pictures/ (course/asgi.py)", "course/asgi.py"),
        ("inlined (streamlit_app.py)", "streamlit_app.py"),
    ):
        with Server(entry=entry) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            context = browser.new_context(locale="en-GB")
            first = walk(context, server.url, lesson_id, steps)
            again = walk(context, server.url, lesson_id, steps)
            browser.close()
        print("| " + name + " | " + " | ".join(f"{value / 1000:.1f}" for value in (*first, *again)) + " |")


if __name__ == "__main__":
    main()
