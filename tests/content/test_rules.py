"""Every content rule: the valid tree passes, and each broken variant gets its exact message."""

import pytest

from course.content import load_course
from tests.conftest import TODAY, VALID, edit

LESSON = "lessons/demo/demo-7-10.yaml"
QUIZ = "quizzes/demo/demo-7-10-quiz.yaml"
HELPLINES = "course/data/helplines.yaml"
TOPICS = "course/data/topics.yaml"
UNLINKED_QUIZ = (
    "quizzes/demo/demo-7-10-quiz.yaml:2:5: id: warning: no lesson links to this quiz "
    "(add quiz: demo-7-10-quiz to its lesson)"
)
IMAGE_STEP = "  - id: help\n    type: help_card\n  - id: picture\n    type: image\n    src: images/keys.svg\n"

CASES = {
    "yaml_syntax": (
        LESSON,
        "{fr: 'Laquelle\u00a0?', en: 'Which one?'}",
        "{fr: Laquelle ?, en: Which one?}",
        [
            "lessons/demo/demo-7-10.yaml:23:29: YAML syntax: expected ',' or '}', but got '?' "
            "(while parsing a flow mapping)",
            UNLINKED_QUIZ,
        ],
    ),
    "missing_feedback": (
        LESSON,
        "          feedback: {fr: Non., en: No.}\n",
        "",
        [
            "lessons/demo/demo-7-10.yaml:29:11: steps[1].activity.options[1]: feedback missing "
            "(every option needs feedback)"
        ],
    ),
    "unknown_field": (
        LESSON,
        "summary:",
        "sumary:",
        [
            "lessons/demo/demo-7-10.yaml:1:1: summary missing",
            "lessons/demo/demo-7-10.yaml:8:1: unknown field 'sumary' (did you mean 'summary'?)",
        ],
    ),
    "unquoted_yes": (
        LESSON,
        "{fr: Celle-ci, en: This one}",
        "{fr: Celle-ci, en: yes}",
        [
            "lessons/demo/demo-7-10.yaml:26:36: steps[1].activity.options[0].text.en: expected text, "
            "got true (YAML reads unquoted yes/no/on/off/true/false as true or false: put the text in quotes)"
        ],
    ),
    "unquoted_date": (
        LESSON,
        "reviewed: '2026-10'",
        "reviewed: 2026-10-01",
        [
            "lessons/demo/demo-7-10.yaml:10:11: reviewed: expected text, got the date 2026-10-01 "
            "(YAML reads unquoted dates as dates: put it in quotes)"
        ],
    ),
    "reviewed_format": (
        LESSON,
        "reviewed: '2026-10'",
        "reviewed: 'Oct 2026'",
        ["lessons/demo/demo-7-10.yaml:10:11: reviewed: must be a year and month written YYYY-MM, in quotes"],
    ),
    "reviewed_missing": (
        LESSON,
        "reviewed: '2026-10'\n",
        "",
        [
            "lessons/demo/demo-7-10.yaml:1:1: reviewed missing "
            "(the month of the last review, written '2026-11')"
        ],
    ),
    "reviewed_future": (
        LESSON,
        "reviewed: '2026-10'",
        "reviewed: '2027-01'",
        [
            "lessons/demo/demo-7-10.yaml:10:11: reviewed: reviewed month 2027-01 is in the future "
            "(use the month it was really done)"
        ],
    ),
    "id_not_stem": (
        LESSON,
        "id: demo-7-10\n",
        "id: demo-7-11\n",
        [
            "lessons/demo/demo-7-10.yaml:2:5: id: id 'demo-7-11' does not match the file name "
            "'demo-7-10.yaml' (rename the file or the id: they must be the same)"
        ],
    ),
    "unknown_topic": (
        TOPICS,
        "id: demo",
        "id: demos",
        [
            "lessons/demo/demo-7-10.yaml:3:8: topic: unknown topic 'demo' (did you mean 'demos'?)",
            "quizzes/demo/demo-7-10-quiz.yaml:3:8: topic: unknown topic 'demo' (did you mean 'demos'?)",
        ],
    ),
    "audience_band": (
        LESSON,
        "audience: learner",
        "audience: parent",
        [
            "lessons/demo/demo-7-10.yaml:4:11: audience: audience 'parent' does not fit ages '7-10' "
            "(ages '7-10' is for audience 'learner')"
        ],
    ),
    "unknown_band": (
        LESSON,
        "ages: '7-10'",
        "ages: '6-9'",
        [
            "lessons/demo/demo-7-10.yaml:5:7: ages: '6-9' is not allowed "
            "(use one of: '7-10', '11-13', '14-17', 'parents' or 'teachers')",
        ],
    ),
    "quiz_missing": (
        LESSON,
        "quiz: demo-7-10-quiz",
        "quiz: demo-7-10-quizz",
        [
            "lessons/demo/demo-7-10.yaml:9:7: quiz: no quiz with id 'demo-7-10-quizz' "
            "(did you mean 'demo-7-10-quiz'?)",
            UNLINKED_QUIZ,
        ],
    ),
    "quiz_other_band": (
        QUIZ,
        "ages: '7-10'",
        "ages: '11-13'",
        [
            "lessons/demo/demo-7-10.yaml:9:7: quiz: quiz 'demo-7-10-quiz' is for demo 11-13 "
            "(link a quiz for demo 7-10)"
        ],
    ),
    "single_choice_two_correct": (
        LESSON,
        "          feedback: {fr: Non., en: No.}\n",
        "          correct: true\n          feedback: {fr: Non., en: No.}\n",
        [
            "lessons/demo/demo-7-10.yaml:25:9: steps[1].activity.options: 2 correct options, "
            "single_choice needs exactly 1 (mark one option correct: true, or use multiple_choice)"
        ],
    ),
    "multiple_choice_none_correct": (
        QUIZ,
        "        correct: true\n",
        "",
        [
            "quizzes/demo/demo-7-10-quiz.yaml:20:7: questions[0].options: no correct option "
            "(mark at least one option correct: true)"
        ],
    ),
    "multiple_choice_all_correct": (
        QUIZ,
        "        feedback: {fr: Non., en: No.}\n",
        "        correct: true\n        feedback: {fr: Non., en: No.}\n",
        [
            "quizzes/demo/demo-7-10-quiz.yaml:20:7: questions[0].options: every option is correct "
            "(add at least one wrong option so the question tests something)"
        ],
    ),
    "missing_translation": (
        LESSON,
        "body: {fr: Bonjour., en: Hello.}",
        "body: {fr: Bonjour.}",
        [
            "lessons/demo/demo-7-10.yaml:17:11: steps[0].body: en missing "
            "(no English text: every text needs fr and en)"
        ],
    ),
    "unknown_language": (
        LESSON,
        "body: {fr: Bonjour., en: Hello.}",
        "body: {fr: Bonjour., en: Hello., de: Hallo.}",
        [
            "lessons/demo/demo-7-10.yaml:17:38: steps[0].body: unknown language 'de' (known: en, fr)",
        ],
    ),
    "country_code_not_two_capitals": (
        HELPLINES,
        "  - code: US\n",
        "  - code: us\n",
        [
            "course/data/helplines.yaml:53:11: countries[5].code: must be a country code: two capital "
            "letters, e.g. 'FR'",
        ],
    ),
    "duplicate_step_id": (
        LESSON,
        "  - id: pick\n",
        "  - id: intro\n",
        [
            "lessons/demo/demo-7-10.yaml:18:9: steps[1].id: id 'intro' is already used by steps[0] "
            "(ids must be unique)"
        ],
    ),
    "duplicate_option_id": (
        LESSON,
        "        - id: wrong\n",
        "        - id: right\n",
        [
            "lessons/demo/demo-7-10.yaml:29:15: steps[1].activity.options[1].id: id 'right' is already "
            "used by steps[1].activity.options[0] (ids must be unique)"
        ],
    ),
    "duplicate_yaml_key": (
        LESSON,
        "minutes: 5\n",
        "minutes: 5\nminutes: 6\n",
        [
            "lessons/demo/demo-7-10.yaml:7:1: 'minutes' is written twice "
            "(YAML keeps only the last one: remove or rename the other)"
        ],
    ),
    "branching_goto_unknown": (
        LESSON,
        "goto: helped",
        "goto: helpd",
        [
            "lessons/demo/demo-7-10.yaml:45:21: steps[2].activity.nodes[0].choices[0].goto: "
            "no node with id 'helpd' (did you mean 'helped'?)"
        ],
    ),
    "branching_ending_without_help": (
        LESSON,
        "          seeks_help: true\n",
        "",
        [
            "lessons/demo/demo-7-10.yaml:40:9: steps[2].activity.nodes: path begin → helped does not end "
            "in getting help (every path must end at an ending with seeks_help: true)"
        ],
    ),
    "unknown_activity_type": (
        LESSON,
        "type: single_choice",
        "type: single_choise",
        [
            "lessons/demo/demo-7-10.yaml:22:13: steps[1].activity.type: unknown type 'single_choise' "
            "(use one of: 'single_choice', 'multiple_choice', 'true_false', 'ordering', 'red_flag_chat', "
            "'settings', 'spot_details', 'branching', 'poll')",
        ],
    ),
    "text_not_in_languages": (
        LESSON,
        "title: {fr: Une leçon, en: A lesson}",
        "title: A lesson",
        [
            "lessons/demo/demo-7-10.yaml:7:8: title: expected the text in each language "
            "(write it as a mapping: fr: … and en: …)",
        ],
    ),
    "image_not_found": (
        LESSON,
        "  - id: help\n    type: help_card\n",
        IMAGE_STEP + "    alt: {fr: Des clés, en: Keys}\n",
        [
            "lessons/demo/demo-7-10.yaml:54:10: steps[4].src: image not found: lessons/images/keys.svg "
            "(paths are relative to the lessons folder)"
        ],
    ),
    "image_without_alt": (
        LESSON,
        "  - id: help\n    type: help_card\n",
        IMAGE_STEP,
        [
            "lessons/demo/demo-7-10.yaml:52:5: steps[4]: alt missing "
            "(every image needs alternative text for screen readers)",
        ],
    ),
    "helplines_country_twice": (
        HELPLINES,
        "  - code: US\n",
        "  - code: FR\n",
        [
            "course/data/helplines.yaml:53:11: countries[5].code: id 'FR' is already used by countries[0] "
            "(ids must be unique)",
        ],
    ),
    "helplines_no_emergency": (
        HELPLINES,
        "        emergency: true\n        verified: '2026-11'\n  - code: BE",
        "        verified: '2026-11'\n  - code: BE",
        [
            "course/data/helplines.yaml:6:7: countries[0].helplines: no emergency number for FR "
            "(add the 'danger now' number with emergency: true)"
        ],
    ),
    "helplines_verified_future": (
        HELPLINES,
        "verified: '2026-11'\neverywhere",
        "verified: '2026-12'\neverywhere",
        [
            "course/data/helplines.yaml:62:19: countries[5].helplines[0].verified: verified month 2026-12 "
            "is in the future (use the month it was really done)"
        ],
    ),
}


