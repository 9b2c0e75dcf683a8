"""What reading a photo of the cards gives: the answer letters and the reading itself.

Kept apart from the reader (course/cards/reader.py) so that the classroom, which records these readings,
does not load OpenCV into every server process that opens the store.
"""

from __future__ import annotations

from dataclasses import dataclass

ANSWERS = ("A", "B", "C", "D")


class UnreadablePhoto(ValueError):
    """The data is not a photo this reader can open; the message says so in words for the teacher."""


@dataclass(frozen=True)
class CardSeen:
    number: int
    answer: str  # one of ANSWERS


@dataclass(frozen=True)
class PhotoReading:
    seen: tuple[CardSeen, ...]  # by card number
    unsure: tuple[int, ...]  # card numbers found but whose answer could not be decided safely; never guessed
