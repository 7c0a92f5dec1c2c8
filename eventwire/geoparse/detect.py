"""Place-mention detectors: each a small function that reads the text and records the names it
finds in a shared `Detection`, registered in `DETECTORS` in the order they run (an earlier
detector's span is taken: a later one never overlaps it). Detectors of a profile other than the
default run only with that profile (`profiles`).

  1. datelines ("ERBIL (Reuters) -", "ATLANTA -"), flagged relation="dateline";
  2. spaCy entities (`detect_ner`); capitalized n-grams the NER missed when the gazetteer knows
     them well enough (or, on a second look, when they are towns of the divisions the document
     is about); dotted abbreviations ("U.S.", "Ga."); lowercase demonyms ("soldats maliens");
     and every other occurrence of a name found once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from eventwire.gazetteer import Candidate, Gazetteer, name_key
from eventwire.geoparse import detect_us
from eventwire.geoparse.common import (
    DEMONYM,
    DOCUMENT_FOCUS,
    IN_NAME,
    clean_name,
    spans_overlap,
    strong,
)
from eventwire.geoparse.datelines import find_datelines
from eventwire.geoparse.detect_ner import entities
from eventwire.geoparse.names import ABBREV_RE, LOCATIVE_RE, ngram_re, sentence_start, subspans
from eventwire.geoparse.profiles import CONFLICT, DEFAULT_PROFILE, US_LOCAL
from eventwire.geoparse.state import Detection, Raw
from eventwire.geoparse.vocab import building_re, ngram_stop_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DETECTORS", "Raw", "detect", "detection"]


def datelines(st: Detection) -> None:
    """1. datelines the gazetteer knows."""
    for start, end, name in find_datelines(st.text):
        if st.free((start, end)) and st.gazetteer.has_name(name):
            st.add(start, end, name, "dateline", "dateline")


def _ngram_acceptor(st: Detection, start: int) -> Callable[..., bool]:
    """Return the test of a capitalized n-gram (or a part of it) starting at `start`."""
    locative = bool(LOCATIVE_RE.search(st.text[max(0, start - 12) : start]))
    initial = sentence_start(st.text, start)

    def accept(name: str, found: list[Candidate], whole: bool = False) -> bool:
        if st.demonym(name, found):
            return True  # "The Czechs are...": a people the NER missed
        if not found:
            return False
        if strong(found) or st.supported(found):
            return not (initial and name.lower() in ngram_stop_words())
        return whole and locative and not initial and any(c.primary for c in found)

    return accept


def _two_capitals(st: Detection, m: re.Match[str], name: str) -> None:
    """ "US", "UK", "EU"; with the us-local profile, a state code after a town ("Portland, OR")."""
    found = st.gazetteer.candidates(name)
    after_town = st.us_local and bool(re.search(r"[a-z],\s*$", st.text[max(0, m.start() - 3) : m.start()]))
    if any(c.feature in ("country", "region") or (after_town and c.feature == "admin1") for c in found):
        st.add(m.start(), m.start() + 2, name, "gazetteer", None)


def ngrams(st: Detection) -> None:
    """2b. capitalized n-grams the NER missed, or the well-known places inside them."""
    text, gazetteer, doc = st.text, st.gazetteer, st.doc
    for m in ngram_re().finditer(text):
        span = (m.start(), m.end())
        if not st.free(span) or any(spans_overlap(span, t) for t in st.blocked):
            continue
        accept = _ngram_acceptor(st, m.start())
        name = clean_name(m.group(0))
        if (
            doc is not None
            and " " not in name
            and doc.vocab[name.lower()].is_stop
            and not (name.isupper() and len(name) == 2)
        ):
            continue  # "Most", "Will", "May" opening a sentence ("US" is not the pronoun "us")
        if name.isupper() and len(name) == 2:
            _two_capitals(st, m, name)
            continue
        if not name or name.lower() in ngram_stop_words() or len(name) < 3:
            parts = []
        elif accept(name, gazetteer.candidates(name), whole=True):
            start = m.start() + m.group(0).find(name)
            parts = [(start, start + len(name), name)]
        elif " " in name and building_re().fullmatch(name.rsplit(" ", 1)[1]):
            # "Nordland Avenue" is a street in the story's town, not Norway's Nordland
            start = m.start() + m.group(0).find(name)
            st.add(start, start + len(name), name, "gazetteer", DOCUMENT_FOCUS)
            parts = []
        else:
            parts = subspans(text, m.start(), m.end(), gazetteer, accept)
        for s0, e0, n0 in parts:
            st.add(
                s0,
                e0,
                n0,
                "gazetteer",
                DEMONYM if st.demonym(n0, gazetteer.candidates(n0)) else None,
            )


def abbreviations(st: Detection) -> None:
    """2c. dotted abbreviations: "U.S.", "Ga.", "W.Va.", "D.C."."""
    for m in ABBREV_RE.finditer(st.text):
        surface = m.group(0).strip()
        span = (m.start(), m.start() + len(surface))
        if not st.free(span):
            continue
        if st.gazetteer.abbreviation(surface) is not None or any(
            c.feature in ("country", "admin1", "region") for c in st.gazetteer.candidates(surface)
        ):
            st.add(span[0], span[1], surface, "gazetteer", None)


def lowercase_demonyms(st: Detection) -> None:
    """2c'. lowercase demonyms ("soldats maliens", "forces américaines"): never places, but they
    tell which country the story is about."""
    for m in re.finditer(r"(?<![\w'’-])[a-zà-ÿ][a-zà-ÿ\-]{3,}(?![\w'’-])", st.text):
        span = (m.start(), m.end())
        if name_key(m.group(0)) in st.gazetteer.demonym_keys and st.free(span):
            st.add(span[0], span[1], m.group(0), "gazetteer", DEMONYM)


def one_sense(st: Detection) -> None:
    """2d. one sense per document: a name found as a place once is a place wherever else it is
    written (the NER tags "Gainesville" PERSON in one sentence and GPE in the next), unless it
    is part of a person's longer name."""
    persons = [(e.start_char, e.end_char) for e in st.person_ents()]
    known = {r[2]: r[4] for r in st.raw if r[4] in (None, IN_NAME, DEMONYM, "dateline", DOCUMENT_FOCUS)}
    for name, relation in known.items():
        if len(name) < 3:
            continue
        for span in _written_alone(st.text, name):
            if not st.free(span):
                continue
            if any(spans_overlap(span, p) and p != span for p in persons):
                continue
            inside_org = any(spans_overlap(span, b) and b != span for b in st.blocked)
            rel = relation if relation in (DEMONYM, DOCUMENT_FOCUS) else IN_NAME if inside_org else None
            st.add(span[0], span[1], name, "propagated", rel)


