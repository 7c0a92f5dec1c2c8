"""Geoparsing scores against GeoWebNews (GWN.xml) and LGL (lgl.xml) style gold corpora.

Figures per corpus, as in Gritta et al. 2019 ("A Pragmatic Guide to Geoparsing Evaluation"):
  - end-to-end: each gold toponym with coordinates is matched to an overlapping predicted
    mention of `find_toponyms` (the geoparser proper: it also returns demonyms, place names
    inside organisation names and unknown streets placed at the document's main town, which
    both gold standards count as toponyms); a miss (no mention, or no place) counts as not
    within 161 km (recall);
  - end-to-end, place mentions only: the same with `find_place_mentions`, what the event
    pipeline uses (no demonyms, no names inside organisation names);
  - resolution: each gold span's text is geocoded with the document's context (the countries and
    admin1 areas our own mentions named), which isolates the gazetteer ranking from the NER.
Errors are great-circle km; AUC is the mean of log(1 + km) / log(20039) (lower is better).
"""

from __future__ import annotations

import logging
import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.gazetteer import Gazetteer, load_gazetteer
from eventwire.geo import haversine_km
from eventwire.geoparse import find_place_mentions, find_toponyms, geocode_place
from eventwire.geoparse.profiles import US_LOCAL
from eventwire.geoparse.rank import AreaKey

log = logging.getLogger(__name__)

ACCURACY_KM = 161.0  # 100 miles, the customary geoparsing threshold
MAX_ERROR_KM = 20039.0  # half the Earth's circumference, for AUC normalization


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_geoparse_corpus(path: Path | str) -> list[GoldArticle]:
    """Return the articles of an LGL- or GWN-format XML file, keeping toponyms with coordinates."""
    root = ET.parse(path).getroot()
    articles = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        toponyms = []
        for t in art.iter("toponym"):
            start, end = t.findtext("start"), t.findtext("end")
            gaz = t.find("gaztag")
            if gaz is not None:  # LGL
                lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
                surface = t.findtext("phrase") or ""
            else:  # GWN
                lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
                surface = t.findtext("extractedName") or ""
            if lat is None or lon is None or start is None or end is None:
                continue
            toponyms.append(GoldToponym(int(start), int(end), surface, lat, lon))
        articles.append(
            GoldArticle(
                id=art.get("docid") or art.get("file") or str(i),
                text=text,
                toponyms=tuple(toponyms),
            )
        )
    return articles


def _summary(errors: list[float | None], total: int) -> dict:
    found = [e for e in errors if e is not None]
    within = sum(1 for e in found if e <= ACCURACY_KM)
    auc_terms = [math.log1p(e) / math.log(MAX_ERROR_KM) for e in found]
    auc_terms += [1.0] * (total - len(found))
    return {
        "toponyms": total,
        "resolved": len(found),
        "accuracy_161km": round(within / total, 4) if total else None,
        "accuracy_161km_of_resolved": round(within / len(found), 4) if found else None,
        "median_km": round(statistics.median(found), 1) if found else None,
        "mean_km": round(statistics.fmean(found), 1) if found else None,
        "auc": round(statistics.fmean(auc_terms), 4) if auc_terms else None,
    }


@dataclass
class _Tally:
    """What the articles scored so far add up to (one error per gold toponym, None = missed)."""

    e2e: list[float | None] = field(default_factory=list)
    e2e_places: list[float | None] = field(default_factory=list)
    resolution: list[float | None] = field(default_factory=list)
    detected: int = 0
    detected_places: int = 0
    geoparse_seconds: float = 0.0
    predicted_total: int = 0
    predicted_matching: int = 0
    worst: Counter[str] = field(default_factory=Counter)


