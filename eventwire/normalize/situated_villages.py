"""The known place a sentence situates an unknown village in by grammar, not by apposition.

ACLED codes a village the gazetteer lacks under its own name, at the nearest known place the
article gives (geo_precision 2; normalize.village_places). Besides a comma apposition (", a
village in Tamba district": `village_places.apposition_place`), English and French situate a
village named after its place noun in two more ways (language regularities; invented examples):

  - a possessive owner before it: "the attack on Tamba's town of Kerou", "in Tamba's village
    of Kerou" (the owner, a town or a division, holds the village);
  - a containing place right after it: "the town of Kerou in Tamba", "the village of Kerou, in
    Tamba district", "la localité de Kerou, dans le cercle de Tamba", "le village de Kerou dans
    la commune de Tamba".

The incident is at the village, not at the owner: two outlets that tell one attack, one
"in Tamba's town of Kerou" and the other "near the town of Kerou", then code one place.
"near"/"près de" is no containment ("the village of Kerou near Tamba": rule 1 codes the town as
near), so it is not read here.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.extract.lexicon import fold
from eventwire.models import PlaceMention
from eventwire.normalize.doc_country import all_place_nouns

# The place noun that introduces the village right before it ("town of ", "localité de ").
_NOUN_OF = re.compile(r"\b([a-zà-ÿ-]+)\s+(?:of\s+|de\s+|d['’]\s*)$", re.IGNORECASE)
# What may stand between a possessive owner and the village's place noun ("Tamba's town of").
_POSSESSIVE = re.compile(r"['’]s\s+(?:(?:small|remote|northern|southern|eastern|western)\s+)?$", re.IGNORECASE)


@cache
def _containment_after() -> re.Pattern[str]:
    """Return the pattern of the words between a village and the place that contains it: "in",
    "dans", "en", after an optional comma, with an optional article and division noun of
    data/place_nouns.yaml ("Kerou, in Tamba", "Kerou dans la commune de Tamba")."""
    nouns = "|".join(re.escape(n) for n in sorted(all_place_nouns(), key=len, reverse=True))
    return re.compile(
        r"\s*,?\s*(?:in|dans|en)\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?"
        rf"(?:(?:{nouns})\s+(?:of\s+|de\s+(?:la\s+|l['’]\s*)?|du\s+|des\s+|d['’]\s*))?",
        re.IGNORECASE,
    )


def _named_by_place_noun(text: str, village: PlaceMention) -> re.Match[str] | None:
    """Return the match of the place noun right before a village ("town of Kerou"), if any."""
    m = _NOUN_OF.search(text, max(0, village.span.start - 40), village.span.start)
    if m is None or fold(m.group(1)) not in all_place_nouns():
        return None
    return m


def situating_place(
    text: str, village: PlaceMention, resolved: list[PlaceMention], main_iso: str | None
) -> PlaceMention | None:
    """Return the known place that owns ("Tamba's town of Kerou") or contains ("the town of
    Kerou in Tamba") an unknown village named after its place noun (module docstring), or None."""
    if not village.span.text[:1].isupper():
        return None
    noun = _named_by_place_noun(text, village)
    if noun is None:
        return None
    for p in resolved:
        if p.place is None or p.relation is not None or (main_iso is not None and p.place.iso != main_iso):
            continue
        if p.span.end <= noun.start() and _POSSESSIVE.fullmatch(text, p.span.end, noun.start()):
            return p
        if p.span.start >= village.span.end and _containment_after().fullmatch(text, village.span.end, p.span.start):
            return p
    return None
