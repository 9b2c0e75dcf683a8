"""Driving lessons and quizzes under AppTest the way a learner would, answering everything right."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from course.activities import branching


def answer_right(at: AppTest, activity, prefix: str) -> AppTest:
    """Set the activity's inputs to the right answer and press "check"."""
    key = f"{prefix}:v0"
    kind = activity.type
    if kind == "single_choice":
        right = next(option.id for option in activity.options if option.correct)
        at.radio(key=f"{key}:choice").set_value(right).run()  # the check button enables once a choice is made
    elif kind == "true_false":
        at.radio(key=f"{key}:choice").set_value("true" if activity.answer else "false").run()
    elif kind in ("multiple_choice", "red_flag_chat", "spot_details"):
        items, flag = {
            "multiple_choice": ("options", "correct"),
            "red_flag_chat": ("messages", "red_flag"),
            "spot_details": ("parts", "personal"),
        }[kind]
        for item in getattr(activity, items):
            at.checkbox(key=f"{key}:pick:{item.id}").set_value(getattr(item, flag))
    elif kind == "ordering":
        at.session_state[f"{key}:order"] = [item.id for item in activity.items]
    elif kind == "settings":
        for toggle in activity.toggles:
            at.toggle(key=f"{key}:toggle:{toggle.id}").set_value(toggle.safe)
    elif kind == "branching":
        for choice_id in branching.paths(activity)[0].choices:
            button = next(
                b for b in at.button if b.key.startswith(prefix) and b.key.endswith(f":{choice_id}")
            )
            button.click().run()
        return at
    elif kind == "poll":
        at.radio(key=f"{key}:vote").set_value(activity.options[0].id).run()
        return at.button(key=f"{key}:vote:button").click().run()
    return at.button(key=f"{key}:check").click().run()


def pick_first_nickname(at: AppTest) -> AppTest:
    button = next(b for b in at.button if b.key.startswith("nickname:"))
    return button.click().run()


def walk_lesson(at: AppTest, lesson, stop_before: int | None = None) -> AppTest:
    """Answer every activity right and press next, up to the end (or up to step `stop_before`)."""
    from tests.ui.apptest import current_step

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
        run_id = at.session_state[f"quiz_run:{quiz.id}"]
        at = answer_right(at, question, f"quiz:{run_id}:{question.id}")
        assert not at.exception, at.exception
        at = at.button(key=f"quiz_next_{index}").click().run()
    return at
