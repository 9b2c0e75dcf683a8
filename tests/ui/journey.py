"""Driving lessons and quizzes under AppTest the way a learner would, answering everything right."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from course.activities import branching
from course.ui import session_keys
from course.ui.session_keys import ACTIVITY_STATE

# The activities answered by ticking boxes: their items, and the flag of the items a right answer ticks.
TICKED_ITEMS = {
    "multiple_choice": ("options", "correct"),
    "red_flag_chat": ("messages", "red_flag"),
    "spot_details": ("parts", "personal"),
}


def answer_values(activity, right: bool = True) -> dict[str, object]:
    """The inputs of a graded activity for a right (or a wrong) answer, from the content model.

    Keyed by the end of each input's key after "<prefix>:v<version>:" ("choice", "pick:<id>",
    "toggle:<id>", "order"); the values are what the inputs hold (option ids, not the labels shown).
    """
    kind = activity.type
    if kind == "single_choice":
        return {"choice": next(option.id for option in activity.options if bool(option.correct) == right)}
    if kind == "true_false":
        return {"choice": "true" if bool(activity.answer) == right else "false"}
    if kind in TICKED_ITEMS:
        items, flag = TICKED_ITEMS[kind]
        return {f"pick:{item.id}": bool(getattr(item, flag)) == right for item in getattr(activity, items)}
    if kind == "ordering":
        order = [item.id for item in activity.items]
        return {"order": order if right else order[::-1]}
    if kind == "settings":
        return {f"toggle:{toggle.id}": bool(toggle.safe) == right for toggle in activity.toggles}
    raise ValueError(f"a {kind} activity has no right or wrong inputs")


def activity_state(at: AppTest, prefix: str) -> dict:
    """The session's own state of the activity whose key is `prefix` (its version, result, counts…)."""
    try:
        states = at.session_state[ACTIVITY_STATE]
    except KeyError:
        return {}
    return states.get(prefix, {})


def set_inputs(at: AppTest, key: str, values: dict[str, object]) -> AppTest:
    """Set the inputs of the activity whose keys start with `key` ("<prefix>:v<version>") to `values`
    (answer_values), without pressing "check". As in the browser, a choice, a tick or a switch (in the
    activity's form) runs nothing: it is sent with "check", so press it before the next run."""
    for name, value in values.items():
        if name == "choice":
            at.radio(key=f"{key}:choice").set_value(value)
        elif name == "order":  # the order tapped so far; "check" enables once every item is placed
            at.session_state[f"{key}:order"] = value
            at = at.run()
        elif name.startswith("pick:"):
            at.checkbox(key=f"{key}:{name}").set_value(value)
        else:
            at.toggle(key=f"{key}:{name}").set_value(value)
    return at


def answer_right(at: AppTest, activity, prefix: str) -> AppTest:
    """Set the activity's inputs to the right answer and press "check"."""
    key = f"{prefix}:v0"
    kind = activity.type
    if kind == "branching":
        for choice_id in branching.help_path(activity).choices:
            button = next(
                b for b in at.button if b.key.startswith(prefix) and b.key.endswith(f":{choice_id}")
            )
            button.click().run()
        return at
    if kind == "poll":
        at.radio(key=f"{key}:vote").set_value(activity.options[0].id)  # sent with the vote
        return at.button(key=f"{key}:vote:button").click().run()
    at = set_inputs(at, key, answer_values(activity))
    return at.button(key=f"{key}:check").click().run()


def pick_first_nickname(at: AppTest) -> AppTest:
    button = next(b for b in at.button if b.key.startswith("nickname:"))
    return button.click().run()


def before_check_pending(at: AppTest, lesson) -> bool:
    try:
        return at.session_state[f"before_done:{lesson.quiz}"] is False
    except KeyError:
        return False


def do_before_check(at: AppTest, quiz, right: bool = True, confidence: int = 2) -> AppTest:
    """Answer the before-check of `quiz` (all right, or all wrong), say how sure, start the lesson;
    questions answered already are not asked again."""
    for question in quiz.before_check:
        key = f"before:{quiz.id}:{question.id}:v0"
        if not any(button.key == f"{key}:check" for button in at.button):
            continue
        at = set_inputs(at, key, answer_values(question, right))
        at = at.button(key=f"{key}:check").click().run()
        assert not at.exception, at.exception
    at.radio(key=f"before_confidence:{quiz.id}").set_value(confidence)  # sent with "start"
    return at.button(key=f"before_start:{quiz.id}").click().run()


def walk_lesson(at: AppTest, lesson, stop_before: int | None = None) -> AppTest:
    """Answer every activity right and press next, up to the end (or up to step `stop_before`); the
    before-check, if the lesson opens with one, is answered right too."""
    from course.content import load_course
    from tests.ui.apptest import current_step

    if before_check_pending(at, lesson):
        at = do_before_check(at, load_course().quizzes[lesson.quiz])
    while True:
        assert not at.exception, at.exception
        step = current_step(at, lesson)
        if step >= len(lesson.steps) or (stop_before is not None and step >= stop_before):
            return at
        current = lesson.steps[step]
        if current.type == "activity":
            at = answer_right(at, current.activity, f"lesson:{lesson.id}:{current.activity.id}")
            assert not at.exception, at.exception
        at = at.button(key="lesson_next").click().run()


def walk_quiz(at: AppTest, quiz) -> AppTest:
    """Answer every question right, moving on after each feedback."""
    for index, question in enumerate(quiz.questions):
        run_id = at.session_state[session_keys.quiz_run(quiz.id)]
        at = answer_right(at, question, f"quiz:{run_id}:{question.id}")
        assert not at.exception, at.exception
        at = at.button(key=f"quiz_next_{index}").click().run()
    return at
