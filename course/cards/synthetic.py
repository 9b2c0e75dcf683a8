"""Made-up photos of a class holding up answer cards, for the tests and the benchmark (no real photo of
children is ever needed, stored or shipped).

Each card is drawn from the same layout as the PDF (course/cards/layout.py) and held by a pupil (a head and
a shirt behind it) in a grid of seats: turned so the letter of its answer is on top, with a little wobble,
tilted towards or away from the camera, at a distance around `distance_m` as a phone with a 66° wide lens
sees it. Then the whole photo is blurred, lit unevenly, made noisy and compressed to JPEG, in memory.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

import cv2
import numpy as np

from course.cards import layout
from course.pdf.page import PT

FIELD_OF_VIEW = 66.0  # degrees across the photo's width: a phone's main camera
WOBBLE = 15.0  # degrees: how far from a quarter turn a pupil holds the card
TILT = 25.0  # degrees: towards or away from the camera, sideways or up and down
DEPTH_SPREAD = 0.15  # each pupil sits within ±15 % of `distance_m`
CARD_SCALES = (64, 128, 256, 512, 1024, 2048)  # px: the sizes a card is drawn at before it is put in place
SKIN = ((60, 90, 150), (95, 140, 200), (120, 170, 225), (45, 65, 110))  # BGR
HAIR = ((20, 20, 25), (30, 50, 80), (60, 100, 150))


def class_photo(
    answers: Mapping[int, str],
    *,
    seed: int,
    distance_m: float = 4.0,
    size: tuple[int, int] = (4000, 3000),
    blur: float = 1.0,
    noise: float = 4.0,
    lighting: float = 0.3,
    occlude: int = 0,
    turns: Mapping[int, float] | None = None,
) -> bytes:
    """A JPEG photo of the cards in `answers` (card number -> letter) held up by a class.

    `blur`: Gaussian blur in pixels (sigma); `noise`: the noise's standard deviation out of 255;
    `lighting`: 0 for even light, up to 1 for a strong gradient and vignette; `occlude`: how many cards a
    hand partly covers (a thumb over the white margin, sometimes onto the marker's edge). `turns` sets a
    card's exact turn in degrees clockwise from upright, instead of its answer and a wobble (45 is halfway
    between two answers). ValueError if the cards cannot all fit in the photo at that distance.
    """
    rng = np.random.default_rng(seed)
    width, height = size
    focal = width / (2 * math.tan(math.radians(FIELD_OF_VIEW / 2)))
    photo = _classroom(rng, width, height)
    numbers = list(answers)
    columns = max(1, math.ceil(math.sqrt(len(numbers) * width / height)))
    rows = max(1, math.ceil(len(numbers) / columns))
    slot_w, slot_h = width / columns, height / rows
    seats = rng.permutation(columns * rows)[: len(numbers)]
    covered = set(rng.choice(numbers, size=min(occlude, len(numbers)), replace=False).tolist())
    side_m = layout.SIDE / 1000
    for number, seat in zip(numbers, seats, strict=True):
        depth = distance_m * rng.uniform(1 - DEPTH_SPREAD, 1 + DEPTH_SPREAD)
        reach = side_m * focal / depth * 0.75  # half a card's diagonal, and then some
        room_x, room_y = slot_w / 2 - reach, slot_h / 2 - reach
        if room_x < 0 or room_y < 0:
            raise ValueError(f"{len(numbers)} cards do not fit in a {width}x{height} photo at {distance_m} m")
        u = (seat % columns + 0.5) * slot_w + rng.uniform(-room_x, room_x)
        v = (seat // columns + 0.5) * slot_h + rng.uniform(-room_y, room_y)
        if turns is not None and number in turns:
            turn = turns[number]
        else:
            turn = _answer_turn(answers[number]) + rng.uniform(-WOBBLE, WOBBLE)
        corners = _project(
            side_m, turn, rng.uniform(-TILT, TILT), rng.uniform(-TILT, TILT), (u, v), depth, focal, size
        )
        _pupil(photo, rng, corners)
        _paste(photo, _card_image(number, _scale_for(corners)), corners)
        if number in covered:
            _thumb(photo, rng, corners)
    photo = _finish(photo, rng, blur, noise, lighting)
    ok, encoded = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return encoded.tobytes()


def _answer_turn(answer: str) -> float:
    """Degrees clockwise that bring the edge of `answer` on top (D is on the left: a quarter clockwise)."""
    return -90.0 * layout.EDGE_ANSWERS.index(answer)


def _project(
    side: float,
    turn: float,
    tilt_x: float,
    tilt_y: float,
    centre: tuple[float, float],
    depth: float,
    focal: float,
    size: tuple[int, int],
) -> np.ndarray:
    """The card's corners (top-left, top-right, bottom-right, bottom-left of the card itself) in the photo."""
    half = side / 2
    card = np.array([[-half, -half, 0], [half, -half, 0], [half, half, 0], [-half, half, 0]])
    a, b, c = math.radians(turn), math.radians(tilt_x), math.radians(tilt_y)
    spin = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    pitch = np.array([[1, 0, 0], [0, math.cos(b), -math.sin(b)], [0, math.sin(b), math.cos(b)]])
    yaw = np.array([[math.cos(c), 0, math.sin(c)], [0, 1, 0], [-math.sin(c), 0, math.cos(c)]])
    width, height = size
    where = np.array(
        [(centre[0] - width / 2) * depth / focal, (centre[1] - height / 2) * depth / focal, depth]
    )
    points = card @ (yaw @ pitch @ spin).T + where
    return np.stack(
        [focal * points[:, 0] / points[:, 2] + width / 2, focal * points[:, 1] / points[:, 2] + height / 2],
        axis=1,
    ).astype(np.float32)


