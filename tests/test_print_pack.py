"""The print pack: the activities and their answers in the right parts, the country's helplines, no
answer on the pupil's worksheet, every lesson in every language and country, and the command line."""

import io
import re
from functools import cache

import pytest
from pypdf import PdfReader

from course import languages
from course.activities.labels import item_labels
from course.cli import main
from course.content.loader import load_course
from course.locales import t
from course.pdf.pack import PackError, pack_filename, pack_pdf
from course.pdf.pack.activities import Printed
from course.pdf.pack.sheets import numbered_activities
from course.pdf.text import plain, typeset
from tests.conftest import COUNTRIES

LESSON = "grooming-7-10"


@cache
def course():
    return load_course()


@cache
def parts(lang: str, country: str) -> dict[str, str]:
    """The text of each part (slides, worksheet, key, notes), found by the PDF's outline."""
    reader = PdfReader(io.BytesIO(pack_pdf(course(), LESSON, lang, country)))
    starts = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert [title for title, _ in starts] == [
        t(key, lang) for key in ("pack.slides", "pack.worksheet", "pack.key", "pack.notes")
    ]
    ends = [start for _, start in starts[1:]] + [len(reader.pages)]
    return {
        title: squash(" ".join(reader.pages[page].extract_text() for page in range(start, end)))
        for (title, start), end in zip(starts, ends, strict=True)
    }


def squash(text: str) -> str:
    return " ".join(plain(text).split())


def printed(text: str, lang: str) -> str:
    """A content text as the PDF prints it: typeset, emoji dropped, ** and * markers gone."""
    return squash(typeset(text, lang).replace("*", ""))


def part(lang: str, country: str, key: str) -> str:
    return parts(lang, country)[t(key, lang)]


CASES = [("fr", "FR"), ("en", "UK")]


@pytest.mark.parametrize(("lang", "country"), CASES)
def test_the_worksheet_holds_every_prompt_and_choice_of_the_lesson_and_its_quiz(lang, country):
    lesson = course().lessons[LESSON]
    sheet = part(lang, country, "pack.worksheet")
    found = numbered_activities(lesson, course().quizzes[lesson.quiz])
    assert any(in_quiz for _, _, in_quiz in found), "the lesson's quiz is printed too"
    for _number, activity, _ in found:
        assert printed(activity.prompt.get(lang), lang) in sheet
        for label in item_labels(activity, lang).values():
            assert printed(label, lang) in sheet


@pytest.mark.parametrize(("lang", "country"), CASES)
def test_the_key_gives_each_right_answer_and_every_feedback_and_the_worksheet_none(lang, country):
    lesson = course().lessons[LESSON]
    sheet = part(lang, country, "pack.worksheet")
    key = part(lang, country, "pack.key")
    for number, activity, _ in numbered_activities(lesson, course().quizzes[lesson.quiz]):
        shown = Printed.of(activity, lang, "print")
        right = activity.right_answer() or ()
        if activity.scored and activity.picks is not None:
            letters = ", ".join(shown.letter(i) for i in sorted(right, key=shown.ids.index))
            answer = squash(t("pack.answer", lang, answer=letters))
            assert answer in key, f"question {number}: {answer!r}"
        if hasattr(activity, "feedback_if_true"):
            feedback = [activity.feedback_if_true.get(lang), activity.feedback_if_false.get(lang)]
        else:
            feedback = [item.feedback.get(lang) for item in getattr(activity, activity.choices_field)]
        for text in feedback:
            assert printed(text, lang) in key
            assert printed(text, lang) not in sheet, "the worksheet never explains an answer"
    assert squash(t("pack.answer", lang, answer="")) not in sheet


def test_an_ordering_is_never_printed_in_its_right_order():
    ordering = next(
        activity
        for lesson in course().lessons.values()
        for activity in (step.activity for step in lesson.steps if step.type == "activity")
        if activity.type == "ordering"
    )
    shown = Printed.of(ordering, "en", "print")
    assert list(shown.ids) != list(ordering.right_answer())
    assert sorted(shown.ids) == sorted(ordering.right_answer())


@pytest.mark.parametrize(
    ("lang", "country", "numbers", "absent"),
    [
        ("fr", "FR", ["3018", "119", "17", "112"], ["0800 1111", "999"]),
        ("en", "UK", ["0800 1111", "999"], ["3018"]),
    ],
)
def test_the_help_card_and_the_notes_give_the_countrys_numbers(lang, country, numbers, absent):
    slides, notes = part(lang, country, "pack.slides"), part(lang, country, "pack.notes")
    for number in numbers:
        assert re.search(rf"(?<!\d){number}(?![\d])", slides), number
    for number in absent:
        assert number not in slides + notes
    emergency = [line for line in course().helplines(country, "7-10") if line.emergency]
    assert emergency and all(printed(line.contact.get(lang), lang) in notes for line in emergency)
    assert squash(t("pack.disclosure_title", lang)) in notes


