"""Reading a photo of the class holding up their answer cards: which card shows which answer.

The photo stays in memory (decoded from its bytes, never written anywhere). A phone photo is read at about
2 megapixels, where OpenCV's ArUco detector is quick and a card across a classroom is still some 30 px
wide; the full-size photo is then read again in the places where nothing was found, for the smallest
cards. The answer is the letter on the marker's edge that is on top in the photo: ArUco returns a marker's
corners in the marker's own order, so which edge is on top is exact, not guessed from the picture. A card
turned too near 45°, or seen twice with two different answers, is listed as unsure rather than counted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import cv2
import numpy as np

from course.cards import layout
from course.cards.answers import ANSWERS, CardSeen, PhotoReading, UnreadablePhoto

__all__ = ["ANSWERS", "CardSeen", "PhotoReading", "UnreadablePhoto", "read_photo"]

WORKING_SIDE = 2000  # px: the long side the whole photo is read at
DETAIL_SIDE = 4200  # px: the long side of the second reading (a bigger photo is first brought down to it)
SMOOTHING = 0.8  # px: the blur that takes the sensor's noise out of the full-size photo before it is read
TILE = 1400  # px: the second reading goes through the photo in tiles this size, overlapping
MOST_TURN = 30.0  # degrees: a card turned further from upright than this is unsure (45° is halfway)
MOST_BYTES = 40_000_000  # a photo file larger than this is refused


@dataclass(frozen=True)
class _Sighting:
    number: int
    answer: str | None  # None: turned too near 45°
    centre: tuple[float, float]  # in the full photo's pixels


def read_photo(data: bytes, max_card: int = layout.MAX_CARDS) -> PhotoReading:
    """The cards in a photo (JPEG or PNG bytes) and their answers; numbers above `max_card` are ignored."""
    image = _decode(data)
    sightings = list(_read(image, max_card))
    return _decide(sightings)


def _decode(data: bytes) -> np.ndarray:
    if not data:
        raise UnreadablePhoto("The photo is empty: take it again or choose another file.")
    if len(data) > MOST_BYTES:
        raise UnreadablePhoto(f"The photo is too large ({len(data) // 1_000_000} MB): send a smaller one.")
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)  # turned by its EXIF
    if image is None or image.size == 0:
        raise UnreadablePhoto("This file is not a photo that can be read: send a JPEG or PNG picture.")
    return image


def _detector() -> cv2.aruco.ArucoDetector:
    parameters = cv2.aruco.DetectorParameters()
    parameters.minMarkerPerimeterRate = 0.01  # cards far away are small in a wide photo
    parameters.adaptiveThreshWinSizeMax = 33
    parameters.adaptiveThreshWinSizeStep = 10
    parameters.errorCorrectionRate = 0.3  # fewer bits corrected: a stray square decoded as a card is worse
    parameters.perspectiveRemovePixelPerCell = (
        8  # bits read from 8 x 8 px per cell, not 4: small blurred cards
    )
    parameters.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_NONE
    return cv2.aruco.ArucoDetector(layout.dictionary(), parameters)


def _resized(image: np.ndarray, long_side: int) -> tuple[np.ndarray, float]:
    """The image with its long side at most `long_side`, and the factor from it back to `image`."""
    scale = long_side / max(image.shape[:2])
    if scale >= 1:
        return image, 1.0
    height, width = image.shape[:2]
    small = cv2.resize(image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    return small, width / small.shape[1]


def _read(image: np.ndarray, max_card: int) -> Iterable[_Sighting]:
    detector = _detector()
    small, back = _resized(image, WORKING_SIDE)
    found = list(_detect(detector, small, back, (0, 0), max_card))
    yield from found
    if back == 1.0 or {sighting.number for sighting in found} >= set(range(1, max_card + 1)):
        return  # the photo was read at full size already, or every card was found
    detail, detail_back = _resized(image, DETAIL_SIDE)
    detail = cv2.GaussianBlur(detail, (0, 0), SMOOTHING)  # a noisy photo's specks make thousands of contours
    claimed = [sighting.centre for sighting in found]
    height, width = detail.shape[:2]
    step = TILE * 3 // 4
    for top in range(0, max(height - TILE // 4, 1), step):
        for left in range(0, max(width - TILE // 4, 1), step):
            tile = detail[top : top + TILE, left : left + TILE]
            for sighting in _detect(detector, tile, detail_back, (left, top), max_card):
                if not _near(sighting.centre, claimed, image.shape):
                    claimed.append(sighting.centre)
                    yield sighting


def _near(centre: tuple[float, float], others: list[tuple[float, float]], shape: tuple[int, ...]) -> bool:
    """Whether a marker at `centre` was already found (within 1 % of the photo's long side)."""
    reach = 0.01 * max(shape[:2])
    return any(math.dist(centre, other) < reach for other in others)


def _detect(
    detector: cv2.aruco.ArucoDetector,
    image: np.ndarray,
    back: float,
    offset: tuple[int, int],
    max_card: int,
) -> Iterable[_Sighting]:
    corners, ids, _ = detector.detectMarkers(image)
    if ids is None:
        return
    for quad, marker in zip(corners, ids.flatten(), strict=True):
        number = layout.card_number(int(marker))
        if number > max_card:
            continue
        points = (quad.reshape(4, 2) + offset) * back
        centre = points.mean(axis=0)
        yield _Sighting(number, answer_from_corners(points), (float(centre[0]), float(centre[1])))


def answer_from_corners(corners: np.ndarray) -> str | None:
    """The answer whose edge is on top, from the marker's corners in its own order (top-left, top-right,
    bottom-right, bottom-left; image y grows downwards); None when the card is turned too near 45°."""
    top = (corners[0] + corners[1]) / 2 - (corners[3] + corners[2]) / 2  # from its bottom edge to its top
    turn = math.degrees(math.atan2(top[0], -top[1]))  # 0: the marker's top is up; 90: it points right
    quarter = round(turn / 90)
    if abs(turn - 90 * quarter) > MOST_TURN:
        return None
    # Turned a quarter clockwise (its top points right), the marker has its left edge on top.
    return layout.EDGE_ANSWERS[-quarter % 4]


def _decide(sightings: list[_Sighting]) -> PhotoReading:
    answers: dict[int, set[str | None]] = defaultdict(set)
    for sighting in sightings:
        answers[sighting.number].add(sighting.answer)
    seen, unsure = [], []
    for number in sorted(answers):
        given = answers[number]
        answer = next(iter(given))
        if len(given) == 1 and answer is not None:
            seen.append(CardSeen(number, answer))
        else:
            unsure.append(number)
    return PhotoReading(tuple(seen), tuple(unsure))