def _scale_for(corners: np.ndarray) -> int:
    longest = max(math.dist(corners[i], corners[(i + 1) % 4]) for i in range(4))
    return next((scale for scale in CARD_SCALES if scale >= 1.5 * longest), CARD_SCALES[-1])


@cache
def _card_image(number: int, pixels: int) -> np.ndarray:
    """Card `number` drawn `pixels` wide (grey levels), from the layout the PDF prints."""
    per_mm = pixels / layout.SIDE
    card = np.full((pixels, pixels), 255, np.uint8)
    big = cv2.resize(
        layout.cells(number).astype(np.uint8) * 255,
        (round(layout.MARKER * per_mm),) * 2,
        interpolation=cv2.INTER_NEAREST,
    )
    start = round(layout.MARGIN * per_mm)
    card[start : start + big.shape[0], start : start + big.shape[1]] = 255 - big
    for label in layout.labels(number):
        cap_height = 0.72 * label.size * PT * per_mm
        scale = cap_height / 22  # Hershey Simplex capitals are 22 px high at scale 1
        thickness = max(1, round(cap_height / 7))
        (w, h), _ = cv2.getTextSize(label.text, cv2.FONT_HERSHEY_SIMPLEX, scale, thickness)
        patch = np.full((h + 2 * thickness, w + 2 * thickness), 255, np.uint8)
        cv2.putText(
            patch,
            label.text,
            (thickness, h + thickness),
            cv2.FONT_HERSHEY_SIMPLEX,
            scale,
            layout.GREY,
            thickness,
        )
        patch = np.rot90(patch, label.turn // 90)
        x, y = (
            round(label.centre[0] * per_mm - patch.shape[1] / 2),
            round(label.centre[1] * per_mm - patch.shape[0] / 2),
        )
        region = card[y : y + patch.shape[0], x : x + patch.shape[1]]
        np.minimum(region, patch[: region.shape[0], : region.shape[1]], out=region)
    card.flags.writeable = False
    return card


def _paste(photo: np.ndarray, card: np.ndarray, corners: np.ndarray) -> None:
    """Put `card` into `photo` with its corners at `corners`, lit like paper (a little warm)."""
    left, top = np.floor(corners.min(axis=0)).astype(int)
    right, bottom = np.ceil(corners.max(axis=0)).astype(int) + 1
    left, top = max(left, 0), max(top, 0)
    right, bottom = min(right, photo.shape[1]), min(bottom, photo.shape[0])
    if right <= left or bottom <= top:
        return
    pixels = card.shape[0]
    source = np.array([[0, 0], [pixels, 0], [pixels, pixels], [0, pixels]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners - np.array([left, top], np.float32))
    size = (right - left, bottom - top)
    drawn = cv2.warpPerspective(card, matrix, size, flags=cv2.INTER_AREA)
    inside = cv2.warpPerspective(np.full_like(card, 255), matrix, size, flags=cv2.INTER_LINEAR)
    region = photo[top:bottom, left:right].astype(np.float32)
    paper = drawn[..., None].astype(np.float32) * np.array([0.93, 0.97, 1.0], np.float32)
    alpha = inside[..., None].astype(np.float32) / 255
    photo[top:bottom, left:right] = (region * (1 - alpha) + paper * alpha).astype(np.uint8)


def _classroom(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A wall with posters and windows."""
    photo = np.empty((height, width, 3), np.uint8)
    wall = np.array(rng.uniform(150, 215, 3))
    shade = np.linspace(1.0, 0.8, height)[:, None, None]
    photo[:] = np.clip(wall * shade, 0, 255).astype(np.uint8)
    for _ in range(8):
        w, h = rng.integers(width // 12, width // 4), rng.integers(height // 12, height // 4)
        x, y = rng.integers(0, width - w), rng.integers(0, height - h)
        colour = tuple(int(c) for c in rng.integers(20, 250, 3))
        cv2.rectangle(photo, (int(x), int(y)), (int(x + w), int(y + h)), colour, -1)
        for line in range(int(rng.integers(2, 8))):  # lines of writing on a poster
            ly = int(y + h * (line + 1) / 9)
            cv2.line(
                photo, (int(x + w // 10), ly), (int(x + w * 0.9), ly), (30, 30, 30), max(1, int(h // 40))
            )
    return photo


def _pupil(photo: np.ndarray, rng: np.random.Generator, corners: np.ndarray) -> None:
    """A head and a shirt behind the card, and the hands holding it at its sides."""
    centre = corners.mean(axis=0)
    side = max(math.dist(corners[0], corners[2]), math.dist(corners[1], corners[3])) / math.sqrt(2)
    skin = SKIN[int(rng.integers(len(SKIN)))]
    shirt = tuple(int(c) for c in rng.integers(0, 256, 3))
    cx, cy = int(centre[0]), int(centre[1])
    cv2.ellipse(photo, (cx, int(cy + side * 0.9)), (int(side * 0.9), int(side * 0.9)), 0, 180, 360, shirt, -1)
    cv2.circle(photo, (cx, int(cy - side * 0.2)), int(side * 0.42), HAIR[int(rng.integers(len(HAIR)))], -1)
    cv2.circle(photo, (cx, int(cy - side * 0.1)), int(side * 0.36), skin, -1)
    for direction in (-1, 1):
        hand = (int(cx + direction * side * 0.55), int(cy + side * 0.25))
        cv2.ellipse(photo, hand, (int(side * 0.1), int(side * 0.16)), 0, 0, 360, skin, -1)


def _thumb(photo: np.ndarray, rng: np.random.Generator, corners: np.ndarray) -> None:
    """A thumb over one edge of the card, across the white margin and sometimes onto the marker."""
    edge = int(rng.integers(4))
    start, end = corners[edge], corners[(edge + 1) % 4]
    centre = corners.mean(axis=0)
    along = rng.uniform(0.25, 0.75)
    at_edge = start + (end - start) * along
    inward = (centre - at_edge) / np.linalg.norm(centre - at_edge)
    side = math.dist(start, end)
    reach = side * layout.MARGIN / layout.SIDE * rng.uniform(0.5, 1.0)  # 1.0: up to the marker
    tip = at_edge + inward * reach
    base = at_edge - inward * side * 0.08
    skin = SKIN[int(rng.integers(len(SKIN)))]
    thickness = max(2, int(side * 0.07))
    cv2.line(photo, tuple(int(c) for c in base), tuple(int(c) for c in tip), skin, thickness)
    cv2.circle(photo, tuple(int(c) for c in tip), thickness // 2, skin, -1)


def _finish(
    photo: np.ndarray, rng: np.random.Generator, blur: float, noise: float, lighting: float
) -> np.ndarray:
    height, width = photo.shape[:2]
    if blur > 0:
        photo = cv2.GaussianBlur(photo, (0, 0), blur)
    if lighting > 0:  # worked out on a grid 8 times coarser: the light changes slowly
        angle = rng.uniform(0, 2 * math.pi)
        xs = (np.linspace(0, 1, width // 8, dtype=np.float32) - 0.5)[None, :]
        ys = (np.linspace(0, 1, height // 8, dtype=np.float32) - 0.5)[:, None]
        ramp = np.clip(xs * math.cos(angle) + ys * math.sin(angle) + 0.5, 0, 1)  # across the photo
        coarse = (1 - lighting * 0.6 * ramp) * (1 - lighting * 0.8 * (xs**2 + ys**2))
        light = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_LINEAR)
        photo = cv2.multiply(photo, cv2.merge([light] * 3), dtype=cv2.CV_8U)
    if noise > 0:  # the sensor's grain, in brightness
        grain = rng.standard_normal((height, width), dtype=np.float32) * np.float32(noise)
        photo = cv2.add(photo, cv2.merge([grain] * 3), dtype=cv2.CV_8U)
    return photo
