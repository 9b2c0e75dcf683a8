"""What a lesson taught: before-check against quiz (the after-check), per objective, and confidence.

Each learner's before score on an objective is the mean score of the before-check questions naming it;
the after score is the mean of the quiz questions naming it in the learner's first quiz run (a retake
has seen the answers). A class figure pairs the two: only learners with both count, so a latecomer
who skipped the before-check does not inflate the gain. The normalised gain is Hake's
(after − before) / (100 − before): the share of what was left to learn that was learnt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean

from course.content.models import Quiz
from course.progress import Attempt

CONFIDENCE_BEFORE = "confidence:before"  # activity ids of the confidence item: never a content id
CONFIDENCE_AFTER = "confidence:after"
CONFIDENCE_SCALE = (1, 2, 3, 4)


@dataclass(frozen=True)
class Gain:
    """Before and after, in percent, over the learners who did both."""

    learners: int
    before: float | None
    after: float | None

    @property
    def normalised(self) -> float | None:
        if self.before is None or self.after is None or self.before >= 100:
            return None
        return (self.after - self.before) / (100 - self.before)


@dataclass(frozen=True)
class QuizGain:
    quiz_id: str
    objectives: dict[str, Gain]  # objective id -> gain, in the quiz's order
    overall: Gain
    confidence: Gain  # mean of the 1–4 scale before and after (not percent), over learners with both


@dataclass(frozen=True)
class LearnerPhases:
    before: dict[str, float]  # objective -> percent
    after: dict[str, float]
    confidence_before: int | None
    confidence_after: int | None


def phase_of(quiz: Quiz, attempt: Attempt) -> str | None:
    """'before', 'after' or None (not part of the measure) for one attempt at `quiz`."""
    if attempt.activity_id == CONFIDENCE_BEFORE:
        return "before"
    if attempt.activity_id == CONFIDENCE_AFTER:
        return "after"
    if attempt.run_id is None and attempt.activity_id in {q.id for q in quiz.before_check}:
        return "before"
    if attempt.run_id is not None and attempt.activity_id in {q.id for q in quiz.questions}:
        return "after"
    return None


def objective_of(quiz: Quiz, activity_id: str) -> str | None:
    for question in [*quiz.questions, *quiz.before_check]:
        if question.id == activity_id:
            return question.objective
    return None


def learner_phases(quiz: Quiz, attempts: Iterable[Attempt]) -> LearnerPhases:
    """One learner's before and after per objective, from their attempts at `quiz` (in time order)."""
    placed = [(attempt, phase_of(quiz, attempt)) for attempt in attempts]
    first_run = next((a.run_id for a, phase in placed if a.run_id and phase == "after"), None)
    before: dict[str, dict[str, float]] = defaultdict(dict)
    after: dict[str, dict[str, float]] = defaultdict(dict)
    confidence: dict[str, int] = {}
    for attempt, phase in placed:
        if attempt.activity_id in (CONFIDENCE_BEFORE, CONFIDENCE_AFTER):
            if phase and (phase == "before" or attempt.run_id == first_run):
                confidence.setdefault(phase, int(attempt.answer[0]))
            continue
        objective = objective_of(quiz, attempt.activity_id)
        if phase is None or objective is None or attempt.score is None:
            continue
        if phase == "before":
            before[objective].setdefault(attempt.activity_id, attempt.score)  # the first answer counts
        elif attempt.run_id == first_run:
            after[objective][attempt.activity_id] = attempt.score
    return LearnerPhases(
        before={o: 100 * fmean(scores.values()) for o, scores in before.items()},
        after={o: 100 * fmean(scores.values()) for o, scores in after.items()},
        confidence_before=confidence.get("before"),
        confidence_after=confidence.get("after"),
    )


def quiz_gain(quiz: Quiz, attempts: Iterable[Attempt]) -> QuizGain:
    """The class's (or one learner's) gain on `quiz`, from every attempt at it, any learner."""
    by_learner: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        if attempt.content_id == quiz.id:
            by_learner[attempt.learner_id].append(attempt)
    phases = [learner_phases(quiz, items) for items in by_learner.values()]
    objectives = {
        o.id: _paired([(p.before.get(o.id), p.after.get(o.id)) for p in phases]) for o in quiz.objectives
    }
    overall = _paired([(_mean(p.before.values()), _mean(p.after.values())) for p in phases])
    confidence = _paired([(p.confidence_before, p.confidence_after) for p in phases])
    return QuizGain(quiz.id, objectives, overall, confidence)


def _paired(pairs: list[tuple[float | None, float | None]]) -> Gain:
    both = [(before, after) for before, after in pairs if before is not None and after is not None]
    if not both:
        return Gain(0, None, None)
    return Gain(len(both), fmean(b for b, _ in both), fmean(a for _, a in both))


def _mean(values) -> float | None:
    values = list(values)
    return fmean(values) if values else None
