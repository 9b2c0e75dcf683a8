"""The icon font is sent cut down to the app's icons (course/web/icon_font.py): in Chromium every icon on
the home page and in a lesson is still drawn as one glyph, never spelt out as its name."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser
LESSON = "personal-details-7-10"
# Each Material icon on the page (a widget's, the menu's, or one in Markdown text: any text set in the
# icon font): its name, its font size, the width its text takes once shaped (one glyph about 1em wide
# when the font draws it; the letters of the name, several em, when it does not).
ICONS = """async () => {
    await document.fonts.ready;
    return Array.from(document.querySelectorAll('body *'))
        .filter((icon) => icon.childElementCount === 0 && icon.textContent.trim()
            && getComputedStyle(icon).fontFamily.includes('Material Symbols')
            && icon.getClientRects().length > 0)
        .map((icon) => {
            const range = document.createRange();
            range.selectNodeContents(icon);
            return {
                name: icon.textContent,
                size: parseFloat(getComputedStyle(icon).fontSize),
                width: range.getBoundingClientRect().width,
            };
        });
}"""
# The width of `name` set in the icon font at 24px, in a span of our own.
SET = """async (name) => {
    const span = document.createElement('span');
    span.style.cssText = 'font-family: "Material Symbols Rounded"; font-size: 24px; white-space: nowrap';
    span.textContent = name;
    document.body.appendChild(span);
    await document.fonts.ready;
    const range = document.createRange();
    range.selectNodeContents(span);
    const width = range.getBoundingClientRect().width;
    span.remove();
    return width;
}"""
FONT = """() => {
    const font = performance.getEntriesByType('resource').find((e) => e.name.includes('MaterialSymbols'));
    return {
        loaded: document.fonts.check('24px "Material Symbols Rounded"', 'home'),
        bytes: font ? font.encodedBodySize : null,
    };
}"""


def drawn_as_glyphs(page) -> list[dict]:
    icons = page.evaluate(ICONS)
    assert icons, "no Material icon on the page"
    spelt = [icon for icon in icons if not 0.5 * icon["size"] <= icon["width"] <= 1.5 * icon["size"]]
    assert not spelt, f"icons drawn as their name, not as a glyph: {spelt}"
    return icons


def test_the_home_page_icons_are_glyphs_of_the_cut_down_font(app_url, open_page):
    page = open_page(app_url, "en-GB", height=720)
    icons = drawn_as_glyphs(page)
    assert {"home", "school", "child_care", "family_restroom", "co_present"} <= {i["name"] for i in icons}
    font = page.evaluate(FONT)
    assert font["loaded"]
    assert font["bytes"] is not None and font["bytes"] < 100_000  # the subset; the whole font is 375 kB
    # the measure tells a glyph from a name: an icon the app does not use is not in the font sent
    assert 18 <= page.evaluate(SET, "home") <= 30
    assert page.evaluate(SET, "rocket_launch") > 48
    screenshot(page, "icons-home")


def test_a_lessons_icons_are_glyphs(app_url, open_page):
    page = open_page(f"{app_url}/lesson?lesson={LESSON}", "en-GB", height=720)
    icons = drawn_as_glyphs(page)
    assert len(icons) >= 2
    sidebar = page.locator("[data-testid=stSidebar]")
    if sidebar.count():  # Streamlit's own icons: the arrows that fold the menu away show on hover
        sidebar.hover()
        page.wait_for_timeout(300)
        drawn_as_glyphs(page)
    screenshot(page, "icons-lesson")


TEXT_FONT = """async () => {
    await document.fonts.ready;
    const font = performance.getEntriesByType('resource').find((e) => e.name.includes('SourceSansVF-Upright'));
    const family = getComputedStyle(document.querySelector('[data-testid=stMarkdownContainer] p')).fontFamily;
    const faces = Array.from(document.fonts).filter((f) => f.status === 'loaded').map((f) => f.family);
    return {bytes: font ? font.encodedBodySize : null, family, faces};
}"""


def test_the_text_is_set_in_the_cut_down_text_font(app_url, open_page):
    """course/web/text_font.py: a French page's text is in Source Sans, sent as the subset."""
    page = open_page(f"{app_url}/lesson?lesson={LESSON}&lang=fr", "fr-FR", height=720)
    font = page.evaluate(TEXT_FONT)
    assert font["family"].startswith('"Source Sans"') and "Source Sans" in font["faces"], font
    assert font["bytes"] is not None and font["bytes"] < 60_000, font  # the whole upright font is 170 kB
    assert page.evaluate("""() => document.fonts.check('16px "Source Sans"', 'Leçon « œ » – …')""")
