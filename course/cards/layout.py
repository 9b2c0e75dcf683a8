"""What a card looks like, in millimetres: the one layout that the PDF prints and the synthetic photos draw.

One card per A4 page (portrait). The card is the page's top 210 mm square (a dashed line marks where to cut,
if the teacher wants square cards); the strip below carries one line for the pupil. The square holds an
ArUco marker (`DICT_4X4_50`) 156 mm wide, with a white margin of about one cell all round (the detector needs
it), the letters A, B, C, D in grey on its four edges and the card number in grey in a corner. A marker that
size keeps cells of about 9 px in a 4000 px wide phone photo taken 8 m away: two cards to a page would halve
that.

The pupil holds the card up with the letter of their answer on top. The marker's own corner order tells which
of its edges is on top, so the answer is known exactly: `EDGE_ANSWERS` says which letter sits on which edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from course.pdf.page import A4_SHORT

if TYPE_CHECKING:
    import cv2
    import numpy as np

# OpenCV is loaded by the functions that draw or read a marker only: the server and the command line
# import this module for the numbers below, and most of them never draw a card.
DICTIONARY = "DICT_4X4_50"  # cv2.aruco's name of the marker dictionary
MARKER_COUNT = 50  # markers in the dictionary: ids 0-49
MAX_CARDS = MARKER_COUNT  # card n carries marker id n - 1, so cards run from 1 to 50
DEFAULT_CARDS = 40
CELLS = 6  # 4 x 4 bits and the black border round them

# Which letter sits on each edge of the marker, in the marker's own order (top, right, bottom, left) as
# ArUco returns its corners: top-left, top-right, bottom-right, bottom-left.
EDGE_ANSWERS = ("A", "B", "C", "D")
# How far each letter turns (degrees, anticlockwise) so that it reads upright when its edge is on top.
LETTER_TURNS = {"A": 0, "B": -90, "C": 180, "D": 90}

SIDE = A4_SHORT  # the card: a square the width of an A4 page (210 mm)
CELL = 26.0
MARKER = CELLS * CELL  # 156 mm
MARGIN = (SIDE - MARKER) / 2  # 27 mm of white round the marker
LETTER_INSET = 12.0  # from the card's edge to the centre of a letter
LETTER_SIZE = 28.0  # points
NUMBER_INSET = 11.0  # from the top and left edges to the centre of the card number
NUMBER_SIZE = 16.0  # points
GREY = 120  # letters and number: easy to read, far from the marker's black
CUT_GREY = 190


def marker_id(number: int) -> int:
    return number - 1


def card_number(marker: int) -> int:
    return marker + 1


def check_count(count: int) -> int:
    """`count` if a sheet of that many cards can be made, else ValueError saying what can."""
    if not 1 <= count <= MAX_CARDS:
        raise ValueError(f"the number of cards must be between 1 and {MAX_CARDS} (asked for {count})")
    return count


@cache
def dictionary() -> cv2.aruco.Dictionary:
    import cv2

    return cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, DICTIONARY))


@cache
def cells(number: int) -> np.ndarray:
    """The marker of card `number` as CELLS x CELLS booleans, True for black, row by row from the top."""
    import cv2

    image = cv2.aruco.generateImageMarker(dictionary(), marker_id(number), CELLS, borderBits=1)
    black = image < 128
    black.flags.writeable = False
    return black


@dataclass(frozen=True)
class Label:
    text: str
    centre: tuple[float, float]  # mm from the card's top-left corner
    turn: int  # degrees anticlockwise
    size: float  # points


def labels(number: int) -> tuple[Label, ...]:
    """The letters on the four edges and the card number, where they sit on the card."""
    middle, far = SIDE / 2, SIDE - LETTER_INSET
    centres = {
        "A": (middle, LETTER_INSET),
        "B": (far, middle),
        "C": (middle, far),
        "D": (LETTER_INSET, middle),
    }
    letters = tuple(
        Label(letter, centres[letter], LETTER_TURNS[letter], LETTER_SIZE) for letter in EDGE_ANSWERS
    )
    return (*letters, Label(str(number), (NUMBER_INSET, NUMBER_INSET), 0, NUMBER_SIZE))
