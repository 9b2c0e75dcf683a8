"""Activities on screen: one widget module per activity type, found through WIDGETS.

Each module has `draw(activity, who, answering) -> Result | None`: it draws the activity's inputs
(below its prompt) and, once answered, its feedback; it returns the result once there is one. Most go
the common way (course.ui.widgets.checked); a story and a poll have their own.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from course.activities import TYPES, AnyActivity, Result
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, get, put

# Each widget takes its own type's model: WIDGETS picks it by the activity's `type`.
Draw = Callable[[Any, Visitor, Answering], Result | None]


def _widgets() -> dict[str, Draw]:
    """Activity type -> its widget's `draw`: course/ui/widgets/<type>.py for every type of
    course.activities.UNITS (a type without one would show its prompt alone: refuse to start)."""
    widgets: dict[str, Draw] = {}
    for kind in TYPES:
        try:
            widgets[kind] = importlib.import_module(f"{__name__}.{kind}").draw
        except ModuleNotFoundError as missing:
            if missing.name != f"{__name__}.{kind}":
                raise
            raise RuntimeError(
                f"activity type '{kind}' has no widget: add course/ui/widgets/{kind}.py"
            ) from None
    return widgets


WIDGETS = _widgets()


def render_activity(activity: AnyActivity, who: Visitor, answering: Answering) -> Result | None:
    """Show the activity; returns its result once answered (now or on an earlier visit)."""
    st.markdown(f"**{activity.prompt.get(who.lang)}**")
    put(answering, "shown_at", get(answering, "shown_at") or time.monotonic())
    return WIDGETS[activity.type](activity, who, answering)
