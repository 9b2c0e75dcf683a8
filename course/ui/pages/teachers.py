"""Teachers: the guide, the curriculum map and any content file that could not be loaded."""

from __future__ import annotations

import streamlit as st

from course import bands
from course.content import Course
from course.ui import routes, state
from course.ui.lessonlist import render_lessons
from course.ui.links import go
from course.ui.teacher_access import is_teacher, sign_in_panel


def curriculum_rows(course: Course, lang: str) -> list[dict[str, str]]:
    """One row per topic: the lesson titles per band, then where it meets CRCN/EMI and Connected World."""
    rows = []
    for topic in course.topics:
        if not topic.crcn and not topic.connected_world:
            continue  # the teachers' own guide is not part of the map
        row = {"": f"{topic.icon} {topic.title.get(lang)}"}
        for band in [band for band in bands.ids() if bands.audience(band) != "teacher"]:
            info = course.band(band)
            titles = [
                lesson.title.get(lang) for lesson in course.lessons_for(band) if lesson.topic == topic.id
            ]
            row[info.label.get(lang) if info else band] = " · ".join(titles) or "—"
        row["CRCN"] = " · ".join(topic.crcn)
        row["EMI"] = topic.emi or ""
        row["Education for a Connected World"] = " · ".join(topic.connected_world)
        rows.append(row)
    return rows


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("teachers.title"))
    st.markdown(who.t("teachers.lead"))
    if is_teacher():
        if st.button(
            who.t("teachers.my_classes"), type="primary", icon=":material/groups:", key="to_classes"
        ):
            go(routes.CLASSES)
    else:
        sign_in_panel(who)
    broken = course.broken_files()
    if broken:
        with st.container(border=True):
            st.warning(who.t("teachers.broken", count=len(broken)), icon=":material/report:")
            for problems in broken.values():
                st.code("\n".join(str(problem) for problem in problems), language=None, wrap_lines=True)
    st.subheader(who.t("teachers.guide"))
    render_lessons(course, course.lessons_for(bands.strand("teacher")), who)
    st.subheader(who.t("teachers.map"))
    st.caption(who.t("teachers.map_help"))
    st.dataframe(curriculum_rows(course, who.lang), hide_index=True, width="stretch")