def _written_alone(text: str, name: str) -> Iterator[tuple[int, int]]:
    r"""Yield the spans of `name` in `text` not inside a longer word nor after a dot: the matches
    of `(?<![\w.])NAME(?![\w])`, found without compiling a pattern per name (a character is a
    word character for `re` when it is alphanumeric or "_")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1] if at > 0 else ""
        after = text[end] if end < len(text) else ""
        if (not before or not (before.isalnum() or before in "_.")) and (
            not after or not (after.isalnum() or after == "_")
        ):
            yield at, end
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)


# (name, detector, profile) in the order they run.
DETECTORS: tuple[tuple[str, Callable[[Detection], None], str], ...] = (
    ("datelines", datelines, CONFLICT),
    ("plural_divisions", detect_us.plural_divisions, US_LOCAL),
    ("entities", entities, CONFLICT),
    ("ngrams", ngrams, CONFLICT),
    ("home_towns", detect_us.home_towns, US_LOCAL),
    ("party_towns", detect_us.party_towns, US_LOCAL),
    ("abbreviations", abbreviations, CONFLICT),
    ("lowercase_demonyms", lowercase_demonyms, CONFLICT),
    ("listed_towns", detect_us.listed_towns, US_LOCAL),
    ("one_sense", one_sense, CONFLICT),
)


def detect(
    text: str,
    doc: Doc | None,
    *,
    lang: str,
    gazetteer: Gazetteer,
    support: frozenset[tuple[str, str]] = frozenset(),
    profile: str = DEFAULT_PROFILE,
) -> list[Raw]:
    """Return (start, end, name, method, relation) of every toponym, demonym included, in text
    order: the names the detectors of `profile` find (the default ones always run)."""
    return detection(text, doc, lang=lang, gazetteer=gazetteer, support=support, profile=profile).raw


def detection(
    text: str,
    doc: Doc | None,
    *,
    lang: str,
    gazetteer: Gazetteer,
    support: frozenset[tuple[str, str]] = frozenset(),
    profile: str = DEFAULT_PROFILE,
) -> Detection:
    """Run the detectors of `profile` on a text; return their state, its `raw` in text order
    (see `detect`), with what they asked their support (`Detection.support_matters`)."""
    st = Detection(text=text, doc=doc, lang=lang, gazetteer=gazetteer, profile=profile, support=support)
    for _, detector, needs in DETECTORS:
        if needs == CONFLICT or needs == profile:
            detector(st)
    st.raw.sort(key=lambda r: r[0])
    return st
