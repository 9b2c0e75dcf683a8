"""The recurring cast of each band: the same faces come back from lesson to lesson.

7–10 are drawn as children, 11–13 and 14–17 as young teens and teens, grown-ups taller. Nobody is a
real person; for 7–10 no one who causes harm is ever drawn (the guide, §2): only the child, friends,
their grown-ups and a screen.
"""

from __future__ import annotations

from course.pictures.draw import Person

# Skin tones, light to deep.
SKIN = ("#f8d9c4", "#eab98f", "#c98e62", "#9c6542", "#6e4330")

# 7–10: Léa, Mila, Nour and Tom, as the lessons name them.
LEA = Person(SKIN[0], "ponytail", "#8a5a2b", "#f5b82e", "#4f6fb3", "child")
MILA = Person(SKIN[3], "puffs", "#2b1d16", "#9d7bea", "#3d5a8a", "child")
NOUR = Person(SKIN[1], "long", "#3a2618", "#3fb58a", "#6b4f8a", "child")
TOM = Person(SKIN[4], "crop", "#1d1410", "#3b82d6", "#4a4a5e", "child", glasses=True)

# Their grown-ups.
MUM = Person(SKIN[0], "bun", "#8a5a2b", "#e0608e", "#3d4a6b", "adult")
DAD = Person(SKIN[3], "short", "#2b1d16", "#4f9fd8", "#3d3a4b", "adult")
GRAN = Person(SKIN[4], "bun", "#c9c6d6", "#9d7bea", "#3d3a4b", "adult")
TEACHER = Person(SKIN[2], "long", "#5a3620", "#f08a4b", "#4a5a7a", "adult", glasses=True)

# 11–13.
MAYA = Person(SKIN[1], "long", "#2b1d16", "#e0608e", "#3d5a8a", "tween")
JULES = Person(SKIN[0], "curly", "#c9782e", "#3fb58a", "#3d3a4b", "tween")
INES = Person(SKIN[2], "hijab", "#5b6bc9", "#f5b82e", "#3d4a6b", "tween")
LINA = Person(SKIN[4], "puffs", "#1d1410", "#9d7bea", "#4f6fb3", "tween")
AUNT = Person(SKIN[1], "long", "#2b1d16", "#4f9fd8", "#3d3a4b", "adult")

# 14–17.
JADE = Person(SKIN[0], "ponytail", "#c9782e", "#9d7bea", "#3d3a4b", "teen")
YANIS = Person(SKIN[2], "short", "#1d1410", "#f08a4b", "#3d5a8a", "teen")
AMIR = Person(SKIN[4], "crop", "#1d1410", "#3fb58a", "#4a4a5e", "teen")
CAMILLE = Person(SKIN[3], "curly", "#2b1d16", "#e0608e", "#4f6fb3", "teen", glasses=True)
COUNSELLOR = Person(SKIN[3], "short", "#6b6880", "#8a9bb0", "#3d3a4b", "adult", glasses=True)

# Parents' lessons: a parent and a child at home.
PARENT = Person(SKIN[2], "short", "#3a2618", "#3fb58a", "#3d4a6b", "adult")
