"""What a projector shows once the answers are revealed: which options are right, and each option's share.

A share is of the people who answered, not of all ticks: on a tick-all-that-apply question two pupils
who both tick the same two options make each of them 100 %, and the shares need not add up to 100.
"""

from __future__ import annotations

from collections.abc import Mapping

from course.progress.store import VOTERS


def has_bars(activity) -> bool:
    """Whether bars of counts fit the answers: a pick among listed options (one or several). An
    ordering, a settings profile or a story path is not a pick: a count per item would say nothing."""
    return activity.picks is not None


def right_ids(activity) -> list[str]:
    """The ids of the right options (in the content's order); empty when nothing is right or wrong."""
    return list(activity.right_answer() or ()) if has_bars(activity) else []


def share(count: int, respondents: int) -> int:
    """`count` as a whole percentage of `respondents` (0 when nobody answered)."""
    if respondents <= 0:
        return 0
    return round(100 * min(count, respondents) / respondents)


def tally(poll_counts: Mapping[str, int]) -> tuple[dict[str, int], int]:
    """Stored poll counts -> (count per option, how many voted).

    A vote that ticks several options also counts its voter once under the reserved id `VOTERS`;
    where that count is absent every voter picked one option, so the voters are the sum of the votes.
    """
    counts = {option: count for option, count in poll_counts.items() if option != VOTERS}
    return counts, poll_counts.get(VOTERS, sum(counts.values()))


def right_line(activity, labels: Mapping[str, str]) -> tuple[str, dict] | None:
    """The line under revealed bars (a locale key and its values): the right answer named when there
    is one, the number of ✓ marks when several are right, None when nothing is right or wrong."""
    right = right_ids(activity)
    if not right:
        return None
    if activity.picks == "several":
        return "answers.right_marked", {"count": len(right)}
    return "evening.right_answer", {"answer": " · ".join(labels.get(item, item) for item in right)}
