"""Runs an extractor (the pipeline by default) over a gold file and scores it.

`run_eval` is what `eventwire eval` and the quality floors call; the pipeline extractors ingest
each gold article as a document, and `resolved_pipeline_extractor` also resolves all of them into
one in-memory store so cross-document links are scored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eventwire.evaluate.gold import GoldArticle, load_gold
from eventwire.evaluate.scorer import Summary, aggregate, score_article
from eventwire.models import Skip

log = logging.getLogger(__name__)

Extractor = Callable[[GoldArticle], list[dict[str, Any]] | Skip]


def run_eval(
    gold_path: str | Path, *, extractor: Extractor | None = None, resolve: bool = True, limit: int | None = None
) -> Summary:
    """Return the Summary of an extractor (the full pipeline by default) over a gold file.

    The extractor takes a GoldArticle and returns output-contract event dicts, or a Skip, which
    counts as zero predictions and is reported on the article's score. With the pipeline and
    `resolve` (the default), every article is first ingested into a throw-away in-memory store
    with cross-document resolution, and each article's events are scored with the id of the
    stored event they joined, so xdoc_precision/xdoc_recall measure resolution (issue 6); the
    other figures are those of the article's own events. An injected extractor's event ids are
    used as they are. `limit` scores the file's first `limit` articles only.
    """
    articles = load_gold(gold_path)[:limit]
    if extractor is None and resolve:
        extract: Extractor = resolved_pipeline_extractor(articles)
    else:
        extract = extractor if extractor is not None else pipeline_extractor
    scores = []
    for article in articles:
        result = extract(article)
        if isinstance(result, Skip):
            log.warning("article %s skipped: %s (%s)", article.id, result.reason, result.detail)
            scores.append(score_article(article, [], skip=result))
        else:
            scores.append(score_article(article, result))
    return aggregate(scores)


def pipeline_extractor(article: GoldArticle) -> list[dict[str, Any]] | Skip:
    """Return the pipeline's events for a gold article, ingested as its text with its metadata."""
    result = pipeline_result(article)
    if isinstance(result, Skip):
        return result
    return [event.as_dict() for event in result.events]


def resolved_pipeline_extractor(articles: Sequence[GoldArticle]) -> Extractor:
    """Return an extractor giving each article's events with their cross-document event ids.

    All articles go through the pipeline and into one in-memory store with resolution (in file
    order) before the first one is scored.
    """
    from eventwire.store import open_store

    results: dict[str, Any] = {}
    with open_store(":memory:") as store:
        for article in articles:
            result = pipeline_result(article)
            if not isinstance(result, Skip):
                store.ingest(result)
            results[article.id] = result
        resolved = {
            article_id: store.resolved_event_ids(result.document.id)
            for article_id, result in results.items()
            if not isinstance(result, Skip)
        }

    def extract(article: GoldArticle) -> list[dict[str, Any]] | Skip:
        result = results[article.id]
        if isinstance(result, Skip):
            return result
        ids = resolved[article.id]
        return [{**event.as_dict(), "event_id": ids.get(event.event_id, event.event_id)} for event in result.events]

    return extract


def pipeline_result(article: GoldArticle) -> Any:
    """Return the pipeline's DocumentResult for a gold article (or the Skip saying why not)."""
    # Imported on first use: scoring injected predictions must not load spaCy or the gazetteers.
    from eventwire.ingest.text import read_text_document
    from eventwire.pipeline import extract_events

    document = read_text_document(
        article.text,
        origin=article.id,
        published=article.published,
        title=article.title,
        url=article.url,
        outlet=article.source,
        lang=article.lang,
        external_id=article.id,
    )
    if isinstance(document, Skip):
        return document
    return extract_events(document)
