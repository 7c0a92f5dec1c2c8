"""Scorer tests (issue 3, cross-document pairs issue 6): hand-made gold, hand-made predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import DataFileError
from eventwire.evaluate.cli_eval import eval_command
from eventwire.evaluate.gold import GoldArticle, load_gold, parse_gold_article
from eventwire.evaluate.matching import match_events
from eventwire.evaluate.runner import run_eval
from eventwire.evaluate.scorer import aggregate, score_article
from eventwire.geo import haversine_km
from eventwire.models import Skip

# ../shared beside the project, or further up for a git worktree.
DEV_GOLD = next(
    (
        p / "shared" / "data" / "dev" / "gold.jsonl"
        for p in Path(__file__).resolve().parents[2].parents
        if (p / "shared" / "data" / "dev" / "gold.jsonl").exists()
    ),
    Path(__file__).resolve().parents[3] / "shared" / "data" / "dev" / "gold.jsonl",
)
KM_PER_DEGREE_LATITUDE = 111.2

# The scores the gold itself, scored as predictions, gets exactly 1.0 on.
PERFECT_SCORES = (
    "precision",
    "recall",
    "f1",
    "event_type_acc",
    "sub_event_type_acc",
    "loc_acc25km",
    "date_exact",
    "fatalities_exact",
    "actor1_acc",
)


def gold_event(**overrides: Any) -> dict[str, Any]:
    event = {
        "event_date": "2024-03-04",
        "time_precision": 1,
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Mali)",
        "assoc_actor_1": None,
        "actor2": "Civilians (Mali)",
        "assoc_actor_2": None,
        "country": "Mali",
        "admin1": "Mopti",
        "location": "Dourouville",
        "latitude": 14.50,
        "longitude": -4.20,
        "geo_precision": 1,
        "fatalities": 5,
        "fatalities_low": 5,
        "fatalities_high": 5,
        "injuries": None,
        "claimed_by": [],
        "disputed": False,
        "evidence": ["Des hommes armés ont tué cinq villageois lundi à Dourouville."],
        "notes": "On 4 March 2024, gunmen killed five villagers in Dourouville (Mopti).",
    }
    event.update(overrides)
    return event


def article(article_id: str, events: list[dict[str, Any]], **overrides: Any) -> GoldArticle:
    obj = {
        "id": article_id,
        "lang": "fr",
        "published": "2024-03-05",
        "source": "Test Outlet",
        "url": f"https://example.org/{article_id}",
        "title": "Titre",
        "text": "Des hommes armés ont tué cinq villageois lundi à Dourouville. "
        "En 2019, une attaque avait fait des dizaines de morts dans la région.",
        "events": events,
        "not_events": [],
    }
    obj.update(overrides)
    return parse_gold_article(obj)


def as_prediction(event: dict[str, Any], event_id: str = "ev-1", **overrides: Any) -> dict[str, Any]:
    """Return a gold event shaped as an output-contract prediction (reports with evidence)."""
    pred = {k: v for k, v in event.items() if k not in ("evidence", "optional", "incident")}
    pred["event_id"] = event_id
    pred["reports"] = [
        {
            "document_id": "doc",
            "evidence": [{"text": s, "start": 0, "end": len(s)} for s in event.get("evidence", [])],
        }
    ]
    pred.update(overrides)
    return pred


def gold_as_predictions(a: GoldArticle) -> list[dict[str, Any]]:
    return [as_prediction(e, event_id=e.get("incident") or f"{a.id}#{i}") for i, e in enumerate(a.events)]


def moved_north(event: dict[str, Any], km: float) -> dict[str, Any]:
    return {**event, "latitude": event["latitude"] + km / KM_PER_DEGREE_LATITUDE}


# Gold fed back as predictions ------------------------------------------------------------------


def test_score_gold_as_predictions_is_perfect_on_hand_made_articles():
    articles = [
        article(
            "a1",
            [
                gold_event(incident="inc-1"),
                gold_event(event_date="2024-03-03", location="Sofaraville", latitude=14.9, longitude=-3.9),
            ],
        ),
        article("a2", [gold_event(incident="inc-1", fatalities=None)]),
        article("a3", [gold_event(optional=True)]),
    ]
    summary = aggregate([score_article(a, gold_as_predictions(a)) for a in articles])
    for name in (*PERFECT_SCORES, "xdoc_precision", "xdoc_recall"):
        assert getattr(summary, name) == 1.0, name
    assert (summary.gold, summary.matched, summary.false_events, summary.misses) == (3, 3, 0, 0)
    assert summary.fields.fatalities_scored == 3  # the null fatalities is skipped


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="shared dev gold not available")
def test_score_dev_gold_as_predictions_is_perfect():
    summary = run_eval(DEV_GOLD, extractor=gold_as_predictions)
    result = summary.as_dict()
    for name in PERFECT_SCORES:
        assert result[name] == 1.0, name
    assert result["xdoc_precision"] in (None, 1.0)
    assert result["xdoc_recall"] in (None, 1.0)
    assert result["not_event_violations"] == 0


# One wrong field at a time --------------------------------------------------------------------


def test_score_article_prediction_moved_100km_is_wrong_location():
    gold = gold_event(geo_precision=3)  # province-level: 250 km still matches
    score = score_article(article("a", [gold]), [as_prediction(moved_north(gold, 100))])
    summary = aggregate([score])
    assert summary.matched == 1
    assert summary.loc_acc25km == 0.0
    assert summary.date_exact == summary.event_type_acc == summary.actor1_acc == 1.0


def test_match_events_rejects_100km_for_town_precision():
    gold = gold_event(geo_precision=1)
    assert match_events([gold], [as_prediction(moved_north(gold, 100))]) == []


def test_score_article_wrong_day_is_wrong_date():
    gold = gold_event()
    score = score_article(article("a", [gold]), [as_prediction(gold, event_date="2024-03-05")])
    summary = aggregate([score])
    assert summary.matched == 1
    assert summary.date_exact == 0.0
    assert summary.loc_acc25km == summary.event_type_acc == 1.0


def test_score_article_wrong_type_is_wrong_type_and_sub_type():
    gold = gold_event()
    pred = as_prediction(gold, event_type="Battles", sub_event_type="Armed clash")
    summary = aggregate([score_article(article("a", [gold]), [pred])])
    assert summary.matched == 1
    assert summary.event_type_acc == summary.sub_event_type_acc == 0.0
    assert summary.date_exact == summary.loc_acc25km == 1.0


def test_score_article_null_gold_fatalities_is_not_scored():
    gold = gold_event(fatalities=None)
    summary = aggregate([score_article(article("a", [gold]), [as_prediction(gold, fatalities=9)])])
    assert summary.fields.fatalities_scored == 0
    assert summary.fatalities_exact == 0.0  # nothing to score; the count says so


# Optional gold and acceptable alternatives ----------------------------------------------------


def test_score_article_matched_optional_gold_is_not_a_false_event():
    required = gold_event()
    optional = gold_event(event_date="2024-02-20", location="Gaza-like", optional=True, latitude=15.2, longitude=-2.0)
    a = article("a", [required, optional])
    summary = aggregate([score_article(a, [as_prediction(required), as_prediction(optional)])])
    assert (summary.precision, summary.recall) == (1.0, 1.0)
    assert (summary.matched, summary.matched_optional, summary.false_events) == (1, 1, 0)


def test_score_article_unmatched_optional_gold_is_not_a_miss():
    required = gold_event()
    optional = gold_event(event_date="2024-02-20", optional=True)
    summary = aggregate([score_article(article("a", [required, optional]), [as_prediction(required)])])
    assert summary.recall == 1.0
    assert summary.misses == 0


def test_score_article_acceptable_alternatives_count_as_right():
    gold = gold_event(
        event_type="Strategic developments",
        sub_event_type="Disrupted weapons use",
        acceptable_sub_event_types=["Air/drone strike"],
        acceptable_actor1=["Islamic Resistance in Iraq"],
    )
    pred = as_prediction(
        gold,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="ISLAMIC RESISTANCE IN IRAQ",
    )
    summary = aggregate([score_article(article("a", [gold]), [pred])])
    assert summary.event_type_acc == summary.sub_event_type_acc == summary.actor1_acc == 1.0


# One-to-one matching ---------------------------------------------------------------------------


def test_match_events_prefers_type_agreeing_candidate_over_nearer_one():
    gold = gold_event()
    nearer_wrong_type = as_prediction(gold, "p0", event_type="Battles", sub_event_type="Armed clash")
    farther_right_type = as_prediction(moved_north(gold, 20), "p1")
    pairs = match_events([gold], [nearer_wrong_type, farther_right_type])
    assert [(p.gold_index, p.pred_index) for p in pairs] == [(0, 1)]
    score = score_article(article("a", [gold]), [nearer_wrong_type, farther_right_type])
    assert [p["event_id"] for p in score.false_events] == ["p0"]


def test_match_events_is_one_to_one():
    gold = [gold_event(), gold_event(event_type="Battles", sub_event_type="Armed clash")]
    pred = [as_prediction(gold[1], "p0")]
    pairs = match_events(gold, pred)
    assert [(p.gold_index, p.pred_index) for p in pairs] == [(1, 0)]


def test_match_events_without_coordinates_needs_the_same_location_name():
    gold = gold_event()
    unplaced = as_prediction(gold, latitude=None, longitude=None)
    assert len(match_events([gold], [unplaced])) == 1
    assert match_events([gold], [{**unplaced, "location": "Elsewhere"}]) == []


def test_haversine_km_one_degree_of_latitude():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.2)


# not_events and cross-document pairs --------------------------------------------------------------


def test_score_article_counts_prediction_quoting_a_not_event():
    gold = gold_event()
    background = "En 2019, une attaque avait fait des dizaines de morts dans la région."
    a = article("a", [gold], not_events=[{"evidence": background, "why": "background"}])
    old = as_prediction(gold_event(event_date="2019-06-01", evidence=[background]), "p-old")
    score = score_article(a, [as_prediction(gold), old])
    assert [v.predicted["event_id"] for v in score.not_event_violations] == ["p-old"]
    assert aggregate([score]).not_event_violations == 1


def test_score_article_not_event_inside_gold_evidence_is_no_violation():
    gold = gold_event()
    quote = "cinq villageois"  # a not_event quote that is part of a real event's sentence
    a = article("a", [gold], not_events=[{"evidence": quote, "why": "statement"}])
    assert score_article(a, [as_prediction(gold)]).not_event_violations == ()


def test_aggregate_cross_document_pairs():
    gold = gold_event(incident="inc-1")
    a1, a2, a3 = (article(i, [gold]) for i in ("a1", "a2", "a3"))
    # a1 and a2 linked correctly, a3 left as its own event: 1 of 3 gold-same pairs found.
    scores = [
        score_article(a1, [as_prediction(gold, "x")]),
        score_article(a2, [as_prediction(gold, "x")]),
        score_article(a3, [as_prediction(gold, "y")]),
    ]
    summary = aggregate(scores)
    assert summary.xdoc_precision == 1.0
    assert summary.xdoc_recall == pytest.approx(1 / 3)


def test_aggregate_cross_document_is_none_without_pairs():
    gold = gold_event()
    summary = aggregate([score_article(article("a", [gold]), [as_prediction(gold)])])
    assert summary.xdoc_precision is None and summary.xdoc_recall is None


# Gold loading, run_eval and the command ----------------------------------------------------------


def write_gold(tmp_path: Path, articles: list[dict[str, Any] | str]) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [a if isinstance(a, str) else json.dumps(a) for a in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def gold_line(article_id: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": article_id,
        "lang": "fr",
        "published": "2024-03-05",
        "text": "Texte.",
        "events": events,
        "not_events": [],
    }


def test_load_gold_names_file_and_line_of_bad_event(tmp_path):
    path = write_gold(
        tmp_path,
        [
            gold_line("ok", [gold_event()]),
            gold_line("bad", [gold_event(sub_event_type="Armed clash")]),
        ],
    )
    with pytest.raises(DataFileError, match=r"gold\.jsonl:2 .*bad.*Armed clash"):
        load_gold(path)


def test_load_gold_names_line_of_invalid_json(tmp_path):
    path = write_gold(tmp_path, [gold_line("ok", []), "{not json"])
    with pytest.raises(DataFileError, match=r"gold\.jsonl:2: not valid JSON"):
        load_gold(path)


def test_run_eval_skip_counts_as_zero_predictions(tmp_path):
    path = write_gold(tmp_path, [gold_line("a", [gold_event()])])
    summary = run_eval(path, extractor=lambda a: Skip(origin=a.id, reason="empty", detail="none"))
    assert summary.recall == 0.0 and summary.misses == 1
    assert [s.article_id for s in summary.skipped] == ["a"]


def test_eval_command_json_is_last_stdout_line(tmp_path, capsys):
    path = write_gold(tmp_path, [gold_line("a", [gold_event()])])
    code = eval_command(path, True, True, extractor=gold_as_predictions)
    out = capsys.readouterr().out
    result = json.loads(out.strip().splitlines()[-1])
    assert code == 0
    assert result["f1"] == 1.0 and result["articles"] == 1 and result["matched"] == 1
    assert "per document" in out


def test_eval_command_bad_gold_exits_2_with_one_line(tmp_path, capsys):
    path = write_gold(tmp_path, ["[]"])
    assert eval_command(path, False, True) == 2
    err = capsys.readouterr().err
    assert "gold.jsonl:1" in err and len(err.strip().splitlines()) == 1
