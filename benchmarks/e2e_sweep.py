"""The interactions of interaction_cost.py, end to end on the real server over its websocket.

One client at a time, nothing else running: the time from sending the rerun to the server's
`script_finished`, for the bare app and for ours, under a given server configuration. Used by
`interaction_cost.py --websocket-configs …`; real content only (every activity type has a lesson
in it).
"""

from __future__ import annotations

import asyncio
import functools
import random
from collections import defaultdict

from _common import BENCHMARKS, server_for
from class_load import take_before_check
from stclient import RunResult, StreamlitClient

from tests.ui.journey import answer_values

LESSON = "grooming-11-13"
QUIZ = "grooming-11-13-quiz"


def activity_places(course) -> dict[str, tuple[str, int]]:
    """For each activity type, a lesson and step where it is played (a learner lesson if there is one)."""
    places: dict[str, tuple[str, int, int]] = {}
    rank = {"learner": 0, "parent": 1, "teacher": 2}
    for lesson in course.lessons.values():
        for index, step in enumerate(lesson.steps):
            if step.type == "activity":
                kind = step.activity.type
                score = rank.get(lesson.audience, 3)
                if kind not in places or score < places[kind][2]:
                    places[kind] = (lesson.id, index, score)
    return {kind: (lesson_id, index) for kind, (lesson_id, index, _) in sorted(places.items())}


@functools.cache
def course_lessons() -> dict:
    from course.content import load_course

    return load_course().lessons


async def open_lesson(server, lesson_id: str, index: int, pause: float) -> StreamlitClient:
    """A fresh visitor on `lesson_id`, with a nickname if needed, moved on to step `index`."""
    c = StreamlitClient(server.url, "lesson", {"lesson": lesson_id}, pause=pause, server_pid=server.pid)
    await c.open()
    if c.widget_keys("nickname:"):
        await c.click(c.widget_keys("nickname:")[0])
    await take_before_check(c, course_lessons()[lesson_id])
    for _ in range(index):
        await c.click("lesson_next")
    return c


