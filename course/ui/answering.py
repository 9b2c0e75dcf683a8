"""Connecting an activity on screen to the store: earlier answers, recording, anonymous votes."""

from __future__ import annotations

import functools

from course.activities import Result, grade
from course.progress import Attempt, Learner
from course.ui import session_keys, state
from course.ui.widgets.answer_state import Answering

POLL_SCOPE_HOME = "home"


def regrade(activity, answer) -> Result | None:
    """Feedback for an answer read back from the store; None if the content changed since."""
    try:
        return grade(activity, answer)
    except ValueError:
        return None


def store_answering(
    content_id: str,
    activity,
    learner: Learner,
    run_id: str | None = None,
    hold: bool = False,
    take: int = 0,
    silent: bool = False,
) -> Answering:
    """Answers to `activity` of lesson or quiz `content_id` go to the store (quiz answers in their run;
    `take` counts the learner's runs of the quiz, so that a retake shows its choices in a new order)."""
    store = state.store()
    version = state.course().versions.get(content_id, "")

    @functools.cache
    def earlier() -> Result | None:
        """Read when the session has no answer of its own (a step opened again, a resumed session):
        not on the click that has just answered, nor on the reruns after it."""
        attempt = store.last_answer(learner.id, content_id, activity.id, run_id)
        return regrade(activity, attempt.answer) if attempt else None

    def record(result: Result, hints: int, spent_ms: int) -> None:
        attempt = Attempt(
            learner.id,
            content_id,
            activity.id,
            result.answer,
            result.correct,
            result.score,
            version,
            hints,
            spent_ms,
            run_id=run_id,
            session_id=learner.session_id,
        )
        store.record_attempt(attempt)

    key = session_keys.in_quiz_run(run_id, activity.id) if run_id else f"lesson:{content_id}:{activity.id}"
    if silent:
        key = f"before:{content_id}:{activity.id}"
    vote = poll_vote(learner.session_id or POLL_SCOPE_HOME, content_id, activity)
    return Answering(
        key,
        earlier,
        record,
        allow_retry=run_id is None and not hold,
        vote=vote,
        hold=hold,
        order_seed=order_seed(learner),
        run=f"take-{take}" if take else "",
        silent=silent,
    )


def order_seed(learner: Learner) -> str:
    """Who shares one order of the choices: a class session (so "answer B" means one thing in the
    room), else the learner alone."""
    return learner.session_id or learner.id


def poll_vote(scope: str, content_id: str, activity):
    """A vote for one option of a poll: only the count per option is kept, then the counts come back."""
    store, poll_id = state.store(), f"{content_id}/{activity.id}"

    def vote(option_id: str) -> dict[str, int]:
        store.vote(scope, poll_id, option_id)
        return store.poll_results(scope, poll_id)

    return vote


def local_answering(content_id: str, activity) -> Answering:
    """Adults reading alone: feedback only, nothing stored; a poll vote still counts anonymously."""
    vote = poll_vote(POLL_SCOPE_HOME, content_id, activity)
    return Answering(f"lesson:{content_id}:{activity.id}", lambda: None, lambda *_: None, vote=vote)
