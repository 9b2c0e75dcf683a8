"""The guide's rules as checks: each fails on a bad example with its exact message."""

import pytest

from course.content import load_course
from course.content.quality import format_table
from course.content.readability import count_syllables, measure
from tests.conftest import TODAY, edit

LESSON = "lessons/demo/demo-7-10.yaml"
QUIZ = "quizzes/demo/demo-7-10-quiz.yaml"
TOPICS = "course/data/topics.yaml"


def problems(root):
    return [str(p) for p in load_course(root, today=TODAY).problems]


def errors(root):
    return [str(p) for p in load_course(root, today=TODAY).errors]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "body: {fr: Bonjour., en: Hello.}",
            "body: {fr: Bonjour., en: 'Beware: stranger danger.'}",
            "lessons/demo/demo-7-10.yaml:17:30: steps[0].body.en: forbidden wording 'stranger danger': "
            "'stranger danger': name red-flag behaviours instead (guide §2)",
        ),
        (
            "body: {fr: Bonjour., en: Hello.}",
            "body: {fr: Bonjour., en: Once online it stays there forever.}",
            "lessons/demo/demo-7-10.yaml:17:30: steps[0].body.en: forbidden wording 'forever': "
            "'forever': say it can often be removed or contained (guide §2)",
        ),
        (
            "body: {fr: Bonjour., en: Hello.}",
            "body: {fr: Bonjour., en: You shouldn't have sent it.}",
            "lessons/demo/demo-7-10.yaml:17:30: steps[0].body.en: forbidden wording 'You shouldn't have': "
            "blames the child: the blame sits with the offender (guide §2)",
        ),
        (
            "body: {fr: Bonjour., en: Hello.}",
            "body: {fr: Bonjour., en: Take a screenshot of the photo.}",
            "lessons/demo/demo-7-10.yaml:17:30: steps[0].body.en: forbidden wording 'screenshot of the photo': "
            "never tell anyone to save, screenshot or forward an image: screenshot the conversation (guide §1.1)",
        ),
        (
            "body: {fr: Bonjour., en: Hello.}",
            "body: {fr: Garde la photo comme preuve., en: Hello.}",
            "lessons/demo/demo-7-10.yaml:17:16: steps[0].body.fr: forbidden wording 'Garde la photo': "
            "ne jamais faire garder ou transférer une image (guide §1.1)",
        ),
        (
            "body: {fr: Bonjour., en: Hello.}",
            "body: {fr: C'est ta faute., en: Hello.}",
            "lessons/demo/demo-7-10.yaml:17:16: steps[0].body.fr: forbidden wording 'C'est ta faute': "
            "culpabilise l'enfant : la faute est celle de l'agresseur (guide §2)",
        ),
        (
            "body: {fr: Bonjour., en: Hello.}",
            "body: {fr: Elle restera en ligne pour toujours., en: Hello.}",
            "lessons/demo/demo-7-10.yaml:17:16: steps[0].body.fr: forbidden wording 'pour toujours': "
            "« pour toujours » : dire que c'est souvent supprimable (guide §2)",
        ),
    ],
    ids=[
        "stranger-danger",
        "forever",
        "blame-en",
        "screenshot-image",
        "keep-image-fr",
        "blame-fr",
        "toujours",
    ],
)
def test_forbidden_wording(content, old, new, expected):
    edit(content, LESSON, old, new)
    assert problems(content) == [expected]


@pytest.mark.parametrize(
    "safe",
    [
        "Never save or forward the photo.",
        "Screenshot the chat and the username, not the picture.",
        "It's not your fault.",
        "Ne garde jamais la photo.",
        "Ce n'est pas ta faute.",
    ],
)
def test_safe_wording_is_not_flagged(content, safe):
    edit(content, LESSON, "body: {fr: Bonjour., en: Hello.}", f'body: {{fr: Bonjour., en: "{safe}"}}')
    edit(content, LESSON, "{fr: Oui., en: Yes.}", f'{{fr: "{safe}", en: Yes.}}')
    assert problems(content) == []


def test_statistic_needs_its_source(content):
    edit(
        content,
        LESSON,
        "body: {fr: Bonjour., en: Hello.}",
        "body: {fr: Bonjour., en: '38% of victims paid.'}",
    )
    assert problems(content) == [
        "lessons/demo/demo-7-10.yaml:17:30: steps[0].body.en: statistic '38%' without its source "
        "(name the organisation and year in the same text (guide §1.7))"
    ]
    edit(content, LESSON, "'38% of victims paid.'", "'38% of victims paid (Thorn & NCMEC, 2024).'")
    assert problems(content) == []


def test_branching_loop_is_reported(content):
    edit(
        content,
        LESSON,
        "          seeks_help: true\n",
        "          choices:\n            - {id: back, text: {fr: Retour, en: Back}, goto: begin, "
        "feedback: {fr: Ok, en: Ok}}\n",
    )
    assert problems(content) == [
        "lessons/demo/demo-7-10.yaml:40:9: steps[2].activity.nodes: path begin → helped → begin loops "
        "(every path must end at an ending with seeks_help: true)"
    ]


