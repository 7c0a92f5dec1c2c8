"""Human-readable evaluation report: rich tables built from a Summary (rendering only)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from eventwire.evaluate.breakdown import (
    FALSE_EVENT_REASONS,
    MISS_REASONS,
    XDOC_FALSE_REASONS,
    XDOC_MISSED_REASONS,
    Breakdown,
)
from eventwire.evaluate.collapsed import COLLAPSE_KINDS, COLLAPSE_ROWS
from eventwire.evaluate.fatality_errors import ERRORS as FATALITY_ERRORS
from eventwire.evaluate.fatality_errors import HINTS as FATALITY_HINTS
from eventwire.evaluate.place_errors import AXES, KINDS, PlaceErrors
from eventwire.evaluate.scorer import ArticleScore, Summary, evidence_texts

EVIDENCE_PREVIEW_CHARS = 110
# The sub-type confusion table lists this many off-diagonal cells; --json has them all.
CONFUSION_CELLS_SHOWN = 20
# The place table's caption lists this many combinations (site | gold_named | distance).
PLACE_COMBINATIONS_SHOWN = 6


def summary_table(summary: Summary) -> Table:
    """Return the table of headline scores, each with what it was computed over."""
    f = summary.fields
    table = Table(title="eventwire eval", show_lines=False)
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("over", justify="right")
    rows: list[tuple[str, float | None, str]] = [
        (
            "precision",
            summary.precision,
            f"{summary.matched}/{summary.matched + summary.false_events} predictions",
        ),
        (
            "recall (gold events matched)",
            summary.recall,
            f"{summary.matched}/{summary.gold} gold events",
        ),
        ("F1", summary.f1, ""),
        (
            "events without a country",
            summary.without_country_share,
            f"{summary.without_country}/{summary.predicted} predictions",
        ),
        ("event_type accuracy", summary.event_type_acc, f"{f.event_type}/{f.pairs} matched"),
        ("sub_event_type accuracy", summary.sub_event_type_acc, f"{f.sub_event_type}/{f.pairs}"),
        ("location within 25 km", summary.loc_acc25km, f"{f.location_25km}/{f.pairs}"),
        ("exact date", summary.date_exact, f"{f.date_exact}/{f.pairs}"),
        (
            "exact fatalities",
            summary.fatalities_exact,
            f"{f.fatalities_exact}/{f.fatalities_scored}",
        ),
        ("actor1 agreement", summary.actor1_acc, f"{f.actor1}/{f.pairs}"),
        (
            "cross-doc precision",
            summary.xdoc_precision,
            f"{summary.xdoc_predicted_same_pairs} predicted-same pairs",
        ),
        (
            "cross-doc recall",
            summary.xdoc_recall,
            f"{summary.xdoc_gold_same_pairs} gold-same pairs",
        ),
    ]
    for name, value, over in rows:
        table.add_row(name, "n/a" if value is None else f"{value:.3f}", over)
    return table


def counts_line(summary: Summary) -> str:
    """Return one line with the article and event counts behind the scores."""
    return (
        f"{len(summary.articles)} articles ({len(summary.skipped)} skipped) · "
        f"{summary.gold} gold (+{summary.gold_optional} optional) · "
        f"{summary.predicted} predicted · "
        f"{summary.matched} matched (+{summary.matched_optional} to optional) · "
        f"{summary.misses} missed · {summary.false_events} false · "
        f"{summary.not_event_violations} not_event violations\n"
        f"articles with any prediction, matched or not (not recall): "
        f"{summary.articles_with_prediction:.1%}"
    )


def articles_table(summary: Summary) -> Table:
    """Return one row per article with its counts."""
    table = Table(title="per document")
    for name in ("article", "gold", "pred", "matched", "missed", "false", "not_event", "note"):
        table.add_column(name, justify="left" if name in ("article", "note") else "right")
    for a in summary.articles:
        note = f"skipped: {a.skip.reason} ({a.skip.detail})" if a.skip is not None else ""
        table.add_row(
            a.article_id,
            f"{a.gold_required}" + (f"+{a.gold_optional}" if a.gold_optional else ""),
            str(a.predicted),
            str(a.matched) + (f"+{a.matched_optional}" if a.matched_optional else ""),
            str(len(a.misses)),
            str(len(a.false_events)),
            str(len(a.not_event_violations)),
            note,
        )
    return table


def errors_table(summary: Summary) -> Table | None:
    """Return the misses, false events and not_event violations of every article (None if none)."""
    table = Table(title="misses, false events and not_event violations", show_lines=True)
    for name in ("article", "kind", "date", "type", "location", "evidence"):
        table.add_column(name, overflow="fold")
    for a in summary.articles:
        for row in _error_rows(a):
            table.add_row(a.article_id, *row)
    return table if table.row_count else None


def _error_rows(a: ArticleScore) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for g in a.misses:
        rows.append(("miss", str(g.get("event_date")), _type(g), _place(g), _first_evidence(g)))
    for p in a.false_events:
        rows.append(("false", str(p.get("event_date")), _type(p), _place(p), _first_evidence(p)))
    for v in a.not_event_violations:
        p = v.predicted
        why = f"not_event ({v.why})" if v.why else "not_event"
        rows.append((why, str(p.get("event_date")), _type(p), _place(p), _preview(v.quote)))
    return rows


def _type(event: dict[str, Any]) -> str:
    return f"{event.get('event_type')} / {event.get('sub_event_type')}"


def _place(event: dict[str, Any]) -> str:
    parts = [event.get("location"), event.get("admin1"), event.get("country")]
    return ", ".join(str(p) for p in parts if p) or "?"


def _first_evidence(event: dict[str, Any]) -> str:
    texts = evidence_texts(event)
    return _preview(texts[0]) if texts else "(no evidence)"


def _preview(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= EVIDENCE_PREVIEW_CHARS:
        return text
    return text[: EVIDENCE_PREVIEW_CHARS - 1] + "…"


def breakdown_tables(b: Breakdown) -> list[Table]:
    """Return the tables of `eval --breakdown`: misses by reason, false events by reason, and the
    off-diagonal cells of the sub-type confusion (counts only, no article text)."""
    false_events = _reason_table("false events by reason", b.false_events, FALSE_EVENT_REASONS)
    false_events.caption = f"extra_in_event_document beside a missed gold event of the article: {b.extra_beside_a_miss}"
    if b.violations_by_why:
        whys = ", ".join(f"{w} {m}/{f}" for w, (m, f) in b.violations_by_why.items())
        false_events.caption += f"\nnot_event violations by gold why (on matched / on false events): {whys}"
    misses = _reason_table("missed gold events by reason", b.misses, MISS_REASONS)
    misses.caption = f"wrong_country with a prediction of that day without country: {b.wrong_country_none}"
    tables = [misses, _collapse_table(b.under_split_pairs), false_events]
    if b.places is not None and any(b.places.cases.values()):
        tables.append(place_table(b.places))
    if any(b.xdoc_missed.values()) or any(b.xdoc_false.values()):
        tables.append(_reason_table("cross-document links missed by reason", b.xdoc_missed, XDOC_MISSED_REASONS))
        tables.append(_reason_table("cross-document false links by reason", b.xdoc_false, XDOC_FALSE_REASONS))
    if any(b.fatalities.errors.values()):
        tables.append(fatalities_table(b))
    cells = b.off_diagonal()
    wrong = sum(n for _, _, n in cells)
    caption = f"agreeing (diagonal): {b.sub_type_agreeing}/{b.pairs} matched pairs"
    if len(cells) > CONFUSION_CELLS_SHOWN:
        rest = cells[CONFUSION_CELLS_SHOWN:]
        caption += f" · {len(rest)} more cells ({sum(n for _, _, n in rest)} pairs) in --json"
    table = Table(title=f"sub-event type confusion: {wrong} disagreeing pairs", caption=caption)
    table.add_column("gold sub-type")
    table.add_column("predicted sub-type")
    table.add_column("pairs", justify="right")
    for g, p, n in cells[:CONFUSION_CELLS_SHOWN]:
        table.add_row(g, p, str(n))
    tables.append(table)
    return tables


def fatalities_table(b: Breakdown) -> Table:
    """Return the fatalities error table of the matched pairs whose gold figure is a number, with
    the hints and the wrong figures by reading method and gold event type as its caption."""
    f = b.fatalities
    table = _reason_table("fatalities of matched events by error", f.errors, FATALITY_ERRORS)
    lines = [
        "of the wrong figures: "
        + ", ".join(f"{name} {f.hints.get(name, 0)} ({meaning})" for name, meaning in FATALITY_HINTS.items())
    ]
    for title, cells in (
        ("by reading method", f.by_method),
        ("by gold event type", f.by_type),
        ("by article", f.by_article),
    ):
        if cells:
            listed = sorted(cells.items(), key=lambda c: (-c[1], c[0]))
            lines.append(f"wrong {title}: " + ", ".join(f"{e}/{k} {n}" for (e, k), n in listed))
    table.caption = "\n".join(lines)
    return table


def _reason_table(title: str, counts: dict[str, int], meanings: dict[str, str]) -> Table:
    total = sum(counts.values())
    table = Table(title=f"{title}: {total}")
    table.add_column("reason")
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")
    table.add_column("meaning (first that holds)")
    for reason, n in counts.items():
        table.add_row(reason, str(n), f"{n / total:.1%}" if total else "-", meanings[reason])
    return table


def place_table(p: PlaceErrors) -> Table:
    """Return the table of too_far misses and matched pairs over 25 km by what the prediction's
    place is (evaluate/place_errors.py): one block of rows per axis, empty categories left out."""
    title = "predictions placed beyond 25 km: " + ", ".join(f"{k} {n}" for k, n in p.cases.items())
    table = Table(title=title, show_lines=False)
    table.add_column("axis")
    table.add_column("category")
    for kind in KINDS:
        table.add_column(kind, justify="right")
    table.add_column("meaning (first that holds)")
    for axis, categories in p.axes.items():
        first = True
        for category, counts in categories.items():
            if not any(counts.values()):
                continue
            meaning = AXES.get(axis, {}).get(category, "")
            table.add_row(axis if first else "", category, *(str(counts[k]) for k in KINDS), meaning)
            first = False
        table.add_section()
    top = list(p.combinations.items())[:PLACE_COMBINATIONS_SHOWN]
    table.caption = "commonest site | gold_named | distance: " + "; ".join(f"{c} {n}" for c, n in top)
    return table


def _collapse_table(counts: dict[str, int]) -> Table:
    """Return the table of the under_split misses against the gold event that took their
    prediction: the first rows split them, the rows after the rule count some of them."""
    total = sum(counts.get(k, 0) for k in COLLAPSE_KINDS)
    table = Table(title=f"under_split: how the collapsed gold pair differs: {total}")
    table.add_column("row")
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")
    table.add_column("meaning")
    for row, meaning in COLLAPSE_ROWS.items():
        n = counts.get(row, 0)
        table.add_row(row, str(n), f"{n / total:.1%}" if total else "-", meaning, end_section=row == "neither")
    return table
