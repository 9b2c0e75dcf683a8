"""The take-home handout, in the visitor's language and country."""

from __future__ import annotations

import streamlit as st

from course.pdf.handout import handout_filename, handout_pdf
from course.ui import state
from course.ui.state import Visitor


@st.cache_data(show_spinner=False, max_entries=24)
def _pdf(lang: str, country: str) -> bytes:
    return handout_pdf(lang, country, state.course())


def handout_button(who: Visitor, key: str) -> None:
    st.download_button(
        who.t("evening.handout"),
        _pdf(who.lang, who.country),
        on_click="ignore",  # a download does not rerun the page
        file_name=handout_filename(who.lang, who.country),
        mime="application/pdf",
        icon=":material/download:",
        key=key,
    )
