"""The store's verbs on a real database: what is written is what is read back."""

import threading

from sqlalchemy import inspect, select

from course.progress import Attempt
from course.progress.codes import CODE_ALPHABET, display_code, normalise_code
from course.progress.tables import attempts, learners, lesson_progress, poll_counts


def answer(learner_id, activity="a1", ids=("o1",), correct=True, score=1.0, run_id=None, content="lesson-x"):
    return Attempt(
        learner_id,
        content,
        activity,
        ids,
        correct,
        score,
        "v1",
        hints_used=1,
        time_spent_ms=1200,
        run_id=run_id,
    )


def test_learner_gets_opaque_id_generated_nickname_and_resume_code(store):
    learner = store.create_learner("brave-otter")
    assert len(learner.id) == 32 and learner.nickname == "brave-otter"
    assert len(learner.resume_code) == 6 and set(learner.resume_code) <= set(CODE_ALPHABET)
    assert store.learner_by_code(display_code(learner.resume_code).lower()) == learner
    assert store.learner(learner.id) == learner


def test_unknown_or_malformed_resume_codes_find_nobody(store):
    store.create_learner("calm-fox")
    for code in ("ZZZZZZ", "", None, "abc", "' OR 1=1 --", 42):
        assert store.learner_by_code(code) is None


def test_learners_table_holds_no_personal_data_columns(store):
    columns = {column["name"] for column in inspect(store.engine).get_columns("learners")}
    assert columns == {"id", "nickname", "resume_code", "session_id", "created_at", "last_seen_at"}


def test_furthest_step_only_grows_and_current_step_follows(store):
    learner = store.create_learner("kind-owl")
    store.record_step(learner.id, "lesson-x", 3)
    store.record_step(learner.id, "lesson-x", 1)  # a second tab going back
    progress = store.lesson_progress(learner.id)["lesson-x"]
    assert (progress.current_step, progress.furthest_step, progress.completed) == (1, 3, False)
    store.complete_lesson(learner.id, "lesson-x", 8)
    assert store.lesson_progress(learner.id)["lesson-x"].completed
    first = store_completed_at(store)
    store.complete_lesson(learner.id, "lesson-x", 8)  # finished again: the first date stays
    assert store_completed_at(store) == first is not None
    store.complete_lesson(learner.id, "lesson-y", 5)  # finished without a step recorded before
    assert store.lesson_progress(learner.id)["lesson-y"].completed


def store_completed_at(store):
    with store.engine.connect() as db:
        return db.execute(select(lesson_progress.c.completed_at)).scalar_one()


def test_attempts_are_appended_with_ids_only(store):
    learner = store.create_learner("wise-bee")
    store.record_attempt(answer(learner.id, ids=("o2",), correct=False, score=0.0))
    store.record_attempt(answer(learner.id, ids=("o1",)))
    stored = store.attempts(learner.id, "lesson-x")
    assert [a.answer for a in stored] == [("o2",), ("o1",)]
    assert [a.correct for a in stored] == [False, True]
    assert stored[1].hints_used == 1 and stored[1].time_spent_ms == 1200 and stored[1].content_version == "v1"
    assert store.last_answers(learner.id, "lesson-x")["a1"].answer == ("o1",)
    with store.engine.connect() as db:
        assert db.execute(select(attempts.c.answer)).scalars().all() == [["o2"], ["o1"]]


def test_last_answer_is_the_latest_at_that_activity_and_in_that_run(store):
    learner = store.create_learner("keen-seal")
    assert store.last_answer(learner.id, "lesson-x", "a1") is None
    store.record_attempt(answer(learner.id, "a1", ("o2",), correct=False, score=0.0))
    store.record_attempt(answer(learner.id, "a1", ("o1",)))
    store.record_attempt(answer(learner.id, "a2", ("o3",)))
    assert store.last_answer(learner.id, "lesson-x", "a1").answer == ("o1",)
    assert store.last_answer(learner.id, "lesson-x", "a2").answer == ("o3",)
    assert store.last_answer(learner.id, "other-lesson", "a1") is None
    run_a = store.open_quiz_run(learner.id, "quiz-x")
    store.record_attempt(answer(learner.id, "q1", ("a",), run_id=run_a, content="quiz-x"))
    store.finish_quiz_run(run_a, 100, True)
    run_b = store.open_quiz_run(learner.id, "quiz-x")
    assert store.last_answer(learner.id, "quiz-x", "q1", run_b) is None
    assert store.last_answer(learner.id, "quiz-x", "q1", run_a).answer == ("a",)


