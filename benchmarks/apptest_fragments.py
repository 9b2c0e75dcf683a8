"""AppTest runs of one fragment, the way the server runs them.

In the browser, a widget drawn inside an `st.fragment` sends its rerun request with the fragment's
id, and the server runs that fragment alone: not the script, not the top bar, not the rest of the
page. A fragment with `run_every` is rerun alone the same way by the browser's timer. AppTest
(Streamlit 1.67) has no way to ask for that: `run()` always reruns the whole script. This module
adds it for the benchmarks:

- every AppTest run records which fragment drew each widget (the `fragment_id` of its delta) and the
  fragments that asked to be rerun on a timer (the `auto_rerun` messages), in the order drawn;
- `run_fragment(at, fragment_id)` runs that fragment alone, through the same ScriptRunner, session
  state and callbacks as a full run. The element tree it returns holds that fragment's elements
  only (as the browser receives them); call `at.run()` afterwards to see the whole page again.

It replaces `LocalScriptRunner.run` (as `install()` says) and relies on two private names of
Streamlit 1.67; `install()` fails with a clear message if they are gone.
"""

from __future__ import annotations

import inspect
from urllib import parse

from streamlit.runtime.scriptrunner_utils.script_requests import RerunData, ScriptRequestType
from streamlit.testing.v1 import local_script_runner
from streamlit.testing.v1.app_test import AppTest

_requested: list[str | None] = [None]  # the fragment the next run is for (None: the whole script)
widget_fragment: dict[str, str] = {}  # widget id -> id of the fragment that drew it
timed_fragments: list[str] = []  # fragments with run_every, in the order the last full run drew them

_original_run = local_script_runner.LocalScriptRunner.run
_EXPECTED = ["self", "widget_state", "query_params", "timeout", "page_hash", "context_info"]


def install() -> None:
    """Replace LocalScriptRunner.run by one that can run a single fragment and records fragment ids."""
    if local_script_runner.LocalScriptRunner.run is _run:
        return
    found = list(inspect.signature(_original_run).parameters)
    if found != _EXPECTED or not hasattr(local_script_runner, "require_widgets_deltas"):
        raise RuntimeError(
            "benchmarks/apptest_fragments.py was written for Streamlit 1.67's LocalScriptRunner.run"
            f"{tuple(_EXPECTED)}; this Streamlit has {tuple(found)}: update the module"
        )
    local_script_runner.LocalScriptRunner.run = _run


def fragment_of(widget) -> str:
    """The fragment that drew `widget` (an AppTest widget) in the last run."""
    try:
        return widget_fragment[widget.id]
    except KeyError:
        raise RuntimeError(f"{widget.key or widget.id} was not drawn inside a fragment") from None


def click_in_fragment(at: AppTest, widget) -> AppTest:
    """What the browser does when `widget` (already clicked or set) is used: rerun its fragment."""
    return run_fragment(at, fragment_of(widget))


def run_fragment(at: AppTest, fragment_id: str) -> AppTest:
    _requested[0] = fragment_id
    try:
        return at.run()
    finally:
        _requested[0] = None


def _run(self, widget_state=None, query_params=None, timeout=3, page_hash="", context_info=None):
    fragment_id = _requested[0]
    if fragment_id is None:
        tree = _original_run(self, widget_state, query_params, timeout, page_hash, context_info)
        timed_fragments[:] = _timed_fragments(self.forward_msgs())
    else:
        request = RerunData(
            widget_states=widget_state,
            query_string=parse.urlencode(query_params, doseq=True) if query_params else "",
            page_script_hash=page_hash,
            context_info=context_info,
            fragment_id_queue=[fragment_id],
        )
        tree = _run_one_fragment(self, request, timeout)
    _record_widgets(self.forward_msgs())
    return tree


def _run_one_fragment(runner, request: RerunData, timeout: float):
    # A new LocalScriptRunner starts with a pending full rerun, which a fragment request would be
    # merged into (a full rerun wins): the pending request is replaced instead, before the thread starts.
    if runner._requests._state != ScriptRequestType.RERUN or runner._script_thread is not None:
        raise RuntimeError("apptest_fragments: the runner is not in the state Streamlit 1.67 leaves it")
    runner._requests._rerun_data = request
    try:
        runner.start()
        local_script_runner.require_widgets_deltas(runner, timeout)
    finally:
        runner.join()
    return local_script_runner.parse_tree_from_messages(runner.forward_msgs())


def _record_widgets(messages) -> None:
    for message in messages:
        if message.WhichOneof("type") != "delta" or not message.delta.fragment_id:
            continue
        element = message.delta.new_element
        kind = element.WhichOneof("type")
        widget_id = getattr(getattr(element, kind), "id", None) if kind else None
        if isinstance(widget_id, str) and widget_id:
            widget_fragment[widget_id] = message.delta.fragment_id


def _timed_fragments(messages) -> list[str]:
    found = []
    for message in messages:
        if message.WhichOneof("type") == "auto_rerun" and message.auto_rerun.fragment_id not in found:
            found.append(message.auto_rerun.fragment_id)
    return found