def evaluate_geoparse(
    corpus_path: Path | str,
    *,
    gazetteer: Gazetteer | None = None,
    nlp=None,
    limit: int | None = None,
    profile: str = US_LOCAL,
    end_to_end_only: bool = False,
) -> dict:
    """Return end-to-end and resolution-only geoparsing scores on an English gold corpus.

    `profile` names the geoparser's detector profile: "us-local" by default, because the gold
    corpora this reads (GeoWebNews, LGL) are US local news. `end_to_end_only` skips the place
    mentions and resolution-only passes (their sections are then absent): the quality gate pins
    the end-to-end figure only."""
    from eventwire.nlp.pipelines import load_pipeline

    gazetteer = gazetteer or load_gazetteer()
    nlp = nlp or load_pipeline("en")
    articles = read_geoparse_corpus(corpus_path)[:limit]
    tally = _Tally()
    texts = [a.text for a in articles]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        _score_article(article, doc, gazetteer, tally, profile=profile, end_to_end_only=end_to_end_only)
    total = len(tally.e2e)
    report = {
        "corpus": str(corpus_path),
        "articles": len(articles),
        "gold_toponyms": total,
        "end_to_end": {
            **_summary(tally.e2e, total),
            "detection_recall": round(tally.detected / total, 4) if total else None,
            "precision_overlap": round(tally.predicted_matching / tally.predicted_total, 4)
            if tally.predicted_total
            else None,
        },
        "end_to_end_place_mentions": {
            **_summary(tally.e2e_places, total),
            "detection_recall": round(tally.detected_places / total, 4) if total else None,
        },
        "resolution": _summary(tally.resolution, total),
        "geoparse_ms_per_article": round(1000 * tally.geoparse_seconds / len(articles), 1) if articles else None,
        "frequent_errors": tally.worst.most_common(25),
    }
    if end_to_end_only:
        for part in ("end_to_end_place_mentions", "resolution", "frequent_errors"):
            report.pop(part)
    return report


def _overlapping(mentions, gold: GoldToponym):
    return next((m for m in mentions if m.span.start < gold.end and gold.start < m.span.end), None)


def _score_article(
    article: GoldArticle,
    doc,
    gazetteer: Gazetteer,
    tally: _Tally,
    *,
    profile: str = US_LOCAL,
    end_to_end_only: bool = False,
) -> None:
    """Add one article's end-to-end and (unless `end_to_end_only`) place-mention and
    resolution-only errors to the tally."""
    started = time.perf_counter()
    mentions = find_toponyms(article.text, doc, lang="en", gazetteer=gazetteer, admin_point="centre", profile=profile)
    tally.geoparse_seconds += time.perf_counter() - started
    places_only = (
        []
        if end_to_end_only
        else find_place_mentions(
            article.text, doc, lang="en", gazetteer=gazetteer, admin_point="centre", profile=profile
        )
    )
    predicted = [m for m in mentions if m.place is not None]
    tally.predicted_total += len(predicted)
    context_countries: dict[str, float] = {}
    context_admin1: dict[AreaKey, float] = {}
    for named in (m.place for m in mentions if m.place is not None):
        weight = 1.0 if named.feature in ("country", "admin1") else 0.5
        context_countries[named.iso] = context_countries.get(named.iso, 0.0) + weight
        if named.feature == "admin1" and named.admin1:
            key = (named.iso, named.admin1)
            context_admin1[key] = context_admin1.get(key, 0.0) + 1
    gold_spans = [(g.start, g.end) for g in article.toponyms]
    tally.predicted_matching += sum(
        1 for m in predicted if any(m.span.start < e and s < m.span.end for s, e in gold_spans)
    )
    for g in article.toponyms:
        for found, errors, attr in (
            (_overlapping(mentions, g), tally.e2e, "detected"),
            (_overlapping(places_only, g), tally.e2e_places, "detected_places"),
        ):
            setattr(tally, attr, getattr(tally, attr) + (found is not None))
            hit = found.place if found is not None else None
            errors.append(
                haversine_km(hit.latitude, hit.longitude, g.lat, g.lon)
                if hit is not None and hit.latitude is not None and hit.longitude is not None
                else None
            )
        if end_to_end_only:
            continue
        surface = article.text[g.start : g.end] or g.text
        place = geocode_place(
            surface,
            gazetteer=gazetteer,
            context_countries=context_countries,
            context_admin1=context_admin1,
            admin_point="centre",
        )
        if place is None or place.latitude is None or place.longitude is None:
            tally.resolution.append(None)
            tally.worst[f"unknown: {surface}"] += 1
            continue
        km = haversine_km(place.latitude, place.longitude, g.lat, g.lon)
        tally.resolution.append(km)
        if km > ACCURACY_KM:
            tally.worst[f"{surface} -> {place.name}, {place.admin1 or ''} {place.iso}"] += 1
