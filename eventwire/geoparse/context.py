"""The document's context (step 4 of the geoparser): what each name says of the countries,
first- and second-level divisions the story is in, and the points of its surest places (anchors);
every name is resolved first alone, then with the context of the document's *other* names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from eventwire.gazetteer import Candidate, Gazetteer, name_key
from eventwire.geoparse.common import DEMONYM, STRONG_TOWN_POPULATION
from eventwire.geoparse.names import BORDER_AFTER_RE
from eventwire.geoparse.rank import nearness, rank_candidates, resolve_name
from eventwire.geoparse.relations import BORDER_ADJ_RE
from eventwire.geoparse.vocab import weights
from eventwire.models import AREA_FEATURES


def document_context(
    raw: list[tuple[int, int, str, str, str | None]],
    resolved: list[Candidate | None],
    gazetteer: Gazetteer,
) -> tuple[dict[str, Counter], dict[str, Counter], dict[str, Counter]]:
    """Return, per name key, what each name contributes to the document's countries and admin1
    areas, so that a mention is ranked with the context of the *other* names only.

    A named division counts 1; a name's current resolution 0.5; and, because local news names
    neighbouring towns, each name spreads 1 over the divisions where it has a town, so a rare
    name ("Edgar County") says more than a common one ("Marshall").
    """
    # Counters of float weights: Counter takes them, but typeshed types its counts as int, hence
    # the `type: ignore[assignment]` where a weight is stored.
    by_country: dict[str, Counter] = {}
    by_admin1: dict[str, Counter] = {}
    by_named: dict[str, Counter] = {}
    for (_, _, name, _, relation), c in zip(raw, resolved, strict=True):
        key = name_key(name)
        countries = by_country.setdefault(key, Counter())
        areas = by_admin1.setdefault(key, Counter())
        named = by_named.setdefault(key, Counter())
        if c is not None and c.iso and relation == DEMONYM:
            # "soldats maliens"
            countries[c.iso] = max(  # type: ignore[assignment]
                countries[c.iso], weights().demonym_context
            )
        elif c is not None and c.iso:
            countries[c.iso] = max(  # type: ignore[assignment]
                countries[c.iso], 1.0 if c.feature in ("country", "admin1") else 0.5
            )
            if c.admin1:
                areas[(c.iso, c.admin1)] = max(  # type: ignore[assignment]
                    areas[(c.iso, c.admin1)], 1.0 if c.feature == "admin1" else 0.5
                )
                named[(c.iso, c.admin1)] = 1.0  # type: ignore[assignment]
        towns = {
            (cand.iso, cand.admin1)
            for cand in gazetteer.candidates(name)
            if cand.admin1 and cand.primary and cand.iso and cand.feature in ("city", "admin2")
        }
        for area in sorted(towns):
            areas[area] = max(areas[area], 1.0 / len(towns))  # type: ignore[assignment]
        # second-level divisions: a county named, or the county of a town named (keys of three)
        for cand in gazetteer.candidates(name):
            if cand.primary and cand.iso and cand.admin1 and cand.admin2 and cand.feature in ("city", "admin2"):
                areas[(cand.iso, cand.admin1, cand.admin2)] = 1.0  # type: ignore[assignment]
    return by_country, by_admin1, by_named


def _leave_one_out(parts: dict[str, Counter], key: str, total: Counter) -> Counter:
    """Return `total` (the sum of `parts`) without the part of `key`."""
    out = Counter(total)
    for area, w in parts.get(key, {}).items():
        out[area] -= w
        if out[area] <= 1e-9:
            del out[area]
    return out


def resolve_all(
    raw: list[tuple[int, int, str, str, str | None]],
    text: str,
    gazetteer: Gazetteer,
    *,
    rounds: int,
) -> list[Candidate | None]:
    """Resolve every detected name: first alone, then `rounds` times with the context of the
    document's other names (see `document_context`)."""
    result = resolve_alone(raw, text, gazetteer) if rounds < 1 else []
    for result in resolve_by_round(raw, text, gazetteer, rounds=rounds):
        pass
    return result


def resolve_alone(
    raw: list[tuple[int, int, str, str, str | None]], text: str, gazetteer: Gazetteer
) -> list[Candidate | None]:
    """Resolve every detected name alone, without the context of the others."""
    within = _written_within(raw, text, gazetteer)
    ranked = [
        rank_candidates(r[2], gazetteer=gazetteer, context_countries={}, context_admin1={}, within=w)
        for r, w in zip(raw, within, strict=True)
    ]
    bordered = _bordered_divisions(raw, _short_forms(raw, ranked, gazetteer), text, gazetteer)
    return named_divisions(raw, bordered, text, gazetteer)


