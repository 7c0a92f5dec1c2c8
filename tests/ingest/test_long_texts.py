"""Long texts and failing documents never cost a batch (issue 18, D1).

A text over spaCy's 1,000,000-character limit used to raise E088 and abort the whole run: it is
now read in parts (pipeline.extract_in_parts) with every offset kept, and a document whose
processing fails is a Skip "failed" while the others of its batch are processed as usual.
"""

from __future__ import annotations

import json
from datetime import date

from eventwire import pipeline
from eventwire.ingest.parts import split_parts
from eventwire.models import Document, Skip
from eventwire.service import ingest_inputs
from eventwire.store import open_store
from tests.ingest.conftest import EN_PARAGRAPH

# Invented dispatches.
GOOD_FIRST = (
    "Gunmen attacked a market in the village of Adi on Monday, killing three traders, a local "
    "official said.\n\nNobody claimed the attack."
)
GOOD_LAST = (
    "Soldiers clashed with rebels near the town of Obor on Tuesday, the army said, adding that "
    "two soldiers were killed."
)


# -- split_parts ----------------------------------------------------------------------------


def test_short_text_is_one_part():
    assert split_parts("One paragraph.", 100) == [(0, 14)]
    assert split_parts("", 100) == []


def test_parts_are_whole_paragraphs_under_the_limit():
    paragraphs = [f"Paragraph {i} " + "x" * 40 for i in range(10)]
    text = "\n\n".join(paragraphs)
    parts = split_parts(text, 120)
    assert all(end - start <= 120 for start, end in parts)
    # every paragraph is in exactly one part, whole
    joined = "\n\n".join(text[s:e] for s, e in parts)
    assert joined == text
    assert all(text[s:e].startswith("Paragraph") for s, e in parts)


def test_an_over_long_paragraph_is_cut_at_lines_then_sentences_then_spaces():
    lines = "\n".join(f"Line {i} says little." for i in range(50))
    assert all(e - s <= 100 and "\n" not in lines[s:e][-1:] for s, e in split_parts(lines, 100))
    sentences = " ".join(f"Sentence {i} ends here." for i in range(50))
    parts = split_parts(sentences, 100)
    assert all(sentences[s:e].endswith(".") for s, e in parts)
    words = "word " * 500
    parts = split_parts(words.strip(), 64)
    assert all(e - s <= 64 for s, e in parts)
    assert " ".join(words.strip()[s:e] for s, e in parts) == words.strip()
    solid = "x" * 250
    assert split_parts(solid, 100) == [(0, 100), (100, 200), (200, 250)]


# -- a failing document is a skip, not a batch abort -----------------------------------------


def test_a_failing_document_is_a_skip_and_its_batch_goes_on(monkeypatch):
    def fake_extract(document: Document) -> pipeline.DocumentResult:
        if "explode" in document.text:
            raise ValueError("[E088] Text of length 2000000 exceeds maximum")
        return pipeline.DocumentResult(document, ())

    def fake_batch(documents: list[Document]) -> list[pipeline.DocumentResult]:
        return [fake_extract(d) for d in documents]

    monkeypatch.setattr(pipeline, "extract_events", fake_extract)
    monkeypatch.setattr(pipeline, "extract_events_batch", fake_batch)
    docs = [
        Document(id=f"d{i}", text=text, lang="en", origin=f"in:{i}") for i, text in enumerate(["a", "explode", "c"])
    ]
    out = list(pipeline.process_documents(docs))
    assert [type(o).__name__ for o in out] == ["DocumentResult", "Skip", "DocumentResult"]
    failed = out[1]
    assert isinstance(failed, Skip) and failed.reason == "failed" and failed.document_id == "d1"
    assert "E088" in failed.detail and "\n" not in failed.detail


# -- the real pipeline --------------------------------------------------------------------------


def test_a_two_million_character_text_between_good_documents(tmp_path):
    # 2,000,000 characters in few tokens (long filler words), so the parse stays quick; declared
    # English so that language detection does not skip it first.
    filler = " ".join(["z" * 9_999] * 200)
    assert len(filler) > 1_999_000
    batch = tmp_path / "batch.jsonl"
    lines = [
        {"id": "good-1", "text": GOOD_FIRST, "published": "2024-03-05", "lang": "en"},
        {"id": "huge", "text": filler, "published": "2024-03-05", "lang": "en"},
        {"id": "good-2", "text": GOOD_LAST, "published": "2024-03-06", "lang": "en"},
    ]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "ew.sqlite"
    with open_store(db) as store:
        outcomes = list(ingest_inputs([batch], store))
        counts = store.counts()
    assert [getattr(o, "reason", "stored") for o in outcomes] == ["stored", "stored", "stored"]
    stored = {o.document.external_id: o for o in outcomes if not isinstance(o, Skip)}
    assert stored["good-1"].event_ids and stored["good-2"].event_ids
    assert counts["documents"] == 3


def test_parts_keep_offsets_into_the_whole_text():
    paragraphs = [GOOD_FIRST, EN_PARAGRAPH, GOOD_LAST, EN_PARAGRAPH.replace("Wednesday", "Friday")]
    text = "\n\n".join(paragraphs)
    document = Document(id="long-doc", text=text, lang="en", published=date(2024, 3, 8), origin="long")
    result = pipeline.extract_in_parts(document, part_chars=260)
    assert len(split_parts(text, 260)) >= 3
    events = [*result.events, *result.context_mentions]
    assert len(events) >= 3
    assert len({e.event_id for e in events}) == len(events)
    first_part_end = split_parts(text, 260)[0][1]
    assert any(r.evidence[0].start > first_part_end for e in events for r in e.reports)  # shifted
    for event in events:
        for report in event.reports:
            for evidence in report.evidence:
                assert text[evidence.start : evidence.end] == evidence.text
        for field, provenance in event.provenance.items():
            if provenance.start is not None and provenance.text is not None:
                assert text[provenance.start : provenance.end] == provenance.text, field
