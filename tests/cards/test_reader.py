"""Reading made-up class photos: the right answer for nearly every card, never a wrong one."""

from __future__ import annotations

import io
import math
import random
import subprocess
import sys
import textwrap

import cv2
import numpy as np
import pytest
from PIL import Image

from course.cards import synthetic
from course.cards.reader import (
    ANSWERS,
    CardSeen,
    PhotoReading,
    UnreadablePhoto,
    answer_from_corners,
    read_photo,
)

CLASS = 30


def answers_for(seed: int, count: int = CLASS) -> dict[int, str]:
    rng = random.Random(seed)
    return {number: rng.choice(ANSWERS) for number in range(1, count + 1)}


def score(reading: PhotoReading, answers: dict[int, str]) -> tuple[int, list[tuple[CardSeen, str | None]]]:
    right = sum(1 for card in reading.seen if answers.get(card.number) == card.answer)
    wrong = [
        (card, answers.get(card.number)) for card in reading.seen if answers.get(card.number) != card.answer
    ]
    return right, wrong


# distance (m), blur (px), noise (of 255), lighting (0-1), cards partly covered by a thumb, seed
PHOTOS = [
    (2.0, 1.0, 4.0, 0.3, 0, 1),
    (3.0, 2.0, 8.0, 0.6, 3, 2),
    (4.0, 1.5, 6.0, 0.8, 2, 3),
    (5.0, 2.5, 10.0, 0.5, 4, 4),
    (6.0, 1.0, 12.0, 0.4, 0, 5),
    (8.0, 1.5, 6.0, 0.6, 2, 6),
    (8.0, 2.0, 10.0, 0.8, 3, 7),
]


@pytest.mark.parametrize(("distance", "blur", "noise", "lighting", "occlude", "seed"), PHOTOS)
def test_a_class_photo_reads_95_percent_of_the_cards_and_misreads_none(
    distance, blur, noise, lighting, occlude, seed
):
    answers = answers_for(seed)
    photo = synthetic.class_photo(
        answers, seed=seed, distance_m=distance, blur=blur, noise=noise, lighting=lighting, occlude=occlude
    )
    reading = read_photo(photo, max_card=CLASS)
    right, wrong = score(reading, answers)
    assert wrong == []
    assert right >= math.ceil(0.95 * CLASS), (right, reading.unsure)


def test_a_full_hd_photo_from_the_back_of_the_room():
    answers = answers_for(11)
    photo = synthetic.class_photo(answers, seed=11, distance_m=7.0, size=(1920, 1080), blur=1.0, noise=6.0)
    right, wrong = score(read_photo(photo, max_card=CLASS), answers)
    assert wrong == []
    assert right >= math.ceil(0.95 * CLASS)


@pytest.mark.parametrize("turn", [45.0, -45.0, 135.0, 40.0])
def test_a_card_turned_near_45_degrees_is_unsure_never_guessed(turn):
    answers = answers_for(3, count=8)
    photo = synthetic.class_photo(answers, seed=8, distance_m=3.0, turns={5: turn})
    reading = read_photo(photo, max_card=8)
    assert reading.unsure == (5,)
    assert 5 not in {card.number for card in reading.seen}
    assert score(reading, answers) == (7, [])


def test_answer_from_corners_turns_a_quarter_at_a_time():
    upright = np.array([[0, 0], [10, 0], [10, 10], [0, 10]], dtype=np.float32)  # top-left, top-right, ...
    quarter_clockwise = np.array(
        [[10, 0], [10, 10], [0, 10], [0, 0]], dtype=np.float32
    )  # its top points right
    assert answer_from_corners(upright) == "A"
    assert answer_from_corners(quarter_clockwise) == "D"  # its left edge is on top
    assert answer_from_corners(quarter_clockwise[[2, 3, 0, 1]]) == "B"
    assert answer_from_corners(upright[[2, 3, 0, 1]]) == "C"


def test_a_card_seen_twice_with_two_answers_is_unsure():
    first = synthetic.class_photo({7: "A", 8: "B"}, seed=1, distance_m=2.0, size=(1600, 1200))
    second = synthetic.class_photo({7: "C", 9: "D"}, seed=2, distance_m=2.0, size=(1600, 1200))
    both = np.hstack(
        [cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) for data in (first, second)]
    )
    reading = read_photo(cv2.imencode(".png", both)[1].tobytes())
    assert reading.seen == (CardSeen(8, "B"), CardSeen(9, "D"))
    assert reading.unsure == (7,)


def test_cards_above_the_class_size_are_ignored():
    answers = answers_for(4, count=10)
    photo = synthetic.class_photo(answers, seed=4, distance_m=3.0)
    reading = read_photo(photo, max_card=6)
    assert [card.number for card in reading.seen] == [1, 2, 3, 4, 5, 6]
    assert score(reading, answers) == (6, [])


def test_a_portrait_phone_photo_is_read_upright_from_its_exif_orientation():
    """The phone stores the sensor's pixels sideways and says in EXIF how to turn them for display."""
    answers = answers_for(5, count=12)
    upright = cv2.imdecode(np.frombuffer(synthetic.class_photo(answers, seed=5, distance_m=3.0), np.uint8), 1)
    stored = Image.fromarray(cv2.cvtColor(np.rot90(upright, 1), cv2.COLOR_BGR2RGB))  # as the sensor saw it
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn a quarter clockwise to show it
    buffer = io.BytesIO()
    stored.save(buffer, format="JPEG", quality=90, exif=exif)
    assert score(read_photo(buffer.getvalue(), max_card=12), answers) == (12, [])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The photo is empty"),
        (b"%PDF-1.7 not a photo at all", "not a photo that can be read: send a JPEG or PNG picture"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "not a photo that can be read"),
    ],
)
def test_what_is_not_a_photo_is_refused_with_a_message(data, message):
    with pytest.raises(UnreadablePhoto, match=message):
        read_photo(data)


def test_the_photo_never_touches_the_disk(tmp_path):
    """In a fresh process, every file opened for writing after start-up stops it, and OpenCV's and Python's
    temporary folders (an empty one of our own) stay empty."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    script = textwrap.dedent(
        """
        import os, sys
        from course.cards import synthetic
        from course.cards.reader import read_photo
        import cv2
        jpeg = synthetic.class_photo({1: "A", 2: "B", 3: "C"}, seed=1, distance_m=2.0, size=(1600, 1200))
        png = cv2.imencode(".png", cv2.imdecode(__import__("numpy").frombuffer(jpeg, "uint8"), 1))[1].tobytes()

        WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
        def guard(event, args):
            if event == "open" and args[0] is not None and (
                any(flag in str(args[1] or "") for flag in "wax+") or (args[2] or 0) & WRITING
            ):
                raise PermissionError(f"the reader opened {args[0]!r} for writing")
            if event in ("os.mkdir", "os.rename", "os.link", "os.symlink", "tempfile.mkstemp", "tempfile.mkdtemp"):
                raise PermissionError(f"the reader wanted {event} {args!r}")
        sys.addaudithook(guard)
        for data in (jpeg, png):
            assert [card.number for card in read_photo(data).seen] == [1, 2, 3]
        print("read")
        """
    )
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(__import__("pathlib").Path(__file__).parents[2]),
    }
    environment |= {"TMPDIR": str(scratch), "OPENCV_TEMP_PATH": str(scratch), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "read"
    assert list(scratch.iterdir()) == []
