"""The most specific place an incident's own clause names (issue 16): the division written beside
a place, an office title's place, an institution's town, a county named after its seat.
Invented sentences; the places are the real gazetteer's or hand-made fixtures."""

from __future__ import annotations

from dataclasses import replace

import spacy
from spacy.tokens import Doc

from eventwire.geoparse import candidate_place
from eventwire.models import Document, Span
from eventwire.normalize.doc_context import _modifies_a_noun, _only_town, _places_in_country, non_location_mentions
from eventwire.normalize.incident_place import choose_places
from eventwire.normalize.missed_places import missed_place_mentions
from eventwire.normalize.written_within import places_in_named_divisions
from tests.factories import make_place
from tests.factories import place_mention as mention

# Hand-made places of an invented country ("Tamba" a second-level division of Gao province,
# whose town Gao lies 40 km from the province's point).
GAO_TOWN = make_place("Gao", latitude=16.27, longitude=-0.04, admin1="Gao", geonameid=11, population=86633)
TAMBA = make_place(
    "Tamba", latitude=16.9, longitude=0.4, feature="admin2", geo_precision=2, admin1="Gao", admin2="Tamba", geonameid=12
)


def test_an_unknown_village_is_coded_to_the_sub_county_named_beside_it_not_the_county_town():
    text = "Gunmen killed a herder in Kerowa village, Tamba sub-county, Gao county on Monday."
    cands = [mention(text, "Kerowa", None), mention(text, "Tamba", TAMBA), mention(text, "Gao", GAO_TOWN)]
    places = choose_places(text, Span(0, len(text), text), cands, cands, main_iso="ML")
    assert [(p.span.text, p.place.latitude) for p in places] == [("Kerowa", TAMBA.latitude)]


def test_a_place_followed_by_its_own_county_is_the_place():
    text = "Looters raided a clinic in Tamba, Gao, after a land dispute."
    cands = [mention(text, "Tamba", TAMBA), mention(text, "Gao", GAO_TOWN)]
    places = choose_places(text, Span(0, len(text), text), cands, cands, main_iso="ML")
    assert [p.span.text for p in places] == ["Tamba"]


def test_the_only_town_a_document_names_is_its_main_area():
    text = "A trader was shot in Tamba (Gao). His family says he was shot again."
    places = [mention(text, "Tamba", TAMBA), mention(text, "Gao", GAO_TOWN)]
    assert _only_town(places, "ML") == TAMBA
    other = replace(places[1], place=replace(GAO_TOWN, admin1="Kidal", name="Kerou"))
    assert _only_town([places[0], other], "ML") is None


def test_a_place_that_names_an_office_places_no_incident():
    text = "Supporters of the Zaria Governor clashed with police in Kaduna; the mayor of Kano spoke."
    zaria = make_place("Zaria", "Nigeria", "NG", 11.1, 7.7, admin1="Kaduna")
    kano = replace(zaria, name="Kano", admin1="Kano")
    kaduna = replace(zaria, name="Kaduna", admin1="Kaduna")
    places = [mention(text, "Zaria", zaria), mention(text, "Kaduna", kaduna), mention(text, "Kano", kano)]
    doc = spacy.blank("en")(text)
    out = non_location_mentions(doc, places, lang="en", find_actors=lambda _: [])
    assert out == frozenset({text.index("Zaria"), text.index("Kano")})
    fr = "Les partisans du gouverneur de Kano ont affronté la police à Zaria."
    fr_places = [mention(fr, "Kano", kano), mention(fr, "Zaria", zaria)]
    assert non_location_mentions(spacy.blank("fr")(fr), fr_places, lang="fr", find_actors=lambda _: []) == frozenset(
        {fr.index("Kano")}
    )


def test_a_name_before_a_division_noun_modifies_no_noun():
    words = ["in", "Tamba", "subcounty", "villagers", "fled"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[4, 2, 0, 4, 4],
        deps=["prep", "compound", "pobj", "nsubj", "ROOT"],
        pos=["ADP", "PROPN", "NOUN", "NOUN", "VERB"],
        lemmas=["in", "Tamba", "subcounty", "villager", "flee"],
    )
    text = doc.text
    assert not _modifies_a_noun(doc, mention(text, "Tamba", TAMBA), "en")
    bus = Doc(
        spacy.blank("en").vocab,
        words=["the", "Tamba", "bus", "crashed"],
        heads=[2, 2, 3, 3],
        deps=["det", "compound", "nsubj", "ROOT"],
        pos=["DET", "PROPN", "NOUN", "VERB"],
        lemmas=["the", "Tamba", "bus", "crash"],
    )
    assert _modifies_a_noun(bus, mention(bus.text, "Tamba", TAMBA), "en")


def test_a_namesake_is_read_in_the_division_written_after_it(gazetteer):
    text = "Protesters blocked a road in Springfield (Illinois) on Friday."
    big = next(c for c in gazetteer.candidates("Springfield") if c.iso == "US" and c.admin1 == "Missouri")
    places = [mention(text, "Springfield", candidate_place(big)), mention(text, "Illinois", None)]
    out = places_in_named_divisions(text, places, gazetteer=gazetteer)
    assert [(p.place.admin1, p.place.feature) for p in out] == [("Illinois", "city"), ("Illinois", "admin1")]


def test_an_abbreviation_in_brackets_is_no_place(gazetteer):
    text = "Their Armoured Personnel Carrier (APC) hit a mine near Zaria."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="NG")
    assert [p.span.text for p in found] == ["Zaria"]


def test_the_town_an_institution_is_named_after_when_only_the_country_is_named(gazetteer):
    text = "Students of the Zaria Teachers College rioted over fees, police in Nigeria said."
    nigeria = next(c for c in gazetteer.candidates("Nigeria") if c.feature == "country")
    places = [mention(text, "Nigeria", candidate_place(nigeria))]
    document = Document(id="t", text=text, lang="en")
    out = _places_in_country(document, places, None, gazetteer, "NG")
    assert [(p.span.text, p.place.iso) for p in out if p.place is not None and p.place.feature != "country"] == [
        ("Zaria", "NG")
    ]


def test_a_name_after_cercle_of_is_a_place(gazetteer):
    text = "Gunmen burned a granary somewhere in the Cercle of Kadiolo on Sunday."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="ML")
    assert [(p.span.text, p.place.iso) for p in found] == [("Kadiolo", "ML")]
