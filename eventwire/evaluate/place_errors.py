"""Places beyond tolerance, by what the prediction's place is (`eventwire eval --breakdown`).

Two kinds of case, each one prediction set against one gold event:

    too_far      a required gold event missed as too_far (breakdown.miss_reason), against the
                 nearest of its article's predictions of the same country and day
    matched_far  a matched pair whose places are over 25 km apart

Every case is counted once on each axis (the first category that holds), from the output
columns, the location's provenance and the article text (counts only; no text is reported):

    geo_precision  the prediction's ACLED geo_precision: 1, 2, 3 or none
    site           what the predicted point is: the dateline's town; the country's capital; a
                   first- or second-level division's point (the location is its admin1/admin2);
                   the whole country; else another named place
    provenance     how the location coder got it: its method, with the dateline and capital
                   fallbacks, the article's main place and the known place an unknown village is
                   coded near (@admin1, @admin2, @town) told apart
    gold_named     how the text names the gold place: a name in the text that the gazetteer
                   places within 25 km of gold, in the prediction's evidence or elsewhere
                   (known_in_evidence / known_elsewhere: a mention the coder could have chosen,
                   or a namesake it took instead); else the prediction has the gold name
                   (same_name: a place the gazetteer lacks, coded at an anchor); else the gold
                   name is written, in any spelling of the gazetteer's variant keys ("Kerouli" as
                   "Keruli"), in the evidence or elsewhere (unknown_in_evidence /
                   unknown_elsewhere: the gazetteer could not resolve it); else not_named
    distance       25-100 km, 100-300 km, over 300 km, or no coordinates (another name)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.evaluate.matching import (
    LOCATION_RIGHT_MAX_KM,
    country_agrees,
    day_within_tolerance,
    event_distance_km,
)
from eventwire.evaluate.scorer import ArticleScore, Summary, evidence_texts
from eventwire.gazetteer.names import name_key
from eventwire.gazetteer.variants import variant_key
from eventwire.geo import haversine_km
from eventwire.lang.fold import fold_key

KINDS = ("too_far", "matched_far")
# axis -> category -> one-line meaning, in the order the categories are tested
AXES: dict[str, dict[str, str]] = {
    "geo_precision": {
        "1": "the predicted place is a town or site",
        "2": "near a town, or a small area",
        "3": "a large area (a division, a capital for a country)",
        "none": "no geo_precision",
    },
    "site": {
        "dateline": "the dateline's town",
        "capital": "the country's capital",
        "admin1": "a first-level division's point",
        "admin2": "a second-level division's point",
        "country": "the whole country",
        "other": "another named place",
    },
    "gold_named": {
        "known_in_evidence": "a known place within 25 km of gold is named in the event's sentences",
        "known_elsewhere": "... named elsewhere in the article",
        "same_name": "the prediction has the gold name; no known place near gold is named",
        "unknown_in_evidence": "gold name in the event's sentences, no known place near it",
        "unknown_elsewhere": "gold name elsewhere in the article, no known place near it",
        "not_named": "the article names neither",
    },
    "distance": {
        "25-100 km": "",
        "100-300 km": "",
        ">300 km": "",
        "no coordinates": "no point on one side, other names",
    },
}
DISTANCE_BINS = ((100.0, "25-100 km"), (300.0, "100-300 km"))
# The predicted point is the capital's, a division's or the dateline town's within this.
SAME_POINT_KM = 5.0
# A capitalised run of at most this many words is looked up as a name.
NAME_MAX_WORDS = 4
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


class PlaceLookup(Protocol):
    """What the table needs from the gazetteer (eventwire.gazetteer.Gazetteer)."""

    def candidates(self, name: str, *, country: str | None = None) -> list[Any]: ...

    def capital(self, iso: str) -> Any | None: ...


@dataclass(frozen=True)
class PlaceErrors:
    """Counts of the cases of each kind by axis and category, and the commonest combinations."""

    cases: dict[str, int]  # kind -> cases
    axes: dict[str, dict[str, dict[str, int]]]  # axis -> category -> kind -> cases
    combinations: dict[str, int] = field(default_factory=dict)  # "site | gold_named | distance"

    def as_dict(self) -> dict[str, Any]:
        """Return the `place_errors` object of `eval --breakdown --json`."""
        return {"cases": dict(self.cases), "axes": self.axes, "combinations": dict(self.combinations)}


# Whether a missed gold event is too_far among its article's predictions (breakdown.miss_reason).
TooFar = Callable[[dict[str, Any], tuple[dict[str, Any], ...]], bool]


def place_errors(summary: Summary, too_far: TooFar, gazetteer: PlaceLookup | None = None) -> PlaceErrors:
    """Return the table of predictions placed beyond tolerance (module docstring); the gazetteer
    is loaded on first need when not given."""
    cases = [(kind, gold, pred, a) for a in summary.articles for kind, gold, pred in far_cases(a, too_far)]
    counts: dict[str, dict[str, Counter[str]]] = {axis: {k: Counter() for k in KINDS} for axis in AXES}
    counts["provenance"] = {k: Counter() for k in KINDS}
    combos: Counter[str] = Counter()
    if cases and gazetteer is None:
        from eventwire.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    for kind, gold, pred, article in cases:
        assert gazetteer is not None
        values = classify(gold, pred, article.text, gazetteer)
        for axis, value in values.items():
            counts[axis][kind][value] += 1
        combos[" | ".join(values[a] for a in ("site", "gold_named", "distance"))] += 1
    axes: dict[str, dict[str, dict[str, int]]] = {}
    for axis, by_kind in counts.items():
        order = list(AXES.get(axis, {})) or sorted({c for k in KINDS for c in by_kind[k]})
        axes[axis] = {c: {k: by_kind[k][c] for k in KINDS} for c in order}
    return PlaceErrors(
        cases={k: sum(1 for c in cases if c[0] == k) for k in KINDS},
        axes=axes,
        combinations=dict(combos.most_common()),
    )


def far_cases(article: ArticleScore, too_far: TooFar) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Return the article's (kind, gold, prediction) cases (module docstring)."""
    out = [
        ("matched_far", p.gold, p.predicted)
        for p in article.pairs
        if p.distance_km is not None and p.distance_km > LOCATION_RIGHT_MAX_KM
    ]
    for gold in article.misses:
        if not too_far(gold, article.predictions):
            continue
        near = [p for p in article.predictions if day_within_tolerance(gold, p) and country_agrees(gold, p)]
        if near:
            d = [event_distance_km(gold, p) for p in near]
            out.append(("too_far", gold, near[min(range(len(near)), key=lambda i: (d[i] is None, d[i] or 0.0))]))
    return out


