"""Unknown villages (rule 3 of normalize.incident_place): the names a sentence gives as
localities that the gazetteer does not know, and how one is coded to the nearest known place.

ACLED keeps a village the gazetteer lacks under its own name, coded to the nearest known place the
article gives (the town its apposition puts it in, the district it lies in) with geo_precision 2;
when only the country is known, its coordinates stay unknown rather than hundreds of km off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.extract.lexicon import fold
from eventwire.gazetteer import load_gazetteer
from eventwire.geoparse.common import WHERE_PREC
from eventwire.models import Place, PlaceMention, Span
from eventwire.normalize.doc_country import all_place_nouns, named_division
from eventwire.normalize.situated_villages import situating_place

# Words that make the next capitalized name a place even when NER missed it.
STRONG_LOCATIVE = re.compile(
    r"\b(?:(?:localité|localités|village|villages|commune|quartier|ville|town|village|area|district|"
    r"hameau|camp|secteur|arrondissement)\s+(?:de\s+|d['’]\s*|of\s+)?"
    # a verb whose object is the place attacked: "la seconde vague a visé Tazor"
    r"|(?:a|ont|avait|avaient)\s+(?:visé|ciblé|pris d'assaut)\s+|(?:targeted|raided|stormed)\s+)"
    r"((?:[A-ZÀ-Ý][\w'’-]+)(?:\s(?:[A-ZÀ-Ý0-9][\w'’-]*))?)"
)


# A name after a locative word, followed by the division it lies in, after a comma or in
# brackets ("clashed in Kerou, Tamba county", "near Kerou (Tamba district)", "à Kerou, dans la
# province du Tamba"): a village the entity recognizer missed, placed by its apposition.
APPOSED_NAME = re.compile(
    r"\b(?:in|at|near|outside|à|près\s+de|non\s+loin\s+de|aux\s+environs\s+de)\s+"
    r"([A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]*)?)(\s*,\s*(?:dans\s+)?(?:l[ae]\s+|l['’]\s*)?|\s*\(\s*)"
)


def _apposed_names(text: str, sentence: Span, candidates: list[PlaceMention]) -> Iterator[tuple[int, int]]:
    """Yield the spans of the names `APPOSED_NAME` finds whose apposition starts with a division
    the sentence's candidates resolved (a first- or second-level division, or a name followed by
    its division noun)."""
    for m in APPOSED_NAME.finditer(text, sentence.start, sentence.end):
        after = m.end(2)
        follow = [c for c in candidates if after <= c.span.start <= after + 30 and c.place is not None]
        head = text[after : follow[0].span.start] if follow else ""
        if (
            follow
            and re.fullmatch(
                r"(?:(?:province|région|region|district|cercle|préfecture|county|commune)"
                r"\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*|de\s+|d['’]\s*|of\s+)?)?",
                head,
            )
            and (
                follow[0].place.feature in ("admin1", "admin2") or named_division(text, follow[0])  # type: ignore[union-attr]
            )
        ):
            yield m.start(1), m.end(1)


def locative_names(
    text: str, sentence: Span, candidates: list[PlaceMention], known: tuple[PlaceMention, ...] = ()
) -> list[PlaceMention]:
    """Return names after "localité de", "the town of"… that no candidate covers yet.

    A name the document's geoparse resolved (`known`: it may have been left out of the
    candidates for standing inside a claim or reporting clause, "une vidéo revendiquant
    l'enlèvement … dans la localité de Merelo") keeps its resolved place.
    """
    found = []
    spans = [(m.start(1), m.end(1)) for m in STRONG_LOCATIVE.finditer(text, sentence.start, sentence.end)]
    spans += [s for s in _apposed_names(text, sentence, candidates) if s not in spans]
    for start, end in spans:
        if any(c.span.start <= start < c.span.end or start <= c.span.start < end for c in candidates):
            continue
        resolved = next((k for k in known if k.place is not None and k.span.start == start), None)
        if resolved is not None:
            found.append(resolved)
            continue
        found.append(
            PlaceMention(
                span=Span(start, end, text[start:end]),
                name=text[start:end],
                place=None,
                method="locative",
                reason="named as a locality; not in the gazetteer",
            )
        )
    return found


def village_mentions(
    text: str, sentence: Span, villages: frozenset[str], taken: list[PlaceMention]
) -> list[PlaceMention]:
    """Return the article's unknown localities (see `document_villages`) named in a sentence."""
    found: list[PlaceMention] = []
    for name in villages:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[sentence.start : sentence.end]):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if any(c.span.start < end and start < c.span.end for c in taken + found):
                continue
            found.append(
                PlaceMention(
                    span=Span(start, end, name),
                    name=name,
                    place=None,
                    method="document_village",
                    reason="named by the article as a locality; not in the gazetteer",
                )
            )
    return found


