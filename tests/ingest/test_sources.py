from __future__ import annotations

import io
import json
import sys
import tracemalloc
from datetime import date

from eventwire.ingest import MAX_INPUT_BYTES, read_inputs, read_stdin
from eventwire.models import Document, Skip

from .conftest import DE_PARAGRAPH, EN_PARAGRAPH, FR_TEXT


def test_read_inputs_missing_path_is_not_found(tmp_path):
    missing = tmp_path / "nope.txt"
    (skip,) = read_inputs([missing])
    assert skip == Skip(origin=str(missing), reason="not_found", detail=skip.detail)


def test_read_inputs_skips_50mb_file_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no disk used, and all NUL if it were read
    tracemalloc.start()
    try:
        (skip,) = read_inputs([huge])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(skip, Skip)
    assert skip.reason == "too_large"
    assert str(MAX_INPUT_BYTES) in skip.detail
    assert peak < 1024 * 1024


def test_read_inputs_max_bytes_is_configurable(tmp_path):
    small = tmp_path / "a.txt"
    small.write_text(FR_TEXT, encoding="utf-8")
    (skip,) = read_inputs([small], max_bytes=50)
    assert isinstance(skip, Skip) and skip.reason == "too_large"


def test_read_inputs_folder_batch_bad_files_do_not_stop_good_ones(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a_good.txt").write_text(FR_TEXT, encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "c_empty.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "d_short.md").write_text("Frappe à Kidal.", encoding="utf-8")
    (tmp_path / "e_german.txt").write_text(DE_PARAGRAPH, encoding="utf-8")
    (tmp_path / "f_batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": EN_PARAGRAPH}) + "\n{not json\n", encoding="utf-8"
    )
    (tmp_path / "g_ignored.csv").write_text(EN_PARAGRAPH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(EN_PARAGRAPH, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(EN_PARAGRAPH, encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text(
        f"<html><body><article><p>{EN_PARAGRAPH}</p></article></body></html>", encoding="utf-8"
    )

    results = list(read_inputs([tmp_path], published=date(2023, 10, 18)))

    outcome = [(r.origin.removeprefix(f"{tmp_path}/"), getattr(r, "reason", "ok")) for r in results]
    assert outcome == [
        ("a_good.txt", "ok"),
        ("b_binary.txt", "binary"),
        ("c_empty.txt", "empty"),
        ("d_short.md", "too_short"),
        ("e_german.txt", "unsupported_language"),
        ("f_batch.jsonl:1", "ok"),
        ("f_batch.jsonl:2", "bad_json"),
        ("sub/page.html", "ok"),
    ]
    assert all(r.published == date(2023, 10, 18) for r in results if isinstance(r, Document))
    assert all("\n" not in r.detail for r in results if isinstance(r, Skip))


def test_read_inputs_keeps_input_order_across_paths(tmp_path):
    fr = tmp_path / "z_fr.txt"
    en = tmp_path / "a_en.txt"
    fr.write_text(FR_TEXT, encoding="utf-8")
    en.write_text(EN_PARAGRAPH, encoding="utf-8")
    results = list(read_inputs([str(fr), en, tmp_path / "missing.txt"]))
    assert [getattr(r, "lang", None) for r in results] == ["fr", "en", None]
    assert results[2].reason == "not_found"


def test_read_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FR_TEXT.encode("utf-8"))))
    (document,) = read_inputs(["-"])
    assert isinstance(document, Document)
    assert document.origin == "<stdin>"
    assert document.lang == "fr"


def test_read_stdin_jsonl_batch():
    lines = [
        json.dumps({"id": "a", "text": FR_TEXT}),
        "oops",
        json.dumps({"id": "b", "text": EN_PARAGRAPH}),
    ]
    stream = io.BytesIO("\n".join(lines).encode("utf-8"))
    results = list(read_stdin(stream=stream))
    assert [getattr(r, "external_id", None) for r in results] == ["a", None, "b"]
    assert results[1] == Skip(origin="<stdin>:2", reason="bad_json", detail=results[1].detail)


def test_read_stdin_too_large():
    (skip,) = read_stdin(stream=io.BytesIO(FR_TEXT.encode("utf-8") * 10), max_bytes=100)
    assert isinstance(skip, Skip) and skip.reason == "too_large"


def test_read_inputs_prints_nothing(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(FR_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Une attaque a visé l’armée mercredi près de Gao.".encode("cp1252"))
    list(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
