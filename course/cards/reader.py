"""Reading a photo of the class holding up its answer cards.

A stand-in with the API only (branch `cards` brings the reader itself): the dataclasses, and
`read_photo`, which is not written here yet.
"""

from __future__ import annotations

from dataclasses import dataclass

ANSWERS = ("A", "B", "C", "D")


@dataclass(frozen=True)
class CardSeen:
    number: int
    answer: str


@dataclass(frozen=True)
class PhotoReading:
    seen: tuple[CardSeen, ...]
    unsure: tuple[int, ...]


class UnreadablePhoto(ValueError):
    """The photo could not be read at all (not an image, or no card found)."""


def read_photo(data: bytes, max_card: int = 50) -> PhotoReading:
    raise NotImplementedError("the card reader comes with branch `cards`")
