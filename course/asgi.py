"""The app as an ASGI application (st.App): Streamlit, behind the guards of course/web.

`python -m course serve` runs this file; `streamlit run course/asgi.py` does the same, and any ASGI
server can serve `course.asgi:app`. (`streamlit run streamlit_app.py` still works, without the guards.)
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

import course.web
from course.settings import settings
from course.web import teacher_routes
from course.web.guards import Guard

ENTRY = Path(__file__).resolve().parents[1] / "streamlit_app.py"

settings()  # a COURSE_* value the app cannot use stops the server here, with a message naming it
course.web.ROUTES_SERVED = True  # the pages may send a teacher's link to the sign-in route
app = st.App(ENTRY, routes=teacher_routes.ROUTES, middleware=[Middleware(Guard)])
