"""Namesakes abroad of the places of a document whose local actors say where it is.

A village the gazetteer does not know often has a namesake far away: "Dozo hunters raided Kerou"
finds a town Kerou in another continent, and that one town would outweigh the actors (places
come first in normalize.doc_country). A group that fights at home (a rebel group, a militia, a
people ACLED knows in one country) places its story in its own country, so a place the gazetteer
puts in a country that no actor or nationality of the text belongs to nor borders is a namesake:
it is read in the actors' country (its own entry there, if the gazetteer has one: "Tamba" both a
prefecture abroad and a town at home), else it counts for no country.

State forces alone do it only for a small town far away: an army strikes abroad ("the Kerouan air
force bombed Tamba", a town of a neighbour), but a national army or police acting is evidence the
incident is at home unless the text says they serve abroad (a deployment, peacekeeping), and a
small town of a far country (under SMALL_NAMESAKE people, no division's seat, FAR_KM from the forces' capital, no other
clue of its country) is the likelier namesake: "Kerouan soldiers clashed with gunmen near Tamba"
with Tamba a hamlet two continents away is a story of Kerou. Neither does a place kept by what the text says of it: the country
itself or a world region, a division written with its noun, a national capital, a place across the border.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from eventwire.extract.lexicon import fold
from eventwire.gazetteer import Gazetteer
from eventwire.geo import haversine_km
from eventwire.geoparse import candidate_place
from eventwire.lang.actor_table import load_actor_aliases
from eventwire.lang.words import load_word_lists
from eventwire.models import DIVISION_FEATURES, Place, PlaceMention
from eventwire.normalize.actors import find_actor_mentions
from eventwire.normalize.doc_country import (
    NOT_THE_STORY,
    SMALL_TOWN_POPULATION,
    TIE_BREAK,
    group_isos,
    named_division,
    people_homes,
    unprefixed,
)

# actors that fight where they live; state forces may strike abroad, foreign forces do
LOCAL_ACTOR_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})
# a namesake's own features the text may name as such, never read as a village at home
KEPT_FEATURES = frozenset({"country", "region", "continent"})
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# a small town or hamlet (geonames population under this) far from an army's capital, no seat of a
# division of its name: a likelier namesake of a local village than the scene of a foreign strike
SMALL_NAMESAKE = 10 * SMALL_TOWN_POPULATION
FAR_KM = 3_000.0  # beyond the reach of a neighbour's strike: another region of the world


def local_isos(text: str, *, lang: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Return the ISO2 codes of the countries the text's local actors belong to: a group the
    table places in one country or several (by its proper name: "Kerou Liberation Front"), a
    party or an institution it names, or a people ACLED knows in one country only ("Kerouvian
    herders")."""
    out: set[str] = set()
    for actor in find_actor_mentions(unprefixed(text), lang=lang, country=None):
        if actor.span is None or not actor.country:
            continue
        if actor.actor_type not in LOCAL_ACTOR_TYPES and not (actor.actor_type == "other" and actor.method == "alias"):
            continue  # a party or a commission the table names is at home too, not "the Kerouan government"
        if not actor.span.text[:1].isupper():
            continue  # "gunmen", "militiamen" name no country
        if _ambiguous(actor.span.text):
            continue  # an alias of two groups of different countries says nothing of either
        iso = gazetteer.country_iso(actor.country)
        out.update(group_isos(actor, gazetteer) or ([iso] if iso else []))
    homes = people_homes()
    for m in _WORD_RE.finditer(text):
        if not m.group()[:1].isupper():
            continue  # a people is named with a capital: most words are not folded and looked up
        word = fold(m.group())
        home = homes.get(word) or homes.get(word.removesuffix("s"))
        if home and (iso := gazetteer.country_iso(home)):
            out.add(iso)
    return frozenset(out)


def _ambiguous(alias: str) -> bool:
    """Return whether an alias names groups of different countries. One group under two names
    over time ("Kerou Front" until a merger, then the coalition it joined, both of one country)
    still says where it fights."""
    aliases = load_actor_aliases()
    key = " ".join(fold(alias).replace("-", " ").split())
    countries: dict[str, set[str | None]] = {}
    for i in aliases.by_alias.get(key, ()):
        countries.setdefault(aliases.entries[i].base, set()).add(aliases.entries[i].country)
    return len({frozenset(c) for c in countries.values()}) > 1


