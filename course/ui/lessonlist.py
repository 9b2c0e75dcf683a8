"""A list of lesson cards, shared by the learner and parent pages."""

from __future__ import annotations

import streamlit as st

from course.content import Course
from course.content.models import Lesson
from course.progress import LessonProgress
from course.ui import routes
from course.ui.links import go
from course.ui.state import Visitor


def render_lessons(
    course: Course, lessons: list[Lesson], who: Visitor, progress: dict[str, LessonProgress] | None = None
) -> None:
    if not lessons:
        st.info(who.t("lessons.none"), icon=":material/hourglass_empty:")
        return
    for lesson in lessons:
        topic = course.topic(lesson.topic)
        with st.container(border=True):
            icon = f"{topic.icon} " if topic else ""
            st.markdown(f"#### {icon}{lesson.title.get(who.lang)}")
            st.markdown(lesson.summary.get(who.lang))
            details = [who.t("lessons.minutes", minutes=lesson.minutes)]
            if topic:
                details.insert(0, topic.title_for(lesson.ages).get(who.lang))  # 7-10 reads child words
            if lesson.quiz and lesson.quiz in course.quizzes:
                details.append(who.t("lessons.with_quiz"))
            st.caption(" · ".join(details))
            done = (progress or {}).get(lesson.id)
            label = (
                who.t("lessons.again")
                if done and done.completed
                else who.t("lessons.continue")
                if done
                else who.t("lessons.start")
            )
            if st.button(
                label,
                key=f"open_{lesson.id}",
                type="secondary" if done and done.completed else "primary",
                icon=":material/check_circle:" if done and done.completed else ":material/play_arrow:",
            ):
                go(routes.LESSON, lesson=lesson.id)
