"""Every activity type is one unit: a model that knows its choices and right answer, a grader, an
authoring rule and a widget, all found through one table (course.activities.UNITS)."""

import importlib

import pytest

import course.ui.widgets as widgets
from course.activities import CHECKS, GRADERS, MODELS, TYPES, UNITS, check, grade
from course.activities.order import shown_ids
from course.content.models import ACTIVITY_TYPES
from tests.activities.test_grading import ONE_OF_EACH


def test_every_type_has_a_model_a_grader_a_check_and_a_widget():
    assert len(set(TYPES)) == len(UNITS) == len(MODELS)
    assert list(ACTIVITY_TYPES) == list(TYPES)
    for kind, unit, model in zip(TYPES, UNITS, MODELS, strict=True):
        assert unit.__name__ == f"course.activities.{kind}"  # the unit is named after its type
        assert model.model_fields["type"].annotation.__args__ == (kind,)
        assert GRADERS[kind] is unit.grade and CHECKS[kind] is unit.check
        assert widgets.WIDGETS[kind] is importlib.import_module(f"course.ui.widgets.{kind}").draw
    assert sorted(activity.type for activity in ONE_OF_EACH) == sorted(TYPES)


def test_a_type_without_a_widget_stops_the_app_with_the_file_to_add(monkeypatch):
    monkeypatch.setattr(widgets, "TYPES", (*TYPES, "essay"))
    with pytest.raises(RuntimeError) as error:
        widgets._widgets()
    assert str(error.value) == "activity type 'essay' has no widget: add course/ui/widgets/essay.py"


@pytest.mark.parametrize("activity", ONE_OF_EACH, ids=lambda activity: activity.type)
def test_the_right_answer_a_model_gives_scores_full_marks(activity):
    right = activity.right_answer()
    if not activity.scored:
        assert right is None  # a poll or a story: nothing is right or wrong
        return
    result = grade(activity, right)
    assert (result.correct, result.score) == (True, 1.0)


@pytest.mark.parametrize("activity", ONE_OF_EACH, ids=lambda activity: activity.type)
def test_a_model_lists_its_choices_and_the_right_ones_are_among_them(activity):
    ids = [choice.id for choice in activity.choices()]
    assert len(ids) == len(set(ids))
    if activity.picks:  # an answer picks among the choices: the right ones are choices
        assert set(activity.right_answer() or ()) <= set(ids)
        assert activity.choices() and all(
            choice.text or choice.id in ("true", "false") for choice in activity.choices()
        )
    assert sorted(shown_ids(activity, "someone")) == sorted(ids)  # shuffled or not, the same choices


def test_facts_the_code_asks_instead_of_type_names():
    by_type = {activity.type: activity for activity in ONE_OF_EACH}
    assert [kind for kind in TYPES if by_type[kind].picks == "several"] == [
        "multiple_choice",
        "red_flag_chat",
        "spot_details",
    ]
    assert [kind for kind in TYPES if by_type[kind].votable] == [
        "single_choice",
        "multiple_choice",
        "true_false",
        "poll",
    ]
    assert [kind for kind in TYPES if by_type[kind].optional] == ["poll"]
    # a red-flag chat keeps its conversation in order; a true/false has nothing to shuffle
    assert [kind for kind in TYPES if by_type[kind].shuffled] == [
        "single_choice",
        "multiple_choice",
        "ordering",
        "spot_details",
    ]
    assert by_type["true_false"].choices()[0].text is None  # the app words "True" and "False"


def test_an_authoring_rule_lives_beside_its_grader_and_names_the_field():
    wrong = ONE_OF_EACH[0].model_copy(
        update={"options": [o.model_copy(update={"correct": True}) for o in ONE_OF_EACH[0].options]}
    )
    flaws = check(wrong)
    assert [(flaw.field, flaw.what) for flaw in flaws] == [
        (("options",), "3 correct options, single_choice needs exactly 1")
    ]
    assert all(check(activity) == [] for activity in ONE_OF_EACH)
