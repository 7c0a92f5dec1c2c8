"""A listed place the entity recognizer missed but the gazetteer knows is coded at its own point.

ACLED codes one event per location: "les localités de Kolo, Bera et Sora ont été visées", "gunmen
attacked the villages of Kolo and Bera" report one event per village, each at its village. A name
that only the list, a locality noun ("the villages of Kolo and Bera") or the article's earlier
mention of it as a locality made a place starts as an unknown village (normalize.village_places),
coded at the nearest known place: for a list, the first listed town or the division. When the
article's country has a town of that name, the village is that town, at the town's own point;
kept at the nearest known place, every item of the list would share one point, and the events
would be merged back into one, or placed too far from the village.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from eventwire.extract.lexicon import fold
from eventwire.models import Place, PlaceMention
from eventwire.normalize.village_places import bare_name, load_not_places

# Shorter names are initials or words, not villages ("Al", "Ba").
MIN_NAME_CHARS = 3


def own_point(mention: PlaceMention, towns: Callable[[str], Place | None] | None) -> PlaceMention:
    """Return a listed place mention the geoparse left unknown with the town `towns` finds under
    its name in the article's country (see the module docstring); other mentions as they are."""
    if mention.place is not None or towns is None:
        return mention
    name = bare_name(mention.span.text)
    if len(name) < MIN_NAME_CHARS or not name[:1].isupper() or fold(name) in load_not_places():
        return mention
    town = towns(name)
    if town is None:
        return mention
    return replace(
        mention,
        name=name,
        place=town,
        method="listed_known",
        reason=f"{name} is listed with other places and is a town of {town.country}: coded at its own point",
    )
