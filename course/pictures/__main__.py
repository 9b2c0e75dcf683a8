"""Writes every picture of the catalogue under <content root>/lessons/images/ (default: this project)."""

from __future__ import annotations

import sys
from pathlib import Path

from course.content.loader import default_root
from course.pictures.catalogue import PICTURES

FOLDER = Path("lessons") / "images"


def write(root: Path) -> list[Path]:
    folder = root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in PICTURES.items():
        path = folder / name
        path.write_text(draw(), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default_root()
    files = write(root)
    print(f"{len(files)} pictures, {sum(p.stat().st_size for p in files)} bytes, in {root / FOLDER}")
