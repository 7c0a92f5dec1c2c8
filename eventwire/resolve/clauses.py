"""Split a sentence's incident over the coordinated clauses that each report one at their place.

ACLED codes one event per location per day: "Des hommes armés ont attaqué dimanche Kolo et
incendié des maisons à Bera", "Gunmen raided Kolo and burned the market of Bera", "cinq soldats
ont été tués près de Kolo, tandis qu'à Bera trois civils ont été tués" report two incidents, one
at each town, although the sentence yields one incident mention. `split_clause_places` makes
such a mention one per clause: a clause whose verb is coordinated with the first one ("and",
"et") or set against it ("tandis que", "while", "whereas"), holds an incident cue of its own
and names a precise place of the article's country that the first clause does not name.

Each clause keeps the toll its own words give (a casualty phrase inside that clause, counted over
that clause alone when both clauses give one) and the clause without one keeps none of it; the ordinal keeps the resolver from merging them back
(as for listed places, normalize.mentions.normalize_mentions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.extract.lexicon import CueMatch, PhraseSet, Taxonomy, doc_cues
from eventwire.models import EVENT_MODALITIES, Casualties, Mention, Place, PlaceMention, Span
from eventwire.nlp.doc_cache import doc_text
from eventwire.normalize.casualties import count_casualties
from eventwire.normalize.incident_place import LOCATIVE_BEFORE
from eventwire.normalize.village_places import locative_names

# Dependency labels that tie a second clause to the first: coordination, and an adverbial clause
# whose marker sets it against the first ("tandis qu'à Bera…", "while in Bera…").
COORDINATED = frozenset({"conj"})
CONTRASTIVE = frozenset({"advcl"})
CONTRAST_MARKERS = frozenset({"tandis", "alors", "while", "whereas"})
NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]+")
AREA_FEATURES = frozenset({"country", "admin1", "admin2", "region"})
# a town itself or "near" it (ACLED geo_precision 1-2); "20 km north of" places nothing there
NEAR_RELATIONS = frozenset({None, "near"})


def _clause_verb(token: Token) -> Token:
    """Return the verb that governs a token (itself when it is one)."""
    t = token
    while t.pos_ not in {"VERB", "AUX"} and t.head.i != t.i:
        t = t.head
    return t


def _linked(first: Token, second: Token) -> bool:
    """Return whether `second` heads a clause coordinated with, or set against, `first`'s clause
    (attached to `first` or to a word of its clause: parsers often hang a coordinated verb on
    the first verb's object)."""
    if second.i == first.i or second.head.i == second.i or _clause_verb(second.head).i != first.i:
        return False
    if second.dep_ in COORDINATED:
        return True
    if second.dep_ in CONTRASTIVE:
        return any(
            c.lower_ in CONTRAST_MARKERS for c in second.subtree if c.i < second.i and c.dep_ in {"mark", "advmod"}
        )
    return False


def _precise(p: PlaceMention | None) -> bool:
    """Return whether a place mention names a town or village, itself or near it."""
    return (
        p is not None
        and p.place is not None
        and p.relation in NEAR_RELATIONS
        and p.place.feature not in AREA_FEATURES
        and p.place.geo_precision <= 2
    )


def _tokens_of(doc: Doc, p: PlaceMention) -> Token | None:
    span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def split_clause_places(
    mentions: list[Mention],
    doc: Doc,
    places: tuple[PlaceMention, ...],
    *,
    taxonomy: Taxonomy,
    triggers: PhraseSet,
    resolve: Callable[[str], Place | None] | None = None,
) -> list[Mention]:
    """Return the mentions with each one whose sentence tells a second incident, in a clause of
    its own at another precise place, made one mention per clause (see the module docstring)."""
    out: list[Mention] = []
    for m in mentions:
        extra = None
        if m.modality in EVENT_MODALITIES and m.ordinal is None and not m.anaphoric and _precise(m.place):
            extra = _second_clause(m, doc, places, taxonomy=taxonomy, triggers=triggers, resolve=resolve)
        if extra is None:
            out.append(m)
            continue
        second_place, (lo, hi) = extra
        first_c, second_c = _clause_tolls(m, doc, lo, hi)
        out.append(replace(m, ordinal=1, casualties=first_c))
        out.append(replace(m, place=second_place, ordinal=2, count=1, plural=False, casualties=second_c))
    return out


def _clause_tolls(m: Mention, doc: Doc, lo: int, hi: int) -> tuple[Casualties | None, Casualties | None]:
    """Return the tolls of a sentence's first clause and of its second clause (`lo`-`hi`): each
    counted over its own words ("nine were killed in Kolo and two were killed in Bera": 9 and 2,
    never the sentence's 11; ACLED codes each event's own toll); a clause that gives none keeps
    none, and when neither does alone, the first keeps the sentence's."""
    c = m.casualties
    if c is None or c.method == "none":
        return c, None
    text, start, end = doc_text(doc), m.sentence.start, m.sentence.end
    second = count_casualties(text, lang=doc.lang_, spans=[Span(lo, hi, text[lo:hi])])
    first = count_casualties(text, lang=doc.lang_, spans=[Span(start, lo, text[start:lo]), Span(hi, end, text[hi:end])])
    if first.method == "none" and second.method == "none":
        return c, None
    return (first if first.method != "none" else None), (second if second.method != "none" else None)


def _second_clause(
    m: Mention,
    doc: Doc,
    places: tuple[PlaceMention, ...],
    *,
    taxonomy: Taxonomy,
    triggers: PhraseSet,
    resolve: Callable[[str], Place | None] | None = None,
) -> tuple[PlaceMention, tuple[int, int]] | None:
    """Return the place of a second incident clause of a mention's sentence, and the clause's
    character range, or None when the sentence tells one incident."""
    own = m.place
    assert own is not None and own.place is not None, "called for a mention at a precise place"
    own_place = own.place
    own_tok = _tokens_of(doc, own)
    if own_tok is None:
        return None
    own_verb = _clause_verb(own_tok)
    sent = own_tok.sent
    cues = [c for c in doc_cues(doc, triggers, start=sent.start, end=sent.end) if c.cls in taxonomy.anchors]
    text = doc_text(doc)
    sentence = Span(sent.start_char, sent.end_char, sent.text)
    inside = [p for p in places if sentence.start <= p.span.start < sentence.end]
    # names after a locative word ("à Bera", "in Bera", "attacked Bera") the geoparse missed,
    # looked up in the mention's country
    for q in locative_names(text, sentence, inside, places) + _after_locative(text, sentence, inside):
        if q.place is None and resolve is not None:
            q = replace(q, place=resolve(q.name))
        inside.append(q)
    for p in inside:
        if not (sent.start_char <= p.span.start < sent.end_char) or not _precise(p):
            continue
        # _precise(p): p.place is set
        if p.place is None or p.place.iso != own_place.iso or p.place.name == own_place.name:
            continue
        tok = _tokens_of(doc, p)
        if tok is None:
            continue
        verb = _clause_verb(tok)
        # the two clauses, whichever of them names the mention's own place
        for first, second, first_tok in ((own_verb, verb, own_tok), (verb, own_verb, tok)):
            if not _linked(first, second):
                continue
            clause = {t.i for t in second.subtree}
            rest = {t.i for t in first.subtree} - clause
            if first_tok.i in rest and _has_cue(cues, clause) and _has_cue(cues, rest):
                inner = clause if second.i == verb.i else rest
                lo = min(doc[i].idx for i in inner)
                hi = max(doc[i].idx + len(doc[i]) for i in inner)
                return p, (lo, hi)
    return None


def _after_locative(text: str, sentence: Span, taken: list[PlaceMention]) -> list[PlaceMention]:
    """Return the capitalised names right after a locative word of a sentence, unresolved."""
    out = []
    for m in NAME.finditer(text, sentence.start, sentence.end):
        if any(c.span.start <= m.start() < c.span.end for c in taken) or m.start() == sentence.start:
            continue
        if LOCATIVE_BEFORE.search(text[max(sentence.start, m.start() - 30) : m.start()]):
            out.append(PlaceMention(Span(m.start(), m.end(), m.group(0)), m.group(0), None, "locative"))
    return out


def _has_cue(cues: list[CueMatch], tokens: set[int]) -> bool:
    return any(c.start in tokens for c in cues)
