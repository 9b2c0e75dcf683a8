from course.classroom.evening import WELCOME, moved, poll_id, slides, votable
from course.content import load_course

COURSE = load_course()
PARENT_LESSONS = tuple(lesson.id for lesson in COURSE.lessons_for("parents"))


def test_the_deck_starts_with_the_welcome_slide_then_every_step():
    order = slides(COURSE, PARENT_LESSONS)
    assert order[0] == WELCOME
    assert len(order) == 1 + sum(len(COURSE.lessons[lid].steps) for lid in PARENT_LESSONS)
    assert order[1] == (PARENT_LESSONS[0], 0)


def test_moving_stays_inside_the_deck():
    first = (PARENT_LESSONS[0], 0)
    assert moved(COURSE, PARENT_LESSONS, WELCOME, -1) == WELCOME
    assert moved(COURSE, PARENT_LESSONS, WELCOME, 1) == first
    last_of_first = (PARENT_LESSONS[0], len(COURSE.lessons[PARENT_LESSONS[0]].steps) - 1)
    assert moved(COURSE, PARENT_LESSONS, last_of_first, 1) == (PARENT_LESSONS[1], 0)
    end = slides(COURSE, PARENT_LESSONS)[-1]
    assert moved(COURSE, PARENT_LESSONS, end, 1) == end


def test_polls_and_single_questions_are_votable_and_the_parent_course_has_polls():
    polls = [
        (lesson.id, step.activity)
        for lesson in COURSE.lessons_for("parents")
        for step in lesson.steps
        if step.type == "activity" and step.activity.type == "poll"
    ]
    assert len(polls) >= 4
    lesson_id, activity = polls[0]
    assert [option_id for option_id, _ in votable(activity, "evening-1")] == [o.id for o in activity.options]
    assert poll_id(lesson_id, activity.id) == f"{lesson_id}/{activity.id}"


def test_a_question_is_voted_on_in_the_evening_s_one_order():
    question = next(
        step.activity
        for lesson in COURSE.lessons_for("parents")
        for step in lesson.steps
        if step.type == "activity" and step.activity.type == "single_choice"
    )
    orders = {tuple(option_id for option_id, _ in votable(question, f"evening-{n}")) for n in range(12)}
    assert len(orders) > 1  # shuffled per evening...
    assert votable(question, "evening-1") == votable(question, "evening-1")  # ...one order in the room
    assert sorted(next(iter(orders))) == sorted(option.id for option in question.options)
