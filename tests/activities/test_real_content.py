"""Every activity of the shipped lessons and quizzes accepts its own right answer."""

import pytest

from course.activities import grade
from course.activities.branching import ending_paths, unfinished_paths
from course.content import load_course
from course.content.checks import activities_of


def shipped_activities() -> list:
    course = load_course()
    return [
        pytest.param(activity, id=f"{item.id}/{activity.id}")
        for item in [*course.lessons.values(), *course.quizzes.values()]
        for _, activity in activities_of(item)
    ]


def right_answer(activity) -> tuple[str, ...]:
    match activity.type:
        case "single_choice" | "multiple_choice":
            return tuple(option.id for option in activity.options if option.correct)
        case "true_false":
            return ("true" if activity.answer else "false",)
        case "ordering":
            return tuple(item.id for item in activity.items)
        case "red_flag_chat":
            return tuple(message.id for message in activity.messages if message.red_flag)
        case "spot_details":
            return tuple(part.id for part in activity.parts if part.personal)
        case "settings":
            return tuple(f"{toggle.id}:{'on' if toggle.safe else 'off'}" for toggle in activity.toggles)
        case "poll":
            return (activity.options[0].id,)
    raise AssertionError(f"no right answer for {activity.type}")


def test_the_course_has_activities():
    assert len(shipped_activities()) >= 6


@pytest.mark.parametrize("activity", shipped_activities())
def test_the_right_answer_is_right(activity):
    if activity.type == "branching":
        assert unfinished_paths(activity) == []
        for path in ending_paths(activity):
            assert grade(activity, path.choices).correct is None
        return
    result = grade(activity, right_answer(activity))
    expected = None if activity.type == "poll" else True
    assert (result.correct, result.score) == (expected, None if expected is None else 1.0)
    assert result.answer == right_answer(activity)
