"""The projector under AppTest: shares of the people who answered, right answers marked, and which
button leads on a parent evening's slides."""

import html
import re

import pytest

from course.classroom import evening
from course.classroom.answers_shown import right_ids
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from course.progress.store import VOTERS, Attempt
from course.ui.bars import bars_html
from tests.ui.apptest import dashboard, open_page, spaced, start, teacher, texts, use_database

COURSE = load_course()
CLASS_LESSON = COURSE.lessons["ai-fakes-7-10"]
CLASS_STEP = next(
    i
    for i, step in enumerate(CLASS_LESSON.steps)
    if step.type == "activity" and step.activity.type == "multiple_choice"
)
TICK_ALL = CLASS_LESSON.steps[CLASS_STEP].activity
PARENT_LESSONS = tuple(lesson.id for lesson in COURSE.lessons_for("parents"))
COUNT = re.compile(r'<div class="count">(\d+) · (\d+) %</div>')


@pytest.fixture
def db(monkeypatch, tmp_path):
    return use_database(monkeypatch, tmp_path)


def rows(bars: str) -> list[tuple[bool, str, str]]:
    """(marked right, label html, "count · share %") per bar."""
    found = re.findall(
        r'<div class="result( right)?" role="listitem"><div class="label">(.*?)</div>.*?'
        r'<div class="count">(.*?)</div>',
        bars,
    )
    return [(bool(right), label, count) for right, label, count in found]


def test_bars_show_shares_of_respondents_and_mark_right_answers_in_text():
    labels = {"a": "Alpha", "b": "Beta", "c": "Gamma"}
    bars = bars_html(
        labels, {"a": 2, "b": 2}, "Answers", respondents=2, right=["a", "c"], right_text="right answer"
    )
    assert [count for _, _, count in rows(bars)] == ["2 · 100 %", "2 · 100 %", "0 · 0 %"]
    assert [right for right, _, _ in rows(bars)] == [True, False, True]
    assert bars.count("✓") == 2 and bars.count('<span class="sr"> (right answer)</span>') == 2
    assert "✓" not in bars_html(labels, {"a": 1}, "Answers", respondents=1)  # a poll: nothing is right


def class_at_tick_all_question(db, revealed: bool) -> str:
    """A teacher-paced class on the tick-all question, where 2 pupils each ticked the same 2 options."""
    store = Store.open(db)
    classroom = Classroom(store)
    session = classroom.create("CM2 B", "7-10", [CLASS_LESSON.id], paced=True)
    ticked = [option.id for option in TICK_ALL.options][:2]
    for nickname in ("wise-koala", "calm-otter"):
        pupil = classroom.join(session, nickname)
        store.record_attempt(
            Attempt(pupil.id, CLASS_LESSON.id, TICK_ALL.id, ticked, False, 0.5, "v", session_id=session.id)
        )
    classroom.set_step(session.id, CLASS_LESSON.id, CLASS_STEP)
    classroom.reveal(session.id, revealed)
    return session.id


def test_class_projector_shares_are_of_pupils_who_answered_and_right_answers_are_marked(db):
    at = dashboard(class_at_tick_all_question(db, revealed=True))
    bars = [h.value for h in at.html if 'class="bars hall"' in h.value]
    assert len(bars) == 1
    shown = rows(bars[0])
    counts = [count for _, _, count in shown]
    assert counts.count("2 · 100 %") == 2  # 2 of 2 pupils ticked each: not "2 · 50 %" of 4 ticks
    assert counts.count("0 · 0 %") == len(TICK_ALL.options) - 2
    right = {html.escape(option.text.fr) for option in TICK_ALL.options if option.correct}
    assert {label.split("</span>")[1].split("<span")[0] for marked, label, _ in shown if marked} == right
    assert bars[0].count("(bonne réponse)") == len(right)
    shown_text = texts(at)
    assert spaced(TICK_ALL.prompt.fr) in shown_text
    assert f"Bonnes réponses : les {len(right)} marquées ✓" in shown_text
    assert any(".st-key-join_header" in h.value for h in at.html)  # the join header makes room


