"""The place table of `eval --breakdown` (evaluate/place_errors.py): too_far misses and matched
pairs over 25 km, counted by what the prediction's place is. Invented country, towns and a fake
gazetteer, so nothing here depends on the installed one."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from rich.console import Console

from eventwire.evaluate.breakdown import breakdown, miss_reason
from eventwire.evaluate.place_errors import (
    classify,
    distance_bin,
    far_cases,
    gold_named,
    place_errors,
    provenance,
    site,
)
from eventwire.evaluate.report import breakdown_tables
from eventwire.evaluate.scorer import aggregate, score_article
from tests.evaluate.test_scorer import KM_PER_DEGREE_LATITUDE, article, as_prediction, gold_event

# Invented Kerouvia ("KV"): its capital Kerou City, the division Tamba and the village Zanto,
# 5 km from the gold event's Dourouville (gold_event); Merelou is a village no gazetteer knows.
CAPITAL = SimpleNamespace(name="Kerou City", feature="city", latitude=12.0, longitude=-8.0)
TAMBA = SimpleNamespace(name="Tamba", feature="admin1", latitude=13.5, longitude=-4.2)
ZANTO = SimpleNamespace(name="Zanto", feature="city", latitude=14.545, longitude=-4.2)


class FakeGazetteer:
    def __init__(self) -> None:
        self.places = {"kerou city": [CAPITAL], "tamba": [TAMBA], "zanto": [ZANTO]}

    def candidates(self, name: str, *, country: str | None = None) -> list[Any]:
        return list(self.places.get(name.casefold(), []))

    def capital(self, iso: str) -> Any | None:
        return CAPITAL if iso == "KV" else None


GAZ = FakeGazetteer()
TEXT = "KEROU CITY (Agence) - Des hommes armés ont tué cinq villageois lundi à Zanto, près de Merelou."


def _at(place: SimpleNamespace, **cols: Any) -> dict[str, Any]:
    event = gold_event(country="Kerouvia", admin1="Tamba")
    located = {"location": place.name, "latitude": place.latitude, "longitude": place.longitude}
    return as_prediction(event, iso="KV", **{**located, **cols})


def _gold(**cols: Any) -> dict[str, Any]:
    return gold_event(country="Kerouvia", admin1="Tamba", **cols)


def test_site_tells_dateline_capital_division_and_other_places_apart():
    assert site(_at(CAPITAL), TEXT, GAZ) == "dateline"  # the dateline's town comes first
    assert site(_at(CAPITAL), "Des hommes armés ont tué cinq villageois.", GAZ) == "capital"
    assert site(_at(TAMBA, geo_precision=3), TEXT, GAZ) == "admin1"
    district = SimpleNamespace(name="Lolo", latitude=14.0, longitude=-4.0)
    assert site(_at(district, admin2="Lolo"), TEXT, GAZ) == "admin2"
    assert site(_at(ZANTO), TEXT, GAZ) == "other"


def test_gold_named_tells_a_known_mention_from_a_name_the_gazetteer_lacks():
    gold = _gold(location="Dourouville")  # 5 km from Zanto, which the gazetteer knows
    in_sentence = _at(CAPITAL, reports=[{"evidence": [{"text": TEXT}]}])
    assert gold_named(gold, in_sentence, TEXT, GAZ) == "known_in_evidence"
    elsewhere = _at(CAPITAL, reports=[{"evidence": [{"text": "Cinq villageois ont été tués."}]}])
    assert gold_named(gold, elsewhere, TEXT, GAZ) == "known_elsewhere"
    far_gold = _gold(location="Merelou", latitude=10.0)  # named, but no known place near it
    assert gold_named(far_gold, in_sentence, TEXT, GAZ) == "unknown_in_evidence"
    assert gold_named(far_gold, elsewhere, TEXT, GAZ) == "unknown_elsewhere"
    assert gold_named(_gold(location="Birni", latitude=10.0), elsewhere, TEXT, GAZ) == "not_named"
    # another spelling of the same name is the name written ("Merelu" for "Merelou")
    assert gold_named(_gold(location="Merelu", latitude=10.0), elsewhere, TEXT, GAZ) == "unknown_elsewhere"
    # the name the gazetteer places near gold is a mention the coder could have chosen
    assert gold_named(_gold(location="Zanto"), _at(ZANTO, latitude=15.0), TEXT, GAZ) == "known_elsewhere"
    lost = _gold(location="Merelou", latitude=10.0)  # the village kept by name, at an anchor's point
    assert gold_named(lost, _at(ZANTO, location="Merelou"), TEXT, GAZ) == "same_name"


def test_provenance_names_the_fallbacks_and_the_anchor_of_an_unknown_village():
    def located(reason: str | None, method: str = "gazetteer:ner", **cols: Any) -> dict[str, Any]:
        return _at(ZANTO, provenance={"location": {"method": method, "reason": reason}}, **cols)

    village = located("Lolo is not in the gazetteer: coded near Tamba (geo_precision 2)", "nearest_known_place")
    assert provenance(village) == "nearest_known_place@admin1"
    assert provenance(located("dateline: where the dispatch was filed")) == "gazetteer:ner+dateline"
    assert provenance(located(None)) == "gazetteer:ner"
    assert provenance(as_prediction(_gold())) == "none"


def test_distance_bins():
    assert [distance_bin(km) for km in (None, 30.0, 100.0, 250.0, 301.0)] == [
        "no coordinates",
        "25-100 km",
        "25-100 km",
        "100-300 km",
        ">300 km",
    ]


def _summary(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Any:
    return aggregate([score_article(article("a", gold, text=TEXT), predicted)])


def test_too_far_miss_is_set_against_the_nearest_prediction_of_its_country_and_day():
    gold = _gold()
    capital, tamba = _at(CAPITAL, geo_precision=3), _at(TAMBA, geo_precision=3)
    summary = _summary([gold], [capital, tamba])
    cases = far_cases(summary.articles[0], lambda g, p: miss_reason(g, p) == "too_far")
    assert [(kind, pred["location"]) for kind, _, pred in cases] == [("too_far", "Tamba")]
    values = classify(gold, tamba, TEXT, GAZ)
    assert values["site"] == "admin1" and values["geo_precision"] == "3"
    assert values["distance"] == "100-300 km"


def test_matched_pair_over_25_km_is_counted_and_a_close_one_is_not():
    gold = _gold(location="Zanto", latitude=ZANTO.latitude)
    near = {"latitude": ZANTO.latitude + 10 / KM_PER_DEGREE_LATITUDE}
    off = {"latitude": ZANTO.latitude + 40 / KM_PER_DEGREE_LATITUDE}
    for moved, expected in ((near, {"too_far": 0, "matched_far": 0}), (off, {"too_far": 0, "matched_far": 1})):
        summary = _summary([gold], [as_prediction(gold, iso="KV", **moved)])
        table = place_errors(summary, lambda g, p: miss_reason(g, p) == "too_far", GAZ)
        assert table.cases == expected
    assert table.axes["gold_named"]["known_elsewhere"] == {"too_far": 0, "matched_far": 1}
    assert table.combinations == {"other | known_elsewhere | 25-100 km": 1}


def test_breakdown_reports_the_place_table_only_when_there_are_cases():
    gold = _gold()
    summary = _summary([gold], [_at(CAPITAL, geo_precision=3)])
    b = breakdown(summary, GAZ)
    assert b.places is not None and b.places.cases == {"too_far": 1, "matched_far": 0}
    assert b.as_dict()["place_errors"]["axes"]["site"]["dateline"] == {"too_far": 1, "matched_far": 0}
    console = Console(width=200, record=True)
    for table in breakdown_tables(b):
        console.print(table)
    shown = console.export_text()
    assert "predictions placed beyond 25 km: too_far 1, matched_far 0" in shown
    assert "the dateline's town" in shown
    perfect = breakdown(_summary([gold], [as_prediction(gold, iso="KV")]), GAZ)
    assert perfect.places is not None and not any(perfect.places.cases.values())
    assert not any("beyond 25 km" in str(t.title) for t in breakdown_tables(perfect))
