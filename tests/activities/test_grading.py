import subprocess
import sys
from types import SimpleNamespace

import pytest

from course.activities import GRADERS, Result, grade, passed, quiz_score
from course.content.models import ACTIVITY_TYPES
from tests.activities import factories
from tests.activities.factories import invalid
from tests.conftest import ROOT

ONE_OF_EACH = [
    factories.single_choice(),
    factories.multiple_choice(),
    factories.true_false(),
    factories.ordering(),
    factories.red_flag_chat(),
    factories.settings(),
    factories.spot_details(),
    factories.branching(),
    factories.poll(),
]


def scored(score: float | None) -> Result:
    return Result(answer=(), correct=None if score is None else score == 1.0, score=score, feedback=())


def test_every_activity_type_has_a_grader():
    assert sorted(GRADERS) == sorted(ACTIVITY_TYPES)
    assert sorted(activity.type for activity in ONE_OF_EACH) == sorted(ACTIVITY_TYPES)


def test_an_object_without_a_known_type_is_refused():
    with pytest.raises(TypeError) as error:
        grade(SimpleNamespace(type="essay"), ["a"])
    assert str(error.value) == "no grader for namespace(type='essay')"


@pytest.mark.parametrize("activity", ONE_OF_EACH, ids=lambda activity: activity.type)
def test_a_bare_string_is_not_an_answer(activity):
    assert invalid(activity, "a") == "the answer must be a sequence of ids, not 'a'"


@pytest.mark.parametrize("activity", ONE_OF_EACH, ids=lambda activity: activity.type)
def test_ids_must_be_strings(activity):
    assert invalid(activity, [None]) == "every id must be a string, not None"


@pytest.mark.parametrize("activity", ONE_OF_EACH, ids=lambda activity: activity.type)
def test_an_answer_must_be_a_sequence(activity):
    assert invalid(activity, {"a"}) == "the answer must be a sequence of ids, not {'a'}"


def test_quiz_score_is_zero_without_graded_results():
    assert quiz_score([]) == 0
    assert quiz_score([scored(None), scored(None)]) == 0


def test_quiz_score_is_the_mean_score_as_a_percentage_ignoring_ungraded_results():
    assert quiz_score([scored(1.0), scored(0.0), scored(None)]) == 50
    assert quiz_score([scored(1.0), scored(None)]) == 100
    assert quiz_score([scored(0.0)]) == 0


def test_quiz_score_rounds_to_the_nearest_percent():
    assert quiz_score([scored(1.0), scored(1.0), scored(0.0)]) == 67
    assert quiz_score([scored(1.0), scored(0.0), scored(0.0)]) == 33


def test_quiz_score_rounds_halves_up():
    assert quiz_score([scored(1.0)] + [scored(0.0)] * 7) == 13
    assert quiz_score([scored(0.25), scored(0.0)]) == 13
    assert quiz_score([scored(0.57), scored(0.0)]) == 29


def test_quiz_score_of_real_results():
    results = [
        grade(factories.single_choice(), ["a"]),
        grade(factories.multiple_choice(), ["a"]),
        grade(factories.poll(), ["yes"]),
        grade(factories.settings(), ["private:on", "location:on", "tags:off"]),
    ]
    assert quiz_score(results) == 72


def test_the_pass_mark_itself_passes():
    assert passed(70, 70) is True
    assert passed(69, 70) is False
    assert passed(100, 100) is True
    assert passed(0, 0) is True


def test_grading_never_imports_streamlit():
    code = "import sys, course.activities; print('streamlit' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert output == "False\n"
