"""Put steps in order by tapping them: 1, 2, 3… (a second tap takes a step back)."""

from __future__ import annotations

import re

import streamlit as st

from course.activities import Result
from course.activities.ordering import Ordering
from course.ui import listen
from course.ui.state import Visitor
from course.ui.widgets.answer_state import Answering, check_button, shown, widget_key
from course.ui.widgets.checked import checked
from course.web import scripts


def draw(activity: Ordering, who: Visitor, answering: Answering) -> Result | None:
    return checked(activity, who, answering, inputs)


def inputs(activity: Ordering, who: Visitor, answering: Answering) -> None:
    """Tap the items in order: each shows its number, a second tap takes it back. The items never move,
    so touch, keyboard and screen-reader users keep their place (the number is in the button's name)."""
    key = widget_key(answering, "order")
    placed: list[str] = st.session_state.setdefault(key, [])
    texts = {item.id: item.text.get(who.lang) for item in activity.items}
    st.caption(who.t("activity.order_help"))
    with listen.choices_box(key):
        tap_buttons(activity, who, answering, key, placed, texts)
    check_button(
        activity, who, answering, lambda: list(st.session_state[key]), ready=len(placed) == len(texts)
    )
    tapped = st.session_state.pop(f"{key}:tapped", None)
    if tapped:
        keep_focus(f"{key}:tap:{tapped}")


def tap_buttons(
    activity: Ordering, who: Visitor, answering: Answering, key: str, placed: list[str], texts: dict[str, str]
) -> None:
    for item_id in shown(activity, answering):
        number = placed.index(item_id) + 1 if item_id in placed else None
        label = (
            texts[item_id]
            if number is None
            else who.t("activity.order_placed", number=number, text=texts[item_id])
        )
        st.button(
            label,
            key=f"{key}:tap:{item_id}",
            icon=":material/radio_button_unchecked:" if number is None else ":material/check_circle:",
            width="stretch",
            on_click=_tap,
            args=(key, item_id),
            help=who.t("activity.order_undo") if number else None,
        )


def _tap(key: str, item_id: str) -> None:
    """Place the item next, or take it back if it is placed (the items after it move up one number)."""
    placed = list(st.session_state.get(key, []))
    if item_id in placed:
        placed.remove(item_id)
    else:
        placed.append(item_id)
    st.session_state[key] = placed
    st.session_state[f"{key}:tapped"] = item_id


def keep_focus(widget_key: str) -> None:
    """Put the keyboard focus back on the button with `widget_key` once the rerun has redrawn it
    (Streamlit drops it), so a keyboard or screen-reader user stays where they were."""
    selector = f".st-key-{re.sub(r'[^a-zA-Z0-9_-]', '-', widget_key.strip())} button"
    st.html(scripts.tag(scripts.KEEP_FOCUS, selector), unsafe_allow_javascript=True, width="content")
