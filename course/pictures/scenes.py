"""Scenes the lessons' pictures are made of: someone with a screen, a chat, telling a grown-up, saying
no, settings, friends together. Each returns a whole SVG picture (640 × 320)."""

from __future__ import annotations

from course.pictures import draw
from course.pictures.draw import Bubble, Person, group, icon, person, svg

GROUND = 292
SKY = {"calm": "#eef4fb", "warm": "#fdf1e6", "green": "#eaf6ef", "violet": "#f1edfb"}


def _floor() -> str:
    return draw.ground(GROUND)


def with_chat(who: Person, bubbles: list[Bubble], mood: str = "", sky: str = "calm") -> str:
    """`who` holds a phone; beside them, the phone's screen up close with the chat."""
    body = _floor() + person(who, 190, GROUND, "phone")
    head = _head_top(who)
    if mood:
        body += icon(mood, 120, GROUND - head - 40, 20)
    body += draw.phone(380, 24, 190, 280, draw.chat(bubbles, 174, top=14))
    return svg(body, background=SKY[sky])


def _head_top(who: Person) -> int:
    head, torso, legs, _ = draw.BUILDS[who.build]
    return legs + torso + 2 * head


def tell(child: Person, adult: Person, said: str, answer: str = "heart", sky: str = "warm") -> str:
    """`child` tells `adult`: a bubble with what it is about, and the grown-up's kind answer."""
    body = _floor() + person(child, 230, GROUND, "phone") + person(adult, 400, GROUND, "down", flip=True)
    top = GROUND - _head_top(child)
    body += draw.speech(60, top - 70, 110, 64, icon(said, 115, top - 38, 20), tail="right")
    adult_top = GROUND - _head_top(adult)
    body += draw.speech(470, adult_top - 20, 110, 64, icon(answer, 525, adult_top + 12, 20), tail="left")
    return svg(body, background=SKY[sky])


def say_no(who: Person, bubbles: list[Bubble], sign: str = "stop", sky: str = "calm") -> str:
    """`who` raises a hand: stop. The chat on the screen, a sign beside it."""
    body = _floor() + person(who, 200, GROUND, "stop")
    body += icon(sign, 100, GROUND - _head_top(who) + 10, 34)
    body += draw.phone(380, 24, 190, 280, draw.chat(bubbles, 174, top=14))
    return svg(body, background=SKY[sky])


def together(people: list[Person], icons: list[str], sky: str = "green") -> str:
    """Friends (or a family) side by side, waving; icons float above them."""
    body = _floor()
    gap = 560 // (len(people) + 1)
    for index, who in enumerate(people):
        pose: draw.Pose = "wave" if index % 2 == 0 else "down"
        body += person(who, 40 + gap * (index + 1), GROUND, pose, flip=index % 2 == 1)
    step = 560 // (len(icons) + 1)
    for index, name in enumerate(icons):
        body += icon(name, 40 + step * (index + 1), 40 + (index % 2) * 16, 18)
    return svg(body, background=SKY[sky])


def settings(people: list[Person], states: list[bool], badge: str = "lock", sky: str = "violet") -> str:
    """One or two people beside a big screen of switches, with a padlock (or another badge)."""
    body = _floor()
    for index, who in enumerate(people):
        body += person(who, 110 + index * 150, GROUND, "wave" if index == 0 else "down", flip=index == 1)
    screen = draw.toggles(states, 174, top=60, gap=min(44, 180 // len(states))) + icon(badge, 87, 28, 18)
    body += draw.phone(400, 24, 190, 280, screen)
    return svg(body, background=SKY[sky])


def thinking(who: Person, icons: list[str], sky: str = "calm") -> str:
    """`who` thinks: a cloud with icons in it (what counts, what to keep safe)."""
    body = _floor() + person(who, 170, GROUND, "down")
    top = GROUND - _head_top(who)
    cloud = "".join(
        draw.tag("circle", cx=cx, cy=cy, r=r, fill="#fff")
        for cx, cy, r in ((330, 110, 70), (410, 90, 70), (490, 110, 70), (410, 150, 60), (350, 160, 40))
    )
    cloud += draw.tag("circle", cx=250, cy=top + 4, r=10, fill="#fff")
    cloud += draw.tag("circle", cx=272, cy=top - 24, r=14, fill="#fff")
    body += cloud
    step = 240 // (len(icons) + 1)
    for index, name in enumerate(icons):
        body += icon(name, 290 + step * (index + 1), 118, 24)
    return svg(body, background=SKY[sky])


def screen(who: Person, content: list[str], mark: str = "", sky: str = "violet") -> str:
    """`who` beside a laptop showing `content` (icons in a row), with a mark on top (a sparkle…)."""
    body = _floor() + person(who, 150, GROUND, "wave")
    inner = "".join(icon(name, 50 + index * 90, 90, 30) for index, name in enumerate(content))
    body += draw.laptop(270, 60, 300, 200, inner)
    if mark:
        body += icon(mark, 560, 60, 26)
    return svg(body, background=SKY[sky])


def helping_hand(child: Person, adults: list[Person], sky: str = "warm") -> str:
    """A child in front; around them, the grown-ups they trust, each with a heart."""
    body = _floor()
    spots = [(70, 1.0), (170, 0.9), (470, 0.9), (570, 1.0)]
    for (x, scale), adult in zip(spots, adults, strict=False):
        body += person(adult, x, GROUND, "down", scale=scale, flip=x > 320)
        body += draw.heart(x, GROUND - int(_head_top(adult) * scale) - 24, 12)
    body += person(child, 320, GROUND, "wave")
    return svg(body, background=SKY[sky])


def phone_call(who: Person, sky: str = "green") -> str:
    """`who` on the phone to a helpline: a handset and a heart in the bubble."""
    body = _floor() + person(who, 220, GROUND, "phone")
    top = GROUND - _head_top(who)
    inside = draw.handset(370, top - 10, 22) + draw.heart(430, top - 10, 18)
    body += draw.speech(320, top - 48, 150, 76, inside, tail="left")
    return svg(body, background=SKY[sky])


def group_chat(bubbles: list[Bubble], people: list[Person], sky: str = "calm") -> str:
    """A class group chat on a big screen, classmates around it."""
    body = _floor()
    for index, who in enumerate(people):
        x = 90 if index == 0 else 550
        body += person(who, x, GROUND, "down", scale=0.85, flip=index == 1)
    body += draw.phone(225, 20, 190, 284, draw.chat(bubbles, 174, top=14, gap=8))
    return svg(body, background=SKY[sky])


def badge(scene: str, name: str, x: int = 600, y: int = 40) -> str:
    """`scene` with one more icon in a corner (a check on the right thing to do)."""
    return scene.replace("</svg>", group(icon(name, 0, 0, 22), x, y) + "</svg>")
