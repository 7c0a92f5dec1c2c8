"""Places a sentence names beside another without listing a second location.

ACLED codes one event per location: a name that only situates the place named before it is no
list item (normalize.incident_place, rule 2). Language regularities read here:
  - a comma-apposed town that gives its name to the division the place before it lies in
    ("Kerou, Tamba" where Kerou lies in Tamba county, "Kerou, Tamba. Two died"): the county;
  - the places after the first in one bracket, separated by commas: the divisions that situate
    it ("Kerou (Tamba, Sila)", "(coordinates for Kerou, Tamba, used)");
  - a listed capitalised name that is a month and a day or year ("On June 3, Kerou residents"):
    a date, not a place;
  - names listed before a noun of peoples or groups ("the Kerou and Tamba clans"): no places;
  - names joined by "or" ("in Kerou or Tamba"): one incident whose place the source is unsure of;
  - the places a border, a crossing or a junction joins ("at the border of Tamba and Sila
    counties", "à la frontière entre Tamba et Sila"): one location, the first named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.extract.lexicon import fold
from eventwire.gazetteer import load_gazetteer
from eventwire.lang.time_words import load_time_lexicon
from eventwire.lang.words import load_word_lists
from eventwire.models import PlaceMention
from eventwire.normalize.doc_country import division_noun_after, named_division
from eventwire.normalize.village_places import derived_place

# An item that continues a list right after a place (", Bera", " and Bera").
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:(?:and|et|or|ou)\s+)?|\s+(?:and|et|or|ou)\s+)[A-ZÀ-Ý]")
# A bracket opened right after a name, up to the first name it holds: a gloss of that name.
_GLOSS_OPENS = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s*\(\s*$")
# Words right before the first place of a list that make its places the ends of one border point.
BORDER_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?(?:border|borders|boundary|crossing|junction|tri-?point)\s+(?:of|between)"
    r"|(?:la\s+)?(?:frontière|frontiere|limite|lisière|jonction)\s+(?:entre|de|des|du)"
    r"|(?:le\s+)?carrefour\s+(?:entre|de|des|du))\s+(?:the\s+|les\s+|la\s+|le\s+)?$",
    re.IGNORECASE,
)


def _open_bracket_before(text: str, pos: int) -> bool:
    """Return whether `pos` lies inside a bracket opened at most 80 characters before it."""
    window = text[max(0, pos - 80) : pos]
    return window.rfind("(") > window.rfind(")")


def in_bracket_after_comma(text: str, p: PlaceMention, last: PlaceMention) -> bool:
    """Return whether a place follows the place before it after a comma inside one bracket
    ("Kerou (Tamba, Sila)", "(in Tamba, Sila)"): it situates that place, it lists no other."""
    return text[last.span.end : p.span.start].strip() == "," and _open_bracket_before(text, last.span.start)


def names_division_of(text: str, p: PlaceMention, last: PlaceMention) -> bool:
    """Return whether a place comma-apposed to the place before it is the town that names the
    division that place lies in ("Kerou, Tamba" in Tamba county or "Cercle de Tamba"; "Kerou
    district, Tamba" after the division noun of a district of Tamba province), and no list goes
    on after it."""
    if p.place is None or not comma_apposed(text[last.span.end : p.span.start]):
        return False
    if last.place is None:
        # a village the gazetteer lacks, then a town that names a division ("Kerou, Tamba")
        if not _names_a_division(p.place.name, p.place.iso):
            return False
    elif p.place.iso != last.place.iso or not any(
        _division_named(admin, p.place.name) for admin in (last.place.admin1, last.place.admin2)
    ):
        return False
    return _LIST_GOES_ON.match(text, p.span.end) is None


def comma_apposed(gap: str) -> bool:
    """Return whether the text between two names is a comma, after a division noun or not
    ("Kerou, Tamba", "Kerou district, Tamba": data/division_nouns_after.yaml)."""
    noun = division_noun_after().match(gap)
    return gap[noun.end() if noun else 0 :].strip() == ","


def names_province_of_a_district(p: PlaceMention, candidates: list[PlaceMention]) -> bool:
    """Return whether a town only names the province of a district the sentence also names
    ("In Tamba, police dispersed traders in Kerou district", Kerou a district of Tamba province):
    the province, so the district is the more specific place (ACLED codes the district)."""
    if p.place is None or p.place.feature != "city":
        return False
    return any(
        q.place is not None
        and q is not p
        and q.place.feature == "admin2"
        and q.place.iso == p.place.iso
        and fold(q.place.name) != fold(p.place.name)
        and _division_named(q.place.admin1, p.place.name)
        for q in candidates
    )


# A division named by an adjective of its town's name takes at most this many more letters
# ("Kerouvska oblast" for Kerouv, as Ukrainian and Russian name their regions).
ADJECTIVE_SUFFIX_MAX_CHARS = 3


def _division_named(division: str | None, name: str) -> bool:
    """Return whether a division's name is a town's, accents aside, with or without its noun
    ("Segou" for "Ségou", "Cercle de Tamba" for "Tamba"), or the short form of its long official
    name, written as the short name and a "de" dedication ("Tamba" for "Tamba de Santa Rosa", as
    Spanish-speaking countries name states), or an adjective of it before its noun ("Kerouvska
    oblast" for "Kerouv")."""
    if not division:
        return False
    d, n = fold(division), fold(name)
    if d == n or d.endswith(f" {n}") or d.startswith(f"{n} de "):
        return True
    first, _, noun = d.partition(" ")
    return bool(noun) and first.startswith(n) and 0 < len(first) - len(n) <= ADJECTIVE_SUFFIX_MAX_CHARS


def _names_a_division(name: str, iso: str) -> bool:
    """Return whether a country has a first- or second-level division of that name."""
    return any(
        c.feature in ("admin1", "admin2") and _division_named(c.name, name)
        for c in load_gazetteer().candidates(name, country=iso)
    )


@lru_cache(maxsize=1)
def _date_name() -> re.Pattern[str]:
    """Return the pattern of a name holding a date: a month with a day or a year ("June 3",
    "Aug 15th", "December 2019"), a day and a month ("3 June"), or a weekday or month word of
    four letters or more ("On Tuesday", "Février"), in either language."""
    lexicons = [load_time_lexicon(lang) for lang in ("fr", "en")]
    months = {m for lex in lexicons for m in lex.maps["months"]}
    words = {w for lex in lexicons for w in (*lex.maps["months"], *lex.maps["weekdays"]) if len(w) >= 4}
    alternation = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    whole = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?:{alternation})\s+\d|\b\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:{alternation})(?!\w)"
        rf"|\b(?:{whole})(?!\w))",
        re.IGNORECASE,
    )