def test_every_age_needs_a_helpline_besides_emergency(content):
    edit(
        content,
        HELPLINES,
        "    url: https://takeitdown.ncmec.org\n",
        "    url: https://takeitdown.ncmec.org\n    for_ages: ['adults']\n",
    )
    messages = [str(p) for p in load_course(content, today=TODAY).problems]
    assert (
        "course/data/helplines.yaml:6:7: countries[0].helplines: no helpline for 7-10 in FR "
        "(every age needs someone to contact besides the emergency number)"
    ) in messages
    assert len(messages) == 6 * 3  # three learner bands in each of the six countries


def test_valid_content_has_no_problem():
    course = load_course(VALID, today=TODAY)
    assert [str(p) for p in course.problems] == []
    assert set(course.lessons) == {"demo-7-10"}
    assert set(course.quizzes) == {"demo-7-10-quiz"}
    assert [c for c in course.countries] == ["FR", "BE", "CH", "CA", "UK", "US"]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_content_gets_exact_message(content, case):
    relative, old, new, expected = CASES[case]
    edit(content, relative, old, new)
    course = load_course(content, today=TODAY)
    assert [str(p) for p in course.problems] == expected


def test_old_review_is_a_warning_not_an_error(content):
    edit(content, LESSON, "reviewed: '2026-10'", "reviewed: '2024-09'")
    course = load_course(content, today=TODAY)
    assert [str(p) for p in course.problems] == [
        "lessons/demo/demo-7-10.yaml:10:11: reviewed: warning: last reviewed 2024-09: a review is due "
        "(check the content against its sources at least every 24 months)"
    ]
    assert course.errors == [] and "demo-7-10" in course.lessons


