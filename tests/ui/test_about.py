"""The About page credits the pictures and the icons, in each language, and links to the privacy page."""

from tests.ui.apptest import open_page, start, texts


def test_about_page_credits_the_pictures_in_english():
    at = open_page(start("en-GB"), "about")
    assert not at.exception, at.exception
    shown = texts(at)
    assert "About this course" in shown
    assert "Every picture was drawn for this course" in shown and "no real child" in shown
    assert "Material Symbols by Google (Apache 2.0 licence)" in shown


def test_about_page_in_french():
    at = open_page(start("fr-FR"), "about")
    assert not at.exception, at.exception
    assert "Chaque image a été dessinée pour ce cours" in texts(at)
