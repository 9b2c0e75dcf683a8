"""A lesson's print pack (slides, worksheet, answer key, teacher's notes), in the teacher's language
and country: made when the button is pressed, not on every rerun."""

from __future__ import annotations

import functools

import streamlit as st

from course.pdf.pack import PRINT_SEED, pack_filename, pack_pdf
from course.ui import state
from course.ui.state import Visitor


def pack_button(who: Visitor, lesson_id: str, key: str, seed: str = PRINT_SEED) -> None:
    """`seed`: a class session's id prints the choices in the order its pupils' screens show."""
    st.download_button(
        who.t("pack.button"),
        functools.partial(pack_pdf, state.course(), lesson_id, who.lang, who.country, seed),
        on_click="ignore",  # a download does not rerun the page
        file_name=pack_filename(lesson_id, who.lang, who.country),
        mime="application/pdf",
        icon=":material/print:",
        key=key,
    )
