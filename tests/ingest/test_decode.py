from __future__ import annotations

import codecs
import logging

from eventwire.ingest import decode_bytes, looks_like_html, read_inputs
from eventwire.models import Document, Skip

from .conftest import FR_TEXT


def test_decode_bytes_utf8():
    assert decode_bytes(FR_TEXT.encode("utf-8"), origin="a") == FR_TEXT


def test_decode_bytes_utf8_with_bom():
    assert decode_bytes(codecs.BOM_UTF8 + FR_TEXT.encode("utf-8"), origin="a") == FR_TEXT


def test_decode_bytes_utf16_with_bom_both_byte_orders():
    assert decode_bytes(FR_TEXT.encode("utf-16"), origin="a") == FR_TEXT
    assert decode_bytes(codecs.BOM_UTF16_BE + FR_TEXT.encode("utf-16-be"), origin="a") == FR_TEXT


def test_decode_bytes_empty():
    skip = decode_bytes(b"", origin="a")
    assert isinstance(skip, Skip) and skip.reason == "empty"


def test_decode_bytes_nul_bytes_are_binary():
    skip = decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", origin="img.txt")
    assert isinstance(skip, Skip)
    assert (skip.origin, skip.reason) == ("img.txt", "binary")


def test_decode_bytes_mostly_control_bytes_are_binary():
    data = bytes(range(1, 256)) * 4  # no NUL, ~11% control bytes
    skip = decode_bytes(data, origin="blob")
    assert isinstance(skip, Skip) and skip.reason == "binary"


def test_decode_bytes_utf16_without_bom_is_binary():
    skip = decode_bytes(FR_TEXT.encode("utf-16-le"), origin="a")
    assert isinstance(skip, Skip) and skip.reason == "binary"


def test_decode_bytes_accepts_plausible_cp1252_with_warning(caplog):
    text = "L’armée a déjoué mercredi une attaque « sans précédent » près de la frontière."
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest.decode"):
        assert decode_bytes(text.encode("cp1252"), origin="old.txt") == text
    assert "old.txt" in caplog.text and "Windows-1252" in caplog.text


def test_decode_bytes_refuses_cyrillic_8bit_as_encoding():
    data = "Три беспилотника были сбиты в среду на западе Ирака.".encode("cp1251")
    skip = decode_bytes(data, origin="ru.txt")
    assert isinstance(skip, Skip)
    assert skip.reason == "encoding"
    assert "not UTF-8" in skip.detail and "\n" not in skip.detail


def test_decode_bytes_refuses_bytes_undefined_in_cp1252():
    skip = decode_bytes(b"Une attaque \x81\x8d a eu lieu mercredi.", origin="a")
    assert isinstance(skip, Skip) and skip.reason == "encoding"


def test_decode_bytes_broken_utf16_bom_is_encoding():
    skip = decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", origin="a")  # lone surrogate
    assert isinstance(skip, Skip) and skip.reason == "encoding"


def test_looks_like_html():
    assert looks_like_html("\n  <!DOCTYPE html><html><body></body></html>")
    assert looks_like_html("<HTML lang='fr'>")
    assert looks_like_html('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')
    assert not looks_like_html("Des drones <b>ont</b> visé une base.")


def test_read_inputs_reads_files_in_other_encodings(tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(FR_TEXT.encode("utf-16"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes(FR_TEXT.encode("cp1252"))
    first, second = read_inputs([utf16, latin])
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == second.id
