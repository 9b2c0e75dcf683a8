"""Reading answer cards from a photo of 30 pupils: how many are read right, how many wrong, how long it takes.

    python benchmarks/card_reading.py [--seeds 5] [--distances 2 4 6 8] [--threads 1]

For each photo size (a 12-megapixel phone photo, 4000x3000, and a Full HD one, 1920x1080) and each distance,
`--seeds` made-up class photos (course/cards/synthetic.py: blur, noise, uneven light and a few thumbs over
the cards vary with the seed) are read by `read_photo` with OpenCV on `--threads` threads. Printed per row:
cards read with the right answer out of all cards shown, misread (counted with a wrong answer: must be 0),
unsure, and the time to read one photo (decoding the JPEG included), median and slowest, by the clock
and in CPU time (what the one core spent: less sensitive to other work on the machine).
"""

from __future__ import annotations

import argparse
import random
import time

import cv2
from _common import machine, median, table

from course.cards import synthetic
from course.cards.reader import ANSWERS, read_photo

CLASS = 30
SIZES = ((4000, 3000), (1920, 1080))


def conditions(seed: int) -> dict[str, float | int]:
    rng = random.Random(seed)
    return {
        "blur": rng.uniform(0.8, 2.5),
        "noise": rng.uniform(3.0, 12.0),
        "lighting": rng.uniform(0.2, 0.8),
        "occlude": rng.randint(0, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--distances", type=float, nargs="+", default=[2.0, 4.0, 6.0, 8.0])
    parser.add_argument("--threads", type=int, default=1, help="OpenCV threads (1: one core)")
    args = parser.parse_args()
    cv2.setNumThreads(args.threads)
    print(machine())
    print(
        f"OpenCV {cv2.__version__} on {args.threads} thread(s); {args.seeds} photos of {CLASS} cards a row\n"
    )
    rows = []
    for width, height in SIZES:
        for distance in args.distances:
            right = wrong = unsure = shown = 0
            times: list[float] = []
            cpu: list[float] = []  # the process's own time: what one core spends, whatever else runs
            for seed in range(args.seeds):
                rng = random.Random(seed)
                answers = {number: rng.choice(ANSWERS) for number in range(1, CLASS + 1)}
                try:
                    photo = synthetic.class_photo(
                        answers, seed=seed, distance_m=distance, size=(width, height), **conditions(seed)
                    )
                except ValueError:
                    break  # 30 cards do not fit in this photo at this distance
                started, started_cpu = time.perf_counter(), time.process_time()
                reading = read_photo(photo, max_card=CLASS)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
                shown += CLASS
                right += sum(1 for card in reading.seen if answers[card.number] == card.answer)
                wrong += sum(1 for card in reading.seen if answers[card.number] != card.answer)
                unsure += len(reading.unsure)
            if not times:
                rows.append([f"{width}x{height}", f"{distance:g} m", "(30 cards do not fit)", *[""] * 6])
                continue
            rows.append(
                [
                    f"{width}x{height}",
                    f"{distance:g} m",
                    f"{right}/{shown} ({100 * right / shown:.1f} %)",
                    wrong,
                    unsure,
                    f"{1000 * median(times):.0f}",
                    f"{1000 * max(times):.0f}",
                    f"{1000 * median(cpu):.0f}",
                    f"{1000 * max(cpu):.0f}",
                ]
            )
    headers = ["photo", "distance", "read right", "misread", "unsure", "ms p50", "ms max"]
    headers += ["CPU ms p50", "CPU ms max"]
    print(table(rows, headers))


if __name__ == "__main__":
    main()
