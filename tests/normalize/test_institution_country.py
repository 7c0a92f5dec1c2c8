"""The last link of a document's country: the town an institution is named after
(normalize.institution_country), and the event's country provenance, on invented sentences."""

from __future__ import annotations

from datetime import date

from eventwire.normalize.institution_country import institution_place
from eventwire.pipeline import extract_events
from tests.factories import make_document


def _events(text: str, lang: str = "en") -> list[dict]:
    document = make_document(text, doc_id=f"inst-{abs(hash(text))}", lang=lang, published=date(2024, 3, 6))
    return [e.as_dict() for e in extract_events(document).events]


def _head(text: str, gazetteer) -> str | None:
    named = institution_place(text, gazetteer)
    return None if named is None else text[named.start : named.end]


def test_a_town_heading_an_institution_name_is_found(gazetteer):
    assert _head("Students of Eldoret Girls' High School rioted over fees.", gazetteer) == "Eldoret"
    assert _head("Parents protested at their Nyahururu school on Monday.", gazetteer) == "Nyahururu"
    assert _head("Youths stoned the Kitale refugee camp offices.", gazetteer) == "Kitale"


def test_a_name_of_several_countries_or_a_generic_head_names_none(gazetteer):
    assert _head("Springfield University students protested against fees.", gazetteer) is None
    assert _head("National School pupils marched to the gate.", gazetteer) is None
    # a town without an institution word after it is left to the geoparser
    assert _head("Eldoret, Tuesday: two men were stabbed.", gazetteer) is None


def test_an_unplaced_story_takes_the_country_of_the_school_it_names():
    events = _events("Students of Eldoret Girls' High School rioted and burnt a dormitory on Monday.")
    assert events and all(e["country"] == "Kenya" for e in events)
    assert all(e["location"] == "Eldoret" and e["geo_precision"] == 3 for e in events)
    assert all(e["provenance"]["country"]["method"] == "document_area" for e in events)


def test_a_story_with_no_cue_has_a_null_country_with_its_reason():
    events = _events("Unknown gunmen shot dead a trader at his shop on Monday night.")
    assert events and all(e["country"] is None for e in events)
    assert all("names a country" in e["provenance"]["country"]["reason"] for e in events)


def test_a_two_word_county_is_not_read_as_its_namesake_abroad():
    events = _events("Residents of Kendu, Homa Bay county protested against sand harvesting on Monday.")
    assert events and all(e["country"] == "Kenya" for e in events)
