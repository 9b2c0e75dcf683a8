"""Each activity type on paper: what the pupil sees (`pupil`: boxes to tick or number, never the right
answer) and what the answer key says (`key`: the right answer, then the feedback on every choice).

Choices are printed in the order `course.activities.order.shown_ids` gives for the pack's seed (a class
session's id, so that paper and screens agree, or one fixed seed), and lettered A, B, C… in that order:
the key names them by the same letters. An ordering is never printed already in the right order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from string import ascii_uppercase

from course.activities.base import ActivityBase
from course.activities.branching import Branching, help_path
from course.activities.labels import item_labels
from course.activities.order import shown_ids
from course.activities.red_flag_chat import RedFlagChat
from course.activities.settings import SettingsSimulator
from course.activities.true_false import TrueFalse
from course.locales import t
from course.pdf.colours import SOFT_INK
from course.pdf.flow import Block
from course.pdf.pack.blocks import Mark, PackPages
from course.pdf.pack.markup import inline


@dataclass(frozen=True)
class Printed:
    """An activity as printed: its choices in order, each with its letter."""

    activity: ActivityBase
    lang: str
    ids: tuple[str, ...]
    labels: dict[str, str]

    @classmethod
    def of(cls, activity: ActivityBase, lang: str, seed: str) -> Printed:
        return cls(activity, lang, tuple(shown_ids(activity, seed)), item_labels(activity, lang))

    def letter(self, item_id: str) -> str:
        return ascii_uppercase[self.ids.index(item_id)] if item_id in self.ids else "?"

    def text(self, item_id: str) -> str:
        return inline(self.labels.get(item_id, item_id), self.lang)

    def say(self, key: str, **values: object) -> str:
        return inline(t(key, self.lang, **values), self.lang)

    def why(self, label: str, feedback: str) -> str:
        """'**label**: feedback' (French: 'label :')."""
        return f"{self.say('handout.label', label=f'**{label}**')} {feedback}"

    def feedback(self) -> dict[str, str]:
        """The feedback on each choice, by id (the content's own words)."""
        field = self.activity.choices_field
        items = getattr(self.activity, field) if field else []
        return {
            item.id: inline(item.feedback.get(self.lang), self.lang)
            for item in items
            if hasattr(item, "feedback")
        }


Drawer = Callable[[PackPages, Printed, float, Mark], list[Block]]


def _lettered(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    return [pdf.item(printed.text(i), size, mark, printed.letter(i)) for i in printed.ids]


def _instruction(pdf: PackPages, text: str, size: float) -> Block:
    return pdf.paragraph(text, size * 0.9, "I", SOFT_INK, after=size * 0.25)


def _choices(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    """Any type without a layout of its own: its choices lettered, to tick one or several."""
    activity = printed.activity
    if activity.picks is None:
        return _lettered(pdf, printed, size, mark)
    key = "pack.tick_several" if activity.picks == "several" else "pack.tick_one"
    if not activity.scored:
        key = "pack.poll"
    return [_instruction(pdf, printed.say(key), size), *_lettered(pdf, printed, size, mark)]


def _true_false(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    labels = [printed.text("true"), printed.text("false")]
    if mark == "none":
        return [pdf.paragraph("   /   ".join(labels), size, "B")]
    return [_instruction(pdf, printed.say("pack.tick_true_false"), size), pdf.choice_boxes(labels, size)]


def _ordering(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    return [_instruction(pdf, printed.say("pack.number_steps"), size), *_lettered(pdf, printed, size, mark)]


def _chat(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    assert isinstance(printed.activity, RedFlagChat)
    blocks = [_instruction(pdf, printed.say("activity.red_flag_help"), size)]
    for message in printed.activity.messages:
        name = inline(message.name.get(printed.lang), printed.lang) if message.name else ""
        blocks.append(
            pdf.bubble(
                name, printed.text(message.id), message.sender == "me", size, mark, printed.letter(message.id)
            )
        )
    return blocks


def _spot(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    return [_instruction(pdf, printed.say("activity.spot_help"), size), *_lettered(pdf, printed, size, mark)]


def _settings(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    activity = printed.activity
    assert isinstance(activity, SettingsSimulator)
    on, off = printed.say("pack.on"), printed.say("pack.off")
    blocks = [
        _instruction(pdf, printed.say("activity.settings_help"), size),
        pdf.paragraph(printed.say("activity.mock_profile"), size, "B"),
    ]
    for toggle in activity.toggles:
        now = f"{printed.say('pack.settings_now')}: {on if toggle.start else off}"
        line = f"{printed.text(toggle.id)} ({inline(now, printed.lang)})"
        blocks.append(pdf.item(line, size, "none", printed.letter(toggle.id)))
        if mark != "none":
            blocks.append(pdf.choice_boxes([on, off], size, indent=size * 0.6))
    return blocks


def story_boxes(activity: Branching) -> dict[str, int]:
    """Each node's box number, start first, then as the story reaches them (breadth first)."""
    nodes = {node.id: node for node in activity.nodes}
    numbers: dict[str, int] = {}
    queue = deque([activity.start])
    while queue:
        node_id = queue.popleft()
        if node_id in numbers or node_id not in nodes:
            continue
        numbers[node_id] = len(numbers) + 1
        queue.extend(choice.goto for choice in nodes[node_id].choices)
    for node in activity.nodes:  # a node the story never reaches still gets a box
        numbers.setdefault(node.id, len(numbers) + 1)
    return numbers


def _story(pdf: PackPages, printed: Printed, size: float, mark: Mark) -> list[Block]:
    activity = printed.activity
    assert isinstance(activity, Branching)
    boxes = story_boxes(activity)
    lang = printed.lang
    blocks = [_instruction(pdf, printed.say("pack.story"), size)]
    for node in sorted(activity.nodes, key=lambda node: boxes[node.id]):
        blocks.append(pdf.paragraph(f"**{printed.say('pack.box', number=boxes[node.id])}**", size, after=0.5))
        blocks[-1].keep_with_next = True
        blocks.append(pdf.paragraph(inline(node.text.get(lang), lang), size, indent=size * 0.4))
        for choice in node.choices:
            go = printed.say("pack.go_to", number=boxes.get(choice.goto, "?"))
            blocks.append(
                pdf.item(f"{inline(choice.text.get(lang), lang)} (**{go}**)", size, mark, indent=size * 0.4)
            )
        if not node.choices:
            blocks.append(pdf.paragraph(printed.say("pack.the_end"), size, "I", indent=size * 0.4))
    return blocks


# The types laid out their own way on paper; any other prints its choices lettered (`_choices`).
PUPIL: dict[str, Drawer] = {
    "true_false": _true_false,
    "ordering": _ordering,
    "red_flag_chat": _chat,
    "settings": _settings,
    "spot_details": _spot,
    "branching": _story,
}


def pupil(
    pdf: PackPages, activity: ActivityBase, lang: str, seed: str, size: float, mark: Mark
) -> list[Block]:
    """The activity as the pupil sees it, after its prompt: boxes to tick (`mark`) or, on a slide, none."""
    blocks = PUPIL.get(activity.type, _choices)(pdf, Printed.of(activity, lang, seed), size, mark)
    if activity.hint and mark != "none":
        blocks.append(
            pdf.paragraph(
                inline(t("pack.hint", lang, hint=activity.hint.get(lang)), lang), size * 0.85, "I", SOFT_INK
            )
        )
    return blocks


# ------------------------------------------------------------------------------------------ the key


def _why(
    pdf: PackPages, printed: Printed, size: float, ids: list[str], prefix: Callable[[str], str]
) -> list[Block]:
    """The feedback on each of `ids`, the right ones ticked."""
    feedback = printed.feedback()
    right = set(printed.activity.right_answer() or ())
    return [
        pdf.item(printed.why(printed.text(i), feedback[i]), size, "tick" if i in right else "none", prefix(i))
        for i in ids
        if i in feedback
    ]


def key(pdf: PackPages, activity: ActivityBase, lang: str, seed: str, size: float) -> list[Block]:
    """The right answer (by the letters of the worksheet, and in words), then why, choice by choice."""
    printed = Printed.of(activity, lang, seed)
    right = list(activity.right_answer() or ())
    if isinstance(activity, TrueFalse):
        answer = printed.say("pack.answer", answer=f"**{printed.text(right[0])}**")
        why = [
            pdf.item(
                printed.why(printed.text(value), inline(text.get(lang), lang)),
                size,
                "tick" if value == right[0] else "none",
            )
            for value, text in (("true", activity.feedback_if_true), ("false", activity.feedback_if_false))
        ]
        return [pdf.paragraph(answer, size), *why]
    if isinstance(activity, Branching):
        return _story_key(pdf, printed, size)
    if isinstance(activity, SettingsSimulator):
        safe = "; ".join(
            f"{printed.text(toggle.id)}: **{printed.say('pack.on' if toggle.safe else 'pack.off')}**"
            for toggle in activity.toggles
        )
        return [
            pdf.paragraph(printed.say("pack.answer_settings", answer=safe), size),
            *_why(pdf, printed, size, list(printed.ids), printed.letter),
        ]
    if not activity.scored:
        return [pdf.paragraph(printed.say("pack.answer_none"), size, "B")]
    if activity.picks is None:  # an ordering: the letters in the right order
        letters = ", ".join(printed.letter(i) for i in right)
        answer = printed.say("pack.answer_order", answer=f"**{letters}**")
        return [
            pdf.paragraph(answer, size),
            *_why(pdf, printed, size, right, lambda i: f"{right.index(i) + 1}. {printed.letter(i)}"),
        ]
    letters = ", ".join(printed.letter(i) for i in sorted(right, key=printed.ids.index))
    answer = printed.say("pack.answer", answer=f"**{letters}**")
    return [pdf.paragraph(answer, size), *_why(pdf, printed, size, list(printed.ids), printed.letter)]


def _story_key(pdf: PackPages, printed: Printed, size: float) -> list[Block]:
    activity = printed.activity
    assert isinstance(activity, Branching)
    lang = printed.lang
    boxes = story_boxes(activity)
    path = help_path(activity)
    way = " > ".join(printed.say("pack.box", number=boxes[node]) for node in path.nodes) if path else "?"
    blocks = [pdf.paragraph(printed.say("pack.answer_story", path=way), size)]
    for node in sorted(activity.nodes, key=lambda node: boxes[node.id]):
        for choice in node.choices:
            where = printed.say("pack.box", number=boxes[node.id])
            text = printed.why(inline(choice.text.get(lang), lang), inline(choice.feedback.get(lang), lang))
            blocks.append(pdf.item(text, size, "none", f"{where} ·"))
    return blocks
