"""The course's own pictures: a small cast per band and the scenes of the lessons, drawn as SVG.

`python -m course.pictures` writes every file of `catalogue.PICTURES` under lessons/images/.
"""
