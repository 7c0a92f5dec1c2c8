"""Cross-document linking across outlets, languages and place precision (issue 16).

Invented incidents in an invented region ("Lanfara") of a real country; a fake text similarity
stands in for the sentence encoder (no models).
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.models import Event, Provenance
from eventwire.resolve.cross_document import combine_contributions, link_across_documents
from eventwire.resolve.similarity import place_score, same_place_name, toll_score, type_score
from tests.factories import make_document, make_village_attack

EN_TEXT = "Gunmen killed 12 villagers in an attack on Kassoumbe on Sunday, local officials said."
FR_TEXT = "Lanfara : quinze morts dimanche lors d'affrontements, selon des sources locales."


def account(doc: str, text: str, n: int = 0, **kw) -> Event:
    """One outlet's account: a village of the invented Lanfara region, exactly located."""
    fatalities = kw.get("fatalities", 12)
    document = make_document(text, doc_id=doc, lang="en", url=None, outlet=f"outlet-{doc}")
    notes = f"On 10 March 2024, gunmen attacked a village. {fatalities} fatalities."
    return make_village_attack(document, n, **{"notes": notes, "confidence": 0.5, **kw})


def alike(score: float):
    """Fake cross-lingual similarity: every pair of evidence sentences scores `score`."""
    return lambda _a, _b: score


def region_report(doc: str = "fr") -> Event:
    """A French report of the same killing told as clashes "in the Lanfara region": coded to the
    region's centre ~80 km from the village (geo_precision 3), with another toll."""
    return account(
        doc,
        FR_TEXT,
        event_type="Battles",
        sub_event_type="Armed clash",
        location="Lanfara",
        latitude=14.00,
        longitude=-3.70,
        geo_precision=3,
        fatalities=15,
    )


def test_fr_and_en_reports_at_different_place_precision_link():
    village = account("en", EN_TEXT)
    [decision] = link_across_documents([region_report()], candidates=lambda _e: [village], similarity=alike(0.6))
    assert decision.action == "join"
    assert decision.target_id == "en:0"


def test_region_named_town_holds_the_village_and_tolls_never_block():
    # "in the Lanfara region" geocoded to the town of Lanfara (exactly located, 60 km away)
    town = replace(region_report(), latitude=14.10, longitude=-3.80, geo_precision=1)
    village = account("en", EN_TEXT, fatalities=40)
    assert place_score(village, town) == 0.5
    [decision] = link_across_documents([town], candidates=lambda _e: [village], similarity=alike(0.6))
    assert decision.action == "join"
    merged = combine_contributions("en:0", [village, town])
    assert (merged.fatalities_low, merged.fatalities_high) == (15, 40)
    assert merged.location == "Kassoumbe"  # the most precise place


def test_two_incidents_the_same_day_in_the_same_province_stay_apart():
    # two villages 6 km apart attacked the same day by the same group, told in near-identical
    # words: two locations, hence two events
    first = account("en", EN_TEXT, actor1="Lanfara Liberation Front")
    second = account(
        "fr",
        FR_TEXT,
        location="Dioura Koro",
        latitude=14.53,
        longitude=-4.15,
        actor1="Lanfara Liberation Front",
    )
    [decision] = link_across_documents([second], candidates=lambda _e: [first], similarity=alike(0.95))
    assert decision.action == "create"


def test_a_region_report_goes_to_one_of_two_village_incidents_only():
    # one document tells both villages; another outlet's region-level report can join one
    first = account("en", EN_TEXT)
    second = account("en", EN_TEXT, 1, location="Dioura Koro", latitude=14.53, longitude=-4.15)
    decisions = link_across_documents(
        [region_report(), region_report("fr2")],
        candidates=lambda _e: [first, second],
        similarity=alike(0.7),
    )
    assert [d.action for d in decisions] == ["join", "join"]
    assert decisions[0].also  # it matched the other village too (kept for fragment merging)


def test_one_document_never_joins_one_stored_event_twice():
    stored = account("en", EN_TEXT)
    decisions = link_across_documents(
        [region_report(), replace(region_report(), event_id="fr:1")],
        candidates=lambda _e: [stored],
        similarity=alike(0.7),
    )
    assert sorted(d.action for d in decisions) == ["create", "join"]


def test_spelling_variants_are_one_place_name():
    assert same_place_name("Kassoumbé", "Kassoumbe")
    assert same_place_name("Kassoumbe", "Kasoumbe")  # one letter less
    assert same_place_name("Dioura Koro", "Diourakoro")
    assert not same_place_name("Kassoumbe", "Dioura Koro")
    assert not same_place_name("Bara", "Bora")  # short names must be equal
    unlocated = account("en", EN_TEXT, location="Kasoumbe", latitude=None, longitude=None, geo_precision=None)
    assert place_score(account("fr", FR_TEXT), unlocated) == 1.0


def test_town_part_is_within_the_town_and_other_provinces_hold_nothing():
    town = account("en", EN_TEXT, location="Sirako", latitude=14.10, longitude=-3.80)
    market = replace(town, location="Sirako - Grand Marche", latitude=14.12, longitude=-3.79)
    assert place_score(town, market) == 0.85
    elsewhere = replace(region_report(), admin1="Koulanda")
    assert place_score(account("en", EN_TEXT), elsewhere) is None


def test_kindred_violent_types_are_weak_evidence_not_a_veto():
    attack, clash = account("en", EN_TEXT), region_report()
    assert type_score(attack, clash) == 0.55
    protest = account("x", EN_TEXT, event_type="Protests", sub_event_type="Peaceful protest")
    assert type_score(attack, protest) is None


def test_close_tolls_agree_and_a_stored_event_is_compared_by_its_range():
    def told(doc: str, toll: int) -> Event:
        return account(doc, EN_TEXT, fatalities=toll)

    assert toll_score(told("a", 12), told("b", 14)) == 1.0
    assert toll_score(told("a", 12), told("b", 40)) == 0.0
    assert toll_score(told("a", 0), told("b", 0)) == 0.0
    stored = combine_contributions("a:0", [account("a", EN_TEXT, fatalities=12), account("b", FR_TEXT, fatalities=40)])
    assert stored.fatalities == 12  # ACLED's conservative toll...
    assert toll_score(stored, account("c", EN_TEXT, fatalities=38)) == 1.0  # ...within 12-40


def test_combined_toll_quotes_the_account_that_gives_it():
    # ACLED's conservative rule keeps the lowest toll: its provenance must quote that figure,
    # not the lead account's higher one (an invented pair of outlets)
    high_text, low_text = "Gunmen killed 12 villagers in Kassoumbe.", "Three villagers died in Kassoumbe."
    high = account(
        "a",
        high_text,
        fatalities=12,
        confidence=0.9,
        provenance={"fatalities": Provenance("casualties:figures", "a", "killed 12", 7, 16)},
    )
    low = account(
        "b",
        low_text,
        fatalities=3,
        confidence=0.6,
        provenance={"fatalities": Provenance("casualties:figures", "b", "Three villagers died", 0, 20)},
    )
    merged = combine_contributions("a:0", [high, low])
    assert merged.fatalities == 3
    assert merged.provenance["fatalities"].text == "Three villagers died"
    assert merged.provenance["fatalities"].document_id == "b"
    assert merged.notes.endswith("3 fatalities.")