def test_quiz_run_is_reused_until_finished_and_summaries_keep_the_best(store):
    learner = store.create_learner("bold-lynx")
    first = store.open_quiz_run(learner.id, "quiz-x")
    assert store.open_quiz_run(learner.id, "quiz-x") == first
    store.finish_quiz_run(first, 50, False)
    second = store.open_quiz_run(learner.id, "quiz-x")
    assert second != first
    store.finish_quiz_run(second, 80, True)
    store.finish_quiz_run(second, 10, False)  # finishing twice changes nothing
    summary = store.quiz_summaries(learner.id)["quiz-x"]
    assert (summary.best_score, summary.last_score, summary.passed, summary.runs) == (80, 80, True, 2)


def test_last_answers_of_a_run_ignore_other_runs(store):
    learner = store.create_learner("sunny-whale")
    run_a = store.open_quiz_run(learner.id, "quiz-x")
    store.record_attempt(answer(learner.id, "q1", ("a",), run_id=run_a, content="quiz-x"))
    store.finish_quiz_run(run_a, 100, True)
    run_b = store.open_quiz_run(learner.id, "quiz-x")
    assert store.last_answers(learner.id, "quiz-x", run_b) == {}
    assert set(store.last_answers(learner.id, "quiz-x", run_a)) == {"q1"}


def test_a_run_s_answers_are_read_through_the_run_index(tmp_path):
    """A quiz answer must not get slower with each retake: the run filter is an index lookup."""
    from sqlalchemy import event

    from course.progress import Store

    store = Store.open(f"sqlite:///{tmp_path / 'plan.db'}")
    learner = store.create_learner("swift-hare")
    run = store.open_quiz_run(learner.id, "quiz-x")
    store.record_attempt(answer(learner.id, "q1", run_id=run, content="quiz-x"))
    statements = []

    def remember(_conn, _cursor, statement, parameters, _context, _executemany):
        if "FROM attempts" in statement:
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    assert set(store.last_answers(learner.id, "quiz-x", run)) == {"q1"}
    event.remove(store.engine, "before_cursor_execute", remember)
    [(statement, parameters)] = statements
    with store.engine.connect() as db:
        plan = [row[-1] for row in db.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    store.engine.dispose()
    assert plan == [
        "SEARCH attempts USING INDEX ix_attempts_learner_content_run "
        "(learner_id=? AND content_id=? AND run_id=?)"
    ]


def test_polls_keep_only_counts(store):
    for option in ("yes", "yes", "no"):
        store.vote("home", "lesson-x/poll", option)
    assert store.poll_results("home", "lesson-x/poll") == {"yes": 2, "no": 1}
    assert store.poll_results("other-session", "lesson-x/poll") == {}
    with store.engine.connect() as db:
        assert set(db.execute(select(poll_counts)).mappings().all()[0]) == {
            "scope",
            "poll_id",
            "option_id",
            "count",
        }


def test_concurrent_answers_from_many_learners_are_all_written(store):
    pupils = [store.create_learner("quick-fox") for _ in range(8)]
    errors = []

    def answer_many(learner):
        try:
            for index in range(15):
                store.record_attempt(answer(learner.id, f"a{index}"))
                store.record_step(learner.id, "lesson-x", index)
                store.vote("home", "lesson-x/poll", "yes")
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=answer_many, args=(pupil,)) for pupil in pupils]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.engine.connect() as db:
        assert len(db.execute(select(attempts.c.id)).all()) == 8 * 15
        assert len(db.execute(select(learners.c.id)).all()) == 8
    assert store.poll_results("home", "lesson-x/poll") == {"yes": 8 * 15}
    assert all(store.lesson_progress(p.id)["lesson-x"].furthest_step == 14 for p in pupils)


def test_normalise_code():
    assert normalise_code(" k7m-q2p ") == "K7MQ2P"
    assert normalise_code("K7MQ2") is None
    assert normalise_code("K7MQ2O") is None  # O is not in the alphabet (read as 0)


def test_home_learners_not_seen_for_a_long_time_are_purged(store, monkeypatch):
    import datetime

    from course.progress.store import now

    monkeypatch.setenv("COURSE_HOME_DAYS", "30")
    old, recent = store.create_learner("calm-fox"), store.create_learner("kind-owl")
    store.touch(recent.id)
    assert store.purge_home_learners(now() + datetime.timedelta(days=10)) == 0
    store.touch(recent.id)
    later = now() + datetime.timedelta(days=31)
    with store.engine.begin() as db:
        from sqlalchemy import update

        db.execute(update(learners).where(learners.c.id == recent.id).values(last_seen_at=later))
    assert store.purge_home_learners(later + datetime.timedelta(minutes=1)) == 1
    assert store.learner(old.id) is None and store.learner(recent.id) is not None
