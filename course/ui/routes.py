"""Every page of the app: its URL path, its title, who may open it. Data only: no page is imported here.

A page's code is course/ui/pages/<path>.py with a `render()`; the app registers one st.Page per route
(course.ui.app) and a page links to another through these constants (course.ui.links.go), so a
misspelt route fails when the app starts, not when someone clicks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Route:
    path: str  # the URL path, and the name of the page's module under course/ui/pages/
    title_key: str  # locale key of the page's title
    icon: str
    in_menu: bool = True  # False: reached by a link or a button only
    teacher: bool = False  # registered only for a signed-in teacher
    reader: Literal["parent", "teacher"] | None = None  # an adult page: its help panel lists adult lines


HOME = Route("home", "nav.home", ":material/home:")
LEARN = Route("learn", "nav.learn", ":material/school:")
PROGRESS = Route("progress", "nav.progress", ":material/insights:")
PARENTS = Route("parents", "nav.parents", ":material/family_restroom:", reader="parent")
TEACHERS = Route("teachers", "nav.teachers", ":material/co_present:", reader="teacher")
CLASSES = Route("classes", "nav.classes", ":material/groups:", teacher=True, reader="teacher")
HELP = Route("help", "nav.help", ":material/support:")
PRIVACY = Route("privacy", "nav.privacy", ":material/shield_lock:", in_menu=False)
ABOUT = Route("about", "nav.about", ":material/info:", in_menu=False)
ACCESSIBILITY = Route("accessibility", "nav.accessibility", ":material/accessibility_new:", in_menu=False)
LESSON = Route("lesson", "nav.lesson", ":material/menu_book:", in_menu=False)  # reader: the lesson's audience
QUIZ = Route("quiz", "nav.quiz", ":material/quiz:", in_menu=False)
JOIN = Route("join", "nav.join", ":material/login:", in_menu=False)
DASHBOARD = Route(
    "dashboard", "nav.dashboard", ":material/monitoring:", in_menu=False, teacher=True, reader="teacher"
)
PRESENTER = Route(
    "presenter", "nav.presenter", ":material/slideshow:", in_menu=False, teacher=True, reader="teacher"
)
CONSOLE = Route(
    "console", "nav.console", ":material/speaker_notes:", in_menu=False, teacher=True, reader="teacher"
)
VOTE = Route("vote", "nav.vote", ":material/how_to_vote:", in_menu=False)

ROUTES = (
    HOME,
    LEARN,
    PROGRESS,
    PARENTS,
    TEACHERS,
    CLASSES,
    HELP,
    PRIVACY,
    ABOUT,
    ACCESSIBILITY,
    LESSON,
    QUIZ,
    JOIN,
    DASHBOARD,
    PRESENTER,
    CONSOLE,
    VOTE,
)
DEFAULT = HOME
# The list a lesson goes back to, by the lesson's audience.
LIST_OF_AUDIENCE = {"learner": LEARN, "parent": PARENTS, "teacher": TEACHERS}


def by_path(path: str) -> Route | None:
    return next((route for route in ROUTES if route.path == path), None)
