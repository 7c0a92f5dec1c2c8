"""The pipeline's reports carry the input's own id and URL (issue 19): `eventwire extract`
writes them with no store in between."""

from __future__ import annotations

from eventwire.ingest import read_text_document
from eventwire.pipeline import extract_events

# An invented dispatch.
MARKET = (
    "Gunmen attacked a market in the village of Adi on Monday, killing three traders, "
    "a local official said. Nobody claimed the attack."
)


def test_pipeline_reports_carry_the_input_id():
    document = read_text_document(MARKET, origin="mine.jsonl:1", external_id="rec-17", url="https://news.example/adi")
    result = extract_events(document)
    reports = [r for e in result.events for r in e.reports]
    assert reports and {(r.external_id, r.url) for r in reports} == {("rec-17", "https://news.example/adi")}
    assert all(r["external_id"] == "rec-17" for e in result.events for r in e.as_dict()["reports"])
