"""Adding an age band is its entry in the bands file, its entries in the per-band tables and its content:
a throwaway learner band '18-21' is added in a temporary tree, then `course check` and a page run on it.

The bands file is read once, when the content types are built: the run happens in a child process that
points `course.bands` at the temporary file before anything else asks it. What is code (the per-band
tables) is registered in-process, in the tables where a real band would add its entry."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import yaml

from course import bands
from tests.conftest import ROOT, VALID

BAND = "18-21"

RUN = f"""
import sys
from pathlib import Path

import course.bands

course.bands.BANDS_FILE = Path(sys.argv[1])

from course import bands, cli, nicknames
from course.classroom.bands import offered_bands, refused
from course.content import load_course
from course.content.readability import RULES
from course.ui.celebration import CELEBRATION
from tests.ui.apptest import open_page, start, texts

for rule in RULES.values():
    rule.limits["{BAND}"] = rule.limits["14-17"]
nicknames.WORDS_BY_BAND["{BAND}"] = nicknames.TEEN_WORDS
CELEBRATION["{BAND}"] = "calm"

content = sys.argv[2]
assert bands.learners() == ("7-10", "11-13", "14-17", "{BAND}"), bands.learners()
assert cli.main(["check", "--strict", "--root", content]) == 0
course = load_course(Path(content))
assert [lesson.id for lesson in course.lessons_for("{BAND}")] == ["demo-{BAND}"]
assert course.helplines("FR", "{BAND}") and offered_bands("{BAND}") == ["{BAND}", "14-17", "11-13", "7-10"]
assert refused("7-10", "{BAND}")
at = open_page(start("en-GB", band="{BAND}"), "learn")
assert not at.exception, at.exception
assert course.band("{BAND}").label.en == "Ages 18–21"
assert "A lesson for 18-21" in texts(at), texts(at)
print("band ok")
"""


def write_yaml(path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_new_band_is_data_plus_its_table_entries(tmp_path):
    listed = yaml.safe_load(bands.BANDS_FILE.read_text(encoding="utf-8"))
    learners = len(bands.learners())
    entry = {"id": BAND, "audience": "learner", "ages": [18, 21], "helplines": BAND}
    listed["bands"].insert(learners, entry)
    write_yaml(tmp_path / "bands.yaml", listed)

    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    topics = yaml.safe_load((content / "course/data/topics.yaml").read_text(encoding="utf-8"))
    label = {"id": BAND, "audience": "learner", "label": {"fr": "18–21 ans", "en": "Ages 18–21"}}
    topics["bands"].insert(learners, label)
    write_yaml(content / "course/data/topics.yaml", topics)
    for folder, suffix in (("lessons", ""), ("quizzes", "-quiz")):
        source = content / folder / "demo" / f"demo-7-10{suffix}.yaml"
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data.update(id=f"demo-{BAND}{suffix}", ages=BAND)
        if folder == "lessons":
            data.update(
                quiz=f"demo-{BAND}-quiz", title={"fr": f"Une leçon pour {BAND}", "en": f"A lesson for {BAND}"}
            )
        write_yaml(source.with_name(f"demo-{BAND}{suffix}.yaml"), data)

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "COURSE_CONTENT_ROOT": str(content),
        "COURSE_DATABASE_URL": f"sqlite:///{tmp_path / 'course.db'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(tmp_path / "bands.yaml"), str(content)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "band ok" in done.stdout
