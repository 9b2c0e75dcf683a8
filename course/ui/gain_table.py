"""Before → after per objective, as a table: the class's on the dashboard (with how many pupils and the
normalised gain), a learner's own at home (before and after only: a child needs no gain formula)."""

from __future__ import annotations

import streamlit as st

from course.classroom.gain import Gain, QuizGain
from course.content.models import Quiz
from course.ui.state import Visitor


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}\u00a0%"


def gain_rows(quiz: Quiz, gain: QuizGain, who: Visitor, class_view: bool = True) -> list[dict[str, str]]:
    """One row per objective, then all objectives, then confidence (its scale is 1–4, not percent)."""
    texts = {objective.id: objective.text.get(who.lang) for objective in quiz.objectives}
    rows = [
        _row(texts[objective], figures, who, class_view) for objective, figures in gain.objectives.items()
    ]
    rows.append(_row(who.t("gain.overall"), gain.overall, who, class_view))
    confidence = gain.confidence
    before, after = confidence.before, confidence.after
    if confidence.learners and before is not None and after is not None:
        row = _row(who.t("gain.confidence"), confidence, who, class_view)
        row[who.t("gain.before")] = _decimal(f"{before:.1f}", who)
        row[who.t("gain.after")] = _decimal(f"{after:.1f}", who)
        if class_view:
            row[who.t("gain.gain")] = _decimal(f"{after - before:+.1f}", who)
        rows.append(row)
    return rows


def _decimal(number: str, who: Visitor) -> str:
    return number.replace(".", who.t("number.decimal_mark"))


def _row(label: str, figures: Gain, who: Visitor, class_view: bool) -> dict[str, str]:
    row = {who.t("gain.objective"): label}
    if class_view:
        row[who.t("gain.pupils")] = str(figures.learners)
    row[who.t("gain.before")] = percent(figures.before)
    row[who.t("gain.after")] = percent(figures.after)
    if class_view:
        normalised = figures.normalised
        row[who.t("gain.gain")] = "—" if normalised is None else f"{normalised * 100:+.0f}\u00a0%"
    return row


def render_gain(quiz: Quiz, gain: QuizGain, who: Visitor, class_view: bool = True) -> None:
    if not gain.overall.learners:
        st.caption(who.t("gain.none"))
        return
    st.markdown(markdown_table(gain_rows(quiz, gain, who, class_view)))


def markdown_table(rows: list[dict[str, str]]) -> str:
    """Rows as a markdown table (a real <table> with headers, one element, readable by tests)."""
    header = list(rows[0])

    def line(cells) -> str:
        return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"

    return "\n".join([line(header), line("---" for _ in header), *(line(row.values()) for row in rows)])
