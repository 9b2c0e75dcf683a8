"""The names under which the app keeps things in a visitor's session state, in one place.

Widget keys stay beside their widget (a widget's key is its own business); what is read or written
from more than one module is named here.
"""

from __future__ import annotations

# --- the visitor -------------------------------------------------------------------------------
LANG = "lang"
COUNTRY = "country"
READING = "reading"  # the reading comfort settings (course/ui/preferences.py Reading)
BAND = "band"  # the age band last chosen (nicknames, helplines, the lesson list)
LEARNER = "learner"  # the Learner signed in with a resume code or a class nickname
SHOW_CODE = "show_code"  # show the new learner's resume code once
UNKNOWN_CODE = "unknown_code"  # a resume code that matched nobody
CODE_WAIT = "code_wait"  # seconds before another code may be tried (too many wrong ones)
BROWSER = "browser_key"  # this browser's key for counting wrong codes
BROWSER_REMEMBERED = "browser_remembered"

# --- the app -----------------------------------------------------------------------------------
PAGES = "pages"  # (made for, [st.Page]): this visitor's pages, made once per language and sign-in
STORE_DOWN = "store_down"  # a button's write failed: say so on the next run
HELP_OPEN = "help_open"
TEACHER = "teacher"  # a signed-in teacher
BAD_TEACHER_LINK = "bad_teacher_link"
ACTIVITY_STATE = "activity_state"  # every activity's own state, by activity key

# --- class sessions and parent evenings --------------------------------------------------------
JOINING = "joining_session"  # the class session whose code was typed, before a nickname is picked
JUST_JOINED = "just_joined"  # a nickname was chosen this run: on to the class's lesson or list
EVENING = "evening"  # the parent evening joined on this phone
VOTES = "votes"  # this phone's vote keys (never what was voted)
REMEMBER_VOTES = "remember_votes"  # write the votes cookie on the next run


def lesson_step(lesson_id: str) -> str:
    """The step of `lesson_id` this session is on."""
    return f"step:{lesson_id}"


def quiz_run(quiz_id: str) -> str:
    """The open run of `quiz_id` in this session."""
    return f"quiz_run:{quiz_id}"


def in_quiz_run(run_id: str, name: str) -> str:
    """`name` ("at", "take", "finished", "confidence"...) of quiz run `run_id`."""
    return f"quiz:{run_id}:{name}"
