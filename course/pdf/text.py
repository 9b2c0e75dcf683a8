"""Text as the standard PDF fonts can print it: characters, no-break spaces, dates, fpdf2's markdown.

The PDFs use the standard Helvetica font that every PDF viewer has built in, with the Windows-1252
("WinAnsi") encoding. Nothing is embedded, so they work on any machine after `pip install` alone, and all
French text renders natively: é è à ç ù ê ï, œ Œ, « », ’ “ ”, – —, … and €. The few characters outside
that set are mapped to safe equivalents by `pdf_safe` (narrow no-break space -> no-break space, non-breaking
hyphen -> hyphen, accented letters of other languages -> their base letter) and emoji are dropped.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable

from fpdf import FPDF

from course import languages, locales
from course.content.typography import SPACING

ENCODING = "cp1252"  # what the standard PDF fonts' WinAnsiEncoding can show
NBSP = "\u00a0"

# Characters outside Windows-1252 that have an obvious stand-in; the rest go through NFKD (é-like
# letters of other languages lose their accent) and whatever still cannot be shown is dropped.
REPLACEMENTS = {
    "\u202f": "\u00a0",  # narrow no-break space (French « guillemets » and ; : ! ?) -> no-break space
    "\u2007": "\u00a0",  # figure space
    "\u2060": "",  # word joiner
    "\u200b": "",  # zero-width space
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner (inside emoji sequences)
    "\ufeff": "",  # byte order mark
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "\u2013",  # figure dash -> en dash
    "\u2015": "\u2014",  # horizontal bar -> em dash
    "\u2212": "-",  # minus sign
    "\u2043": "-",  # hyphen bullet
    "\u2032": "'",  # prime
    "\u2033": '"',  # double prime
    "\u201b": "\u2018",  # reversed single quotation mark
    "\u201f": "\u201c",  # reversed double quotation mark
    "\u2028": " ",  # line separator
    "\u2029": " ",  # paragraph separator
    "\u0141": "L",  # letters with a stroke have no decomposition: Ł ł Đ đ ı
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0131": "i",
}


def _showable(char: str) -> bool:
    try:
        char.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def pdf_safe(text: str) -> str:
    """`text` with only characters the standard PDF fonts can show, on one line.

    French is kept as is (é, à, ç, œ, « », ’, –, …); typographic spaces and hyphens outside Windows-1252
    become their plain equivalents, other accented letters lose their accent, emoji are dropped.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in REPLACEMENTS:
            out.append(REPLACEMENTS[char])
        elif char in "\t\n\r\v\f":
            out.append(" ")
        elif _showable(char):
            if unicodedata.category(char) != "Cc":  # other control characters
                out.append(char)
        else:
            out.extend(
                part
                for part in unicodedata.normalize("NFKD", char)
                if _showable(part) and not unicodedata.combining(part) and unicodedata.category(part) != "Cc"
            )
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def keep_together(text: str) -> str:
    """No line break inside « guillemets » or before ; : ! ? (French spacing): those spaces turn no-break."""
    return re.sub(r" (?=[»;:!?])", NBSP, text.replace("« ", "«" + NBSP))


_GLUED = [
    (re.compile(r"(?<=\d) (?=\d)"), NBSP),  # 0800 1111, 116 000: a number never breaks
    (re.compile(r"(?<=\d) (?=(h/|j/|ans\b))"), NBSP),  # 24 h/24, 7 j/7, 13 ans
    (re.compile(r"(?<=\b[Pp]age) (?=\d)"), NBSP),
]


def typeset(text: str, lang: str) -> str:
    """`text` made printable (`pdf_safe`) with no-break spaces where a line must not break."""
    text = pdf_safe(text)
    for pattern, replacement in _GLUED:
        text = pattern.sub(replacement, text)
    spacing = SPACING.get(lang)  # « Bonjour ! » keeps its punctuation on the line
    return spacing.fix(text) if spacing else text


def literal(text: str) -> str:
    """`text` escaped so that fpdf2's markdown prints it as is ('--' stays two hyphens)."""
    for marker in FPDF.MARKDOWN_MARKERS:
        text = text.replace(marker, "\\" + marker)
    return text


def plain(text: str) -> str:
    """The text as a reader sees it: no ** markers (for metadata and tests)."""
    return text.replace("**", "")


def base_language(lang: str, known: Iterable[str], refusal: str) -> str:
    """'fr-FR' or 'fr_FR' -> 'fr'; ValueError "{refusal} 'de' (known: fr, en)" when not in `known`."""
    base = lang.replace("_", "-").split("-")[0].lower()
    known = tuple(known)
    if base not in known:
        raise ValueError(f"{refusal} {lang!r} (known: {', '.join(known)})")
    return base


def format_date(when: datetime.date, lang: str) -> str:
    """'21 novembre 2026' (and '1er novembre 2026') / '21 November 2026'."""
    return locales.format_date(when, base_language(lang, languages.codes(), "unknown language"))
