from __future__ import annotations

import json
from datetime import date

from eventwire.ingest import document_id, read_inputs, read_jsonl_documents
from eventwire.models import Document, Skip

from .conftest import DE_PARAGRAPH, EN_PARAGRAPH, FR_TEXT


def write_jsonl(path, *lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields):
    return json.dumps(fields, ensure_ascii=False)


def test_read_jsonl_documents_bad_line_yields_good_docs_and_a_skip(tmp_path):
    batch = write_jsonl(
        tmp_path / "batch.jsonl",
        record(id="a", text=FR_TEXT),
        '{"id": "b", "text": "unterminated',
        record(id="c", text=EN_PARAGRAPH),
    )
    first, bad, third = read_jsonl_documents(batch)
    assert isinstance(first, Document) and first.external_id == "a" and first.lang == "fr"
    assert bad == Skip(origin=f"{batch}:2", reason="bad_json", detail=bad.detail)
    assert "\n" not in bad.detail
    assert isinstance(third, Document) and third.external_id == "c" and third.lang == "en"
    assert third.origin == f"{batch}:3"


def test_read_jsonl_documents_maps_fields(tmp_path):
    batch = write_jsonl(
        tmp_path / "b.jsonl",
        record(
            id=7,
            text=FR_TEXT,
            title="Drones abattus",
            url="https://example.org/a",
            source="Agence",
            published="2023-10-18",
            lang="fr",
            extra="ignored",
        ),
    )
    (document,) = read_jsonl_documents(batch, published=date(2024, 1, 1))
    assert isinstance(document, Document)
    assert document.id == document_id(FR_TEXT)
    assert document.external_id == "7"
    assert (document.title, document.url, document.outlet) == (
        "Drones abattus",
        "https://example.org/a",
        "Agence",
    )
    assert document.published == date(2023, 10, 18)


def test_read_jsonl_documents_default_date_and_datetime_values(tmp_path):
    batch = write_jsonl(
        tmp_path / "b.jsonl",
        record(text=FR_TEXT),
        record(text=EN_PARAGRAPH, published="2023-10-18T23:30:00Z"),
    )
    first, second = read_jsonl_documents(batch, published=date(2024, 1, 1))
    assert first.published == date(2024, 1, 1)
    assert second.published == date(2023, 10, 18)


def test_read_jsonl_documents_html_record(tmp_path):
    html = (
        "<html><head><title>Drones</title>"
        "<meta property='og:site_name' content='Le Journal'></head>"
        f"<body><article><p>{FR_TEXT}</p></article></body></html>"
    )
    batch = write_jsonl(tmp_path / "b.jsonl", record(id="h", html=html, published="2023-10-18"))
    (document,) = read_jsonl_documents(batch)
    assert isinstance(document, Document)
    assert document.outlet == "Le Journal"
    assert document.published == date(2023, 10, 18)
    assert "<p>" not in document.text


def test_read_jsonl_documents_bad_records(tmp_path):
    batch = write_jsonl(
        tmp_path / "b.jsonl",
        "[1, 2]",
        record(id="no-text", title="x"),
        record(text=FR_TEXT, published="18/10/2023"),
        record(text=42),
        record(text=FR_TEXT, title=["a"]),
    )
    skips = list(read_jsonl_documents(batch))
    assert [s.reason for s in skips] == ["bad_record", "bad_record", "bad_date", "bad_record", "bad_record"]
    assert [s.origin for s in skips] == [f"{batch}:{n}" for n in range(1, 6)]
    assert "published" in skips[2].detail and "18/10/2023" in skips[2].detail


def test_read_jsonl_documents_blank_lines_and_bom_are_ignored(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(
        b"\xef\xbb\xbf" + record(text=FR_TEXT).encode() + b"\n\n  \n" + record(text=EN_PARAGRAPH).encode()
    )
    results = list(read_jsonl_documents(batch))
    assert [type(r) for r in results] == [Document, Document]
    assert results[1].origin == f"{batch}:4"


def test_read_jsonl_documents_line_checks(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(
        b"\n".join(
            [
                record(text="x" * 500).encode(),  # over max_bytes
                record(text=FR_TEXT).encode(),
                b'{"text": "caf\xe9 au lait, une attaque a eu lieu"}',  # not UTF-8
                record(text=DE_PARAGRAPH).encode(),
                record(text="   ").encode(),
            ]
        )
    )
    results = list(read_jsonl_documents(batch, max_bytes=400))
    assert [getattr(r, "reason", "ok") for r in results] == [
        "too_large",
        "ok",
        "encoding",
        "unsupported_language",
        "empty",
    ]


def test_read_jsonl_documents_missing_file(tmp_path):
    (skip,) = read_jsonl_documents(tmp_path / "nope.jsonl")
    assert skip.reason == "not_found"


def test_read_inputs_dispatches_jsonl_by_extension(tmp_path):
    batch = write_jsonl(tmp_path / "b.jsonl", record(id="a", text=FR_TEXT), record(id="b", text=EN_PARAGRAPH))
    assert [d.external_id for d in read_inputs([batch])] == ["a", "b"]


def test_read_jsonl_documents_reads_feed_and_written_dates(tmp_path):
    batch = write_jsonl(
        tmp_path / "b.jsonl",
        record(id="rss", text=EN_PARAGRAPH, published="Tue, 13 Dec 2016 08:00:00 GMT"),
        record(id="en", text=EN_PARAGRAPH + " More.", published="Dec 13, 2016"),
        record(id="fr", text=FR_TEXT, published="mardi 13 décembre 2016"),
        record(id="bad", text=FR_TEXT, published="le mardi d'avant"),
    )
    *documents, bad = read_jsonl_documents(batch, published=date(2024, 1, 1))
    assert [(d.external_id, d.published) for d in documents] == [
        ("rss", date(2016, 12, 13)),
        ("en", date(2016, 12, 13)),
        ("fr", date(2016, 12, 13)),
    ]
    assert bad.reason == "bad_date" and "le mardi d'avant" in bad.detail and "ISO 8601" in bad.detail


def test_read_jsonl_hostile_json_lines_are_skips(tmp_path):
    # fuzzing (benchmarks/fuzz.py): deep nesting raised RecursionError, a 5,000-digit integer
    # ValueError, and each aborted the whole batch
    batch = write_jsonl(
        tmp_path / "hostile.jsonl",
        '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": 1, "text": 1' + "0" * 5000 + "}",
        record(id="c", text=EN_PARAGRAPH),
    )
    deep, digits, good = read_jsonl_documents(batch)
    assert (deep.reason, digits.reason) == ("bad_json", "bad_json")
    assert deep.detail and digits.detail and "\n" not in deep.detail + digits.detail
    assert isinstance(good, Document)


def test_read_jsonl_blank_file_is_an_empty_skip(tmp_path):
    # fuzzing: a JSONL input of blank lines was neither read nor skipped (nothing came out)
    blank = tmp_path / "blank.jsonl"
    blank.write_bytes(b"\n  \r\n")
    assert [(s.origin, s.reason) for s in read_jsonl_documents(blank)] == [(str(blank), "empty")]
