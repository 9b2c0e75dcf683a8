"""Every picture of the course: its file under lessons/images/ and the scene it is drawn from.

The lessons name these files in their steps (`picture: {src: images/<file>, alt: …}`), with the alt
text in every language; `python -m course.pictures` writes the files again from this table, and a test
checks the committed files are what it draws.
"""

from __future__ import annotations

from collections.abc import Callable

from course.pictures import scenes as s
from course.pictures.cast import (
    AMIR,
    AUNT,
    CAMILLE,
    COUNSELLOR,
    DAD,
    GRAN,
    INES,
    JADE,
    JULES,
    LEA,
    LINA,
    MAYA,
    MILA,
    MUM,
    NOUR,
    PARENT,
    TEACHER,
    TOM,
    YANIS,
)

CHILDREN = [LEA, MILA, NOUR, TOM]

PICTURES: dict[str, Callable[[], str]] = {
    # 7–10: grooming (Léa plays Magic Islands, tells her dad)
    "grooming-7-10-playing.svg": lambda: s.with_chat(
        LEA, [("them", "star"), ("me", ""), ("them", "smile")], mood="smile", sky="green"
    ),
    "grooming-7-10-signs.svg": lambda: s.thinking(NOUR, ["gift", "lock", "pin"]),
    "grooming-7-10-tells-dad.svg": lambda: s.tell(LEA, DAD, "gem"),
    "grooming-7-10-friends.svg": lambda: s.together(CHILDREN, ["star", "heart", "shield"]),
    # 7–10: getting help (Mila tells her teacher; Tom's helping hand; Nour calls a helpline)
    "getting-help-7-10-worry.svg": lambda: s.with_chat(
        MILA, [("them", ""), ("them", "worried")], mood="worried"
    ),
    "getting-help-7-10-tells-teacher.svg": lambda: s.tell(MILA, TEACHER, "worried"),
    "getting-help-7-10-hand.svg": lambda: s.helping_hand(TOM, [MUM, TEACHER, DAD, GRAN]),
    "getting-help-7-10-helpline.svg": lambda: s.phone_call(NOUR),
    "getting-help-7-10-friends.svg": lambda: s.together(CHILDREN, ["heart", "handset", "star"]),
    # 7–10: personal details (Tom and Nour chat; Mila's post)
    "personal-details-7-10-what.svg": lambda: s.thinking(MILA, ["house", "pin", "picture"]),
    "personal-details-7-10-keys.svg": lambda: s.thinking(TOM, ["key", "house", "lock"], sky="warm"),
    "personal-details-7-10-chat.svg": lambda: s.with_chat(
        TOM, [("me", "smile"), ("them", "star"), ("me", "lock")], mood="smile", sky="green"
    ),
    "personal-details-7-10-help-mila.svg": lambda: s.tell(MILA, NOUR, "picture", "check", sky="green"),
    "personal-details-7-10-friends.svg": lambda: s.together(CHILDREN, ["key", "lock", "star"]),
    # 7–10: privacy settings (Mila and her dad set up her account)
    "privacy-settings-7-10-doors.svg": lambda: s.thinking(MILA, ["house", "lock", "eye"], sky="violet"),
    "privacy-settings-7-10-grown-up.svg": lambda: s.settings([MILA, DAD], [True, False, True, True]),
    "privacy-settings-7-10-rules.svg": lambda: s.thinking(TOM, ["star", "key", "smile"], sky="green"),
    "privacy-settings-7-10-friends.svg": lambda: s.together([MILA, DAD, TOM], ["lock", "star", "heart"]),
    # 7–10: sextortion, taught as "someone asks for pictures or the camera: stop and tell"
    "sextortion-7-10-camera.svg": lambda: s.screen(
        NOUR, ["camera", "smile", "heart"], mark="star", sky="green"
    ),
    "sextortion-7-10-stop.svg": lambda: s.say_no(TOM, [("them", ""), ("them", "camera")]),
    "sextortion-7-10-nour-blocks.svg": lambda: s.say_no(
        NOUR, [("them", "smile"), ("them", "camera"), ("me", "cross")], sign="block"
    ),
    "sextortion-7-10-tells-mum.svg": lambda: s.tell(NOUR, MUM, "camera"),
    "sextortion-7-10-friends.svg": lambda: s.together(CHILDREN, ["shield", "heart", "star"]),
    # 7–10: AI fakes (Léa and the made-up picture, told to her mum)
    "ai-fakes-7-10-computer.svg": lambda: s.screen(LEA, ["picture", "wand", "sparkle"], mark="sparkle"),
    "ai-fakes-7-10-looks-real.svg": lambda: s.screen(NOUR, ["picture", "question", "eye"], sky="calm"),
    "ai-fakes-7-10-tells-mum.svg": lambda: s.tell(LEA, MUM, "picture"),
    "ai-fakes-7-10-friends.svg": lambda: s.together([LEA, NOUR], ["heart", "star"], sky="warm"),
    # 11–13
    "grooming-11-13-block.svg": lambda: s.say_no(
        MAYA, [("them", "heart"), ("them", "lock"), ("them", "pin")], sign="block"
    ),
    "grooming-11-13-tells-aunt.svg": lambda: s.tell(MAYA, AUNT, "flag"),
    "getting-help-11-13-tells-teacher.svg": lambda: s.tell(JULES, TEACHER, "worried"),
    "getting-help-11-13-helpline.svg": lambda: s.phone_call(LINA),
    "personal-details-11-13-jigsaw.svg": lambda: s.thinking(MAYA, ["puzzle", "house", "clock"]),
    "personal-details-11-13-fix.svg": lambda: s.settings([JULES], [False, True, True], badge="check"),
    "privacy-settings-11-13-checks.svg": lambda: s.settings([LINA, INES], [True, True, True, False]),
    "privacy-settings-11-13-location.svg": lambda: s.thinking(LINA, ["pin", "cross", "eye"], sky="violet"),
    "sextortion-11-13-says-no.svg": lambda: s.say_no(
        LINA, [("them", ""), ("them", "camera"), ("me", "cross")]
    ),
    "sextortion-11-13-gets-help.svg": lambda: s.tell(LINA, TEACHER, "worried"),
    "ai-fakes-11-13-support.svg": lambda: s.group_chat(
        [("them", ""), ("them", "picture"), ("me", "heart")], [MAYA, INES]
    ),
    "ai-fakes-11-13-head-of-year.svg": lambda: s.tell(INES, TEACHER, "picture"),
    # 14–17
    "grooming-14-17-chat.svg": lambda: s.with_chat(
        JADE, [("them", "heart"), ("me", "smile"), ("them", "camera")], sky="violet"
    ),
    "grooming-14-17-friend.svg": lambda: s.tell(YANIS, AMIR, "worried", sky="calm"),
    "getting-help-14-17-who.svg": lambda: s.helping_hand(CAMILLE, [PARENT, TEACHER, COUNSELLOR, AUNT]),
    "getting-help-14-17-not-in-trouble.svg": lambda: s.tell(JADE, COUNSELLOR, "worried"),
    "personal-details-14-17-jigsaw.svg": lambda: s.thinking(YANIS, ["puzzle", "pin", "clock"]),
    "personal-details-14-17-threat.svg": lambda: s.say_no(
        JADE, [("them", "house"), ("them", "clock")], sign="block"
    ),
    "privacy-settings-14-17-checklist.svg": lambda: s.settings([CAMILLE], [True, False, True, True, False]),
    "privacy-settings-14-17-update.svg": lambda: s.settings([AMIR], [True, True, False, True], badge="clock"),
    "sextortion-14-17-stop.svg": lambda: s.say_no(AMIR, [("them", ""), ("them", "clock"), ("them", "gift")]),
    "sextortion-14-17-tells.svg": lambda: s.tell(AMIR, PARENT, "worried", "shield"),
    "ai-fakes-14-17-group.svg": lambda: s.group_chat(
        [("them", ""), ("them", "picture"), ("me", "flag")], [JADE, YANIS]
    ),
    "ai-fakes-14-17-help.svg": lambda: s.phone_call(CAMILLE),
}
