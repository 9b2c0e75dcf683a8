"""The parent-evening handout: every section, the right country's helplines and nobody else's, on A4."""

import dataclasses
import io
import re
import shutil
from functools import cache

import pytest
import yaml
from pypdf import PdfReader

from course.content.loader import load_course
from course.content.models import Text
from course.locales import month_name
from course.pdf.handout import (
    HANDOUT_FILE,
    HandoutError,
    handout_filename,
    handout_pdf,
    handout_title,
    load_handout,
)
from course.pdf.text import plain
from tests.conftest import COUNTRIES

LANGS = ("fr", "en")
A4 = (595.28, 841.89)  # points
TESTED = ("FR", "BE", "CH", "CA", "UK", "US")


@cache
def course():
    return load_course()


@cache
def pdf_of(lang: str, country: str) -> bytes:
    return handout_pdf(lang, country, course())


@cache
def reader(lang: str, country: str) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_of(lang, country)))


def squash(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) made single spaces, ** markers dropped."""
    return " ".join(plain(text).split())


@cache
def text_of(lang: str, country: str) -> str:
    return squash(" ".join(page.extract_text() for page in reader(lang, country).pages))


def lines(country: str):
    return course().helplines(country, "parents")


NUMBER = re.compile(r"\d+(?:[ -]\d+)*")
DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[a-z0-9/-]+)?", re.IGNORECASE)


def numbers_in(text: str) -> set[str]:
    """Phone numbers and short codes of three digits or more ('24/7' and '17' are too ambiguous)."""
    return {number for number in NUMBER.findall(text) if len(re.sub(r"\D", "", number)) >= 3}


def domains_in(text: str) -> set[str]:
    return {domain.lower() for domain in DOMAIN.findall(text) if not domain.replace(".", "").isdigit()}


def appears(needle: str, haystack: str) -> bool:
    """`needle` in `haystack`, not as part of a longer number ('112' is not in '1-800-112-...')."""
    return re.search(rf"(?<![\d-]){re.escape(needle)}(?![\d-])", haystack) is not None


# --------------------------------------------------------------------------------------- the text


def test_the_yaml_is_valid_and_every_text_is_in_both_languages():
    handout = load_handout()
    texts = handout.texts()
    assert len(texts) > 60
    for where, text in texts:
        for lang in LANGS:
            assert text.get(lang).strip(), f"{where}: {lang} missing"
        if not re.fullmatch(r"\{\w+\}", text.fr):  # a bare placeholder is the same in both
            assert text.fr != text.en, f"{where}: the French and the English are the same (not translated?)"
    raw = yaml.safe_load(HANDOUT_FILE.read_text(encoding="utf-8"))
    assert set(raw["countries"]) == set(COUNTRIES)  # every country of the helplines file, no other


def test_an_unknown_field_or_a_missing_language_is_reported_with_its_line(tmp_path):
    broken = tmp_path / "handout.yaml"
    shutil.copy(HANDOUT_FILE, broken)
    text = broken.read_text(encoding="utf-8")
    text = text.replace('\n  en: "Your child online: the essentials"', '\n  eng: "Your child online"', 1)
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(HandoutError) as error:
        load_handout(broken)
    message = str(error.value)
    assert re.search(r"handout\.yaml:\d+:\d+: title: en missing", message), message
    assert "unknown field 'eng'" in message


def test_a_section_printed_with_an_intro_needs_one(tmp_path):
    broken = tmp_path / "handout.yaml"
    raw = yaml.safe_load(HANDOUT_FILE.read_text(encoding="utf-8"))
    del raw["conversations"]["intro"]
    broken.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(HandoutError, match=r"handout\.yaml:\d+:\d+: conversations: intro missing"):
        load_handout(broken)


def test_the_sextortion_steps_need_both_country_texts(tmp_path):
    broken = tmp_path / "handout.yaml"
    text = HANDOUT_FILE.read_text(encoding="utf-8").replace('en: "{removal}"', 'en: "Ask for removal."', 1)
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(HandoutError, match=r"removal"):
        load_handout(broken)


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_country_texts_only_name_that_countrys_services(country):
    """Steps 5 and 6 quote numbers and addresses: they must be the ones in helplines.yaml."""
    local = load_handout().countries[country]
    contacts = " | ".join(line.contact.get(lang) for line in lines(country) for lang in LANGS)
    for lang in LANGS:
        written = local.report.get(lang) + " " + local.removal.get(lang)
        for number in numbers_in(written):
            assert appears(number, contacts), f"{country} {lang}: {number} is not one of its helplines"
        for domain in domains_in(written):
            assert domain in contacts.lower(), f"{country} {lang}: {domain} is not one of its helplines"


# ---------------------------------------------------------------------------------------- the PDF


@pytest.mark.parametrize("country", TESTED)
@pytest.mark.parametrize("lang", LANGS)
def test_every_section_and_every_step_is_printed(lang, country):
    text = text_of(lang, country)
    handout = load_handout()
    country_name = course().countries[country].name.get(lang)
    headings = [
        handout.checklist.heading,
        handout.conversations.heading,
        handout.warning_signs.heading,
        handout.sextortion.heading,
    ]
    for heading in headings:
        assert squash(heading.get(lang)) in text
    assert squash(handout.helplines.heading.get(lang).format(country=country_name)) in text
    for item in handout.checklist.items:
        assert squash(item.get(lang)) in text
    for band in handout.conversations.bands:
        assert squash(band.label.get(lang)) in text
        for starter in band.starters:
            assert squash(starter.get(lang)) in text
    for sign in handout.warning_signs.items:
        assert squash(sign.get(lang)) in text
    local = handout.countries[country]
    for step in handout.sextortion.steps:
        assert squash(step.title.get(lang)) in text
        body = step.body.get(lang).format(report=local.report.get(lang), removal=local.removal.get(lang))
        assert squash(body) in text
    assert "**" not in text and "{" not in text


@pytest.mark.parametrize("country", TESTED)
@pytest.mark.parametrize("lang", LANGS)
def test_the_countrys_helplines_and_their_checked_month_are_printed(lang, country):
    text = text_of(lang, country)
    found = lines(country)
    assert any(line.emergency for line in found), "every country has a 'danger now' number"
    for line in found:
        assert squash(line.contact.get(lang)) in text, line.id
        if not line.emergency:
            assert squash(line.name.get(lang)) in text, line.id
            assert squash(line.purpose.get(lang)) in text, line.id
    handout = load_handout()
    for month in {line.verified for line in found}:
        note = handout.helplines.verified.get(lang).format(month=month_name(month, lang))
        assert squash(note) in text
    assert ("novembre 2026" if lang == "fr" else "November 2026") in text


@pytest.mark.parametrize("country", TESTED)
@pytest.mark.parametrize("lang", LANGS)
def test_the_emergency_number_is_on_every_page(lang, country):
    urgent = [line for line in lines(country) if line.emergency]
    for page in reader(lang, country).pages:
        page_text = squash(page.extract_text())
        for line in urgent:
            assert squash(line.contact.get(lang)) in page_text


@pytest.mark.parametrize("country", TESTED)
@pytest.mark.parametrize("lang", LANGS)
def test_no_other_countrys_numbers_or_addresses_leak_in(lang, country):
    text = text_of(lang, country)
    own = " | ".join(line.contact.get(other) for line in lines(country) for other in LANGS)
    own_ids = {line.id for line in lines(country)}
    for elsewhere in course().countries:
        if elsewhere == country:
            continue
        for line in lines(elsewhere):
            if line.id in own_ids:  # the worldwide services
                continue
            contact = line.contact.get(lang)
            for number in numbers_in(contact) - numbers_in(own):
                assert not appears(number, text), f"{elsewhere}'s {number} in the {country} handout"
            for domain in domains_in(contact) - domains_in(own):
                assert domain not in text.lower(), f"{elsewhere}'s {domain} in the {country} handout"
            if not line.emergency:
                assert squash(line.name.get(lang)) not in text, f"{elsewhere}'s {line.name.get(lang)}"


def test_3018_and_pharos_are_only_on_the_french_handout():
    for lang in LANGS:
        assert "3018" in text_of(lang, "FR") and "Pharos" in text_of(lang, "FR")
        for country in ("UK", "US", "BE", "CA", "CH"):
            assert "3018" not in text_of(lang, country)
            assert "Pharos" not in text_of(lang, country)
            assert "17Cyber" not in text_of(lang, country)


@pytest.mark.parametrize("lang", LANGS)
def test_removal_tools_match_the_country(lang):
    assert "Report Remove" in text_of(lang, "UK")
    assert "Report Remove" not in text_of(lang, "FR")
    canada = "AidezMoiSVP" if lang == "fr" else "NeedHelpNow"
    assert canada in text_of(lang, "CA")
    for country in TESTED:
        assert "Take It Down" in text_of(lang, country)


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("lang", LANGS)
def test_a4_portrait_at_most_two_pages_and_no_small_print(lang, country):
    pages = reader(lang, country).pages
    assert 1 <= len(pages) <= 2
    for page in pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx(A4, abs=0.5)
        stream = page.get_contents().get_data().decode("latin-1")
        sizes = [float(size) for size in re.findall(r"/F\d+ ([\d.]+) Tf", stream)]
        assert sizes and min(sizes) >= 10, f"text smaller than 10 pt: {min(sizes)}"


@pytest.mark.parametrize("lang", LANGS)
def test_title_language_and_determinism(lang):
    pdf = pdf_of(lang, "BE")
    assert pdf.startswith(b"%PDF")
    assert handout_pdf(lang, "BE", course()) == pdf
    metadata = reader(lang, "BE").metadata
    assert metadata.title == handout_title(lang, "BE", course())
    assert metadata.title.endswith("(Belgique)" if lang == "fr" else "(Belgium)")
    assert metadata["/CreationDate"].startswith("D:202611")
    assert f"/Lang ({lang})".encode() in pdf or f"/Lang ({lang}".encode() in pdf


def test_regional_language_tags_and_the_download_name():
    assert handout_pdf("fr-FR", "FR", course()) == pdf_of("fr", "FR")
    assert handout_filename("en", "UK") == "parent-handout-UK-en.pdf"
    assert handout_filename("fr", "BE") == "memo-parents-BE-fr.pdf"


def test_the_handout_prints_the_course_it_is_given():
    """The caller passes the course in: the PDF code loads none of its own (the app's may be elsewhere)."""
    france = course().countries["FR"]
    renamed = france.model_copy(update={"name": Text(fr="Francie", en="Francie")})
    given = dataclasses.replace(course(), countries={**course().countries, "FR": renamed})
    metadata = PdfReader(io.BytesIO(handout_pdf("fr", "FR", given))).metadata
    assert metadata.title.endswith("(Francie)")
    assert handout_title("en", "FR", given).endswith("(Francie)")


@pytest.mark.parametrize(("lang", "country"), [("de", "FR"), ("fr", "DE"), ("en", "fr")])
def test_unknown_language_or_country_is_refused(lang, country):
    with pytest.raises(ValueError):
        handout_pdf(lang, country, course())