async def sweep(
    config: str, course, runs: int, warmup: int, seed_class, seed_evening, pause: float = 0.0
) -> dict[str, list[RunResult]]:
    """`pause`: seconds of quiet before each request, as a person clicks (0: back to back)."""
    from course.locales import t

    samples: dict[str, list[RunResult]] = defaultdict(list)

    def keep(name: str, i: int, result) -> None:
        if result.exceptions:
            raise RuntimeError(f"{name}: {result.exceptions[0]}")
        if i >= warmup:
            samples[name].append(result)

    total = warmup + runs
    with server_for(config, entry=str(BENCHMARKS / "bare_app.py")) as bare:
        c = StreamlitClient(bare.url, pause=pause, server_pid=bare.pid)
        await c.open()
        for i in range(total):
            keep("bare app: press the button", i, await c.click("press"))
            keep(
                "bare app: pick a radio option",
                i,
                await c.set_value("pick", string_value=["red", "green", "blue"][i % 3]),
            )
        await c.close()

    with server_for(config) as server:
        # the next button, through a whole lesson and again
        c = await open_lesson(server, LESSON, 0, pause)
        for i in range(total):
            if "lesson_next" not in c.widgets:
                await c.click("lesson_again")
            keep("lesson: next step", i, await c.click("lesson_next"))
        await c.close()

        # every activity type, answered wrong, checked, then "try again"
        for kind, (lesson_id, index) in activity_places(course).items():
            activity = course.lessons[lesson_id].steps[index].activity
            base = f"lesson:{lesson_id}:{activity.id}"
            if kind == "poll":  # one vote per visitor: a new visitor each time
                for i in range(total):
                    c = await open_lesson(server, lesson_id, index, pause)
                    vote = next(k for k in c.widget_keys(base) if k.endswith(":vote"))
                    await c.change(vote, string_value=c.widget(vote).proto.options[i % 2])  # in the form
                    keep("answer poll (vote)", i, await c.click(f"{vote}:button"))
                    await c.close()
                continue
            c = await open_lesson(server, lesson_id, index, pause)
            for i in range(total):
                if kind == "branching":
                    depth = 0
                    while True:
                        choices = [k for k in c.widget_keys(base + f":{depth}:")]
                        if not choices:
                            break
                        result = await c.click(choices[0])
                        depth += 1
                        ended = not c.widget_keys(base + f":{depth}:")
                        keep(
                            f"answer branching ({'last choice, stored' if ended else 'a choice'})", i, result
                        )
                    await c.click(f"{base}:again")
                    continue
                # the choices, ticks and switches are in the activity's form: held, sent with "check"
                radio = [k for k in c.widget_keys(base) if k.endswith(":choice")]
                if radio:
                    options = list(c.widget(radio[0]).proto.options)
                    await c.change(radio[0], string_value=wrong_label(activity, options, t))
                for key in [k for k in c.widget_keys(base) if ":pick:" in k or ":toggle:" in k][:2]:
                    await c.change(key, bool_value=not bool(c.widget(key).proto.default))
                check = next(k for k in c.widget_keys(base) if k.endswith(":check"))
                keep(f"answer {kind}: check (stored, feedback)", i, await c.click(check))
                retry = f"{base}:retry_button"
                if retry in c.widgets:
                    await c.click(retry)
                else:  # right by chance: a new visitor
                    await c.close()
                    c = await open_lesson(server, lesson_id, index, pause)
            await c.close()

        # a quiz, every question right, then the score page and its certificate, again and again
        quiz = course.quizzes[QUIZ]
        c = StreamlitClient(server.url, "quiz", {"quiz": QUIZ}, pause=pause, server_pid=server.pid)
        await c.open()
        await c.click(c.widget_keys("nickname:")[0])
        counts = {"check": 0, "next": 0, "score": 0}
        while min(counts.values()) < total:
            if "quiz_again" in c.widgets:
                await c.click("quiz_again")
                continue
            nexts = c.widget_keys("quiz_next_")
            checks = [k for k in c.widget_keys() if k.endswith(":v0:check")]
            question = next(
                (q for q in quiz.questions if any(k.endswith(f":{q.id}:v0:check") for k in checks)), None
            )
            if question is None:
                raise RuntimeError(f"quiz: no question on screen ({sorted(c.widgets)[:8]})")
            prefix = next(k for k in checks if k.endswith(f":{question.id}:v0:check"))[: -len(":check")]
            await answer_right(c, question, prefix, t)
            keep(
                "quiz: check an answer (stored, feedback)", counts["check"], await c.click(f"{prefix}:check")
            )
            counts["check"] += 1
            nexts = c.widget_keys("quiz_next_")
            last = nexts and nexts[0] == f"quiz_next_{len(quiz.questions) - 1}"
            name, counter = (
                ("quiz: see the score (score page, certificate)", "score")
                if last
                else ("quiz: next question", "next")
            )
            keep(name, counts[counter], await c.click(nexts[0]))
            counts[counter] += 1
        await c.close()

        # the dashboard of a class of 30, full reruns and its live fragments; the presenter's slides
        session = seed_class(server.database_url)
        c = teacher_client(server, "dashboard", session.id, pause)
        await c.open()
        for i in range(total):
            keep("dashboard: full rerun (30 pupils)", i, await c.rerun())
        for i in range(total):
            for fragment in list(c.fragments):
                keep("dashboard: live refresh (one fragment)", i, await c.rerun(fragment_id=fragment))
        await c.close()
        evening = seed_evening(server.database_url)
        c = teacher_client(server, "presenter", evening.id, pause)
        await c.open()
        for i in range(total):
            keep("presenter: next slide", i, await c.click("slide_next"))
        await c.close()
    return samples


def teacher_client(server, page: str, session_id: str, pause: float) -> StreamlitClient:
    """The teacher's browser on `page` of a session, signed in by the server's teacher link."""
    query = {"session": session_id, "token": server.token}
    return StreamlitClient(server.url, page, query, pause=pause, server_pid=server.pid)


def wrong_label(activity, options: list[str], t) -> str:
    if activity.type == "true_false":
        return t("activity.false" if activity.answer else "activity.true", "fr")
    wrong = [o.text.get("fr") for o in activity.options if not o.correct]
    return next((label for label in options if label in wrong), random.choice(options))


async def answer_right(c: StreamlitClient, question, prefix: str, t) -> None:
    """Set the question's inputs to the right answer (tests/ui/journey.py's answer_values) over the
    websocket: a radio takes the label it shows; boxes left unticked are not sent; an ordering's order
    (session state, no widget) cannot be sent, and the benchmark quiz has none."""
    for name, value in answer_values(question).items():
        if name == "choice":
            if question.type == "true_false":
                label = t(f"activity.{value}", "fr")
            else:
                label = next(o.text.get("fr") for o in question.options if o.id == value)
            await c.change(f"{prefix}:choice", string_value=label)
        elif name.startswith("toggle:") or (name.startswith("pick:") and value):
            await c.change(f"{prefix}:{name}", bool_value=value)


def run(
    config: str, course, runs: int, warmup: int, seed_class, seed_evening, pause: float = 0.0
) -> dict[str, list[RunResult]]:
    return asyncio.run(sweep(config, course, runs, warmup, seed_class, seed_evening, pause))
