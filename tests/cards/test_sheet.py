"""The printed answer cards: one per page, each marker read back as its number, each quarter turn as its letter."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pypdf
import pypdfium2
import pytest

from course import cli
from course.cards import layout
from course.cards.reader import CardSeen, read_photo
from course.cards.sheet import cards_pdf

HINT = "Card {number}: letter of your answer on top."


def pages_as_images(pdf: bytes, dpi: int = 50) -> list[np.ndarray]:
    document = pypdfium2.PdfDocument(pdf)
    return [
        np.asarray(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")) for page in document
    ]


def png(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", image)
    assert ok
    return data.tobytes()


def test_one_card_per_page_with_its_number_letters_and_hint():
    pdf = cards_pdf(4, title="Answer cards", hint=HINT, lang="en")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 4
    assert reader.metadata.title == "Answer cards"
    for number, page in enumerate(reader.pages, start=1):
        words = page.extract_text().split()
        assert {"A", "B", "C", "D", str(number)} <= set(words)
        assert f"Card {number}:" in page.extract_text()


def test_each_printed_card_reads_as_its_number_and_each_quarter_turn_as_its_letter():
    """Turned a quarter anticlockwise, the card has its right edge (B) on top, and so on round."""
    count = 6
    for number, page in enumerate(pages_as_images(cards_pdf(count, title="t", hint=HINT, lang="en")), 1):
        for quarters, answer in enumerate(("A", "B", "C", "D")):
            reading = read_photo(png(np.rot90(page, quarters)), max_card=count)
            assert reading.seen == (CardSeen(number, answer),), (number, quarters)
            assert reading.unsure == ()


def test_the_fiftieth_card_is_the_last_marker_of_the_dictionary():
    pdf = cards_pdf(layout.MAX_CARDS, title="t", hint=HINT, lang="en")
    last = pages_as_images(pdf, dpi=30)[-1]
    assert read_photo(png(last)).seen == (CardSeen(50, "A"),)
    assert len({layout.cells(number).tobytes() for number in range(1, 51)}) == 50


@pytest.mark.parametrize("count", [0, -3, 51])
def test_a_count_out_of_range_is_refused(count):
    with pytest.raises(ValueError, match=f"between 1 and 50 \\(asked for {count}\\)"):
        cards_pdf(count, title="t", hint=HINT, lang="en")


def test_cli_writes_the_cards_in_the_chosen_language(tmp_path, capsys):
    out = tmp_path / "cards.pdf"
    assert cli.main(["cards", "--count", "3", "-o", str(out), "--lang", "fr"]) == 0
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 3
    assert "Carte 2" in reader.pages[1].extract_text()
    assert reader.metadata.title == "Cartes-réponses"
    assert "3 answer card(s)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("count", "message"),
    [("60", "the number of cards must be between 1 and 50 (asked for 60)"), ("many", "not a number: 'many'")],
)
def test_cli_refuses_a_bad_count_with_exit_2(tmp_path, capsys, count, message):
    with pytest.raises(SystemExit) as stop:
        cli.main(["cards", "--count", count, "-o", str(tmp_path / "cards.pdf")])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "cards.pdf").exists()


def test_the_cards_package_never_imports_streamlit():
    import ast
    from pathlib import Path

    package = Path(layout.__file__).parent
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(name.split(".")[0] == "streamlit" for name in names), module.name


def test_opencv_is_loaded_by_the_first_card_drawn_or_read_not_by_the_server_or_the_command_line():
    """Every server process opens the store and the dashboard; few classes use cards."""
    import subprocess
    import sys

    code = (
        "import sys, course.cli, course.ui.app, course.ui.pages.dashboard, course.classroom.sessions\n"
        "print('cv2' in sys.modules)\n"
        "from course.cards import layout\n"
        "layout.cells(1)\n"
        "print('cv2' in sys.modules)\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["False", "True"]
