"""The parent-evening take-home handout: a printable A4 PDF in French or English, per country (no Streamlit).

Page 1 is for every day: (1) the privacy-settings checklist to go through WITH the child, (2) conversation
starters by age band, (3) warning signs. Page 2 is for the day something happens: (4) the seven sextortion
response steps, worded for the country (who to report to, which removal tools), and (5) the country's
helplines with the month they were verified. The emergency number is in every page's footer too.

Every word lives in `course/data/handout.yaml` (both languages, checked by `model.py`), except the
helplines, which come from the course the caller passes in (`Course.helplines(country, "parents")`) so
the handout always shows the same numbers as the app.

Layout: A4 portrait, at most two pages, 11.5 pt body text (11 pt for the longer French; never below
10 pt, footer included), dark ink on white so it prints well in black and white. Blocks flow down the
page and a section moves whole to the next page; if that needs more than two pages the text is made
half a point smaller, then sections may be split. Fonts and characters: course/pdf/text.py.

- `model.py`: what handout.yaml holds, and reading it
- `sections.py`: what each section says, as blocks
- `blocks.py`: how each kind of block and the footer are drawn
- `flow.py`: laying the blocks down the pages
- `document.py`: the whole handout, its title and its file name

The output is deterministic: the creation date is the handout's `edition` month, not today.
"""

from course.pdf.handout.document import handout_filename, handout_pdf, handout_title
from course.pdf.handout.model import HANDOUT_FILE, HandoutError, HandoutFile, load_handout

__all__ = [
    "HANDOUT_FILE",
    "HandoutError",
    "HandoutFile",
    "handout_filename",
    "handout_pdf",
    "handout_title",
    "load_handout",
]
