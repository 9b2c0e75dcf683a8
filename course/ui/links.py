"""Going from one page to another: always through a route of course.ui.routes, never a string."""

from __future__ import annotations

import streamlit as st

from course.ui import session_keys
from course.ui.routes import Route
from course.ui.state import visitor


def page(route: Route) -> st.Page:
    """The st.Page the app registered for `route` in this session (course.ui.app.register_pages)."""
    registered = st.session_state.get(session_keys.PAGES)
    for made in registered[1] if registered else ():
        if made.url_path == route.path:
            return made
    raise LookupError(f"page '{route.path}' is not registered for this visitor")


def go(route: Route, **params: str) -> None:
    """Switch page, keeping the language, the country, the reading settings and the resume code in the
    URL."""
    who = visitor()
    keep = {"lang": who.lang, "country": who.country, **who.reading.changed()}
    if "code" in st.query_params:
        keep["code"] = st.query_params["code"]
    st.switch_page(page(route), query_params={**keep, **params})