@pytest.fixture
def learner_topic(content):
    """The demo topic made part of the learner curriculum, so the learner rules apply to it."""
    edit(content, TOPICS, "    for_learners: false\n", "")
    return content


def test_learner_lesson_shape(learner_topic):
    assert errors(learner_topic) == [
        "lessons/demo/demo-7-10.yaml:15:3: steps: 0 picture(s), a 7-10 lesson needs at least 4 "
        "(give the steps that carry the story a picture (picture: {src: images/…, alt: …}))",
        "lessons/demo/demo-7-10.yaml:15:3: steps: 4 steps, a learner lesson has 5 to 12",
        "lessons/demo/demo-7-10.yaml:15:3: steps: no discussion step (every learner lesson needs a discussion prompt)",
        "lessons/demo/demo-7-10.yaml:15:3: steps: the last step is not a summary (end with 'what I learnt' (type: summary))",
        "quizzes/demo/demo-7-10-quiz.yaml:15:3: questions: 2 questions, a learner quiz has at least 6",
    ]


def test_learner_lesson_without_help_card(learner_topic):
    edit(
        learner_topic,
        LESSON,
        "  - id: help\n    type: help_card\n",
        "  - id: end\n    type: summary\n    points: [{fr: Fin, en: End}]\n",
    )
    assert (
        "lessons/demo/demo-7-10.yaml:15:3: steps: no help_card step (every learner lesson needs the help card)"
        in errors(learner_topic)
    )


def test_coverage_table_and_gaps(learner_topic):
    # the demo lesson and quiz are too short for learner content, so they are not served either
    course = load_course(learner_topic, today=TODAY)
    assert format_table(course.coverage()).splitlines() == [
        "topic  7-10  11-13  14-17",
        "demo   --    --     --   ",
    ]
    gaps = [str(p) for p in course.warnings]
    assert gaps == [
        f"{folder}/demo/demo-{band}{suffix}.yaml:1:1: warning: missing {kind} (every topic needs a {kind} for {band})"
        for folder, kind, suffix in (("lessons", "lesson", ""), ("quizzes", "quiz", "-quiz"))
        for band in ("11-13", "14-17", "7-10")
    ]


HARD_EN = (
    "Unsolicited communications originating from unverified individuals frequently necessitate considerable "
    "circumspection, particularly whenever interlocutors systematically encourage confidentiality, "
    "reciprocal disclosure of compromising photographic documentation, or relocation towards "
    "alternative encrypted communication infrastructures that circumvent parental supervision mechanisms."
)
EASY_EN = "Tom plays a game. A new player asks for his name. Tom says no. He tells his mum. " * 4


def test_readability_warns_when_text_is_too_hard_for_the_band(content):
    edit(content, LESSON, "body: {fr: Bonjour., en: Hello.}", f'body: {{fr: Bonjour., en: "{HARD_EN}"}}')
    found = problems(content)
    assert len(found) == 1
    assert found[0].startswith(
        "lessons/demo/demo-7-10.yaml:5:7: ages: warning: too hard to read in en: Flesch-Kincaid grade "
    )
    assert found[0].endswith("is above 4.5 for 7-10 (shorter sentences and shorter words)")


def test_formulas_on_known_texts():
    easy = measure([EASY_EN], "en")
    assert (easy.words, easy.sentences) == (72, 16)
    assert easy.flesch_kincaid_grade() < 2
    assert measure([HARD_EN], "en").flesch_kincaid_grade() > 20
    french = measure(["Léa joue avec son chat. Elle est contente."], "fr")
    assert (french.words, french.sentences, french.syllables) == (8, 2, 10)
    assert french.kandel_moles() == pytest.approx(207 - 1.015 * 4 - 73.6 * 10 / 8)


@pytest.mark.parametrize(
    ("word", "lang", "syllables"),
    [
        ("école", "fr", 2),
        ("anniversaire", "fr", 4),
        ("quelque", "fr", 1),
        ("chocolat", "fr", 3),
        ("chat", "fr", 1),
        ("information", "en", 4),
        ("friend", "en", 1),
    ],
)
def test_syllables(word, lang, syllables):
    assert count_syllables(word, lang) == syllables


def test_a_wrong_option_may_voice_the_mistake_its_feedback_corrects(content):
    edit(content, LESSON, "text: {fr: Celle-là, en: That one}", "text: {fr: Celle-là, en: Keep the photo}")
    assert problems(content) == []
    edit(content, LESSON, "text: {fr: Celle-ci, en: This one}", "text: {fr: Celle-ci, en: Keep the photo}")
    assert problems(content) == [
        "lessons/demo/demo-7-10.yaml:26:36: steps[1].activity.options[0].text.en: forbidden wording "
        "'Keep the photo': never tell anyone to save, screenshot or forward an image: screenshot the "
        "conversation (guide §1.1)"
    ]
