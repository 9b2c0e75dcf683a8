"""Answer cards for a class without devices (no Streamlit): each pupil holds up a printed card turned so that
the letter of their answer is on top, and one photo of the class reads every answer.

`layout.py` is what a card looks like, `sheet.py` prints the cards (PDF), `reader.py` reads a photo,
`synthetic.py` makes class photos for the tests and the benchmark.
"""
