"""Reading comfort: text size, line spacing, a legible font, high contrast and the voice's speed.

The settings are kept for the visitor in the session and the URL (course/ui/preferences.py `Reading`,
course/ui/state.py); here they become one <style> element (no script) and the "Reading" menu of the
top bar.
"""

from __future__ import annotations

import functools

import streamlit as st

import course.web
from course.ui.preferences import READING, Reading
from course.ui.state import Visitor, set_reading
from course.web import fonts

SIZES = {"normal": 100, "large": 115, "larger": 130}  # % of the browser's own text size

# Everything that shows text; an icon keeps its own font (a Material Symbols span sets it itself).
TEXT = (
    ".stApp, .stApp p, .stApp li, .stApp label, .stApp button, .stApp input, .stApp textarea, "
    + ", ".join(f".stApp h{level}" for level in range(1, 7))
)
PROSE = ".stApp [data-testid='stMarkdownContainer'] p, .stApp [data-testid='stMarkdownContainer'] li"

SPACING_CSS = f"{PROSE} {{ line-height: 1.9 !important; word-spacing: .12em; }}"
CONTRAST_CSS = f"""{TEXT}, .stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stAlert"] * {{
  color: #000 !important; }}
.stApp [data-testid="stCaptionContainer"] {{ opacity: 1 !important; }}
.stApp a:not(.quick-exit) {{ color: #00008b !important; text-decoration: underline !important; }}
.stApp [data-testid="stBaseButton-secondary"], .stApp [data-testid="stVerticalBlockBorderWrapper"],
.stApp [data-testid="stAlertContainer"] {{ border: 2px solid #000 !important; }}
.stApp [data-testid="stBaseButton-primary"] {{ background: #000 !important; border-color: #000 !important; }}
.stApp [data-testid="stBaseButton-primary"] * {{ color: #fff !important; }}
.stApp :focus-visible {{ outline: 3px solid #000 !important; outline-offset: 2px; }}"""


def font_css() -> str:
    """The bundled font, where the app serves it (course/asgi.py): else the browser's own sans-serif."""
    faces = (
        "".join(
            f"@font-face {{ font-family: '{fonts.FAMILY}'; font-weight: {weight}; font-style: normal;"
            f" font-display: swap; src: url('{fonts.url(weight)}') format('woff2'); }}\n"
            for weight in fonts.FILES
        )
        if course.web.ROUTES_SERVED
        else ""
    )
    return faces + f"{TEXT} {{ font-family: '{fonts.FAMILY}', Verdana, sans-serif !important; }}"


def css(reading: Reading) -> str:
    """The rules for `reading` (empty for the default settings)."""
    rules = []
    size = SIZES[reading.size]
    if size != 100:
        # The top bar keeps its size: at a phone's width its labels ("Need help now?") would be cut short.
        rules.append(
            f"html {{ font-size: {size}% !important; }} .st-key-topbar {{ zoom: {100 / size:.4f}; }}"
        )
    if reading.spacing == "wide":
        rules.append(SPACING_CSS)
    if reading.font == "legible":
        rules.append(font_css())
    if reading.contrast == "high":
        rules.append(CONTRAST_CSS)
    return "\n".join(rules)


def menu(who: Visitor) -> None:
    """The top bar's "Reading" menu: each setting as a row of choices, kept at once. Its choices are
    drawn only while it is open (opening it reruns the page): every other run sends none of them."""
    popover = st.popover(
        who.t("reading.button"),
        icon=":material/text_fields:",
        width="stretch",
        help=who.t("reading.button"),
        key="reading_menu",
        on_change="rerun",
    )
    if not popover.open:
        return
    with popover:
        for name, choices in READING.items():
            key = f"reading_{name}"
            st.session_state[key] = getattr(who.reading, name)
            st.segmented_control(
                who.t(f"reading.{name}"),
                choices,
                format_func=functools.partial(_choice_label, who, name),
                key=key,
                on_change=_changed,
                args=(name, key),
            )


def _choice_label(who: Visitor, name: str, value: str) -> str:
    return who.t(f"reading.{name}.{value}")


def _changed(name: str, key: str) -> None:
    value = st.session_state.get(key)
    if value is not None:  # a second tap on the chosen value unselects it: keep the setting
        set_reading(name, value)
