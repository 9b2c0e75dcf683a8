"""The certificate PDF: its text in each language, French typography, metadata, and that everything fits."""

import datetime
import io
from dataclasses import dataclass

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from course.locales import t
from course.pdf.certificate import CertificateText, certificate_pdf
from course.pdf.text import format_date, pdf_safe

WHEN = datetime.date(2026, 11, 21)
MM = 25.4 / 72  # one point in millimetres
A4_LANDSCAPE = (841.89, 595.28)  # points
FRAME = 14  # mm: the inner border; all text stays inside it

FR = CertificateText(
    heading="Certificat",
    awarded_to="décerné à",
    for_completing="pour avoir terminé",
    date_label="Le",
    footer="Bravo ! Tu sais te protéger en ligne. Aucun vrai nom n’est enregistré : seul ton surnom apparaît.",
)
LONG_TITLES = [
    f"Leçon {n} : que faire quand un inconnu t’écrit des messages bizarres dans un jeu en ligne – et à qui en parler"
    for n in range(1, 11)
]


def labels(lang: str) -> CertificateText:
    """The labels the app really uses."""
    return CertificateText(
        heading=t("certificate.heading", lang),
        awarded_to=t("certificate.awarded_to", lang),
        for_completing=t("certificate.for_completing", lang),
        date_label=t("certificate.date_label", lang),
        footer=t("certificate.footer", lang),
    )


def words(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) folded to single spaces."""
    return " ".join(text.split())


def text_of(pdf: bytes) -> str:
    (page,) = PdfReader(io.BytesIO(pdf)).pages  # exactly one page
    return words(page.extract_text())


@dataclass(frozen=True)
class Run:
    """One piece of text on the page, in millimetres from the top-left corner."""

    text: str
    left: float
    right: float
    top: float
    bottom: float

    def overlaps(self, other: "Run") -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


def runs(pdf: bytes) -> list[Run]:
    """Every text run with its box (width from the standard font metrics, height from the font size)."""
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    page_h = float(page.mediabox.height)
    measure = FPDF()
    measure.core_fonts_encoding = "cp1252"
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        base = str(font["/BaseFont"])
        style = ("B" if "Bold" in base else "") + ("I" if "Oblique" in base else "")
        measure.set_font("Helvetica", style, size)
        x, baseline = tm[4] * MM, (page_h - tm[5]) * MM
        width = measure.get_string_width(text.strip("\n"))
        found.append(
            Run(text.strip(), x, x + width, baseline - 0.72 * size * MM, baseline + 0.21 * size * MM)
        )

    page.extract_text(visitor_text=visit)
    return found


def assert_laid_out_cleanly(pdf: bytes) -> list[Run]:
    """One A4 landscape page; every text inside the frame; no two texts on top of each other."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_LANDSCAPE, abs=0.1)
    found = runs(pdf)
    width_mm, height_mm = A4_LANDSCAPE[0] * MM, A4_LANDSCAPE[1] * MM
    for run in found:
        assert FRAME < run.left < run.right < width_mm - FRAME, run
        assert FRAME < run.top < run.bottom < height_mm - FRAME, run
    for i, run in enumerate(found):
        for other in found[i + 1 :]:
            assert not run.overlaps(other), (run, other)
    return found


@pytest.mark.parametrize(
    ("lang", "nickname", "titles", "date"),
    [
        (
            "fr",
            "Loutre courageuse",
            [
                "Mes infos perso, ce sont mes clés",
                "Qui est vraiment derrière l’écran ?",
                "Demander de l'aide",
            ],
            "Le 21 novembre 2026",
        ),
        (
            "en",
            "Brave Otter",
            ["My personal details are my keys", "Who is really behind the screen?", "Asking for help"],
            "On 21 November 2026",
        ),
    ],
)
def test_the_certificate_shows_every_label_the_nickname_the_lessons_and_the_date(
    lang, nickname, titles, date
):
    text = labels(lang)
    pdf = certificate_pdf(nickname, titles, WHEN, text, lang)
    assert pdf.startswith(b"%PDF-")
    shown = text_of(pdf)
    for expected in (text.heading, text.awarded_to, nickname, text.for_completing, *titles, date):
        assert words(expected) in shown
    assert words(text.footer) in shown
    assert_laid_out_cleanly(pdf)


def test_the_parts_come_in_reading_order():
    pdf = certificate_pdf("Loutre courageuse", ["Mes clés", "Mon écran"], WHEN, FR, "fr")
    shown = text_of(pdf)
    order = ["Certificat", "décerné à", "Loutre courageuse", "pour avoir terminé", "Mes clés", "Mon écran"]
    order += ["Le 21 novembre 2026", "Bravo !"]
    positions = [shown.index(part) for part in order]
    assert positions == sorted(positions)


