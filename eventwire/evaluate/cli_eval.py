"""Body of `eventwire eval`: the typer command in cli.py is a thin wrapper over eval_command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console

from eventwire.errors import EventwireError
from eventwire.evaluate.breakdown import breakdown
from eventwire.evaluate.report import (
    articles_table,
    breakdown_tables,
    counts_line,
    errors_table,
    summary_table,
)
from eventwire.evaluate.runner import Extractor, run_eval

# Width used when stdout is not a terminal (CI logs, files), so tables are not squeezed to 80.
PIPED_WIDTH_CHARS = 160


def eval_command(
    gold: Path,
    per_document: bool,
    as_json: bool,
    *,
    show_breakdown: bool = False,
    extractor: Extractor | None = None,
    limit: int | None = None,
) -> int:
    """Return the exit code of scoring the pipeline against `gold`, reporting to stdout.

    0 when scored; 2 when the gold file cannot be read or is invalid (one line on stderr). With
    `as_json` the last stdout line is the JSON summary; with `per_document` per-article tables
    (counts, then every miss, false event and not_event violation) follow the headline table.
    With `show_breakdown` the misses and false events by reason and the sub-type confusion
    (evaluate/breakdown.py) follow, and the JSON summary gets them as its "breakdown" object.
    `limit` scores the file's first `limit` articles only (as the quality floors do).
    """
    try:
        summary = run_eval(gold, extractor=extractor, limit=limit)
    except EventwireError as e:
        print(f"eventwire eval: {e}", file=sys.stderr)
        return 2
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else PIPED_WIDTH_CHARS)
    console.print(summary_table(summary))
    console.print(counts_line(summary), highlight=False)
    if per_document:
        console.print(articles_table(summary))
        errors = errors_table(summary)
        console.print(errors if errors is not None else "no misses, false events or violations")
    elif summary.skipped:
        console.print(f"{len(summary.skipped)} article(s) skipped; see --per-document")
    result = summary.as_dict()
    if show_breakdown:
        reasons = breakdown(summary)
        for table in breakdown_tables(reasons):
            console.print(table)
        result["breakdown"] = reasons.as_dict()
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0
