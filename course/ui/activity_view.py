"""One activity on screen: the inputs for its type, then its feedback once the answer is saved.

The answer is written to the store inside the button's callback, before the feedback is shown;
if writing fails the inputs stay as they were and the learner is asked to try again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from course.activities import Feedback, Result, branching, grade
from course.activities.feedback import feedback_to_show
from course.activities.order import choices_of, in_order, shown_ids
from course.classroom.answers_shown import tally
from course.ui.bars import answer_bars
from course.ui.guard import guarded
from course.ui.safe import script_json
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


def shown(activity, answering: Answering) -> list[str]:
    """The ids of the activity's choices in the order this learner (or class) sees them."""
    return shown_ids(activity, answering.order_seed, answering.run)


# Every activity's own state (its result, version, hints…) lives in this one entry of the session
# state, by activity key. Streamlit reads the whole session state each time it draws a radio or a
# selectbox, so a key per activity and per value made every question slower as a session went on.
ACTIVITY_STATE = "activity_state"


def _states() -> dict[str, dict]:
    return st.session_state.setdefault(ACTIVITY_STATE, {})


def _state(answering: Answering, name: str, default=None):
    return _states().get(answering.key, {}).get(name, default)


def _set(answering: Answering, name: str, value) -> None:
    _states().setdefault(answering.key, {})[name] = value


def forget_activities(prefix: str) -> None:
    """Drop the state of the activities whose key starts with `prefix` (a finished quiz run)."""
    states = _states()
    for key in [key for key in states if key.startswith(prefix)]:
        del states[key]


def current_result(answering: Answering) -> Result | None:
    """This session's answer, or the one in the store unless the learner chose to try again."""
    result = _state(answering, "result")
    if result is None and not _state(answering, "retrying"):
        result = answering.earlier()
    return result


def render_activity(activity, who: Visitor, answering: Answering) -> Result | None:
    """Show the activity; returns its result once answered (now or on an earlier visit)."""
    st.markdown(f"**{activity.prompt.get(who.lang)}**")
    _set(answering, "shown_at", _state(answering, "shown_at") or time.monotonic())
    if activity.type == "poll":
        _poll(activity, who, answering)
        return None
    if activity.type == "branching":
        return _branching(activity, who, answering)
    result = current_result(answering)
    if result is None:
        _inputs(activity, who, answering)
        _hint(activity, who, answering)
        error = _state(answering, "error")
        if error:
            st.error(who.t("activity.not_saved"), icon=":material/cloud_off:")
        return None
    if answering.silent:
        return result
    if answering.hold:
        st.success(who.t("activity.saved_wait"), icon=":material/hourglass_top:")
        return result
    first_try = answering.allow_retry and _state(answering, "tries", 0) < 2
    show_feedback(result, activity, who, full=not first_try, order=shown(activity, answering))
    if first_try and result.correct is False:
        if activity.hint is not None:
            st.info(activity.hint.get(who.lang), icon=":material/lightbulb:")
        st.button(
            who.t("activity.retry"), key=f"{answering.key}:retry_button", on_click=_retry, args=(answering,)
        )
    return result


def _retry(answering: Answering) -> None:
    _set(answering, "tries", max(_state(answering, "tries", 0), 1))
    _set(answering, "result", None)
    _set(answering, "retrying", True)
    _set(answering, "version", _state(answering, "version", 0) + 1)
    _set(answering, "shown_at", time.monotonic())


def _widget_key(answering: Answering, name: str) -> str:
    return f"{answering.key}:v{_state(answering, 'version', 0)}:{name}"


def _submit(activity, answering: Answering, collect: Callable[[], list[str]]) -> None:
    result = grade(activity, collect())
    spent = int((time.monotonic() - (_state(answering, "shown_at") or time.monotonic())) * 1000)
    try:
        answering.record(result, _state(answering, "hints", 0), spent)
    except Exception:  # noqa: BLE001 - any store failure: keep the inputs, say so, let them retry
        _set(answering, "error", True)
        return
    _set(answering, "error", False)
    _set(answering, "result", result)
    _set(answering, "tries", _state(answering, "tries", 0) + 1)


def _check_button(activity, who: Visitor, answering: Answering, collect, ready: bool = True) -> None:
    st.button(
        who.t("before.next") if answering.silent else who.t("activity.check"),  # nothing is checked
        type="primary",
        key=_widget_key(answering, "check"),
        disabled=not ready,
        width="stretch",  # the main action of the step, above "skip"
        on_click=_submit,
        args=(activity, answering, collect),
    )


