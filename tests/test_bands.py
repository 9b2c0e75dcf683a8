"""The age bands are declared once (course/data/bands.yaml, read by course/bands.py): the file holds
together, every band has its entry in each per-band table and its label in the content, and no Python
module writes a band id outside the registry and those tables."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from course import bands, nicknames
from course.content import load_course
from course.content.readability import RULES
from course.ui.celebration import CELEBRATION
from tests.conftest import TODAY
from tests.test_languages import written


@pytest.fixture(scope="module")
def course():
    return load_course(today=TODAY)


def test_the_bands_file_holds_together():
    registry = bands.registry()
    assert len(set(registry.ids)) == len(registry.ids) and registry.learners
    assert [entry.id for entry in registry.bands if entry.youngest] == [bands.youngest()]
    assert bands.youngest() == registry.learners[0]
    ages = [bands.ages(band) for band in bands.learners()]
    assert all(first <= last for first, last in ages)
    assert all(younger[1] < older[0] for younger, older in zip(ages, ages[1:], strict=False))
    assert [bands.audience(bands.strand(audience)) for audience in bands.ADULT_AUDIENCES] == [
        "parent",
        "teacher",
    ]
    assert all(bands.ages(band) is None for band in bands.ids() if not bands.is_learner(band))
    assert set(bands.helpline_groups()) == {bands.helpline_group(band) for band in bands.ids()}


# Every table keyed by band id: each names every band, and only bands (course/bands.py TABLES lists them).
TABLES = {
    "course/content/readability.py": [rule.limits for rule in RULES.values()],
    "course/nicknames.py": [nicknames.WORDS_BY_BAND],
    "course/ui/celebration.py": [CELEBRATION],
}


def test_every_band_has_its_entry_in_each_per_band_table():
    assert set(TABLES) == set(bands.TABLES)
    for path, tables in TABLES.items():
        for table in tables:
            assert list(table) == list(bands.ids()), path


def test_every_band_has_its_label_in_the_content(course):
    assert [band.id for band in course.bands] == list(bands.ids())
    assert all(band.audience == bands.audience(band.id) for band in course.bands)


def test_the_content_types_are_built_from_the_file():
    from course.content.models import Helpline, Lesson

    assert Lesson.model_json_schema()["properties"]["ages"]["enum"] == list(bands.ids())
    assert Helpline.model_fields["for_ages"].default_factory() == list(bands.helpline_groups())


FILE = yaml.safe_load(bands.BANDS_FILE.read_text(encoding="utf-8"))


def changed(change) -> dict:
    data = copy.deepcopy(FILE)
    change(data["bands"])
    return data


@pytest.mark.parametrize(
    "change,message",
    [
        (lambda b: b.append(copy.deepcopy(b[0])), "band(s) listed twice: 7-10"),
        (
            lambda b: b[1].update(youngest=True),
            "exactly one band needs youngest: true, the first learner band ('7-10')",
        ),
        (
            lambda b: b[0].pop("youngest"),
            "exactly one band needs youngest: true, the first learner band ('7-10')",
        ),
        (lambda b: b[1].update(ages=[9, 13]), "learner bands go youngest first, without overlap: '11-13'"),
        (lambda b: b.insert(0, b.pop(1)), "learner bands go youngest first, without overlap: '7-10'"),
        (lambda b: b[0].pop("ages"), "band '7-10': a learner band needs its ages, [first, last]"),
        (
            lambda b: b[3].update(ages=[18, 99]),
            "band 'parents': ages, youngest and older_lessons are for learner bands",
        ),
        (lambda b: b[4].update(audience="parent"), "exactly one band is for audience 'parent', found 2"),
        (lambda b: b[0].update(audience="child"), "Input should be 'learner', 'parent' or 'teacher'"),
    ],
)
def test_a_broken_bands_file_is_refused(tmp_path, change, message):
    path = tmp_path / "bands.yaml"
    path.write_text(yaml.safe_dump(changed(change)), encoding="utf-8")
    with pytest.raises(bands.BandsError, match=re.escape(message)):
        bands.read(path)


# Where a band id (or a helpline group) may be written in Python besides the bands file: the per-band
# tables (course/bands.py TABLES), and words that are not bands.
BAND_IDS_ALLOWED = {
    **bands.TABLES,
    "course/ui/routes.py": "the URL paths parents and teachers (URLs, spelt like the adult strands)",
    "course/ui/teacher_access.py": "the secrets section [teachers] (the sign-in settings, not a band)",
}


def test_no_module_writes_a_band_id_outside_its_tables():
    found = written(set(bands.ids()) | set(bands.helpline_groups()))
    assert {path: lines for path, lines in found.items() if path not in BAND_IDS_ALLOWED} == {}
    assert set(BAND_IDS_ALLOWED) <= set(found)  # an entry no longer needed is taken out


def test_a_key_written_twice_in_the_bands_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "bands.yaml"
    text = yaml.safe_dump(FILE, sort_keys=False, allow_unicode=True)
    path.write_text(text + "bands: []\n", encoding="utf-8")
    with pytest.raises(bands.BandsError, match=r"'bands' is written twice"):
        bands.read(path)