@cache
def load_folded_words(file_name: str, what: str = "words") -> frozenset[str]:
    """Return the folded words of a "language -> list" data file, all languages together."""
    data = read_language_lists(data_path(file_name), what=what)
    return frozenset(fold(str(w)) for words in data.values() for w in words)


def load_not_places() -> frozenset[str]:
    """Return the folded capitalized words that are never an unknown village (data/not_places.yaml)."""
    return load_folded_words("not_places.yaml")


def bare_name(name: str) -> str:
    """Return an unknown place's name less a lower-case place noun the recognizer took with it
    ("Kerou village" -> "Kerou", "Tamba town" -> "Tamba"; data/place_nouns.yaml)."""
    head, _, last = name.rpartition(" ")
    return head if head and last.islower() and fold(last) in all_place_nouns() else name


def derived_place(mention: PlaceMention, anchor: Place) -> PlaceMention:
    """Return an unknown toponym coded to an anchor place (ACLED geo_precision 2).

    When the nearest known place is the whole country its point (the capital) says nothing
    about where the village is: the village keeps its name and country, and its coordinates
    are unknown (null, with the reason) rather than hundreds of kilometres off.
    """
    name = bare_name(mention.span.text)
    if anchor.feature == "country":
        return replace(
            mention,
            name=name,
            place=replace(
                anchor,
                name=name,
                feature="village",
                geo_precision=2,
                geonameid=None,
                where_prec=6,
                latitude=None,
                longitude=None,
                admin1=None,
                admin2=None,
            ),
            method="unlocated",
            reason=f"{name} is not in the gazetteer and the article names no known place nearer "
            f"than {anchor.name}: coordinates unknown",
        )
    # UCDP where_prec says how far the anchor may be: a town's point (2), a second- (3) or a
    # first-level division's (4); a village coded at its district is less precise than one
    # coded at the town its apposition names, though both have ACLED geo_precision 2
    place = replace(
        _centre(anchor),
        name=name,
        feature="village",
        geo_precision=2,
        geonameid=None,
        where_prec=max(2, WHERE_PREC.get(anchor.feature, 2), anchor.where_prec or 2),
    )
    return replace(
        mention,
        name=name,
        place=place,
        method="nearest_known_place",
        reason=f"{name} is not in the gazetteer: coded near {anchor.name} (geo_precision 2)",
    )


def _centre(anchor: Place) -> Place:
    """Return a division anchor at its geographic centre: ACLED codes a division's events to its
    capital, but an unknown village of it ("Zanto, in Lolo district") lies anywhere there, on
    average nearest the centre (a geometric regularity). Other anchors stay as they are."""
    if anchor.feature != "admin2" or anchor.geonameid is None:
        return anchor
    for c in load_gazetteer().candidates(anchor.name, country=anchor.iso):
        if c.geonameid == anchor.geonameid and c.feature == anchor.feature:
            return replace(anchor, latitude=c.centre_latitude, longitude=c.centre_longitude)
    return anchor


# The opening of an apposition that describes a place: ", a village…", ", une localité…",
# ", village situé…" (group 1: the noun, checked against data/place_nouns.yaml).
_APPOSITION = re.compile(r"\s*,\s*(?:(?:a|an|the|un|une|le|la)\s+)?(?:small\s+|petit\s+|petite\s+)?([a-zà-ÿ]+)\b")


def apposition_place(
    text: str, village: PlaceMention, resolved: list[PlaceMention], main_iso: str | None
) -> PlaceMention | None:
    """Return the known place an unknown village's apposition puts it in ("Tazor, village de la
    commune de Bourem", "Tazor, a village in Bourem district"): ACLED codes the village, at that
    place with geo_precision 2. None when the village has no such apposition, when the place is
    not in the article's country, or when the apposition only gives a distance ("Tazor, a village
    near Gao": the town itself is coded near, as rule 1 does). Without a comma apposition, the
    place that owns or contains a village named after its place noun (normalize.situated_villages)."""
    if not village.span.text[:1].isupper() or fold(village.span.text) in load_not_places():
        return None
    m = _APPOSITION.match(text, village.span.end)
    if m is None or fold(m.group(1)) not in all_place_nouns():
        # "Tamba's town of Tazor", "la localité de Tazor, dans le cercle de Tamba"
        return situating_place(text, village, resolved, main_iso)
    for p in sorted(resolved, key=lambda q: q.span.start):
        between = text[village.span.end : p.span.start]
        if p.span.start < village.span.end or len(between) > 90 or re.search(r"[.;!?()]", between):
            continue
        if p.place is not None and p.relation is None and (main_iso is None or p.place.iso == main_iso):
            return p
        return None
    return None