def classify(gold: dict[str, Any], pred: dict[str, Any], text: str, gazetteer: PlaceLookup) -> dict[str, str]:
    """Return one category per axis for a prediction placed beyond tolerance of a gold event."""
    precision = pred.get("geo_precision")
    return {
        "geo_precision": str(precision) if precision in (1, 2, 3) else "none",
        "site": site(pred, text, gazetteer),
        "provenance": provenance(pred),
        "gold_named": gold_named(gold, pred, text, gazetteer),
        "distance": distance_bin(event_distance_km(gold, pred)),
    }


def site(pred: dict[str, Any], text: str, gazetteer: PlaceLookup) -> str:
    """Return what the predicted point is: dateline, capital, admin1, admin2, country or other."""
    from eventwire.geoparse.datelines import find_datelines

    location = fold_key(pred.get("location"))
    why = str(_location_provenance(pred).get("reason") or "")
    if "dateline" in why or (location and location in {fold_key(n) for _, _, n in find_datelines(text)}):
        return "dateline"
    iso = pred.get("iso") or ""
    capital = gazetteer.capital(iso) if iso else None
    if capital is not None and (location == fold_key(capital.name) or _near(pred, capital)):
        return "capital"
    for level in ("admin1", "admin2"):
        if location and location == fold_key(pred.get(level)):
            return level
        named = gazetteer.candidates(pred.get("location") or "", country=iso or None) if location else []
        if any(c.feature == level and _near(pred, c) for c in named):
            return level
    if location and location == fold_key(pred.get("country")):
        return "country"
    return "other"