def is_date_name(name: str) -> bool:
    """Return whether a listed capitalised name is a date ("December 2019", "On Tuesday"), not a place."""
    return bool(_date_name().search(name))


@lru_cache(maxsize=1)
def _group_noun_after() -> re.Pattern[str]:
    nouns = {n for lang in ("fr", "en") for n in load_word_lists(lang).get("group_nouns")}
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\s+(?:{alternation})\b", re.IGNORECASE)


def names_groups(text: str, last: PlaceMention) -> bool:
    """Return whether the last name of a list is followed by a noun of peoples or groups ("the
    Kerou and Tamba clans"): the names are groups, not places."""
    return _group_noun_after().match(text, last.span.end) is not None


@lru_cache(maxsize=1)
def _group_list_after() -> re.Pattern[str]:
    return re.compile(r"(?:\s*(?:,|and|et|&)\s*[A-ZÀ-Ý][\w'’-]+)*" + _group_noun_after().pattern, re.IGNORECASE)


def names_a_group(text: str, end: int) -> bool:
    """Return whether the name ending at `end` is one of peoples or groups a group noun closes
    ("the Kerou clan", "between the Kerou and Tamba clans": a language regularity): no place."""
    return _group_list_after().match(text, end) is not None


def alternatives(text: str, listed: list[PlaceMention]) -> bool:
    """Return whether a list's last name is joined by "or" ("in Kerou or Tamba", "à Kerou ou à
    Tamba"): the source is unsure where one incident took place, it does not tell several."""
    return len(listed) >= 2 and bool(
        re.match(r"\s*,?\s*(?:or|ou)\b", text[listed[-2].span.end : listed[-1].span.start], re.IGNORECASE)
    )


def at_border_between(text: str, first: PlaceMention) -> bool:
    """Return whether the first place of a list is one end of a border, crossing or junction."""
    return bool(BORDER_BEFORE.search(text[max(0, first.span.start - 40) : first.span.start]))


def village_in_division(text: str, expanded: list[PlaceMention], resolved: list[PlaceMention]) -> PlaceMention | None:
    """Return the first name the gazetteer lacks that a comma-apposed town naming a division
    situates ("gunmen attacked Kerou, Tamba", Tamba naming a county), coded as ACLED does: the
    village, at the division's town (geo_precision 2)."""
    for p in expanded:
        if (
            p.place is not None
            or not p.span.text[:1].isupper()
            or is_date_name(p.span.text)
            or named_division(text, p)  # "Tamba Sub-County, Sila": a division, not a village
            or _GLOSS_OPENS.search(text, max(0, p.span.start - 60), p.span.start)  # "Kerou (Bera, Tamba)"
        ):
            continue
        nxt = next((q for q in resolved if q.span.start >= p.span.end), None)
        if nxt is not None and nxt.place is not None and names_division_of(text, nxt, p):
            return derived_place(p, nxt.place)
    return None
