"""Branching scenario: the ids of the choices taken from the start node, in order."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from pydantic import Field

from course.activities import answers
from course.activities.base import ActivityBase
from course.activities.result import Feedback, Flaw, InvalidAnswer, Result
from course.content.base import Id, Strict, Text
from course.content.problems import one_of


class Choice(Strict):
    id: Id = Field(description="Stable id of the choice.")
    text: Text = Field(description="What the learner reads.")
    goto: Id = Field(description="Id of the node this choice leads to.")
    feedback: Text = Field(description="Shown when this choice is made.")


class ScenarioNode(Strict):
    id: Id = Field(description="Stable id of the node.")
    text: Text = Field(description="What happens at this point of the story.")
    choices: list[Choice] = Field(default_factory=list, description="Empty for an ending.")
    seeks_help: bool = Field(False, description="True for an ending where the character gets help.")


class Branching(ActivityBase):
    type: Literal["branching"] = Field(description="A story where choices lead to nodes.")
    start: Id = Field(description="Id of the first node.")
    nodes: list[ScenarioNode] = Field(min_length=2, description="The story's nodes.")

    scored: ClassVar = False


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


Route = tuple[tuple[str, ...], tuple[str, ...]]  # the choices taken and the nodes visited


def _routes(activity: Branching) -> dict[str, Route]:
    """The shortest way (choices, nodes) from the start to every node it reaches, breadth first:
    time and memory grow with the story's size, never with its number of paths."""
    nodes = {node.id: node for node in activity.nodes}
    routes: dict[str, Route] = {activity.start: ((), (activity.start,))}
    queue = deque([activity.start])
    while queue:
        node = nodes.get(queue.popleft())
        if node is None:
            continue
        for choice in node.choices:
            if choice.goto not in routes:
                choices, visited = routes[node.id]
                routes[choice.goto] = ((*choices, choice.id), (*visited, choice.goto))
                queue.append(choice.goto)
    return routes


def ending_paths(activity: Branching) -> list[StoryPath]:
    """The shortest way to each ending the story reaches (one path per ending, not every path)."""
    nodes = {node.id: node for node in activity.nodes}
    return [
        StoryPath(choices, visited, loops=False)
        for node_id, (choices, visited) in _routes(activity).items()
        if node_id in nodes and not nodes[node_id].choices
    ]


def help_path(activity: Branching) -> StoryPath | None:
    """The shortest way from the start to an ending where the character gets help."""
    helped = {node.id for node in activity.nodes if not node.choices and node.seeks_help}
    return next((path for path in ending_paths(activity) if path.end in helped), None)


def unfinished_paths(activity: Branching) -> list[StoryPath]:
    """Ways through the story that end without help (one per such ending or missing node, the
    shortest) or that loop (one per choice leading back to a node on the way): found in time linear
    in the story's nodes and choices."""
    nodes = {node.id: node for node in activity.nodes}
    routes = _routes(activity)
    found = [
        StoryPath(choices, visited, loops=False)
        for node_id, (choices, visited) in routes.items()
        if node_id not in nodes or not (nodes[node_id].choices or nodes[node_id].seeks_help)
    ]
    on_way: set[str] = set()
    done: set[str] = set()
    stack = [(activity.start, iter(nodes[activity.start].choices if activity.start in nodes else ()))]
    on_way.add(activity.start)
    while stack:
        node_id, choices = stack[-1]
        choice = next(choices, None)
        if choice is None:
            stack.pop()
            on_way.discard(node_id)
            done.add(node_id)
        elif choice.goto in on_way:
            taken, visited = routes[node_id]
            found.append(StoryPath((*taken, choice.id), (*visited, choice.goto), loops=True))
        elif choice.goto not in done and choice.goto in nodes:
            on_way.add(choice.goto)
            stack.append((choice.goto, iter(nodes[choice.goto].choices)))
    return found


def check(activity: Branching) -> list[Flaw]:
    """Every node named (the start, each choice's goto) exists."""
    node_ids = {node.id for node in activity.nodes}
    flaws = []
    if activity.start not in node_ids:
        flaws.append(
            Flaw(("start",), f"no node with id '{activity.start}'", one_of(activity.start, node_ids))
        )
    for n, node in enumerate(activity.nodes):
        for c, choice in enumerate(node.choices):
            if choice.goto not in node_ids:
                flaws.append(
                    Flaw(
                        ("nodes", n, "choices", c, "goto"),
                        f"no node with id '{choice.goto}'",
                        one_of(choice.goto, node_ids),
                    )
                )
    return flaws


MODEL = Branching
