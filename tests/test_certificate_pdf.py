"""The completion certificate: a one-page PDF with the nickname, the lessons and the date, in each language."""

import datetime
import io

import pytest
from pypdf import PdfReader

from course.certificate import CertificateText, certificate_pdf
from course.locales import t

WHEN = datetime.date(2026, 11, 21)


def labels(lang: str) -> CertificateText:
    return CertificateText(
        heading=t("certificate.heading", lang),
        awarded_to=t("certificate.awarded_to", lang),
        for_completing=t("certificate.for_completing", lang),
        date_label=t("certificate.date_label", lang),
        footer=t("certificate.footer", lang),
    )


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize(
    ("lang", "nickname", "date"),
    [("fr", "Loutre courageuse", "21 novembre 2026"), ("en", "Brave Otter", "21 November 2026")],
)
def test_certificate_in_each_language(lang, nickname, date):
    titles = ["Mes infos perso, ce sont mes clés", "Qui est vraiment derrière l’écran ?"]
    pdf = certificate_pdf(nickname, titles, WHEN, labels(lang), lang)
    assert pdf.startswith(b"%PDF")
    pages, text = text_of(pdf)
    assert pages == 1
    for expected in (nickname, t("certificate.heading", lang), t("certificate.awarded_to", lang), date):
        assert expected in text
    assert "Mes infos perso, ce sont mes clés" in text
    assert "derrière" in text


def test_ten_long_titles_still_fit_on_one_page():
    titles = [
        f"Leçon numéro {n} : savoir à qui parler quand quelque chose t'inquiète en ligne" for n in range(10)
    ]
    pages, text = text_of(certificate_pdf("Renard malin", titles, WHEN, labels("fr"), "fr"))
    assert pages == 1
    assert all(f"Leçon numéro {n}" in text for n in range(10))