def resolve_by_round(
    raw: list[tuple[int, int, str, str, str | None]],
    text: str,
    gazetteer: Gazetteer,
    *,
    rounds: int,
) -> Iterator[list[Candidate | None]]:
    """Yield what `resolve_all` returns after 1, 2, ... `rounds` rounds, each round computed
    once: `resolve_all(rounds=2)` is the second value, the first one on the way."""
    within = _written_within(raw, text, gazetteer)

    # 4. resolution: first without context, then twice with the context of the other names.
    border_isos = [gazetteer.demonym_country(m.group(1) or m.group(2)) for m in BORDER_ADJ_RE.finditer(text)]
    ranked = [
        rank_candidates(r[2], gazetteer=gazetteer, context_countries={}, context_admin1={}, within=w)
        for r, w in zip(raw, within, strict=True)
    ]
    resolved: list[Candidate | None] = [c for c, _ in ranked]
    for _ in range(rounds):
        by_country, by_admin1, by_named = document_context(raw, resolved, gazetteer)
        all_countries: Counter = sum(by_country.values(), Counter())
        all_admin1: Counter = sum(by_admin1.values(), Counter())
        all_named: Counter = sum(by_named.values(), Counter())
        # Towns and counties the other names resolve to: a namesake near them is the one meant.
        points = [
            (name_key(r[2]), c.latitude, c.longitude)
            for r, (c, margin), w in zip(raw, ranked, within, strict=True)
            if c is not None
            and c.feature not in AREA_FEATURES
            and r[4] != DEMONYM
            and (margin >= weights().anchor_margin or w is not None)
            and c.population < weights().anchor_max_population
        ]
        new: list[tuple[Candidate | None, float]] = []
        for r, w in zip(raw, within, strict=True):
            key = name_key(r[2])
            anchors = tuple({(lat, lon) for k, lat, lon in points if k != key})
            countries = _leave_one_out(by_country, key, all_countries)
            for iso in border_isos:
                if iso:
                    countries[iso] += 1.0  # type: ignore[assignment]  # a float weight
            admin1 = _leave_one_out(by_admin1, key, all_admin1)
            named = frozenset(_leave_one_out(by_named, key, all_named))
            dominant, dominant_admin1, admin1 = _dominant_areas(countries, admin1)
            new.append(
                rank_candidates(
                    r[2],
                    gazetteer=gazetteer,
                    context_countries=countries,
                    context_admin1=admin1,
                    dominant=dominant,
                    within=w,
                    dominant_admin1=dominant_admin1,
                    anchors=anchors,
                    named_areas=named,
                )
            )
        ranked = new
        resolved = [c for c, _ in ranked]
        yield named_divisions(
            raw, _bordered_divisions(raw, _short_forms(raw, ranked, gazetteer), text, gazetteer), text, gazetteer
        )


# Between a name and the division written after it: a comma ("Kerou, Tamba") or an opening
# bracket, possibly after a smaller area ("Kerou (Tamba)", "Kerou (Gare district, Tamba)").
WITHIN_GAP = re.compile(r"\s*,\s*|\s*\(\s*(?:[^(),]{1,40},\s*)?")


def _written_within(
    raw: list[tuple[int, int, str, str, str | None]], text: str, gazetteer: Gazetteer
) -> list[tuple[str, str | None] | None]:
    """Return, per name, the division or country written right after it ("Dublin, Ga.",
    "Paris, Texas", "Kerou (Tamba)"), as (iso, admin1 or None)."""
    within: list[tuple[str, str | None] | None] = [None] * len(raw)
    for i, j in _pairs(raw, text):
        division = division_of(raw[i][2], raw[j][2], gazetteer)
        if division is not None:
            within[i] = (division.iso, division.admin1)
            continue
        if not re.fullmatch(r"\s*,\s*", text[raw[i][1] : raw[j][0]]):
            continue
        nxt = resolve_name(raw[j][2], gazetteer=gazetteer, context_countries={}, context_admin1={})
        if nxt is not None and nxt.feature in ("admin1", "country") and nxt.iso:
            within[i] = (nxt.iso, nxt.admin1 if nxt.feature == "admin1" else None)
    return within


def _pairs(raw: list[tuple[int, int, str, str, str | None]], text: str) -> Iterator[tuple[int, int]]:
    """Yield (name, name written after it as its area) index pairs (see WITHIN_GAP)."""
    for i in range(len(raw)):
        for j in range(i + 1, min(i + 3, len(raw))):
            if WITHIN_GAP.fullmatch(text, raw[i][1], raw[j][0]):
                yield i, j
                break


