"""Branching scenario: the ids of the choices taken from the start node, in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from course.activities import answers
from course.activities.result import Feedback, InvalidAnswer, Result
from course.content.models import Branching, ScenarioNode


@dataclass(frozen=True)
class StoryPath:
    """One way through the story: the choices taken and the nodes visited, start included."""

    choices: tuple[str, ...]
    nodes: tuple[str, ...]
    loops: bool

    @property
    def end(self) -> str:
        return self.nodes[-1]


def walk(activity: Branching, path: Sequence[str]) -> tuple[ScenarioNode, tuple[Feedback, ...]]:
    """The node reached by taking `path` from the start, and the feedback of each choice taken."""
    nodes = {node.id: node for node in activity.nodes}
    node = nodes[activity.start]
    feedback: list[Feedback] = []
    for choice_id in answers.ids(path):
        choice = next((choice for choice in node.choices if choice.id == choice_id), None)
        if choice is None:
            if not node.choices:
                raise InvalidAnswer(f"choice '{choice_id}' comes after the ending '{node.id}'")
            offered = ", ".join(choice.id for choice in node.choices)
            raise InvalidAnswer(
                f"choice '{choice_id}' is not offered at node '{node.id}' (choices: {offered})"
            )
        feedback.append(Feedback(choice.id, choice.feedback, None))
        node = nodes[choice.goto]
    return node, tuple(feedback)


def grade(activity: Branching, answer: Sequence[str]) -> Result:
    node, feedback = walk(activity, answer)
    if node.choices:
        raise InvalidAnswer(f"the story is not finished: node '{node.id}' still offers choices")
    return Result(answer=answers.ids(answer), correct=None, score=None, feedback=feedback)


def paths(activity: Branching) -> list[StoryPath]:
    """Every path from the start to an ending; a node met twice on one path ends it as a loop."""
    nodes = {node.id: node for node in activity.nodes}
    found: list[StoryPath] = []

    def follow(node_id: str, choices: tuple[str, ...], visited: tuple[str, ...]) -> None:
        if node_id in visited:
            found.append(StoryPath(choices, (*visited, node_id), loops=True))
            return
        node = nodes.get(node_id)
        if node is None or not node.choices:
            found.append(StoryPath(choices, (*visited, node_id), loops=False))
            return
        for choice in node.choices:
            follow(choice.goto, (*choices, choice.id), (*visited, node_id))

    follow(activity.start, (), ())
    return found


def unfinished_paths(activity: Branching) -> list[StoryPath]:
    """Paths that loop or end without the character getting help."""
    helped = {node.id for node in activity.nodes if not node.choices and node.seeks_help}
    return [path for path in paths(activity) if path.loops or path.end not in helped]