def provenance(pred: dict[str, Any]) -> str:
    """Return the location coder's method, with its fallbacks named (module docstring)."""
    loc = _location_provenance(pred)
    method, why = str(loc.get("method") or "none"), str(loc.get("reason") or "")
    if "dateline" in why:
        return f"{method}+dateline"
    if "capital" in why:
        return f"{method}+capital"
    if "main town" in why or "main area" in why:
        return f"{method}+document_focus"
    if "coded near " in why:  # an unknown village: which kind of known place anchors it
        anchor = fold_key(why.rsplit("coded near ", 1)[1].split(" (geo_precision")[0])
        kind = next((c for c in ("admin1", "admin2", "country") if anchor == fold_key(pred.get(c))), "town")
        return f"{method}@{kind}"
    return method


def gold_named(gold: dict[str, Any], pred: dict[str, Any], text: str, gazetteer: PlaceLookup) -> str:
    """Return where the text names the gold place (module docstring)."""
    name = fold_key(gold.get("location"))
    evidence = " ".join(evidence_texts(pred))
    if _names_near(evidence, gold, gazetteer):
        return "known_in_evidence"
    if _names_near(text, gold, gazetteer):
        return "known_elsewhere"
    if name and name == fold_key(pred.get("location")):
        return "same_name"
    if name and _contains(evidence, gold["location"]):
        return "unknown_in_evidence"
    if name and _contains(text, gold["location"]):
        return "unknown_elsewhere"
    return "not_named"


def distance_bin(km: float | None) -> str:
    """Return the distance category of a case (over 25 km, or None without coordinates)."""
    if km is None:
        return "no coordinates"
    return next((label for top, label in DISTANCE_BINS if km <= top), ">300 km")


def _location_provenance(pred: dict[str, Any]) -> dict[str, Any]:
    loc = (pred.get("provenance") or {}).get("location")
    return loc if isinstance(loc, dict) else {}


def _near(pred: dict[str, Any], place: Any) -> bool:
    lat, lon = pred.get("latitude"), pred.get("longitude")
    if lat is None or lon is None or place.latitude is None:
        return False
    return haversine_km(lat, lon, place.latitude, place.longitude) <= SAME_POINT_KM


def _contains(text: str, name: str) -> bool:
    """Return whether the text writes the name, compared as gazetteer keys (accents, case,
    Arabic articles and doubled letters aside: "Al-Qassim" is written "el Qasim"), or as variant
    keys of its capitalised names ("Tin-Kerwatene" for "Tinkerouatene", gazetteer.variants)."""
    key = name_key(name)
    if not key:
        return False
    if f" {key} " in f" {name_key(text)} ":
        return True
    variant = variant_key(key)
    return bool(variant) and any(variant_key(name_key(n)) == variant for n in _capitalised_names(text))


def _names_near(text: str, gold: dict[str, Any], gazetteer: PlaceLookup) -> bool:
    """Return whether a capitalised name of the text is a gazetteer place of the gold event's
    country within 25 km of its point."""
    lat, lon, iso = gold.get("latitude"), gold.get("longitude"), gold.get("iso")
    if lat is None or lon is None or not text:
        return False
    for name in _capitalised_names(text):
        for c in gazetteer.candidates(name, country=iso or None):
            if c.latitude is not None and haversine_km(lat, lon, c.latitude, c.longitude) <= LOCATION_RIGHT_MAX_KM:
                return True
    return False


def _capitalised_names(text: str) -> Iterable[str]:
    """Yield every run of 1..NAME_MAX_WORDS words opening on a capitalised one, once each."""
    words = [(m.group(), m.end()) for m in _WORD.finditer(text)]
    seen: set[str] = set()
    for i, (word, _) in enumerate(words):
        if not word[0].isupper():
            continue
        for j in range(i, min(i + NAME_MAX_WORDS, len(words))):
            name = " ".join(w for w, _ in words[i : j + 1])
            if name not in seen:
                seen.add(name)
                yield name
