"""Collapsed gold pairs (issue 16): each under_split miss is described against the gold event that
took its prediction (other place, other day, both, neither; over 25 km; fewer predictions than
gold events). Hand-made gold around invented places."""

from __future__ import annotations

import json
from typing import Any

from eventwire.evaluate.breakdown import breakdown
from eventwire.evaluate.cli_eval import eval_command
from eventwire.evaluate.collapsed import COLLAPSE_ROWS, collapses
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


def rows_of(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, int]:
    summary = aggregate([score_article(article("a", gold), predicted)])
    return {r: n for r, n in collapses(summary).items() if n}


def test_two_villages_of_one_day_collapsed_are_place_only_and_over_25km():
    first = gold_event()
    # Invented: a second village 30 km north attacked the same day, within the 50 km tolerance.
    second = {**moved_north(first, 30), "location": "Kelbaga"}
    assert rows_of([first, second], [as_prediction(first)]) == {
        "place_only": 1,
        "over_25km": 1,
        "fewer_predictions": 1,
        "same_event_type": 1,
    }


def test_two_days_of_one_place_collapsed_are_day_only():
    first = gold_event()
    next_day = gold_event(event_date="2024-03-05", event_type="Battles", sub_event_type="Armed clash")
    assert rows_of([first, next_day], [as_prediction(first)]) == {"day_only": 1, "fewer_predictions": 1}


def test_other_place_and_day_near_by_is_place_and_day_not_over_25km():
    first = gold_event()
    second = {**moved_north(first, 10), "location": "Sirakoro-Nord", "event_date": "2024-03-05"}
    assert rows_of([first, second], [as_prediction(first)]) == {
        "place_and_day": 1,
        "fewer_predictions": 1,
        "same_event_type": 1,
    }


def test_same_place_and_day_with_enough_predictions_is_neither():
    attack = gold_event()
    clash = gold_event(event_type="Battles", sub_event_type="Armed clash")
    # Two predictions, both of the attack's type: the clash's would-be prediction is taken, the
    # other one is a false event far away (still as many predictions as gold events).
    far = moved_north(as_prediction(attack, event_id="ev-2"), 200)
    assert rows_of([attack, clash], [as_prediction(attack), far]) == {"neither": 1}


def test_misses_of_other_reasons_are_not_described():
    gold = gold_event()
    assert rows_of([gold], []) == {}
    assert rows_of([gold], [moved_north(as_prediction(gold), 200)]) == {}


def test_kind_rows_sum_to_the_under_split_misses():
    first = gold_event()
    gold = [first, {**moved_north(first, 30), "location": "Kelbaga"}, gold_event(event_date="2024-03-05")]
    summary = aggregate([score_article(article("a", gold), [as_prediction(first)])])
    b = breakdown(summary)
    kinds = sum(b.under_split_pairs[k] for k in ("place_only", "day_only", "place_and_day", "neither"))
    assert kinds == b.misses["under_split"] == 2
    assert list(b.under_split_pairs) == list(COLLAPSE_ROWS)


def test_eval_breakdown_prints_the_table_and_json(tmp_path, capsys):
    first = gold_event()
    path = write_gold(tmp_path, [gold_line("a", [first, {**moved_north(first, 30), "location": "Kelbaga"}])])
    eval_command(path, False, True, show_breakdown=True, extractor=lambda a: gold_as_predictions(a)[:1])
    out = capsys.readouterr().out
    result = json.loads(out.strip().splitlines()[-1])
    assert result["breakdown"]["under_split_pairs"]["place_only"] == 1
    assert "how the collapsed gold pair differs" in out