def _hint(activity, who: Visitor, answering: Answering) -> None:
    if activity.hint is None:
        return
    if _state(answering, "hints", 0):
        st.info(activity.hint.get(who.lang), icon=":material/lightbulb:")
    else:
        st.button(
            who.t("activity.hint"),
            icon=":material/lightbulb:",
            key=_widget_key(answering, "hint"),
            on_click=_set,
            args=(answering, "hints", 1),
        )


def _inputs(activity, who: Visitor, answering: Answering) -> None:
    kind = activity.type
    if kind in ("single_choice", "true_false"):
        _single(activity, who, answering)
    elif kind in ("multiple_choice", "red_flag_chat", "spot_details"):
        _multiple(activity, who, answering)
    elif kind == "ordering":
        _ordering(activity, who, answering)
    elif kind == "settings":
        _settings(activity, who, answering)


def _single(activity, who: Visitor, answering: Answering) -> None:
    if activity.type == "true_false":
        labels = {"true": who.t("activity.true"), "false": who.t("activity.false")}
    else:
        texts = {option.id: option.text.get(who.lang) for option in activity.options}
        labels = in_order(texts, shown(activity, answering))
    key = _widget_key(answering, "choice")
    choice = _choice(activity, who, labels, key)
    _check_button(activity, who, answering, lambda: [st.session_state[key]], ready=choice is not None)


def _choice(activity, who: Visitor, labels: dict[str, str], key: str) -> str | None:
    """One choice among `labels`, none selected at first; the prompt is already shown above."""
    return st.radio(
        activity.prompt.get(who.lang),
        list(labels),
        format_func=labels.get,
        index=None,
        key=key,
        label_visibility="collapsed",
    )


def _multiple(activity, who: Visitor, answering: Answering) -> None:
    by_id = {item.id: item for item in choices_of(activity)}
    items = [by_id[item_id] for item_id in shown(activity, answering)]
    keys = {item.id: _widget_key(answering, f"pick:{item.id}") for item in items}
    if activity.type == "red_flag_chat":
        st.caption(who.t("activity.red_flag_help"))
        for message in items:
            with st.chat_message(
                "user" if message.sender == "me" else "assistant", avatar=_avatar(message.sender)
            ):
                if message.name:
                    st.caption(message.name.get(who.lang))
                st.markdown(message.text.get(who.lang))
                st.checkbox(who.t("activity.red_flag"), key=keys[message.id])
    elif activity.type == "spot_details":
        st.caption(who.t("activity.spot_help"))
        with st.container(border=True):
            for part in items:
                st.checkbox(part.text.get(who.lang), key=keys[part.id])
    else:
        for option in items:
            st.checkbox(option.text.get(who.lang), key=keys[option.id])
    _check_button(activity, who, answering, lambda: [i for i, k in keys.items() if st.session_state.get(k)])


def _avatar(sender: str) -> str:
    return ":material/face:" if sender == "me" else ":material/person:"


def _ordering(activity, who: Visitor, answering: Answering) -> None:
    """Tap the items in order: each shows its number, a second tap takes it back. The items never move,
    so touch, keyboard and screen-reader users keep their place (the number is in the button's name)."""
    key = _widget_key(answering, "order")
    placed: list[str] = st.session_state.setdefault(key, [])
    texts = {item.id: item.text.get(who.lang) for item in activity.items}
    st.caption(who.t("activity.order_help"))
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
    _check_button(
        activity, who, answering, lambda: list(st.session_state[key]), ready=len(placed) == len(texts)
    )
    tapped = st.session_state.pop(f"{key}:tapped", None)
    if tapped:
        keep_focus(f"{key}:tap:{tapped}")


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
    # The button is redrawn a moment after this script runs (the old, hidden copy may still be in the
    # page): for a second, whenever the focus has fallen back to the page itself, put it on the visible
    # button again. As soon as the focus goes anywhere else (the user moved it, perhaps to press the next
    # step) it stops, or a quick second key press would see the focus pulled back to this button.
    chosen = script_json(selector)
    script = (
        "(() => { let tries = 0, moved = false;"
        f" const ours = (element) => element && element.matches && element.matches({chosen});"
        " const watch = (event) => { if (!ours(event.target)) moved = true; };"
        " document.addEventListener('focusin', watch);"
        " const again = () => { const active = document.activeElement;"
        " const lost = !active || active === document.body;"
        " if (moved || (!lost && !ours(active)) || ++tries > 12) {"
        " document.removeEventListener('focusin', watch); return; }"
        f" const button = Array.from(document.querySelectorAll({chosen}))"
        ".find((found) => found.offsetParent !== null);"
        " if (button && lost) button.focus(); setTimeout(again, 100); }; again(); })();"
    )
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True, width="content")


