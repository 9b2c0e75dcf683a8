"""The assessment rules: objectives, the before-check, and the balance that keeps a guesser from passing."""

import pytest

from course.content import load_course
from course.content.assessment import course_balance, guessing, guessing_passes
from course.content.models import Quiz
from tests.activities.factories import multiple_choice, settings, single_choice, text, true_false
from tests.conftest import TODAY, edit

QUIZ = "quizzes/demo/demo-7-10-quiz.yaml"
F = "quizzes/demo/demo-7-10-quiz.yaml"
TF_STATEMENT = "    objective: judge-statements\n    type: true_false\n    prompt: {fr: 'Vrai\u00a0?'"
SINGLE = (
    "questions:\n  - id: one\n    objective: pick-letters\n    type: single_choice\n"
    "    prompt: {fr: 'Une\u00a0?', en: 'One?'}\n    options:\n"
    "      - id: g\n        text: {fr: La lettre G, en: The letter G}\n        correct: true\n"
    "        feedback: {fr: Oui., en: Yes.}\n"
    "      - id: h\n        text: {fr: H, en: H}\n        feedback: {fr: Non., en: No.}\n"
)
BEFORE_TF = (
    "  - id: before-statement\n    objective: judge-statements\n    type: true_false\n"
    "    prompt: {fr: 'Faux\u00a0?', en: 'False?'}\n    answer: false\n"
    "    feedback_if_true: {fr: Non., en: No.}\n    feedback_if_false: {fr: Oui., en: Yes.}\n"
)
BEFORE_POLL = (
    "  - id: before-statement\n    objective: judge-statements\n    type: poll\n"
    "    prompt: {fr: 'Faux\u00a0?', en: 'False?'}\n    options:\n"
    "      - id: x\n        text: {fr: X, en: X}\n      - id: y\n        text: {fr: Y, en: Y}\n"
)

