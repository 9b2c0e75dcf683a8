"""Pictures in lessons: how many a band needs, their alt text in every language, their path and size,
and the committed files are the ones course/pictures draws."""

from pathlib import Path

import pytest

from course import bands
from course.content import load_course
from course.content.checks import pictures_of
from course.pictures import catalogue
from course.pictures.__main__ import write
from tests.conftest import ROOT, TODAY, edit

LESSON = "lessons/demo/demo-7-10.yaml"
TOPICS = "course/data/topics.yaml"
PICTURES = 'picture: {src: images/lea.svg, alt: {fr: "Léa sourit.", en: "Léa smiles."}}'
SHAPE = "(give the steps that carry the story a picture (picture: {src: images/…, alt: …}))"


def errors(root: Path) -> list[str]:
    return [str(p) for p in load_course(root, today=TODAY).errors]


@pytest.fixture
def learner_topic(content):
    """The demo topic in the learner curriculum (its lessons then need their band's pictures), and a
    picture to show."""
    edit(content, TOPICS, "    for_learners: false\n", "")
    (content / "lessons" / "images").mkdir()
    (content / "lessons" / "images" / "lea.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    return content


def with_pictures(root: Path, count: int) -> None:
    """Gives the first `count` steps of the demo 7-10 lesson a picture (it has four steps)."""
    for step in ("intro", "pick", "story", "help")[:count]:
        text = (root / LESSON).read_text(encoding="utf-8")
        at = text.index(f"  - id: {step}\n") + len(f"  - id: {step}\n")
        (root / LESSON).write_text(text[:at] + f"    {PICTURES}\n" + text[at:], encoding="utf-8")


def picture_errors(root: Path) -> list[str]:
    return [error for error in errors(root) if "picture" in error]


def test_a_7_10_lesson_with_three_pictures_needs_a_fourth(learner_topic):
    with_pictures(learner_topic, 3)
    assert picture_errors(learner_topic) == [
        f"lessons/demo/demo-7-10.yaml:15:3: steps: 3 picture(s), a 7-10 lesson needs at least 4 {SHAPE}"
    ]


def test_a_7_10_lesson_with_four_pictures_has_enough(learner_topic):
    with_pictures(learner_topic, 4)
    found = errors(learner_topic)
    assert "lessons/demo/demo-7-10.yaml:15:3: steps: 4 steps, a learner lesson has 5 to 12" in found
    assert [error for error in found if "picture" in error] == []


def test_older_bands_need_two_pictures_and_adults_none():
    assert [bands.pictures(band) for band in bands.ids()] == [4, 2, 2, 0, 0]


def test_a_picture_needs_its_alt_text_in_every_language(learner_topic):
    edit(
        learner_topic,
        LESSON,
        "  - id: intro\n",
        '  - id: intro\n    picture: {src: images/lea.svg, alt: {fr: "Léa sourit."}}\n',
    )
    assert (
        "lessons/demo/demo-7-10.yaml:16:41: steps[0].picture.alt: en missing (no English text: every text needs fr and en)"
        in errors(learner_topic)
    )


def test_a_picture_without_alt_text_is_refused(learner_topic):
    edit(learner_topic, LESSON, "  - id: intro\n", "  - id: intro\n    picture: {src: images/lea.svg}\n")
    assert [error for error in errors(learner_topic) if "alt" in error] == [
        "lessons/demo/demo-7-10.yaml:16:14: steps[0].picture: alt missing "
        "(every image needs alternative text for screen readers)"
    ]


def test_a_picture_must_exist_stay_in_the_lessons_folder_and_be_small(learner_topic):
    (learner_topic / "lessons" / "images" / "big.svg").write_text("<svg>" + " " * 40_500 + "</svg>")
    for src, message in (
        (
            "images/gone.svg",
            "image not found: lessons/images/gone.svg (paths are relative to the lessons folder)",
        ),
        (
            "../course/data/topics.yaml",
            "image path leaves the lessons folder: ../course/data/topics.yaml "
            "(write it relative to the lessons folder, e.g. images/keys.svg)",
        ),
        (
            "images/big.svg",
            "image of 40 kB: lessons/images/big.svg "
            "(a picture stays under 40 kB (SVG, or a compressed raster))",
        ),
    ):
        text = (learner_topic / LESSON).read_text(encoding="utf-8")
        changed = text.replace(
            "  - id: intro\n", f"  - id: intro\n    picture: {{src: {src}, alt: {{fr: Léa., en: Léa.}}}}\n"
        )
        (learner_topic / LESSON).write_text(changed, encoding="utf-8")
        assert [e for e in errors(learner_topic) if "image " in e] == [
            f"lessons/demo/demo-7-10.yaml:16:20: steps[0].picture.src: {message}"
        ]
        (learner_topic / LESSON).write_text(text, encoding="utf-8")


def test_shipped_lessons_show_their_bands_pictures():
    course = load_course(ROOT)
    for lesson in course.lessons.values():
        assert len(list(pictures_of(lesson))) >= bands.pictures(lesson.ages), lesson.id


def test_committed_pictures_are_what_the_generator_draws(tmp_path):
    written = write(tmp_path)
    assert len(written) == len(catalogue.PICTURES)
    for path in written:
        shipped = ROOT / "lessons" / "images" / path.name
        assert shipped.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name


def test_every_picture_is_small_self_contained_and_used():
    used = {src for lesson in load_course(ROOT).lessons.values() for _, src in pictures_of(lesson)}
    for name in catalogue.PICTURES:
        text = (ROOT / "lessons" / "images" / name).read_text(encoding="utf-8")
        assert len(text.encode()) < 15_000, name
        assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320"'), name
        assert "<script" not in text and "href" not in text and "<text" not in text, name
        assert f"images/{name}" in used, name