def test_same_lesson_id_in_two_files(content):
    (content / "lessons" / "other").mkdir()
    (content / "lessons" / "other" / "demo-7-10.yaml").write_text(
        (content / LESSON).read_text(encoding="utf-8"), encoding="utf-8"
    )
    messages = [str(p) for p in load_course(content, today=TODAY).problems]
    assert (
        "lessons/other/demo-7-10.yaml:2:5: id: id 'demo-7-10' is already used by lessons/demo/demo-7-10.yaml (ids must be unique)"
        in messages
    )
    assert (
        "lessons/other/demo-7-10.yaml:3:8: topic: topic 'demo' does not match the folder 'other' (move the file to the demo/ folder)"
        in messages
    )


def test_empty_file(content):
    (content / QUIZ).write_text("", encoding="utf-8")
    messages = [str(p) for p in load_course(content, today=TODAY).problems]
    assert messages[-1] == "quizzes/demo/demo-7-10-quiz.yaml:1:1: file is empty"


def test_missing_data_file(content):
    (content / TOPICS).unlink()
    messages = [str(p) for p in load_course(content, today=TODAY).problems]
    assert messages == ["course/data/topics.yaml:1:1: file not found (the course needs its topics)"]


def test_problems_in_several_files_are_all_collected_and_broken_files_not_served(content):
    edit(content, LESSON, "          feedback: {fr: Non., en: No.}\n", "")
    edit(content, QUIZ, "pass_mark: 50", "pass_mark: 150")
    course = load_course(content, today=TODAY)
    assert sorted(course.broken_files()) == [LESSON, QUIZ]
    assert course.lessons == {} and course.quizzes == {}
    assert str(course.problems[-1]) == (
        "quizzes/demo/demo-7-10-quiz.yaml:8:12: pass_mark: input should be less than or equal to 100"
    )