def _settings(activity, who: Visitor, answering: Answering) -> None:
    keys = {toggle.id: _widget_key(answering, f"toggle:{toggle.id}") for toggle in activity.toggles}
    st.caption(who.t("activity.settings_help"))
    with st.container(border=True):
        st.markdown(f":material/account_circle: **{who.t('activity.mock_profile')}**")
        for toggle in activity.toggles:
            st.toggle(toggle.label.get(who.lang), value=toggle.start, key=keys[toggle.id])

    def collect() -> list[str]:
        return [f"{tid}:{'on' if st.session_state.get(k) else 'off'}" for tid, k in keys.items()]

    _check_button(activity, who, answering, collect)


def show_feedback(result: Result, activity, who: Visitor, full: bool = True, order=()) -> None:
    """A kind verdict, then the explanation for each part of the answer: after a wrong first try, only
    for what the learner chose (the full explanation would hand them the answer for the retry)."""
    if result.correct:
        st.success(who.t("feedback.right"), icon=":material/celebration:")
    elif result.score:
        st.info(who.t("feedback.partly", percent=round(result.score * 100)), icon=":material/thumb_up:")
    elif result.correct is False:
        st.warning(who.t("feedback.not_yet"), icon=":material/lightbulb:")
    labels = item_labels(activity, who.lang)
    feedback_lines(feedback_to_show(activity, result, full, order), labels, who)


def item_labels(activity, lang: str) -> dict[str, str]:
    """What each option, message, part, item or toggle says, by id."""
    return {
        item.id: (item.label if activity.type == "settings" else item.text).get(lang)
        for item in choices_of(activity)
    }


def feedback_lines(items: list[Feedback], labels: dict[str, str], who: Visitor) -> None:
    """The explanation for each part of an answer, as one element (one paragraph each)."""
    if items:
        st.markdown("\n\n".join(feedback_line(item, labels.get(item.item_id, ""), who) for item in items))


def feedback_line(item: Feedback, label: str, who: Visitor) -> str:
    mark = {
        True: ":green[:material/check_circle:]",
        False: ":orange[:material/info:]",
        None: ":material/chat:",
    }[item.good]
    text = item.text.get(who.lang)
    return f"{mark} {'*' + label + '* — ' if label else ''}{text}"


def _branching(activity, who: Visitor, answering: Answering) -> Result | None:
    path: list[str] = _state(answering, "path") or []
    earlier = answering.earlier() if not path and not _state(answering, "retrying") else None
    if earlier is not None:
        path = list(earlier.answer)
    node, feedback = branching.walk(activity, path)
    if feedback:
        last = feedback[-1]
        with st.container(border=True):
            st.markdown(f":material/chat: {last.text.get(who.lang)}")
    st.markdown(node.text.get(who.lang))
    if node.choices:
        for choice in node.choices:
            st.button(
                choice.text.get(who.lang),
                key=f"{answering.key}:{len(path)}:{choice.id}",
                width="stretch",
                on_click=_choose,
                args=(activity, answering, path, choice.id),
            )
        if _state(answering, "error"):
            st.error(who.t("activity.not_saved"), icon=":material/cloud_off:")
        return None
    if node.seeks_help:
        st.success(who.t("activity.story_help"), icon=":material/support:")
    st.button(
        who.t("activity.story_again"),
        key=f"{answering.key}:again",
        on_click=_restart_story,
        args=(answering,),
    )
    return grade(activity, path)


def _choose(activity, answering: Answering, path: list[str], choice_id: str) -> None:
    new_path = [*path, choice_id]
    node, _ = branching.walk(activity, new_path)
    if not node.choices:
        result = grade(activity, new_path)
        try:
            answering.record(result, 0, 0)
        except Exception:  # noqa: BLE001 - keep the learner where they were; they can choose again
            _set(answering, "error", True)
            return
    _set(answering, "error", False)
    _set(answering, "path", new_path)


def _restart_story(answering: Answering) -> None:
    _set(answering, "path", [])
    _set(answering, "retrying", True)


def _poll(activity, who: Visitor, answering: Answering) -> None:
    labels = {option.id: option.text.get(who.lang) for option in activity.options}
    counts = _state(answering, "counts")
    if counts is None:
        key = _widget_key(answering, "vote")
        choice = _choice(activity, who, labels, key)
        st.button(
            who.t("activity.vote"),
            key=f"{key}:button",
            disabled=choice is None,
            on_click=_cast_vote,
            args=(answering, key),
        )
        st.caption(who.t("activity.poll_anonymous"))
        return
    st.success(who.t("activity.voted"), icon=":material/how_to_vote:")
    counts, voters = tally(counts)  # a share is of the people who voted
    answer_bars(labels, counts, who.t("dashboard.answers"), respondents=voters)


@guarded
def _cast_vote(answering: Answering, key: str) -> None:
    choice = st.session_state.get(key)
    if choice is not None and answering.vote:
        _set(answering, "counts", answering.vote(choice))