def test_class_projector_before_the_reveal_shows_no_bars_and_keeps_the_join_header(db):
    at = dashboard(class_at_tick_all_question(db, revealed=False))
    assert not [h.value for h in at.html if 'class="bars' in h.value]
    assert not any(".st-key-join_header" in h.value for h in at.html)
    assert [m.value for m in at.metric] == ["2", "2"]  # joined, answered


def evening_at(db, kind: str):
    """An evening on its first question of type `kind`: (session, the slide's position, activity)."""
    classroom = Classroom(Store.open(db))
    session = classroom.create("Réunion", "parents", PARENT_LESSONS, paced=True, kind="evening")
    position = next(
        p
        for p in evening.slides(COURSE, PARENT_LESSONS)
        if (a := evening.activity_at(COURSE, p)) is not None and a.type == kind
    )
    classroom.set_step(session.id, *position)
    return session, position, evening.activity_at(COURSE, position)


def console(session_id: str):
    at = teacher()
    at.query_params["session"] = session_id
    return open_page(at, "console")


def test_parents_tick_several_options_and_the_slide_shows_shares_of_voters(db):
    session, (lesson_id, _), question = evening_at(db, "multiple_choice")
    poll = evening.poll_id(lesson_id, question.id)
    ticked = [option.id for option in question.options][:2]
    for _ in range(2):
        phone = open_page(open_page(start("fr-FR", **{"class": session.join_code}), "join"), "vote")
        vote = phone.button(key=f"vote:{poll}:ticked")
        assert vote.disabled  # nothing ticked yet
        for option_id in ticked:
            phone = phone.checkbox(key=f"tick:{poll}:{option_id}").check().run()
        phone = phone.button(key=f"vote:{poll}:ticked").click().run()
        assert "Merci, votre vote est compté." in texts(phone)
        assert not [c for c in phone.checkbox if c.key and c.key.startswith("tick:")]  # one vote per phone
    assert Store.open(db).poll_results(session.id, poll) == {ticked[0]: 2, ticked[1]: 2, VOTERS: 2}

    at = console(session.id)
    assert [m.value for m in at.metric] == ["2"]  # 2 parents voted (4 ticks)
    slides = open_page(at, "presenter")
    assert "2 vote(s) pour l'instant" in texts(slides)
    at = open_page(slides, "console").button(key="console_reveal").click().run()
    slides = open_page(at, "presenter")
    bars = [h.value for h in slides.html if 'class="bars hall"' in h.value]
    counts = [count for _, _, count in rows(bars[0])]
    assert counts.count("2 · 100 %") == 2 and counts.count("0 · 0 %") == len(question.options) - 2
    assert sum(marked for marked, _, _ in rows(bars[0])) == len(right_ids(question))
    assert f"Bonnes réponses : les {len(right_ids(question))} marquées ✓" in texts(slides)


def test_reveal_leads_only_on_a_question_with_answers_still_hidden(db):
    session, _, _ = evening_at(db, "single_choice")
    at = console(session.id)
    assert at.button(key="console_reveal").proto.type == "primary"
    assert at.button(key="console_next").proto.type == "secondary"
    at = at.button(key="console_reveal").click().run()  # the answers are on screen: next leads
    assert at.button(key="console_next").proto.type == "primary"
    assert at.button(key="console_reveal").proto.type == "secondary"


@pytest.mark.parametrize("kind", ["welcome", "red_flag_chat", "text"])
def test_reveal_is_not_the_main_button_on_a_slide_with_nothing_to_reveal(db, kind):
    classroom = Classroom(Store.open(db))
    session = classroom.create("Réunion", "parents", PARENT_LESSONS, paced=True, kind="evening")
    order = evening.slides(COURSE, PARENT_LESSONS)
    if kind == "text":
        position = next(p for p in order if p[0] and evening.activity_at(COURSE, p) is None)
    elif kind != "welcome":
        position = next(
            p for p in order if (a := evening.activity_at(COURSE, p)) is not None and a.type == kind
        )
    if kind == "welcome":
        classroom.set_step(session.id, "", 0)  # the deck's first slide: how to join
    else:
        classroom.set_step(session.id, *position)
    at = console(session.id)
    reveal = at.button(key="console_reveal")
    assert reveal.proto.type == "secondary" and reveal.disabled
    assert at.button(key="console_next").proto.type == "primary"
