from __future__ import annotations

from pathlib import Path

import eventwire
from eventwire.ingest import (
    document_id,
    normalize_text,
    read_inputs,
    read_text_document,
    strip_repeated_paragraphs,
)
from eventwire.models import Document, Skip

from .conftest import DE_PARAGRAPH, EN_PARAGRAPH, FR_PARAGRAPH, FR_SECOND, FR_TEXT

SAMPLE = Path(eventwire.__file__).parent / "sample" / "afp_2023-10-18_drones_iraq.txt"


def test_normalize_text_unifies_line_ends_and_strips_invisibles():
    raw = "\ufeffPremière ligne  \r\nseconde\u200b ligne\t\r\n\r\n\r\n\r\n\u00a0 \nSuite\u2060.\r"
    assert normalize_text(raw) == "Première ligne\nseconde ligne\n\nSuite."


def test_normalize_text_collapses_blank_lines_to_one():
    assert normalize_text("\n\nA\n\n\n\n\nB\n \n \nC\n\n") == "A\n\nB\n\nC"


def test_normalize_text_keeps_typographic_quotes_and_nbsp():
    text = "l’armée a dit «\u00a0non\u00a0» : “no”\u202f!"
    assert normalize_text(text) == text


def test_normalize_text_composes_to_nfc():
    assert normalize_text("de\u0301ja\u0300") == "déjà"


def test_strip_repeated_paragraphs_drops_later_repeat():
    text = f"{FR_PARAGRAPH}\n\n{FR_SECOND}\n\n{FR_PARAGRAPH.upper()}"
    assert strip_repeated_paragraphs(text) == f"{FR_PARAGRAPH}\n\n{FR_SECOND}"


def test_strip_repeated_paragraphs_ignores_whitespace_differences():
    rewrapped = FR_PARAGRAPH.replace(" une base ", "  une\nbase ")
    text = f"{FR_PARAGRAPH}\n\n{rewrapped}"
    assert strip_repeated_paragraphs(text) == FR_PARAGRAPH


def test_strip_repeated_paragraphs_keeps_short_lines():
    text = f"AFP\n\n{FR_PARAGRAPH}\n\nAFP\n\nExtension du conflit ?\n\nExtension du conflit ?"
    assert strip_repeated_paragraphs(text) == text


def test_document_id_same_text_twice_gives_same_id():
    assert document_id(FR_TEXT) == document_id(str(FR_TEXT))
    assert len(document_id(FR_TEXT)) == 16
    assert document_id(FR_TEXT) != document_id(EN_PARAGRAPH)


def test_document_id_crlf_and_lf_give_same_id():
    assert document_id(FR_TEXT.replace("\n", "\r\n")) == document_id(FR_TEXT)


def test_document_id_ignores_repeated_paragraph():
    assert document_id(f"{FR_TEXT}\n\n{FR_PARAGRAPH}") == document_id(FR_TEXT)


def test_read_text_document_builds_document():
    document = read_text_document(FR_TEXT.replace("\n", "\r\n"), origin="a.txt")
    assert isinstance(document, Document)
    assert document.text == f"{FR_PARAGRAPH}\n\n{FR_SECOND}"
    assert document.id == document_id(FR_TEXT)
    assert document.lang == "fr"
    assert document.origin == "a.txt"
    assert document.title is None  # never guessed from the first line


def test_read_text_document_keeps_given_metadata():
    document = read_text_document(
        EN_PARAGRAPH, origin="x", title=" Drones  shot down ", url="https://e.org/a", outlet="Wire"
    )
    assert isinstance(document, Document)
    assert (document.title, document.url, document.outlet) == (
        "Drones shot down",
        "https://e.org/a",
        "Wire",
    )


def test_read_text_document_whitespace_only_is_empty():
    skip = read_text_document(" \n\t\r\n\u200b \n", origin="blank.txt")
    assert isinstance(skip, Skip)
    assert (skip.origin, skip.reason) == ("blank.txt", "empty")


def test_read_text_document_too_short():
    skip = read_text_document("Frappe à Kidal.", origin="short.txt")
    assert isinstance(skip, Skip)
    assert skip.reason == "too_short"
    assert skip.document_id == document_id("Frappe à Kidal.")


def test_read_text_document_skips_german_naming_it():
    skip = read_text_document(DE_PARAGRAPH, origin="de.txt")
    assert isinstance(skip, Skip)
    assert skip.reason == "unsupported_language"
    assert skip.detail == "detected German (de); eventwire supports fr, en"


def test_read_text_document_trusts_declared_supported_lang():
    document = read_text_document(FR_TEXT, origin="x", lang="EN-gb")
    assert isinstance(document, Document)
    assert document.lang == "en"


def test_read_text_document_skips_declared_unsupported_lang():
    skip = read_text_document(FR_TEXT, origin="x", lang="de")
    assert isinstance(skip, Skip)
    assert skip.reason == "unsupported_language"
    assert skip.detail == "declared German (de); eventwire supports fr, en"


def test_read_inputs_sample_dispatch_keeps_repeated_paragraph_once():
    (document,) = read_inputs([SAMPLE])
    assert isinstance(document, Document)
    repeated = "Quelque 2500 militaires américains et un millier de soldats"
    assert SAMPLE.read_text(encoding="utf-8").count(repeated) == 2
    assert document.text.count(repeated) == 1
    assert document.lang == "fr"
    assert document.id == document_id(SAMPLE.read_text(encoding="utf-8"))


def test_read_inputs_same_dispatch_twice_gives_same_id(tmp_path):
    lf = tmp_path / "lf.txt"
    crlf = tmp_path / "crlf.txt"
    lf.write_bytes(FR_TEXT.encode())
    crlf.write_bytes(FR_TEXT.replace("\n", "\r\n").encode())
    first, second, again = read_inputs([lf, crlf, lf])
    assert first.id == second.id == again.id
    assert first.origin == str(lf) and second.origin == str(crlf)