def test_french_typography_is_printed_as_written():
    title = "Cœur d’artichaut – « règles » à l’école… sœurs, garçons, Noël, 5 €"
    shown = text_of(certificate_pdf("Chouette courageuse", [title], WHEN, FR, "fr"))
    assert "Cœur d’artichaut – « règles » à l’école… sœurs, garçons, Noël, 5 €" in shown
    assert "n’est enregistré : seul ton surnom apparaît." in shown


def test_characters_the_font_lacks_become_readable_stand_ins():
    title = "Stop\u202f! Mot\u2011de\u2011passe, 2\u22121 et \U0001f510 Ŵi-Fi"
    pdf = certificate_pdf("Loutre \U0001f9a6 courageuse", [title], WHEN, FR, "fr")
    shown = text_of(pdf)
    assert "Loutre courageuse" in shown
    assert "Stop ! Mot-de-passe, 2-1 et Wi-Fi" in shown


def test_ten_long_titles_fit_on_one_page_without_touching_anything():
    pdf = certificate_pdf("Renard malin", LONG_TITLES, WHEN, labels("fr"), "fr")
    shown = text_of(pdf)
    for title in LONG_TITLES:
        assert words(title) in shown
    found = assert_laid_out_cleanly(pdf)
    date = next(run for run in found if run.text == "Le 21 novembre 2026")
    lessons = [run for run in found if run.text.startswith("Leçon") or "inconnu" in run.text]
    assert all(run.bottom < date.top for run in lessons)


def test_a_long_nickname_and_many_lessons_still_fit():
    nickname = "Hippopotame extraordinairement courageux et très très rigolo du grand océan"
    titles = [f"Leçon {n} : repérer les signaux d’alerte" for n in range(26)]
    pdf = certificate_pdf(nickname, titles, WHEN, labels("fr"), "fr")
    shown = text_of(pdf)
    assert nickname in shown
    assert all(words(title) in shown for title in titles)
    assert_laid_out_cleanly(pdf)


def test_short_lists_are_printed_bigger_than_long_ones():
    def title_size(titles):
        pdf = certificate_pdf("Renard malin", titles, WHEN, FR, "fr")
        (run,) = [run for run in runs(pdf) if run.text.startswith(titles[0][:8])][:1]
        return run.bottom - run.top

    assert title_size(["Mes clés"]) > title_size(LONG_TITLES)


def test_without_lessons_there_is_no_for_completing_line():
    pdf = certificate_pdf("Renard malin", [], WHEN, FR, "fr")
    shown = text_of(pdf)
    assert "Renard malin" in shown and "Le 21 novembre 2026" in shown
    assert "pour avoir terminé" not in shown
    assert_laid_out_cleanly(pdf)


def test_metadata_title_language_and_date():
    reader = PdfReader(io.BytesIO(certificate_pdf("Loutre courageuse", ["Mes clés"], WHEN, FR, "fr")))
    assert reader.metadata.title == "Certificat – Loutre courageuse"
    assert reader.metadata.creation_date.date() == WHEN
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    english = certificate_pdf("Brave Otter", ["My keys"], WHEN, labels("en"), "en")
    assert PdfReader(io.BytesIO(english)).trailer["/Root"]["/Lang"] == "en"


def test_the_same_certificate_gives_the_same_bytes():
    first = certificate_pdf("Loutre courageuse", LONG_TITLES, WHEN, FR, "fr")
    assert certificate_pdf("Loutre courageuse", LONG_TITLES, WHEN, FR, "fr") == first
    assert certificate_pdf("Loutre courageuse", LONG_TITLES, WHEN.replace(day=22), FR, "fr") != first


@pytest.mark.parametrize(
    ("when", "lang", "expected"),
    [
        (datetime.date(2026, 11, 21), "fr", "21 novembre 2026"),
        (datetime.date(2027, 1, 1), "fr", "1er janvier 2027"),
        (datetime.date(2026, 8, 15), "fr-FR", "15 août 2026"),
        (datetime.date(2026, 11, 21), "en", "21 November 2026"),
        (datetime.date(2027, 1, 1), "en_GB", "1 January 2027"),
    ],
)
def test_dates_are_written_in_the_language(when, lang, expected):
    assert format_date(when, lang) == expected


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="'de'"):
        certificate_pdf("Loutre courageuse", ["Mes clés"], WHEN, FR, "de")


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        (
            "Élève, cœur, Œuvre, « à bientôt », l’été – fin… 5 €",
            "Élève, cœur, Œuvre, « à bientôt », l’été – fin… 5 €",
        ),
        ("Attention\u202f!", "Attention\u00a0!"),
        ("non\u2011merci \u2212 ok", "non-merci - ok"),
        ("Loutre \U0001f9a6 courageuse \u2b50\ufe0f", "Loutre courageuse"),
        ("Łódź, Ŵales", "Lódz, Wales"),
        ("ligne 1\nligne 2\tfin\x00", "ligne 1 ligne 2 fin"),
        ("e\u0301te\u0301", "été"),  # decomposed accents are recomposed
    ],
)
def test_pdf_safe(raw, safe):
    assert pdf_safe(raw) == safe
