"""Flat shapes the course's pictures are made of: people, devices and small icons, as SVG text.

No words in a picture (the same file serves every language: the alt text says it), no external
reference, no script. Coordinates are whole numbers so the files stay small and stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

INK = "#2f2a3b"  # eyes, outlines of devices
SCREEN = "#ffffff"
FRAME = "#3d3a4b"
THEM = "#e4e2ee"  # the other person's bubble
ME = "#8fc1f2"  # the character's own bubble
LINE = "#b9b5c9"  # a line of text in a bubble, as a grey bar
RED = "#e5484d"
GREEN = "#2f9e62"
GOLD = "#f5b82e"
PINK = "#f27ea9"
BLUE = "#3b82d6"

Pose = Literal["down", "hold", "wave", "stop", "phone"]
Hair = Literal["short", "ponytail", "long", "puffs", "curly", "hijab", "bun", "crop"]
Build = Literal["child", "tween", "teen", "adult"]


@dataclass(frozen=True)
class Person:
    """Someone of the cast: how they look, not who they are (names live in the lessons)."""

    skin: str
    hair: Hair
    hair_colour: str
    top: str
    bottom: str
    build: Build
    glasses: bool = False


# Proportions per build: head radius, torso length, leg length, shoulder half-width.
BUILDS: dict[Build, tuple[int, int, int, int]] = {
    "child": (31, 58, 52, 27),
    "tween": (29, 68, 70, 29),
    "teen": (27, 76, 84, 31),
    "adult": (27, 84, 96, 34),
}


def tag(name: str, **attributes: object) -> str:
    text = " ".join(f'{key.rstrip("_").replace("_", "-")}="{value}"' for key, value in attributes.items())
    return f"<{name} {text}/>"


def group(body: str, x: int = 0, y: int = 0, scale: float = 1, flip: bool = False) -> str:
    moves = []
    if x or y:
        moves.append(f"translate({x} {y})")
    if scale != 1:
        moves.append(f"scale({-scale if flip else scale} {scale})")
    elif flip:
        moves.append("scale(-1 1)")
    return f'<g transform="{" ".join(moves)}">{body}</g>' if moves else f"<g>{body}</g>"


def svg(body: str, width: int = 640, height: int = 320, background: str = "#eef4fb") -> str:
    """A whole picture: a rounded coloured card, then `body`."""
    card = tag("rect", width=width, height=height, rx=24, fill=background)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">{card}{body}</svg>\n'
    )


def ground(y: int, colour: str = "#dbe7f3", width: int = 640) -> str:
    return f'<path d="M0 {y}H{width}V{y + 40}H0Z" fill="{colour}"/>'


# --- People -----------------------------------------------------------------------------------


def person(who: Person, x: int, y: int, pose: Pose = "down", scale: float = 1, flip: bool = False) -> str:
    """`who` standing with feet at (x, y), facing the viewer."""
    head, torso, legs, half = BUILDS[who.build]
    hip = -legs
    shoulder = hip - torso
    neck = shoulder - 4
    centre = neck - head + 4
    parts = [
        # legs and shoes
        tag("rect", x=-half + 6, y=hip - 6, width=half - 7, height=legs + 4, rx=7, fill=who.bottom),
        tag("rect", x=1, y=hip - 6, width=half - 7, height=legs + 4, rx=7, fill=who.bottom),
        tag("ellipse", cx=-half // 2 - 1, cy=-3, rx=13, ry=6, fill=INK),
        tag("ellipse", cx=half // 2 + 1, cy=-3, rx=13, ry=6, fill=INK),
        # torso: a rounded top
        f'<path d="M{-half} {shoulder + 14}Q{-half} {shoulder} {-half + 14} {shoulder}H{half - 14}'
        f'Q{half} {shoulder} {half} {shoulder + 14}V{hip + 4}H{-half}Z" fill="{who.top}"/>',
        tag("rect", x=-6, y=neck - 6, width=12, height=12, fill=who.skin),
        *_arms(who, pose, shoulder, half),
        *_head(who, centre, head),
    ]
    return group("".join(parts), x, y, scale, flip)


def _arms(who: Person, pose: Pose, shoulder: int, half: int) -> list[str]:
    """Sleeves as thick round lines, hands as circles; (x1, y1, x2, y2) per arm from the shoulder."""
    top = shoulder + 10
    reach = {
        "down": [(-half, top, -half - 6, top + 52), (half, top, half + 6, top + 52)],
        "hold": [(-half, top, -12, top + 30), (half, top, 12, top + 30)],
        "wave": [(-half, top, -half - 6, top + 52), (half, top, half + 24, top - 40)],
        "stop": [(-half, top, -half - 6, top + 52), (half, top, half + 34, top - 6)],
        "phone": [(-half, top, -half - 6, top + 52), (half, top, 10, top + 32)],
    }[pose]
    parts = []
    if pose == "phone":  # a phone held at the chest, the hand over it
        parts.append(tag("rect", x=-4, y=top + 2, width=24, height=38, rx=4, fill=FRAME))
    for x1, y1, x2, y2 in reach:
        parts.append(
            f'<path d="M{x1} {y1}L{x2} {y2}" stroke="{who.top}" stroke-width="15" stroke-linecap="round"/>'
        )
        if pose == "stop" and x2 > half:
            parts.append(tag("rect", x=x2 - 9, y=y2 - 24, width=18, height=28, rx=8, fill=who.skin))
        else:
            parts.append(tag("circle", cx=x2, cy=y2, r=8, fill=who.skin))
    return parts


def _head(who: Person, cy: int, r: int) -> list[str]:
    hair, colour = who.hair, who.hair_colour
    back: list[str] = []
    front: list[str] = []
    cap = (
        f'<path d="M{-r - 1} {cy + 2}A{r + 1} {r + 1} 0 0 1 {r + 1} {cy + 2}'
        f'Q{r - 4} {cy - r // 2} {r // 3} {cy - r // 2}Q{-r // 2} {cy - r // 3} {-r - 1} {cy + 2}Z" '
        f'fill="{colour}"/>'
    )
    if hair == "short":
        front.append(cap)
    elif hair == "crop":
        front.append(
            f'<path d="M{-r} {cy - 4}A{r} {r} 0 0 1 {r} {cy - 4}Q0 {cy - r + 8} {-r} {cy - 4}Z" '
            f'fill="{colour}"/>'
        )
    elif hair == "ponytail":
        back.append(tag("ellipse", cx=r + 6, cy=cy - 2, rx=11, ry=24, fill=colour))
        front.append(cap)
    elif hair == "long":
        back.append(
            tag("rect", x=-r - 5, y=cy - r // 2, width=2 * r + 10, height=r * 2, rx=r // 2, fill=colour)
        )
        front.append(cap)
    elif hair == "bun":
        back.append(tag("circle", cx=0, cy=cy - r - 6, r=r // 2, fill=colour))
        front.append(cap)
    elif hair == "puffs":
        back += [tag("circle", cx=s * (r - 2), cy=cy - r + 2, r=r // 2 + 3, fill=colour) for s in (-1, 1)]
        front.append(cap)
    elif hair == "curly":
        back += [
            tag("circle", cx=dx, cy=cy + dy, r=r // 2 + 2, fill=colour)
            for dx, dy in ((-r + 4, -8), (-r // 2, -r + 4), (0, -r - 2), (r // 2, -r + 4), (r - 4, -8))
        ]
    elif hair == "hijab":
        back.append(
            f'<path d="M{-r - 8} {cy + 4}A{r + 8} {r + 8} 0 0 1 {r + 8} {cy + 4}L{r + 14} {cy + r + 26}'
            f'H{-r - 14}Z" fill="{colour}"/>'
        )
    face = [
        tag("circle", cx=0, cy=cy, r=r - (5 if hair == "hijab" else 0), fill=who.skin),
        tag("circle", cx=-r // 3, cy=cy + 2, r=3, fill=INK),
        tag("circle", cx=r // 3, cy=cy + 2, r=3, fill=INK),
        tag("circle", cx=-r // 2 - 2, cy=cy + 11, r=5, fill=PINK, opacity=".35"),
        tag("circle", cx=r // 2 + 2, cy=cy + 11, r=5, fill=PINK, opacity=".35"),
        f'<path d="M-7 {cy + 12}Q0 {cy + 18} 7 {cy + 12}" stroke="{INK}" stroke-width="2.5" '
        'fill="none" stroke-linecap="round"/>',
    ]
    if who.glasses:
        face.append(
            f'<path d="M{-r // 3 - 7} {cy + 2}a7 7 0 1 0 14 0a7 7 0 1 0-14 0M{r // 3 - 7} {cy + 2}'
            f'a7 7 0 1 0 14 0a7 7 0 1 0-14 0M-3 {cy + 2}h6" stroke="{INK}" stroke-width="2" fill="none"/>'
        )
    return back + face + front


# --- Devices ----------------------------------------------------------------------------------


def phone(x: int, y: int, width: int, height: int, screen: str = "") -> str:
    """A phone with its top-left corner at (x, y); `screen` is drawn in the screen's own coordinates
    (0, 0 at the screen's top-left corner, `width - 16` wide)."""
    return (
        tag("rect", x=x, y=y, width=width, height=height, rx=18, fill=FRAME)
        + tag("rect", x=x + 8, y=y + 18, width=width - 16, height=height - 36, rx=6, fill=SCREEN)
        + tag("rect", x=x + width // 2 - 14, y=y + 7, width=28, height=5, rx=2, fill="#6b6880")
        + group(screen, x + 8, y + 18)
    )


def tablet(x: int, y: int, width: int, height: int, screen: str = "") -> str:
    return (
        tag("rect", x=x, y=y, width=width, height=height, rx=14, fill=FRAME)
        + tag("rect", x=x + 10, y=y + 10, width=width - 20, height=height - 20, rx=6, fill=SCREEN)
        + group(screen, x + 10, y + 10)
    )


def laptop(x: int, y: int, width: int, height: int, screen: str = "") -> str:
    return (
        tag("rect", x=x, y=y, width=width, height=height, rx=10, fill=FRAME)
        + tag("rect", x=x + 10, y=y + 10, width=width - 20, height=height - 20, rx=4, fill=SCREEN)
        + f'<path d="M{x - 20} {y + height}H{x + width + 20}l-12 14H{x - 8}Z" fill="#6b6880"/>'
        + group(screen, x + 10, y + 10)
    )


Bubble = tuple[Literal["them", "me"], str]  # who sends it, and an icon name or "" for words only


def chat(bubbles: list[Bubble], width: int, top: int = 10, gap: int = 10) -> str:
    """Chat bubbles down a screen `width` wide: the other person's on the left, the character's on the
    right; each bubble holds grey lines (words) or an icon."""
    parts = []
    y = top
    for sender, icon in bubbles:
        mine = sender == "me"
        w = int(width * 0.62)
        h = 40 if icon else 30
        x = width - w - 8 if mine else 8
        parts.append(tag("rect", x=x, y=y, width=w, height=h, rx=12, fill=ME if mine else THEM))
        if icon:
            parts.append(ICONS[icon](x + 22, y + h // 2, 13))
            parts.append(tag("rect", x=x + 42, y=y + h // 2 - 3, width=w - 56, height=6, rx=3, fill=LINE))
        else:
            parts.append(tag("rect", x=x + 10, y=y + 9, width=w - 20, height=5, rx=2, fill=LINE))
            parts.append(tag("rect", x=x + 10, y=y + 18, width=w // 2, height=5, rx=2, fill=LINE))
        y += h + gap
    return "".join(parts)


def toggles(states: list[bool], width: int, top: int = 14, gap: int = 38) -> str:
    """Settings rows: a grey label bar and a switch, green and to the right when on."""
    parts = []
    for index, on in enumerate(states):
        y = top + index * gap
        parts.append(tag("rect", x=10, y=y + 7, width=width - 80, height=7, rx=3, fill=LINE))
        parts.append(
            tag("rect", x=width - 56, y=y, width=44, height=22, rx=11, fill=GREEN if on else "#c9c6d6")
        )
        parts.append(tag("circle", cx=width - 23 if on else width - 45, cy=y + 11, r=8, fill="#fff"))
    return "".join(parts)


# --- Icons: each drawn centred on (x, y), about 2 × size wide --------------------------------


def heart(x: int, y: int, s: int, colour: str = RED) -> str:
    return (
        f'<path d="M{x} {y + s}C{x - 2 * s} {y - s // 3} {x - s} {y - 2 * s} {x} {y - s // 2}'
        f'C{x + s} {y - 2 * s} {x + 2 * s} {y - s // 3} {x} {y + s}Z" fill="{colour}"/>'
    )


def gem(x: int, y: int, s: int) -> str:
    return (
        f'<path d="M{x - s} {y - s // 3}L{x - s // 2} {y - s}H{x + s // 2}L{x + s} {y - s // 3}'
        f'L{x} {y + s}Z" '
        f'fill="#58c4e8"/><path d="M{x - s} {y - s // 3}H{x + s}L{x} {y + s}Z" fill="#2fa3cf"/>'
    )


def gift(x: int, y: int, s: int) -> str:
    return (
        tag("rect", x=x - s, y=y - s // 2, width=2 * s, height=int(1.5 * s), rx=2, fill=PINK)
        + tag("rect", x=x - s - 2, y=y - s // 2 - 6, width=2 * s + 4, height=8, rx=2, fill="#e0608e")
        + tag("rect", x=x - 3, y=y - s // 2 - 6, width=6, height=int(1.5 * s) + 6, fill=GOLD)
        + f'<path d="M{x} {y - s // 2 - 6}c-8-12-16-4-8 0M{x} {y - s // 2 - 6}c8-12 16-4 8 0" '
        f'stroke="{GOLD}" stroke-width="3" fill="none"/>'
    )


def camera(x: int, y: int, s: int) -> str:
    return (
        tag("rect", x=x - s, y=y - s // 2, width=2 * s, height=int(1.4 * s), rx=4, fill="#6b6880")
        + tag("rect", x=x - s // 3, y=y - s // 2 - 5, width=s // 1.5, height=6, rx=2, fill="#6b6880")
        + tag("circle", cx=x, cy=y + s // 5, r=s // 2, fill="#dfe9f5")
        + tag("circle", cx=x, cy=y + s // 5, r=s // 4, fill=FRAME)
    )


def lock(x: int, y: int, s: int, colour: str = GOLD) -> str:
    return (
        f'<path d="M{x - s // 2} {y}V{y - s // 2}a{s // 2} {s // 2} 0 0 1 {s} 0V{y}" '
        f'stroke="#8a8699" stroke-width="{max(3, s // 4)}" fill="none"/>'
        + tag("rect", x=x - int(s * 0.8), y=y - 2, width=int(s * 1.6), height=int(s * 1.2), rx=4, fill=colour)
        + tag("circle", cx=x, cy=y + s // 2 - 2, r=max(2, s // 6), fill=INK)
    )


def key(x: int, y: int, s: int) -> str:
    return (
        tag(
            "circle", cx=x - s // 2, cy=y, r=s // 2 + 1, fill="none", stroke=GOLD, stroke_width=max(3, s // 4)
        )
        + f'<path d="M{x} {y}H{x + s + 2}M{x + s - 4} {y}v{s // 2}M{x + s // 2} {y}v{s // 3}" '
        f'stroke="{GOLD}" stroke-width="{max(3, s // 4)}" stroke-linecap="round"/>'
    )


def star(x: int, y: int, s: int, colour: str = GOLD) -> str:
    points = []
    for index in range(10):
        radius = s if index % 2 == 0 else s * 0.45
        angle = index * 36
        dx, dy = _turn(radius, angle)
        points.append(f"{x + dx:.0f},{y + dy:.0f}")
    return f'<polygon points="{" ".join(points)}" fill="{colour}"/>'


def _turn(radius: float, degrees: float) -> tuple[float, float]:
    from math import cos, radians, sin

    return radius * sin(radians(degrees)), -radius * cos(radians(degrees))


def check(x: int, y: int, s: int) -> str:
    return tag("circle", cx=x, cy=y, r=s, fill=GREEN) + (
        f'<path d="M{x - s // 2} {y}l{s // 3} {s // 3}l{s // 2 + 2} {-s // 2 - 2}" stroke="#fff" '
        f'stroke-width="{max(3, s // 4)}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>'
    )


def cross(x: int, y: int, s: int) -> str:
    d = s // 2
    return tag("circle", cx=x, cy=y, r=s, fill=RED) + (
        f'<path d="M{x - d} {y - d}L{x + d} {y + d}M{x + d} {y - d}L{x - d} {y + d}" stroke="#fff" '
        f'stroke-width="{max(3, s // 4)}" stroke-linecap="round"/>'
    )


def stop(x: int, y: int, s: int) -> str:
    """A stop sign without its word: an octagon and a white bar."""
    points = []
    for index in range(8):
        dx, dy = _turn(s, index * 45 + 22.5)
        points.append(f"{x + dx:.0f},{y + dy:.0f}")
    return f'<polygon points="{" ".join(points)}" fill="{RED}"/>' + tag(
        "rect", x=x - int(s * 0.6), y=y - s // 6, width=int(s * 1.2), height=max(4, s // 3), rx=2, fill="#fff"
    )


def house(x: int, y: int, s: int) -> str:
    return (
        f'<path d="M{x - s} {y}L{x} {y - s}L{x + s} {y}Z" fill="{RED}"/>'
        + tag("rect", x=x - int(s * 0.75), y=y, width=int(s * 1.5), height=s, fill="#f6d28b")
        + tag("rect", x=x - s // 5, y=y + s // 3, width=s // 2.5, height=s - s // 3, fill="#9b6a3c")
    )


def pin(x: int, y: int, s: int) -> str:
    return (
        f'<path d="M{x} {y + s}C{x - s} {y} {x - s} {y - s} {x} {y - s}'
        f'C{x + s} {y - s} {x + s} {y} {x} {y + s}Z" '
        f'fill="{RED}"/>' + tag("circle", cx=x, cy=y - s // 3, r=s // 3, fill="#fff")
    )


def puzzle(x: int, y: int, s: int, colour: str = "#9d7bea") -> str:
    h = s // 3
    return (
        f'<path d="M{x - s} {y - s}H{x - h}a{h} {h} 0 1 1 {2 * h} 0H{x + s}V{y - h}a{h} {h} 0 1 1 0 {2 * h}'
        f'V{y + s}H{x - s}Z" fill="{colour}"/>'
    )


def sparkle(x: int, y: int, s: int, colour: str = GOLD) -> str:
    q = s // 4
    return (
        f'<path d="M{x} {y - s}Q{x + q} {y - q} {x + s} {y}Q{x + q} {y + q} {x} {y + s}'
        f'Q{x - q} {y + q} {x - s} {y}Q{x - q} {y - q} {x} {y - s}Z" fill="{colour}"/>'
    )


def shield(x: int, y: int, s: int) -> str:
    return (
        f'<path d="M{x} {y - s}L{x + s} {y - s // 2}V{y}'
        f"C{x + s} {y + s // 2} {x + s // 2} {y + s} {x} {y + s}"
        f'C{x - s // 2} {y + s} {x - s} {y + s // 2} {x - s} {y}V{y - s // 2}Z" fill="{GREEN}"/>'
        + check(x, y, s // 2).replace(f'fill="{GREEN}"', 'fill="#267f4f"')
    )


def handset(x: int, y: int, s: int) -> str:
    return (
        f'<path d="M{x - s} {y - s // 2}q0-{s // 2} {s // 2}-{s // 2}l{s // 4} {s // 2}-{s // 3} {s // 3}'
        f"q{s // 3} {s // 2} {s // 1.5} {s // 1.5}l{s // 3}-{s // 3} {s // 2} {s // 4}q0 {s // 2}-{s // 2} "
        f'{s // 2}C{x - s // 2} {y + s} {x - s} {y} {x - s} {y - s // 2}Z" fill="{GREEN}"/>'
    )


def eye(x: int, y: int, s: int) -> str:
    return (
        f'<path d="M{x - s} {y}Q{x} {y - s} {x + s} {y}Q{x} {y + s} {x - s} {y}Z" fill="#fff" '
        f'stroke="{INK}" stroke-width="2"/>' + tag("circle", cx=x, cy=y, r=s // 3, fill=INK)
    )


def question(x: int, y: int, s: int) -> str:
    return tag("circle", cx=x, cy=y, r=s, fill=BLUE) + (
        f'<path d="M{x - s // 3} {y - s // 4}a{s // 3} {s // 3} 0 1 1 {s // 2} {s // 4}q-{s // 6} {s // 8} '
        f'-{s // 6} {s // 3}" stroke="#fff" stroke-width="{max(3, s // 5)}" fill="none" '
        'stroke-linecap="round"/>' + tag("circle", cx=x, cy=y + s // 2, r=max(2, s // 8), fill="#fff")
    )


def picture(x: int, y: int, s: int) -> str:
    """A photo: a frame with a sun and hills."""
    return (
        tag("rect", x=x - s, y=y - int(s * 0.75), width=2 * s, height=int(s * 1.5), rx=3, fill="#cfe6ff")
        + tag("circle", cx=x + s // 2, cy=y - s // 3, r=s // 5, fill=GOLD)
        + f'<path d="M{x - s} {y + int(s * 0.75)}L{x - s // 3} {y - s // 6}L{x + s // 6} {y + s // 3}'
        f'L{x + s // 2} {y}L{x + s} {y + int(s * 0.5)}V{y + int(s * 0.75)}Z" fill="{GREEN}"/>'
    )


def smile(x: int, y: int, s: int) -> str:
    return (
        tag("circle", cx=x, cy=y, r=s, fill=GOLD)
        + tag("circle", cx=x - s // 3, cy=y - s // 4, r=max(2, s // 8), fill=INK)
        + tag("circle", cx=x + s // 3, cy=y - s // 4, r=max(2, s // 8), fill=INK)
        + f'<path d="M{x - s // 2} {y + s // 5}Q{x} {y + s * 0.7:.0f} {x + s // 2} {y + s // 5}" '
        f'stroke="{INK}" stroke-width="{max(2, s // 7)}" fill="none" stroke-linecap="round"/>'
    )


def worried(x: int, y: int, s: int) -> str:
    return (
        tag("circle", cx=x, cy=y, r=s, fill="#ffd77a")
        + tag("circle", cx=x - s // 3, cy=y - s // 6, r=max(2, s // 8), fill=INK)
        + tag("circle", cx=x + s // 3, cy=y - s // 6, r=max(2, s // 8), fill=INK)
        + f'<path d="M{x - s // 3} {y + s // 2}Q{x} {y + s // 4} {x + s // 3} {y + s // 2}" '
        f'stroke="{INK}" stroke-width="{max(2, s // 7)}" fill="none" stroke-linecap="round"/>'
    )


def block(x: int, y: int, s: int) -> str:
    """The 'block' sign: a red ring with a bar across."""
    w = max(3, s // 4)
    return tag("circle", cx=x, cy=y, r=s - w // 2, fill="#fff", stroke=RED, stroke_width=w) + (
        f'<path d="M{x - int(s * 0.6)} {y + int(s * 0.6)}L{x + int(s * 0.6)} {y - int(s * 0.6)}" '
        f'stroke="{RED}" stroke-width="{w}"/>'
    )


def flag(x: int, y: int, s: int) -> str:
    return f'<path d="M{x - s // 2} {y + s}V{y - s}" stroke="{INK}" stroke-width="3"/>' + (
        f'<path d="M{x - s // 2} {y - s}H{x + s}L{x + s // 2} {y - s // 2}L{x + s} {y}H{x - s // 2}Z" '
        f'fill="{RED}"/>'
    )


def wand(x: int, y: int, s: int) -> str:
    return (
        f'<path d="M{x - s} {y + s}L{x + s // 2} {y - s // 2}" stroke="{INK}" '
        f'stroke-width="{max(3, s // 4)}" stroke-linecap="round"/>' + sparkle(x + s // 2, y - s // 2, s // 2)
    )


def clock(x: int, y: int, s: int) -> str:
    return tag("circle", cx=x, cy=y, r=s, fill="#fff", stroke=INK, stroke_width=3) + (
        f'<path d="M{x} {y - s + 6}V{y}H{x + s // 2}" stroke="{INK}" stroke-width="3" fill="none" '
        'stroke-linecap="round"/>'
    )


ICONS = {
    "heart": heart,
    "gem": gem,
    "gift": gift,
    "camera": camera,
    "lock": lock,
    "key": key,
    "star": star,
    "check": check,
    "cross": cross,
    "stop": stop,
    "house": house,
    "pin": pin,
    "puzzle": puzzle,
    "sparkle": sparkle,
    "shield": shield,
    "handset": handset,
    "eye": eye,
    "question": question,
    "picture": picture,
    "smile": smile,
    "worried": worried,
    "block": block,
    "flag": flag,
    "wand": wand,
    "clock": clock,
}


def icon(name: str, x: int, y: int, s: int) -> str:
    return ICONS[name](x, y, s)


def speech(
    x: int, y: int, width: int, height: int, inside: str, tail: Literal["left", "right"] = "left"
) -> str:
    """A speech bubble with its top-left corner at (x, y) and its tail pointing down to one side."""
    tx = x + 24 if tail == "left" else x + width - 24
    step = -14 if tail == "left" else 14
    return (
        tag(
            "rect", x=x, y=y, width=width, height=height, rx=16, fill="#fff", stroke="#d5d1e3", stroke_width=2
        )
        + f'<path d="M{tx - 8} {y + height - 1}L{tx + step} {y + height + 16}L{tx + 8} {y + height - 1}Z" '
        'fill="#fff" stroke="#d5d1e3" stroke-width="2" stroke-linejoin="round"/>'
        + tag("rect", x=tx - 7, y=y + height - 3, width=14, height=4, fill="#fff")
        + inside
    )