def namesakes_at_home(
    text: str,
    places: Iterable[PlaceMention],
    others: Counter,
    *,
    lang: str,
    gazetteer: Gazetteer,
) -> tuple[list[PlaceMention], list[tuple[int, int]]]:
    """Return `places` with the namesakes abroad read in the country the local actors point at
    (module docstring): of the countries of local actors, the one with the most evidence in
    `others` (the actors' and nationalities' evidence: doc_country.other_evidence). A people's
    name read as a place abroad ("the Kerouvi") is no place. Also return the spans of the
    namesakes that have no entry at home: they count for no country (doc_country.place_evidence's
    `skip`), the village keeps its name.

    A country the text names two places of ("Kerou and Tamba, two towns of Lolo") is the story's,
    whatever the actors: no place of it is a namesake."""
    places = list(places)
    abroad: list[tuple[int, int]] = []
    local = local_isos(text, lang=lang, gazetteer=gazetteer)
    forces_only = not local
    if forces_only:
        local = forces_isos(text, lang=lang, gazetteer=gazetteer)
    weights = Counter({iso: others.get((gazetteer.country_name(iso), iso), 0.0) for iso in local})
    ranked = weights.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < TIE_BREAK / 2):
        return places, abroad
    home = ranked[0][0]
    homes = people_homes()
    backed = {iso for (_, iso), weight in others.items() if weight > 0} | {home}
    near = gazetteer.neighbours(home)
    named: dict[str, set[str]] = {}
    for p in places:
        if p.place is not None and p.place.iso:
            named.setdefault(p.place.iso, set()).add(p.place.name)
    out = []
    for p in places:
        pl = p.place
        if pl is not None and pl.iso != home and fold(p.span.text) in homes:
            out.append(replace(p, place=None, reason="a people's name"))  # "the Kerouvi attacked"
            continue
        if (
            pl is None
            or not pl.iso
            or pl.iso in backed
            or pl.iso in near
            or len(named.get(pl.iso, ())) > 1
            or pl.feature in KEPT_FEATURES
            or p.relation in NOT_THE_STORY
            or named_division(text, p)
            or (_is_capital(pl.iso, pl.geonameid, gazetteer) and fold(p.span.text) == fold(pl.name))
            or (forces_only and not _far_hamlet(pl, home, gazetteer))
        ):
            out.append(p)
            continue
        found = [c for c in gazetteer.candidates(p.span.text, country=home) if c.feature not in KEPT_FEATURES]
        if found:
            out.append(replace(p, place=candidate_place(found[0]), method="actor_country"))
        elif pl.feature in DIVISION_FEATURES:
            # "between Kerou and Tamba" with a district Tamba abroad: the village at home keeps its
            # name, and the text names no division of that country (doc_country.named_countries)
            out.append(replace(p, place=None, reason=f"{pl.name} ({pl.country}): a division abroad, no local actor's"))
        else:
            out.append(p)
            abroad.append((p.span.start, p.span.end))
    return out, abroad


def forces_isos(text: str, *, lang: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Return the ISO2 codes of the countries whose own state forces the text names ("the Kerouan
    army", "Kerouan police", an acronym of the table), unless it says forces serve abroad
    (data/words deployment_cues: "peacekeepers", "deployed"): a national army or police acts at home."""
    folded = fold(text)
    if any(fold(cue) in folded for cue in load_word_lists(lang).get("deployment_cues")):
        return frozenset()
    out: set[str] = set()
    for actor in find_actor_mentions(unprefixed(text), lang=lang, country=None):
        if actor.span is None or not actor.country or actor.actor_type != "state_forces":
            continue
        before = text[max(0, actor.span.start - 25) : actor.span.start].split()[-1:]
        words = [*before, *_WORD_RE.findall(actor.span.text)]
        stated = {iso for w in words if (iso := gazetteer.demonym_country(w))}
        if len(stated) > 1 or not (stated or actor.span.text[:1].isupper()):
            continue  # "gendarmes" alone names no country
        iso = next(iter(stated)) if stated else gazetteer.country_iso(actor.country)
        if iso:
            out.add(iso)
    return frozenset(out)


def _far_hamlet(place: Place, home: str, gazetteer: Gazetteer) -> bool:
    """Return whether a place is a small town (SMALL_NAMESAKE), no seat of a division of its name,
    lying FAR_KM from `home`'s capital."""
    capital = gazetteer.capital(home)
    return (
        place.feature == "city"
        and place.population < SMALL_NAMESAKE
        and not any(c.feature in DIVISION_FEATURES for c in gazetteer.candidates(place.name, country=place.iso))
        and capital is not None
        and place.latitude is not None
        and place.longitude is not None
        and haversine_km(place.latitude, place.longitude, capital.latitude, capital.longitude) > FAR_KM
    )


def _is_capital(iso: str, geonameid: int | None, gazetteer: Gazetteer) -> bool:
    capital = gazetteer.capital(iso)
    return capital is not None and geonameid is not None and capital.geonameid == geonameid
