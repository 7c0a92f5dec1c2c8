"""Issue 2 acceptance: the bundled AFP dispatch, end to end (real spaCy models and gazetteer)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_text_document
from eventwire.pipeline import extract_events

SAMPLE = Path(__file__).resolve().parents[2] / "eventwire" / "sample" / "afp_2023-10-18_drones_iraq.txt"
AIN_AL_ASAD = (33.786, 42.441)
HARIR = (36.534, 44.340)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed():
    document = read_text_document(SAMPLE.read_text(encoding="utf-8"), origin=str(SAMPLE), published=date(2023, 10, 18))
    return document, extract_events(document)


def _event_near(result, point):
    events = [e for e in result.events if km((e.latitude, e.longitude), point) <= 25]
    assert len(events) == 1, [e.location for e in result.events]
    return events[0]


def test_seed_reports_exactly_two_incidents(seed):
    _, result = seed
    assert len(result.events) == 2
    for e in result.events:
        assert e.event_type == "Strategic developments"
        assert e.sub_event_type == "Disrupted weapons use"
        assert e.event_date == date(2023, 10, 18) and e.time_precision == 1
        assert e.country == "Iraq"
        assert e.fatalities == 0
        assert e.actor1 == "Unidentified Armed Group (Iraq)"
        assert e.actor2 == "Military Forces of the United States (2021-)"
        assert e.claimed_by == ("Pro-Iran Iraqi armed factions",)


def test_seed_ain_al_asad_event_merges_centcom_and_claim(seed):
    _document, result = seed
    event = _event_near(result, AIN_AL_ASAD)
    assert event.admin1 == "Al Anbar"
    texts = " ".join(ev.text for r in event.reports for ev in r.evidence)
    assert "Dans l’ouest de l’Irak" in texts  # CENTCOM's two drones in western Iraq
    assert "Aïn al-Assad" in texts  # the factions' claimed attack
    statuses = {r.claim_status for r in event.reports}
    assert {"reported", "claimed"} <= statuses
    assert any("Centcom" in (r.attributed_to or "") for r in event.reports)


def test_seed_harir_event_has_kurdistan_report(seed):
    _, result = seed
    event = _event_near(result, HARIR)
    assert event.admin1 == "Erbil"
    kurdistan = [r for r in event.reports if "Kurdistan" in (r.attributed_to or "")]
    assert len(kurdistan) == 1
    assert "zone désertique" in kurdistan[0].evidence[0].text
    assert kurdistan[0].claim_status == "reported"


def test_seed_evidence_offsets_slice_stored_text(seed):
    document, result = seed
    for event in result.events + result.context_mentions:
        for report in event.reports:
            assert report.evidence
            for ev in report.evidence:
                assert document.text[ev.start : ev.end] == ev.text
        for field, prov in event.provenance.items():
            if prov.start is not None:
                assert document.text[prov.start : prov.end] == prov.text, field


def test_seed_gaza_strike_is_context_not_event(seed):
    _, result = seed
    assert all("Gaza" not in (e.location or "") for e in result.events)
    gaza = [e for e in result.context_mentions if any("Gaza" in ev.text for r in e.reports for ev in r.evidence)]
    assert gaza and all(r.claim_status == "context" for r in gaza[0].reports)


def test_seed_threat_habitual_and_background_produce_nothing(seed):
    _, result = seed
    sentences = [ev.text for e in result.events + result.context_mentions for r in e.reports for ev in r.evidence]
    for forbidden in (
        "goûteront aux feux",
        "fréquents tirs",
        "ces attaques ont cessé",
        "menacé de s’en prendre",
    ):
        assert not any(forbidden in s for s in sentences), forbidden


def test_cli_extract_writes_only_jsonl_events():
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventwire.cli",
            "extract",
            str(SAMPLE),
            "--published",
            "2023-10-18",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 2
    for event in lines:
        assert {
            "event_id",
            "event_date",
            "sub_event_type",
            "latitude",
            "reports",
            "provenance",
            "claimed_by",
        } <= set(event)


def test_library_prints_nothing(capsys):
    document = read_text_document(SAMPLE.read_text(encoding="utf-8"), origin="s", published=date(2023, 10, 18))
    extract_events(document)
    out = capsys.readouterr()
    assert out.out == ""


def test_every_event_field_from_text_has_provenance_or_a_reason(seed):
    _, result = seed
    for event in result.events:
        for field in (
            "event_date",
            "event_type",
            "sub_event_type",
            "location",
            "actor1",
            "fatalities",
        ):
            prov = event.provenance[field]
            assert prov.method
            assert (prov.text is not None and prov.start is not None) or prov.reason, field


def test_provenance_spans_slice_the_text_for_rule_based_actors():
    text = (
        "La police a arrêté mardi à Bamako trois militants de l'opposition, a indiqué un responsable.\n\n"
        "Un accord de paix a été signé mercredi à Bamako entre le gouvernement et les groupes armés."
    )
    document = read_text_document(text, origin="t", published=date(2021, 3, 4), lang="fr")
    result = extract_events(document)
    assert result.events
    for event in result.events:
        for field, prov in event.provenance.items():
            if prov.start is not None:
                assert document.text[prov.start : prov.end] == prov.text, field


def test_cli_geoparse_prints_place_mentions_or_every_toponym(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    path = tmp_path / "note.txt"
    path.write_text(
        "Russian officials said the drones flew from the Ain al-Asad base in western Iraq.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    places = runner.invoke(app, ["geoparse", str(path)])
    assert places.exit_code == 0, places.output
    rows = [json.loads(line) for line in places.stdout.splitlines()]
    assert any(r["feature"] == "airbase" and r["admin1"] == "Al Anbar" for r in rows)
    assert not any(r["relation"] == "demonym" for r in rows)  # "Russian" is no event place
    every = runner.invoke(app, ["geoparse", str(path), "--toponyms"])
    assert every.exit_code == 0, every.output
    toponyms = [json.loads(line) for line in every.stdout.splitlines()]
    assert any(r["text"] == "Russian" and r["relation"] == "demonym" and r["country"] == "Russia" for r in toponyms)