CASES = {
    "too_few_objectives": (
        "  - id: judge-statements\n    text: {fr: Juger une phrase, en: Judge a statement}\n",
        "",
        [
            f"{F}:10:3: objectives: 1 objectives, a learner quiz names 2 to 4 (list what the quiz measures "
            "under objectives: (id and text), and name one on each question)",
            f"{F}:26:16: questions[1].objective: unknown objective 'judge-statements' (known: pick-letters)",
            f"{F}:46:16: before_check[1].objective: unknown objective 'judge-statements' (known: pick-letters)",
        ],
    ),
    "question_without_objective": (
        TF_STATEMENT,
        TF_STATEMENT.replace("    objective: judge-statements\n", ""),
        [
            f"{F}:12:9: objectives[1].id: objective 'judge-statements' is measured by no question "
            "(name it on a question of the quiz, or remove it)",
            f"{F}:27:5: questions[1]: no objective (name what the question measures: objective: <id>)",
        ],
    ),
    "unknown_objective": (
        TF_STATEMENT,
        TF_STATEMENT.replace("judge-statements", "judge-statement"),
        [
            f"{F}:12:9: objectives[1].id: objective 'judge-statements' is measured by no question "
            "(name it on a question of the quiz, or remove it)",
            f"{F}:28:16: questions[1].objective: unknown objective 'judge-statement' (did you mean 'judge-statements'?)",
        ],
    ),
    "objective_measured_by_nothing": (
        "questions:\n",
        "  - id: spare\n    text: {fr: Rien, en: Nothing}\nquestions:\n",
        [
            f"{F}:14:9: objectives[2].id: objective 'spare' is measured by no question "
            "(name it on a question of the quiz, or remove it)"
        ],
    ),
    "before_check_of_another_type": (
        BEFORE_TF,
        BEFORE_POLL,
        [
            f"{F}:49:11: before_check[1].type: a before-check question cannot be poll "
            "(use single_choice, multiple_choice, true_false)"
        ],
    ),
    "before_check_repeats_a_prompt": (
        "prompt: {fr: 'Quelle lettre\u00a0?', en: 'Which letter?'}",
        "prompt: {fr: 'Quelle lettre\u00a0?', en: 'Which  ones?'}",
        [
            f"{F}:38:13: before_check[0].prompt: same prompt as questions[0] "
            "(a before-check question is a parallel form: other scenario, other wording)"
        ],
    ),
    "before_check_copies_an_option": (
        "        text: {fr: E, en: E}",
        "        text: {fr: E, en: a}",
        [
            f"{F}:60:15: before_check[2].options[0].text: option copied from questions[0] "
            "(write the parallel question's own options, so the quiz does not repeat it)"
        ],
    ),
    "right_option_longest": (
        "questions:\n",
        SINGLE,
        [
            f"{F}:15:3: questions: warning: the right option is the longest in 1 of 1 single-choice questions "
            "(fr) (write wrong options as long, specific and plausible as the right one)",
            f"{F}:15:3: questions: warning: the right option is the longest in 1 of 1 single-choice questions "
            "(en) (write wrong options as long, specific and plausible as the right one)",
        ],
    ),
    "right_option_not_longest": (
        "questions:\n",
        SINGLE.replace("{fr: H, en: H}", "{fr: La lettre H, en: The letter H}"),
        [],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_assessment_rule_gets_its_exact_message(content, case):
    old, new, expected = CASES[case]
    edit(content, QUIZ, old, new)
    assert sorted(str(p) for p in load_course(content, today=TODAY).problems) == sorted(expected)


def test_too_short_a_before_check(content):
    path = content / QUIZ
    body = path.read_text(encoding="utf-8")
    path.write_text(body[: body.index("  - id: before-letters\n")], encoding="utf-8")
    assert [str(p) for p in load_course(content, today=TODAY).problems] == [
        f"{F}:35:3: before_check: 2 before-check questions, a learner quiz needs 3 or 4 "
        "(add parallel questions (same objectives, other scenario and options) under before_check:)"
    ]


def test_settings_that_all_start_unsafe_are_a_warning(content):
    edit(
        content,
        QUIZ,
        "questions:\n",
        "questions:\n  - id: switches\n    objective: pick-letters\n    type: settings\n"
        "    prompt: {fr: 'Règle.', en: 'Set.'}\n    toggles:\n"
        "      - {id: one, label: {fr: Un, en: One}, safe: true, start: false, feedback: {fr: Oui., en: Yes.}}\n"
        "      - {id: two, label: {fr: Deux, en: Two}, safe: false, start: true, feedback: {fr: Oui., en: Yes.}}\n",
    )
    assert [str(p) for p in load_course(content, today=TODAY).problems] == [
        f"{F}:20:7: questions[0].toggles: warning: every toggle starts in its unsafe position "
        "(start some toggles already safe, so each one has to be read)"
    ]
    edit(content, QUIZ, "safe: false, start: true", "safe: false, start: false")
    assert [str(p) for p in load_course(content, today=TODAY).problems] == []


def quiz(*questions, quiz_id: str = "q") -> Quiz:
    return Quiz(
        schema_version=1,
        id=quiz_id,
        topic="demo",
        audience="parent",
        ages="parents",
        title=text("quiz"),
        reviewed="2026-10",
        pass_mark=60,
        questions=list(questions),
    )


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def test_right_options_always_first_fall_outside_chance():
    always_first = quiz(*[single_choice(("a", "b", "c", "d"), correct="a") for _ in range(20)])
    assert messages(course_balance([always_first])) == [
        "(course):1:1: balance: warning: the right option is option 1 in 20 of 20 single-choice questions "
        "(chance: 0–11) (spread the right option over the positions)",
    ]  # never option 2, 3 or 4 is within chance for 20 questions: only the first position is flagged
    spread = quiz(*[single_choice(("a", "b", "c", "d"), correct="abcd"[n % 4]) for n in range(20)])
    assert messages(course_balance([spread])) == []


def test_longest_right_options_and_right_ones_first_fall_outside_chance():
    def long_right(n):
        return single_choice(("a", "bbbbbbbb", "c", "d"), correct="bbbbbbbb" if n % 2 else "a")

    items = [quiz(*[long_right(1) for _ in range(16)], *[multiple_choice() for _ in range(12)])]
    assert messages(course_balance(items)) == [
        "(course):1:1: balance: warning: the right option is option 2 in 16 of 16 single-choice questions "
        "(chance: 0–10) (spread the right option over the positions)",
        "(course):1:1: balance: warning: the right option is the longest in 16 of 16 single-choice questions "
        "(fr; chance: at most 10) (write wrong options as long and as plausible as the right one)",
        "(course):1:1: balance: warning: the right option is the longest in 16 of 16 single-choice questions "
        "(en; chance: at most 10) (write wrong options as long and as plausible as the right one)",
        "(course):1:1: balance: warning: every right option comes before the wrong ones in 12 of 12 "
        "multiple-choice questions (chance: at most 6) (mix right and wrong options)",
    ]


def test_true_false_balance_over_the_course():
    mostly_false = quiz(*[true_false(n < 2) for n in range(10)])
    assert messages(course_balance([mostly_false])) == [
        "(course):1:1: balance: warning: 2 of 10 true/false statements are true (keep between 35% and 65%) "
        "(turn some statements round, so that 'always false' (or 'always true') is no strategy)"
    ]
    assert messages(course_balance([quiz(*[true_false(n < 5) for n in range(10)])])) == []
    assert messages(course_balance([quiz(*[true_false(False) for _ in range(9)])])) == []  # too few to say


def test_guessing_strategies_and_their_limit():
    first_right = [quiz(single_choice(correct="a"), quiz_id=f"first-{n}") for n in range(3)]
    false_right = [
        quiz(true_false(False), quiz_id="false-0"),
        quiz(settings(("x", True, False), ("y", False, True)), quiz_id="flip"),
    ]
    passes = guessing_passes([*first_right, *false_right])
    assert passes == {
        "always the first option": ["first-0", "first-1", "first-2"],
        "always the longest option": ["first-0", "first-1", "first-2"],  # equal lengths: the first
        "always false, every switch flipped": ["first-0", "first-1", "first-2", "false-0", "flip"],
    }
    assert messages(guessing(first_right[:2])) == []
    assert messages(guessing(first_right)) == [
        f"(course):1:1: balance: warning: '{name}' passes 3 of 3 quizzes: first-0, first-1, first-2 "
        "(at most 2: balance those quizzes' options and statements)"
        for name in (
            "always the first option",
            "always the longest option",
            "always false, every switch flipped",
        )
    ]
