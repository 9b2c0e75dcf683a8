"""The end of a lesson: a celebration that fits the reader's age and the lesson's topic.

No balloons (Streamlit's are ~30 images without a text alternative, and ignore a request for less
motion): after a lesson about sextortion or grooming, and for teens and adults, a calm message; for
7-13 on the other topics, the message with a few stars that pop in (decorative, hidden from screen
readers, still when the device asks for reduced motion).
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from course.content.models import Lesson
from course.ui.state import Visitor

# How the end of a lesson is marked for each band (every band has its entry: tests/test_bands.py).
CELEBRATION: dict[str, Literal["light", "calm"]] = {
    "7-10": "light",
    "11-13": "light",
    "14-17": "calm",
    "parents": "calm",
    "teachers": "calm",
}
SERIOUS_TOPICS = ("sextortion", "grooming")

STARS = '<div class="lesson-stars" aria-hidden="true"><span>⭐</span><span>🌟</span><span>⭐</span></div>'
# Part of every page's styles (course/ui/page_kit.py).
STARS_STYLE = """
.lesson-stars { display: flex; justify-content: center; gap: 1.5rem; font-size: 2.2rem; }
.lesson-stars span { animation: lesson-star-pop .6s ease-out both; }
.lesson-stars span:nth-child(2) { animation-delay: .15s; }
.lesson-stars span:nth-child(3) { animation-delay: .3s; }
@keyframes lesson-star-pop {
  from { transform: scale(.2); opacity: 0; }
  to { transform: scale(1); opacity: 1; }
}
@media (prefers-reduced-motion: reduce) { .lesson-stars span { animation: none; } }
"""


def kind(band: str, topic: str) -> Literal["light", "calm"]:
    """Light (a few stars) for 7-13 on most topics; calm (words only) for teens, adults, and after
    a lesson about sextortion or grooming."""
    return "light" if CELEBRATION.get(band) == "light" and topic not in SERIOUS_TOPICS else "calm"


def celebrate(lesson: Lesson, who: Visitor, just_finished: bool) -> None:
    """The message at the end of `lesson`; the stars only right after finishing it (not on a reload)."""
    if kind(lesson.ages, lesson.topic) == "calm":
        st.success(who.t_band("lesson.done_calm", lesson.ages), icon=":material/check_circle:")
        return
    if just_finished:
        st.html(STARS)
    st.success(who.t("lesson.done"), icon=":material/celebration:")
