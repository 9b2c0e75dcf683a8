import datetime
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT / "tests" / "data" / "valid"
TODAY = datetime.date(2026, 11, 21)
# The countries the course offers, as its helplines file declares them (the first is the default).
COUNTRIES = tuple(
    country["code"]
    for country in yaml.safe_load((ROOT / "course/data/helplines.yaml").read_text(encoding="utf-8"))[
        "countries"
    ]
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the tiny valid course in tests/data/valid, free to break."""
    root = tmp_path / "content"
    shutil.copytree(VALID, root)
    return root


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first `old` by `new` in one file of a content copy (the text must be there)."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
