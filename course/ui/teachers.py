"""Teachers: the curriculum map and any content file that could not be loaded."""

from __future__ import annotations

import streamlit as st

from course.content.models import BANDS
from course.ui import state


def curriculum_rows(course, lang: str) -> list[dict[str, str]]:
    """One row per topic, one column per band, the lesson titles in each cell."""
    rows = []
    for topic in course.topics:
        row = {"": f"{topic.icon} {topic.title.get(lang)}"}
        for band in BANDS:
            info = course.band(band)
            titles = [
                lesson.title.get(lang) for lesson in course.lessons_for(band) if lesson.topic == topic.id
            ]
            row[info.label.get(lang) if info else band] = " · ".join(titles) or "—"
        rows.append(row)
    return rows


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("teachers.title"))
    st.markdown(who.t("teachers.lead"))
    broken = course.broken_files()
    if broken:
        with st.container(border=True):
            st.warning(who.t("teachers.broken", count=len(broken)), icon=":material/report:")
            for problems in broken.values():
                st.code("\n".join(str(problem) for problem in problems), language=None, wrap_lines=True)
    st.subheader(who.t("teachers.map"))
    st.dataframe(curriculum_rows(course, who.lang), hide_index=True, width="stretch")