def test_the_help_card_is_worded_for_the_lessons_band():
    line = next(line for line in course().helplines("FR", "7-10") if line.id == "fr-3018")
    slides = part("fr", "FR", "pack.slides")
    assert printed(line.purpose_for("7-10").get("fr"), "fr") in slides
    assert printed(line.purpose.get("fr"), "fr") not in slides


def test_every_lesson_prints_in_every_language_and_every_country_is_printed():
    """Every lesson in every language, the countries taken in turn: each country's help card and
    notes are printed for many lessons and bands. (The whole cross product, about 300 packs of one to
    two seconds each, is too slow for a test; only the help card and the notes depend on the country.)"""
    builds = [(lesson_id, lang) for lesson_id in sorted(course().lessons) for lang in languages.released()]
    used = set()
    for index, (lesson_id, lang) in enumerate(builds):
        country = COUNTRIES[index % len(COUNTRIES)]
        pdf = pack_pdf(course(), lesson_id, lang, country)
        assert len(PdfReader(io.BytesIO(pdf)).pages) >= 4, (lesson_id, lang, country)
        used.add(country)
    assert used == set(COUNTRIES)


def test_the_same_arguments_give_the_same_bytes_and_a_class_seed_its_own_order():
    assert pack_pdf(course(), LESSON, "en", "UK") == pack_pdf(course(), LESSON, "en", "UK")
    assert pack_pdf(course(), LESSON, "en", "UK", seed="a-session") != pack_pdf(course(), LESSON, "en", "UK")


@pytest.mark.parametrize(
    ("lesson", "lang", "country", "message"),
    [
        ("nope", "en", "UK", "no lesson 'nope' (choose one of: ai-fakes-11-13, "),
        (LESSON, "de", "UK", "no language 'de' (choose one of: fr, en)"),
        (LESSON, "en", "GB", "no country 'GB' (choose one of: FR, BE, CH, CA, UK, US)"),
    ],
)
def test_a_wrong_lesson_language_or_country_names_the_valid_ones(lesson, lang, country, message):
    with pytest.raises(PackError) as error:
        pack_pdf(course(), lesson, lang, country)
    assert str(error.value).startswith(message)


def test_the_command_writes_the_pack(tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["print", LESSON, "--lang", "fr", "--country", "FR", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(out).pages) > 10
    assert capsys.readouterr().out.strip() == str(out)


def test_the_command_refuses_an_unknown_lesson_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["print", "no-such-lesson"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("python -m course print: no lesson 'no-such-lesson' (choose one of: ")
    assert error.count("\n") == 1 and LESSON in error
    assert not list(tmp_path.iterdir())


def test_the_file_name_says_lesson_country_and_language():
    assert pack_filename(LESSON, "fr", "FR") == "kit-imprimable-grooming-7-10-FR-fr.pdf"
    assert pack_filename(LESSON, "en", "UK") == "print-pack-grooming-7-10-UK-en.pdf"


def test_pages_of_counts_the_pages_lay_out_fills():
    """A step too long for one slide runs on at the size that fills the fewest pages (course/pdf/pack/
    slides.py): that choice rests on pages_of agreeing with lay_out, blocks kept with the next included."""
    import random

    from course.pdf.flow import Block, lay_out, pages_of

    class Pages:
        def __init__(self):
            self.added = 0

        def add_page(self):
            self.added += 1

    rng = random.Random(7)
    for _ in range(200):
        section = [
            Block(rng.uniform(5, 60), lambda y: None, rng.choice([0, 4]), rng.random() < 0.3)
            for _ in range(rng.randint(1, 12))
        ]
        pdf = Pages()
        lay_out(pdf, [section], False, 10, 160)  # type: ignore[arg-type]
        assert pages_of(section, 150) == pdf.added + 1


def test_each_slide_shows_its_steps_picture(monkeypatch):
    """The pictures that carry a 7–10 story on screen are on its slides too, in step order."""
    from course.pdf.pack.blocks import PackPages

    drawn: list[str] = []
    real = PackPages.image

    def image(self, name, *args, **kwargs):
        drawn.append(str(name))
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(PackPages, "image", image)
    lesson = course().lessons[LESSON]
    pack_pdf(course(), LESSON, "fr", "FR")
    wanted = [step.picture.src for step in lesson.steps if step.picture is not None]
    assert len(wanted) >= 4
    assert [name.split("/lessons/", 1)[1] for name in drawn] == wanted
