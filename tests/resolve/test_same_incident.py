"""One article's two events of one incident are merged (resolve/same_incident.py), kindred
sub-types are read from their data file (resolve/kindred.py) and score high across documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.models import Provenance
from eventwire.resolve.kindred import COLUMNS, load_kindred_sub_types, sub_types_kindred
from eventwire.resolve.same_incident import merge_same_incidents
from tests.factories import make_document, make_event, make_report

# Invented article: a night attack on an army camp at Kerou, then the president's visit to the
# place, where the toll is given again.
TEXT = (
    "Des jihadistes ont attaqué le camp de Kerou samedi soir. "
    "Le président s'est rendu mardi sur les lieux, où 30 soldats sont morts."
)
DOC = make_document(TEXT, doc_id="doc-k")


def _at(text: str) -> tuple[str, str, int, int]:
    start = TEXT.index(text)
    return DOC.id, text, start, start + len(text)


OWN_DAY = Provenance("time_expression", *_at("samedi soir"))
LEAD_DAY = Provenance("lead_time_expression", *_at("mardi"), reason="the article's lead date")
OWN_PLACE = Provenance("gazetteer:ner", *_at("Kerou"))
ARTICLE_PLACE = Provenance("gazetteer:document_place", *_at("Kerou"), reason="the article's place")
DERIVED_PLACE = Provenance("gazetteer:nearest_known_place", *_at("Kerou"), reason="coded near Gao")


def _event(ordinal: int, *, day: date, sub: str, date_from: Provenance, place_from: Provenance, **kw):
    fields = {
        "event_date": day,
        "sub_event_type": sub,
        "event_type": "Battles" if sub == "Armed clash" else "Violence against civilians",
        "actor1": "JNIM: Group for Support of Islam and Muslims",
        "actor2": "Military Forces of Mali (2021-)",
        "country": "Mali",
        "iso": "ML",
        "admin1": "Gao",
        "location": "Kerou",
        "latitude": 16.27,
        "longitude": -0.04,
        "geo_precision": 1,
        "claimed_by": (),
        "provenance": {"event_date": date_from, "location": place_from},
    }
    fields.update(kw)
    return make_event(DOC, ordinal, **fields)


def test_a_summary_placed_by_the_article_joins_the_incident_it_retells():
    incident = _event(0, day=date(2023, 10, 15), sub="Armed clash", date_from=OWN_DAY, place_from=OWN_PLACE)
    summary = _event(
        1, day=date(2023, 10, 17), sub="Armed clash", date_from=LEAD_DAY, place_from=ARTICLE_PLACE, fatalities=30
    )
    (merged,) = merge_same_incidents([incident, summary])
    assert merged.event_id == incident.event_id
    assert merged.event_date == date(2023, 10, 15)  # the incident's own day, not the lead's
    assert merged.fatalities == 30 and "30 fatalities" in merged.notes and "15 October 2023" in merged.notes
    assert merged.provenance["event_date"] == OWN_DAY
    assert len(merged.reports) == 1  # one document, one report


def test_a_summary_dated_before_the_incident_is_left_alone():
    incident = _event(0, day=date(2023, 10, 15), sub="Armed clash", date_from=OWN_DAY, place_from=OWN_PLACE)
    older = _event(1, day=date(2023, 10, 12), sub="Armed clash", date_from=LEAD_DAY, place_from=ARTICLE_PLACE)
    assert len(merge_same_incidents([incident, older])) == 2


def test_two_parts_of_one_incident_with_kindred_sub_types_merge():
    # "A gang killed 30 people near Gao on Monday" … "In Kerou, houses were torched on Monday"
    killings = _event(
        0,
        day=date(2023, 10, 16),
        sub="Attack",
        date_from=LEAD_DAY,
        place_from=OWN_PLACE,
        location="Gao",
        latitude=16.27,
        longitude=-0.04,
        fatalities=30,
        confidence=0.95,
    )
    torched = _event(
        1,
        day=date(2023, 10, 16),
        sub="Looting/property destruction",
        event_type="Strategic developments",
        date_from=OWN_DAY,
        place_from=DERIVED_PLACE,
        geo_precision=2,
        confidence=0.7,
    )
    (merged,) = merge_same_incidents([killings, torched])
    assert merged.location == "Kerou"  # the place of the account told with its own day
    assert merged.sub_event_type == "Attack" and merged.fatalities == 30
    assert not merged.disputed  # one article, two angles: no contradiction


def test_a_part_that_fits_two_incidents_is_left_alone():
    # "Gangs rampaged on Monday, killing 12" … "houses were looted in Kerou" … "and in Bera"
    killings = _event(0, day=date(2023, 10, 16), sub="Attack", date_from=LEAD_DAY, place_from=OWN_PLACE, location="Gao")
    looted = [
        _event(
            i,
            day=date(2023, 10, 16),
            sub="Looting/property destruction",
            date_from=OWN_DAY,
            place_from=DERIVED_PLACE,
            location=name,
        )
        for i, name in ((1, "Kerou"), (2, "Bera"))
    ]
    assert len(merge_same_incidents([killings, *looted])) == 3


def test_two_villages_attacked_the_same_day_stay_two_events():
    a = _event(0, day=date(2023, 10, 16), sub="Attack", date_from=OWN_DAY, place_from=DERIVED_PLACE)
    b = _event(1, day=date(2023, 10, 16), sub="Attack", date_from=OWN_DAY, place_from=DERIVED_PLACE, location="Bera")
    assert len(merge_same_incidents([a, b])) == 2


@pytest.mark.parametrize(
    "change",
    [
        {"actor1": "Islamic State (Mali)"},  # another named perpetrator: another actor pair
        {"event_date": date(2023, 10, 15)},  # another day
        {"sub_event_type": "Arrests", "event_type": "Strategic developments"},  # not kindred
    ],
)
def test_parts_that_disagree_stay_apart(change):
    attack = _event(0, day=date(2023, 10, 16), sub="Attack", date_from=LEAD_DAY, place_from=OWN_PLACE)
    bomb = _event(
        1,
        day=date(2023, 10, 16),
        sub="Remote explosive/landmine/IED",
        event_type="Explosions/Remote violence",
        date_from=OWN_DAY,
        place_from=OWN_PLACE,
    )
    assert len(merge_same_incidents([attack, bomb])) == 1
    assert len(merge_same_incidents([attack, _with(bomb, change)])) == 2


def _with(event, change):
    return replace(event, **change)


def test_kindred_pairs_are_read_in_either_order():
    assert sub_types_kindred("Attack", "Remote explosive/landmine/IED")
    assert sub_types_kindred("Remote explosive/landmine/IED", "Attack")
    assert not sub_types_kindred("Attack", "Attack") and not sub_types_kindred("Attack", "Arrests")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Attack\tAmbush\tan ambush", "unknown sub-event type"),
        ("Attack\tAttack\tthe same", "paired with itself"),
        ("Attack\tGrenade\t", "non-empty"),
    ],
)
def test_the_kindred_file_is_checked_on_load(tmp_path: Path, row: str, message: str):
    path = tmp_path / "kindred.tsv"
    path.write_text("# header\n" + "\t".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_kindred_sub_types(path)


def test_the_kindred_file_refuses_a_pair_listed_twice(tmp_path: Path):
    path = tmp_path / "kindred.tsv"
    rows = ["Attack\tGrenade\ta grenade", "Grenade\tAttack\tthe same pair"]
    path.write_text("\t".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="listed twice"):
        load_kindred_sub_types(path)


def _attack_and_strike(strike_sentence: str):
    text = "Jihadists attacked an army post in Kerou on Monday. " + strike_sentence
    doc = make_document(text, doc_id="doc-s", lang="en")
    common = {"event_date": date(2023, 10, 16), "location": "Kerou", "iso": "ML", "country": "Mali"}
    attack = make_event(
        doc,
        0,
        **common,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Military Forces of Mali (2021-)",
        claimed_by=(),
        provenance={"event_date": Provenance("time_expression", doc.id, "on Monday", 0, 1)},
        reports=(make_report(doc, "Jihadists attacked an army post in Kerou on Monday."),),
    )
    strike = make_event(
        doc,
        1,
        **common,
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Mali (2021-)",
        actor2=None,
        claimed_by=(),
        provenance={"event_date": Provenance("lead_time_expression", reason="the article's lead date")},
        reports=(make_report(doc, strike_sentence),),
    )
    return attack, strike


def test_the_other_side_answering_is_another_event():
    attack, strike = _attack_and_strike("The army answered with air strikes near Kerou.")
    assert len(merge_same_incidents([attack, strike])) == 2
    assert len(merge_same_incidents([attack, replace(strike, actor1="Unidentified Armed Group (Mali)")])) == 1


def test_an_account_told_as_what_followed_is_another_event():
    attack, strike = _attack_and_strike("Hours later, air strikes hit the jihadists near Kerou.")
    assert len(merge_same_incidents([attack, replace(strike, actor1=None)])) == 2
