"""The printed documents (no Streamlit): the child's certificate and the parents' handout.

What they share: `text.py` (characters the standard PDF fonts can print, no-break spaces, dates),
`page.py` (A4, fonts, document properties) and `colours.py`. Each document takes the loaded course and
already translated labels from its caller: nothing here loads content or reads settings.
"""