def division_of(name: str, area: str, gazetteer: Gazetteer) -> Candidate | None:
    """Return the first-level division `area` names that has a place called `name`, when it has
    one in a single division: "Rawson (Chubut)" is the Rawson of Chubut province, even where a
    bigger namesake lies in another province, and "Chubut" is the province."""
    divisions = [
        d for d in gazetteer.candidates(area) if d.feature == "admin1" and (d.primary or d.source == "supplement")
    ]
    places = gazetteer.candidates(name)
    fits = [
        d
        for d in divisions
        if any(c.iso == d.iso and c.admin1 == d.admin1 and c.place_id != d.place_id for c in places)
    ]
    return fits[0] if len(fits) == 1 else None


def named_divisions(
    raw: list[tuple[int, int, str, str, str | None]],
    resolved: list[Candidate | None],
    text: str,
    gazetteer: Gazetteer,
) -> list[Candidate | None]:
    """Return `resolved` with a division written after a place of it read as that division,
    where it resolved to a namesake elsewhere ("Kerou, Tamba": Tamba province, not a town
    called Tamba in another province); a country's reading stands ("Kerou, Mexico")."""
    out = list(resolved)
    for i, j in _pairs(raw, text):
        division = division_of(raw[i][2], raw[j][2], gazetteer)
        c = out[j]
        if division is not None and (
            c is None or (c.feature != "country" and (c.iso, c.admin1) != (division.iso, division.admin1))
        ):
            out[j] = division
    return out


def _dominant_areas(countries: Counter, admin1: Counter) -> tuple[str | None, tuple | None, Counter]:
    """Return the country and the division that dominate a name's context (None when none has
    enough weight), and the division weights scaled by each one's share of those named."""
    dominant = None
    if countries:
        iso, weight = countries.most_common(1)[0]
        if weight >= 0.5 * sum(countries.values()):
            dominant = iso
    areas = {a: v for a, v in admin1.items() if len(a) == 2}
    top = max(areas.items(), key=lambda kv: kv[1], default=None)
    dominant_admin1 = top[0] if top and top[1] >= 0.4 * sum(areas.values()) else None
    # a division counts as the story's in proportion to its share of the divisions named:
    # "Sioux Falls, S.D." in a list of cities across the country says little of the rest
    total = sum(areas.values())
    if total and len(areas) > 1:
        admin1 = Counter(
            {a: v * min(1.0, weights().admin1_share_full * v / total) if len(a) == 2 else v for a, v in admin1.items()}
        )
    return dominant, dominant_admin1, admin1


def _bordered_divisions(
    raw: list[tuple[int, int, str, str, str | None]],
    resolved: list[Candidate | None],
    text: str,
    gazetteer: Gazetteer,
) -> list[Candidate | None]:
    """A town named like a division is the division when its border is meant ("near the New
    York border", "the Washington state line")."""
    out = list(resolved)
    for i, (r, c) in enumerate(zip(raw, resolved, strict=True)):
        if c is None or c.feature != "city" or not BORDER_AFTER_RE.match(text, r[1]):
            continue
        division = next(
            (d for d in gazetteer.candidates(r[2]) if d.feature == "admin1" and d.primary and d.iso == c.iso),
            None,
        )
        if division is not None:
            out[i] = division
    return out


def _short_forms(
    raw: list[tuple[int, int, str, str, str | None]],
    ranked: list[tuple[Candidate | None, float]],
    gazetteer: Gazetteer,
) -> list[Candidate | None]:
    """Resolve a short form like the longer name the document also writes: "DeKalb" beside
    "DeKalb County" is that county, "Avondale" beside "Avondale Estates" that town, unless the
    short form is itself a well-known place near it or elsewhere (a capital, a big city)."""
    resolved = [c for c, _ in ranked]
    longer: dict[str, Candidate] = {}
    for r, (c, margin) in zip(raw, ranked, strict=True):
        if (
            c is not None
            and " " in r[2]
            and c.feature in ("city", "admin2")
            and r[4] != DEMONYM
            and (
                margin >= weights().anchor_margin
                and not r[2].endswith(" City")
                or re.search(r" (?:County|Parish|Township|Borough)$", r[2])
            )
        ):
            longer.setdefault(name_key(r[2]), c)
    if not longer:
        return resolved
    out = list(resolved)
    for i, (r, c) in enumerate(zip(raw, resolved, strict=True)):
        key = name_key(r[2])
        target = next((t for k, t in longer.items() if k.startswith(key + " ")), None)
        if target is None or r[4] == DEMONYM:
            continue
        if c is not None and (
            c.capital
            or c.population >= STRONG_TOWN_POPULATION
            or c.feature in ("country", "admin1", "continent", "region")
            or nearness(c.latitude, c.longitude, ((target.latitude, target.longitude),)) > 0
        ):
            continue
        near = [
            x
            for x in gazetteer.candidates(r[2])
            if nearness(x.latitude, x.longitude, ((target.latitude, target.longitude),)) == 1.0
        ]
        out[i] = max(near, key=lambda x: (x.feature == target.feature, x.population)) if near else target
    return out
