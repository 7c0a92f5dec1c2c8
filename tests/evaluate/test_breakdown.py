"""Error breakdown tests (issue 16): each miss and false event gets its one reason, the sub-type
confusion counts matched pairs, the share of events without a country, and `eval --breakdown`.
Hand-made gold around invented places."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate import cli_eval
from eventwire.evaluate.breakdown import (
    FALSE_EVENT_REASONS,
    MISS_REASONS,
    XDOC_FALSE_REASONS,
    XDOC_MISSED_REASONS,
    breakdown,
    miss_reason,
)
from eventwire.evaluate.cli_eval import eval_command
from eventwire.evaluate.fatality_errors import ERRORS as FATALITY_ERRORS
from eventwire.evaluate.fatality_errors import HINTS as FATALITY_HINTS
from eventwire.evaluate.fatality_errors import fatality_error, reading_method
from eventwire.evaluate.runner import run_eval
from eventwire.evaluate.scorer import aggregate, score_article
from tests.evaluate.test_scorer import (
    article,
    as_prediction,
    gold_as_predictions,
    gold_event,
    gold_line,
    moved_north,
    write_gold,
)

BACKGROUND = "En 2019, une attaque avait fait des dizaines de morts dans la région."


def misses_of(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, int]:
    summary = aggregate([score_article(article("a", gold), predicted)])
    return {r: n for r, n in breakdown(summary).misses.items() if n}


# Missed gold events ----------------------------------------------------------------------------


def test_miss_without_any_prediction_is_no_prediction():
    assert misses_of([gold_event()], []) == {"no_prediction": 1}


def test_two_gold_events_collapsed_into_one_prediction_is_under_split():
    attack = gold_event()
    clash = gold_event(event_type="Battles", sub_event_type="Armed clash", latitude=14.55)
    # One prediction compatible with both: it goes to the attack, the clash is left over.
    assert misses_of([attack, clash], [as_prediction(attack)]) == {"under_split": 1}


def test_prediction_with_another_or_no_country_is_wrong_country():
    gold = gold_event()
    assert misses_of([gold], [as_prediction(gold, country=None)]) == {"wrong_country": 1}
    assert misses_of([gold], [as_prediction(gold, country="Niger")]) == {"wrong_country": 1}
    for country, none in ((None, 1), ("Niger", 0)):
        predicted = [as_prediction(gold, country=country)]
        summary = aggregate([score_article(article("a", [gold]), predicted)])
        assert breakdown(summary).wrong_country_none == none


def test_prediction_same_country_and_day_but_far_is_too_far():
    gold = gold_event(geo_precision=1)  # 50 km tolerance
    assert misses_of([gold], [as_prediction(moved_north(gold, 120))]) == {"too_far": 1}
    unplaced = as_prediction(gold, latitude=None, longitude=None, location="Elsewhere")
    assert misses_of([gold], [unplaced]) == {"too_far": 1}


def test_prediction_same_country_and_place_but_other_date_is_wrong_day():
    gold = gold_event()  # time_precision 1: one day of tolerance
    assert misses_of([gold], [as_prediction(gold, event_date="2024-02-20")]) == {"wrong_day": 1}
    assert misses_of([gold], [as_prediction(gold, event_date=None)]) == {"wrong_day": 1}


def test_prediction_off_on_two_criteria_is_other():
    gold = gold_event()
    far_and_late = as_prediction(moved_north(gold, 300), event_date="2024-02-20")
    other_country_and_day = as_prediction(gold, country="Niger", event_date="2024-02-20")
    assert misses_of([gold], [far_and_late]) == {"other": 1}
    assert misses_of([gold], [other_country_and_day]) == {"other": 1}


def test_miss_reasons_follow_the_documented_order():
    gold = gold_event()
    no_country = as_prediction(gold, country=None)
    far = as_prediction(moved_north(gold, 120))
    late = as_prediction(gold, event_date="2024-02-20")
    assert miss_reason(gold, (late, far, no_country)) == "wrong_country"
    assert miss_reason(gold, (late, far)) == "too_far"
    assert miss_reason(gold, (late,)) == "wrong_day"


def test_every_miss_gets_exactly_one_reason():
    gold = [gold_event(), gold_event(event_date="2024-03-01", location="Kelbaville", latitude=13.9)]
    a = article("a", gold)
    b = article("b", [gold_event()])
    summary = aggregate([score_article(a, [as_prediction(gold[0], country=None)]), score_article(b, [])])
    result = breakdown(summary)
    assert tuple(result.misses) == tuple(MISS_REASONS)
    assert sum(result.misses.values()) == summary.misses == 3


# False events ------------------------------------------------------------------------------------


def test_false_events_by_reason():
    gold = gold_event()
    not_events = [{"evidence": BACKGROUND, "why": "background"}]
    with_not_event = article("a", [gold], not_events=not_events)
    old = as_prediction(gold_event(event_date="2019-06-01", location="Kelbaville", evidence=[BACKGROUND]), "p-old")
    extra = as_prediction(moved_north(gold, 300), "p-extra")
    quiet = article("quiet", [], text="Le marché de Kelbaville a rouvert mardi.")
    summary = aggregate(
        [
            score_article(with_not_event, [as_prediction(gold), old, extra]),
            score_article(quiet, [as_prediction(gold, "p-quiet")]),
        ]
    )
    result = breakdown(summary)
    assert tuple(result.false_events) == tuple(FALSE_EVENT_REASONS)
    assert result.false_events == {
        "not_event_overlap": 1,
        "extra_in_event_document": 1,
        "document_without_events": 1,
    }
    assert result.extra_beside_a_miss == 0  # the article's gold event is matched
    assert sum(result.false_events.values()) == summary.false_events
    # the violation is on a false event, counted under the gold not_event's why
    assert result.violations_by_why == {"background": (0, 1)}
    assert result.as_dict()["not_event_violations_by_why"] == {"background": {"matched": 0, "false": 1}}


def test_not_event_violations_on_a_matched_event_are_counted_by_why():
    gold = gold_event()
    with_not_event = article("a", [gold], not_events=[{"evidence": BACKGROUND, "why": "aggregate"}])
    absorbed = {**as_prediction(gold), "reports": [{"evidence": [{"text": BACKGROUND}]}]}
    result = breakdown(aggregate([score_article(with_not_event, [absorbed])]))
    assert result.violations_by_why == {"aggregate": (1, 0)}


def test_false_event_in_article_with_only_optional_gold_is_extra():
    optional = gold_event(optional=True)
    stray = as_prediction(moved_north(optional, 300))
    summary = aggregate([score_article(article("a", [optional]), [stray])])
    assert breakdown(summary).false_events["extra_in_event_document"] == 1


def test_extra_event_beside_a_miss_is_counted():
    gold = gold_event()
    summary = aggregate([score_article(article("a", [gold]), [as_prediction(gold, country=None)])])
    result = breakdown(summary)
    assert result.false_events["extra_in_event_document"] == result.extra_beside_a_miss == 1


# Sub-type confusion and events without a country ----------------------------------------------


def test_sub_type_confusion_over_matched_pairs():
    attack = gold_event()
    clash = gold_event(
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date="2024-03-01",
        location="Kelbaville",
        latitude=13.9,
    )
    strike = gold_event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        acceptable_sub_event_types=["Shelling/artillery/missile attack"],
        event_date="2024-02-25",
        location="Sorbaville",
        latitude=15.3,
    )
    predictions = [
        as_prediction(attack, "p0", event_type="Battles", sub_event_type="Armed clash"),
        as_prediction(clash, "p1"),
        as_prediction(strike, "p2", sub_event_type="Shelling/artillery/missile attack"),
    ]
    second = gold_event(location="Tamaville", latitude=16.0, event_date="2024-02-15")
    summary = aggregate(
        [
            score_article(article("a", [attack, clash, strike]), predictions),
            score_article(
                article("b", [second]),
                [as_prediction(second, event_type="Battles", sub_event_type="Armed clash")],
            ),
        ]
    )
    result = breakdown(summary)
    assert result.pairs == 4 and result.sub_type_agreeing == 2  # the acceptable one agrees
    assert result.off_diagonal() == [("Attack", "Armed clash", 2)]
    assert result.confusion[("Air/drone strike", "Shelling/artillery/missile attack")] == 1
    matrix = result.as_dict()["sub_type_confusion"]["matrix"]
    assert matrix["Attack"] == {"Armed clash": 2}
    assert matrix["Armed clash"] == {"Armed clash": 1}
    assert result.sub_type_agreeing == summary.fields.sub_event_type


def test_share_of_predicted_events_without_a_country():
    gold = gold_event()
    predicted = [as_prediction(gold), as_prediction(gold, "p1", country=None)]
    summary = aggregate(
        [
            score_article(article("a", [gold]), predicted),
            score_article(article("b", []), [as_prediction(gold, "p2", country="")]),
            score_article(article("c", [gold]), [as_prediction(gold, "p3")]),
        ]
    )
    assert summary.without_country == 2 and summary.predicted == 4
    assert summary.without_country_share == 0.5
    assert summary.as_dict()["without_country_share"] == 0.5
    assert aggregate([]).without_country_share == 0.0


def test_recall_counts_matched_gold_not_articles_with_a_prediction():
    gold = gold_event()
    summary = aggregate([score_article(article("a", [gold]), [as_prediction(gold, country=None)])])
    assert summary.articles_with_prediction == 1.0
    assert summary.recall == 0.0
    assert "coverage" not in summary.as_dict()


# Fatalities errors --------------------------------------------------------------------------------


def test_fatality_error_categories():
    assert fatality_error(5, 5) == "exact" and fatality_error(0, 0) == "exact"
    assert fatality_error(5, None) == fatality_error(5, 0) == "missed_toll"
    assert fatality_error(5, 9) == "over_count"  # e.g. the wounded counted as dead
    assert fatality_error(5, 2) == "under_count"  # e.g. only one side's dead counted
    assert fatality_error(0, 3) == "invented_toll"
    assert fatality_error(0, None) == "none_for_zero"
    assert fatality_error(5, True) == "missed_toll"  # a boolean is no figure


def test_fatalities_table_over_matched_pairs_with_a_gold_figure():
    raid = gold_event(fatalities=5)
    ambush = gold_event(fatalities=3, event_date="2024-03-01", location="Kelbaville", latitude=13.9)
    unknown = gold_event(fatalities=None, event_date="2024-02-25", location="Sorbaville", latitude=15.3)
    calm = gold_event(fatalities=0, location="Tamaville", latitude=16.0, event_date="2024-02-15")
    scores = [
        # the raid given both events' toll (8), the ambush the raid's (5): two over-counts
        score_article(
            article("a", [raid, ambush, unknown]),
            [
                as_prediction(raid, "p0", fatalities=8),
                as_prediction(ambush, "p1", fatalities=5),
                as_prediction(unknown, "p2", fatalities=4),
            ],
        ),
        score_article(article("b", [raid]), [as_prediction(raid, fatalities=4)]),
        score_article(article("c", [calm]), [as_prediction(calm, fatalities=None)]),
        score_article(article("d", [calm]), [as_prediction(calm, fatalities=2)]),
        score_article(article("e", [raid]), [as_prediction(raid, fatalities=None)]),
        score_article(article("f", [raid]), [as_prediction(raid)]),
    ]
    summary = aggregate(scores)
    result = breakdown(summary).fatalities
    assert tuple(result.errors) == tuple(FATALITY_ERRORS)
    assert tuple(result.hints) == tuple(FATALITY_HINTS)
    assert result.errors == {
        "exact": 1,
        "missed_toll": 1,
        "over_count": 2,
        "under_count": 1,
        "invented_toll": 1,
        "none_for_zero": 1,
    }
    # the gold null is not scored: the table covers the exact-fatalities accuracy's pairs
    assert sum(result.errors.values()) == summary.fields.fatalities_scored
    assert result.errors["exact"] == summary.fields.fatalities_exact
    assert result.hints == {"over_is_article_total": 1, "another_event_toll": 1, "within_two": 3}
    # hand-made predictions carry no provenance; every wrong pair's gold is a civilian attack
    assert result.by_method == {(e, "no_reading"): n for e, n in result.errors.items() if n and e != "exact"}
    assert sum(result.by_type.values()) == 6
    # article "a" has three gold events: its two over-counts; the other articles have one
    assert result.by_article == {
        ("over_count", "several_gold_events"): 2,
        ("under_count", "one_gold_event"): 1,
        ("none_for_zero", "one_gold_event"): 1,
        ("invented_toll", "one_gold_event"): 1,
        ("missed_toll", "one_gold_event"): 1,
    }
    as_json = result.as_dict()
    assert as_json["errors"]["over_count"] == 2
    assert as_json["by_gold_event_type"]["over_count"] == {"Violence against civilians": 2}


def test_reading_method_of_a_prediction():
    provenance = {"fatalities": {"text": "ont tué huit", "method": "casualties:figures"}}
    assert reading_method({"provenance": provenance}) == "figures"
    assert reading_method({"provenance": {"fatalities": {"reason": "no deaths reported"}}}) == "no_reading"
    assert reading_method({}) == "no_reading"


def test_fatality_hints_count_a_missed_events_toll():
    raid = gold_event(fatalities=5)
    ambush = gold_event(fatalities=3, event_date="2024-03-01", location="Kelbaville", latitude=13.9)
    # the ambush is missed and its toll went to the raid
    summary = aggregate([score_article(article("a", [raid, ambush]), [as_prediction(raid, fatalities=3)])])
    assert breakdown(summary).fatalities.hints["another_event_toll"] == 1


# The command -------------------------------------------------------------------------------------


def _gold_file(tmp_path):
    return write_gold(
        tmp_path,
        [gold_line("a", [gold_event()]), gold_line("b", [gold_event(), gold_event(latitude=14.6)])],
    )


def _first_event_only(a):
    return gold_as_predictions(a)[:1]


def test_eval_command_breakdown_tables_and_json(tmp_path, capsys):
    code = eval_command(_gold_file(tmp_path), False, True, show_breakdown=True, extractor=_first_event_only)
    out = capsys.readouterr().out
    result = json.loads(out.strip().splitlines()[-1])
    assert code == 0
    assert result["breakdown"]["misses"]["under_split"] == 1
    assert sum(result["breakdown"]["misses"].values()) == result["misses"] == 1
    assert result["breakdown"]["sub_type_confusion"]["agreeing"] == 2
    assert "missed gold events by reason" in out and "sub-event type confusion" in out
    assert "fatalities of matched events by error" in out
    assert result["breakdown"]["fatalities"]["errors"]["exact"] == result["fatalities_scored"]


def test_eval_command_without_breakdown_has_no_breakdown(tmp_path, capsys):
    eval_command(_gold_file(tmp_path), False, True, extractor=_first_event_only)
    out = capsys.readouterr().out
    assert "breakdown" not in json.loads(out.strip().splitlines()[-1])
    assert "by reason" not in out


def test_cli_eval_breakdown_flag(tmp_path, monkeypatch):
    def run_with_gold_predictions(path, extractor=None, limit=None):
        return run_eval(path, extractor=_first_event_only, limit=limit)

    monkeypatch.setattr(cli_eval, "run_eval", run_with_gold_predictions)
    result = CliRunner().invoke(app, ["eval", str(_gold_file(tmp_path)), "--breakdown", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["breakdown"]["misses"] == {
        "no_prediction": 0,
        "under_split": 1,
        "wrong_country": 0,
        "too_far": 0,
        "wrong_day": 0,
        "other": 0,
    }
    assert summary["recall"] == 2 / 3


def test_cli_eval_limit_scores_the_first_articles_only(tmp_path, monkeypatch):
    seen: dict[str, object] = {}

    def run_with_gold_predictions(path, extractor=None, limit=None):
        seen["limit"] = limit
        return run_eval(path, extractor=_first_event_only, limit=limit)

    monkeypatch.setattr(cli_eval, "run_eval", run_with_gold_predictions)
    result = CliRunner().invoke(app, ["eval", str(_gold_file(tmp_path)), "--limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert seen["limit"] == 1
    assert json.loads(result.output.strip().splitlines()[-1])["articles"] == 1
    refused = CliRunner().invoke(app, ["eval", str(_gold_file(tmp_path)), "--limit", "0"])
    assert refused.exit_code == 2


# Cross-document links ----------------------------------------------------------------------------


def _links(*articles_events: list[tuple[dict[str, Any], str]]) -> tuple[dict[str, int], dict[str, int]]:
    """Score one article per list of (gold event, predicted event id); predictions copy the gold."""
    scores = []
    for i, pairs in enumerate(articles_events):
        gold = [g for g, _ in pairs]
        scores.append(score_article(article(f"a{i}", gold), [as_prediction(g, pid) for g, pid in pairs]))
    result = breakdown(aggregate(scores))
    return {r: n for r, n in result.xdoc_missed.items() if n}, {r: n for r, n in result.xdoc_false.items() if n}


def test_missed_cross_document_links_by_reason():
    same = gold_event(incident="inc-1")
    # two outlets, the same incident, one prediction a day later: different_day
    assert _links([(same, "e1")], [({**same, "event_date": "2024-03-05"}, "e2")])[0] == {"different_day": 1}
    # the same incident placed 40 km apart: far_apart
    assert _links([(same, "e1")], [(moved_north(same, 40), "e2")])[0] == {"far_apart": 1}
    # another event type for the same incident
    other_type = {**same, "event_type": "Battles", "sub_event_type": "Armed clash"}
    assert _links([(same, "e1")], [(other_type, "e2")])[0] == {"different_type": 1}
    # agreeing on everything, still not linked
    assert _links([(same, "e1")], [(same, "e2")])[0] == {"unlinked": 1}
    # linked: no miss
    assert _links([(same, "e1")], [(same, "e1")]) == ({}, {})


def test_false_cross_document_links_by_reason():
    one = gold_event(incident="inc-1")
    later = gold_event(incident="inc-2", event_date="2024-03-02")
    far = moved_north(gold_event(incident="inc-3"), 60)
    twin = gold_event(incident="inc-4", sub_event_type="Abduction/forced disappearance")
    assert _links([(one, "e1")], [(later, "e1")])[1] == {"gold_other_day": 1}
    assert _links([(one, "e1")], [(far, "e1")])[1] == {"gold_other_place": 1}
    assert _links([(one, "e1")], [(twin, "e1")])[1] == {"gold_same_day_place": 1}


def test_cross_document_reasons_are_listed_in_order_and_in_json():
    same = gold_event(incident="inc-1")
    scores = [
        score_article(article("a0", [same]), [as_prediction(same, "e1")]),
        score_article(article("a1", [same]), [as_prediction(same, "e2")]),
    ]
    result = breakdown(aggregate(scores))
    assert tuple(result.xdoc_missed) == tuple(XDOC_MISSED_REASONS)
    assert tuple(result.xdoc_false) == tuple(XDOC_FALSE_REASONS)
    assert result.as_dict()["xdoc_missed_links"]["unlinked"] == 1
