"""The accessibility statement: what the tests check (WCAG 2.2 AA), what does not conform or is not
checked yet, how to report a problem, and when the statement was last reviewed."""

from __future__ import annotations

import streamlit as st

from course.locales import month_name
from course.ui import state

# Reviewed when the accessibility tests (tests/browser/test_accessibility*.py, test_keyboard.py) or
# what they find change: the month of the last review.
REVIEWED = "2026-12"


def render() -> None:
    who = state.visitor()
    st.title(who.t("accessibility.title"))
    st.markdown(who.t("accessibility.lead"))
    for part in ("tested", "not_yet", "report"):
        st.header(who.t(f"accessibility.{part}_title"))  # h2 below the h1 title: no level skipped
        st.markdown(who.t(f"accessibility.{part}"))
    st.caption(who.t("accessibility.reviewed", date=month_name(REVIEWED, who.lang)))
