"""An activity being answered: where its answer goes, its own state in the session, the check button.

The inputs live in a form (`answer_form`): a pick, a tick or a switch stays in the browser, and the check
button sends them with it, so an answer costs the server one run, not one per pick. The answer is written
to the store inside the button's callback, before the feedback is shown; if writing fails the inputs stay
as they were and the learner is asked to try again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from course.activities import AnyActivity, Result, grade
from course.activities.base import ActivityBase
from course.activities.order import shown_ids
from course.ui import session_keys
from course.ui.state import Visitor

Record = Callable[[Result, int, int], None]  # result, hints used, time spent (ms)


@dataclass(frozen=True)
class Answering:
    """How one activity is answered here: its state key, what was answered before, where answers go."""

    key: str
    earlier: Callable[[], Result | None]  # the answer given before this session; read only if needed
    record: Record
    allow_retry: bool = True
    vote: Callable[[str], dict[str, int]] | None = None  # polls: store the vote, return the counts
    hold: bool = False  # teacher-paced class before the reveal: the answer is saved, feedback waits
    order_seed: str = ""  # the learner, or the class session: who shares one order of the choices
    run: str = ""  # a quiz run: a retake shows the choices in a new order
    silent: bool = False  # a before-check: the answer is saved, no feedback at all


def shown(activity: ActivityBase, answering: Answering) -> list[str]:
    """The ids of the activity's choices in the order this learner (or class) sees them."""
    return shown_ids(activity, answering.order_seed, answering.run)


# Every activity's own state (its result, version, hints…) lives in this one entry of the session
# state, by activity key. Streamlit reads the whole session state each time it draws a radio or a
# selectbox, so a key per activity and per value made every question slower as a session went on.


def _states() -> dict[str, dict[str, Any]]:
    return st.session_state.setdefault(session_keys.ACTIVITY_STATE, {})


def get(answering: Answering, name: str, default: Any = None) -> Any:
    """This activity's own `name` in the session state."""
    return _states().get(answering.key, {}).get(name, default)


def put(answering: Answering, name: str, value: object) -> None:
    """Set this activity's own `name` in the session state."""
    _states().setdefault(answering.key, {})[name] = value


def forget_activities(prefix: str) -> None:
    """Drop the state of the activities whose key starts with `prefix` (a finished quiz run)."""
    states = _states()
    for key in [key for key in states if key.startswith(prefix)]:
        del states[key]


def current_result(answering: Answering) -> Result | None:
    """This session's answer, or the one in the store unless the learner chose to try again.

    The store is read once per session and activity: what was answered before this session cannot
    change during it (this session's own answers are kept above), and a question left unanswered was
    read again on every run of its page."""
    result = get(answering, "result")
    if result is None and not get(answering, "retrying"):
        own = _states().setdefault(answering.key, {})
        if "earlier" not in own:  # None, once read, is an answer too: nothing before this session
            own["earlier"] = answering.earlier()
        result = own["earlier"]
    return result


def retry(answering: Answering) -> None:
    put(answering, "tries", max(get(answering, "tries", 0), 1))
    put(answering, "result", None)
    put(answering, "retrying", True)
    put(answering, "version", get(answering, "version", 0) + 1)
    put(answering, "shown_at", time.monotonic())


def widget_key(answering: Answering, name: str) -> str:
    return f"{answering.key}:v{get(answering, 'version', 0)}:{name}"


def _submit(activity: AnyActivity, answering: Answering, collect: Callable[[], list[str]]) -> None:
    answer = collect()
    if activity.picks == "one" and not answer:  # nothing chosen: nothing graded or stored, say so
        put(answering, "choose_first", True)
        return
    put(answering, "choose_first", False)
    result = grade(activity, answer)
    spent = int((time.monotonic() - (get(answering, "shown_at") or time.monotonic())) * 1000)
    try:
        answering.record(result, get(answering, "hints", 0), spent)
    except Exception:  # noqa: BLE001 - any store failure: keep the inputs, say so, let them retry
        put(answering, "error", True)
        return
    put(answering, "error", False)
    put(answering, "result", result)
    put(answering, "tries", get(answering, "tries", 0) + 1)


def picked(key: str) -> list[str]:
    """The one choice of the radio with `key` as an answer: [] while nothing is chosen."""
    value = st.session_state.get(key)
    return [] if value is None else [value]


def ticked(keys: dict[str, str]) -> list[str]:
    """The ids whose box (or switch) with key `keys[id]` is on, in the order of `keys`."""
    return [item_id for item_id, key in keys.items() if st.session_state.get(key)]


def choices_form(key: str) -> DeltaGenerator:
    """A form without a frame around choices and their button: the choices are sent with the button
    only (Enter in the form does not send them)."""
    return st.form(key=key, border=False, enter_to_submit=False)


def choose_first(who: Visitor) -> None:
    """The button was pressed with nothing chosen."""
    st.info(who.t("activity.choose_first"), icon=":material/touch_app:")


def _check_label(who: Visitor, answering: Answering) -> str:
    return who.t("before.next") if answering.silent else who.t("activity.check")  # nothing is checked


@contextmanager
def answer_form(
    activity: AnyActivity, who: Visitor, answering: Answering, collect: Callable[[], list[str]]
) -> Iterator[None]:
    """The activity's inputs (drawn in the `with` block), then its check button, in one form: picks
    and ticks stay in the browser until the button sends them, in a single run. An activity that
    picks one answer (`picks == "one"`) pressed with nothing chosen is neither graded nor stored: the
    learner is asked to choose first."""
    with choices_form(widget_key(answering, "form")):
        yield
        st.form_submit_button(
            _check_label(who, answering),
            type="primary",
            key=widget_key(answering, "check"),
            width="stretch",  # the main action of the step, above "skip"
            on_click=_submit,
            args=(activity, answering, collect),
        )
    if get(answering, "choose_first"):
        choose_first(who)


def check_button(
    activity: AnyActivity,
    who: Visitor,
    answering: Answering,
    collect: Callable[[], list[str]],
    ready: bool = True,
) -> None:
    """A plain check button, outside any form: for inputs that cannot live in one (an ordering's
    buttons); disabled until `ready`."""
    st.button(
        _check_label(who, answering),
        type="primary",
        key=widget_key(answering, "check"),
        disabled=not ready,
        width="stretch",  # the main action of the step, above "skip"
        on_click=_submit,
        args=(activity, answering, collect),
    )


def hint(activity: ActivityBase, who: Visitor, answering: Answering) -> None:
    if activity.hint is None:
        return
    if get(answering, "hints", 0):
        st.info(activity.hint.get(who.lang), icon=":material/lightbulb:")
    else:
        st.button(
            who.t("activity.hint"),
            icon=":material/lightbulb:",
            key=widget_key(answering, "hint"),
            on_click=put,
            args=(answering, "hints", 1),
        )


def choice(activity: ActivityBase, who: Visitor, labels: dict[str, str], key: str) -> str | None:
    """One choice among `labels`, none selected at first; the prompt is already shown above."""
    return st.radio(
        activity.prompt.get(who.lang),
        list(labels),
        format_func=labels.get,
        index=None,
        key=key,
        label_visibility="collapsed",
    )
