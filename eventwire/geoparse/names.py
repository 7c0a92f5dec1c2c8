"""Reading the words of and around a capitalized name: its capitalized sub-spans the gazetteer
knows ("Laurel County" in "Laurel County Sheriff's Office"), the words that complete it ("Boa" +
"Vista"), the place at the head of an institution's name, and the hints after a name the NER
took for a person or an organisation ("Kent-based", "Klamath Falls, Oregon")."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import cache

from eventwire.gazetteer import Candidate, Gazetteer
from eventwire.geoparse.common import DEMONYM, UP, WORD, clean_name, strong
from eventwire.geoparse.vocab import (
    building_re,
    feature_word_re,
    name_connectors,
    name_particles,
    ngram_stop_words,
    words_set,
)


@cache
def ngram_re() -> re.Pattern[str]:
    """Return the pattern of a capitalized n-gram: capitalized words joined by spaces, by one or
    two lower-case name connectors (data/geoparse/words.yaml: "Stratford upon Avon", "San Pedro
    de la Loma", "Campo do Rio") or by an Arabic article and a hyphen ("Ain al-Asad")."""
    connectors = "|".join(sorted((re.escape(w) for w in name_connectors() | {"d'", "d’"}), key=len, reverse=True))
    return re.compile(
        rf"[{UP}]{WORD}*(?:\s+(?:(?:{connectors})\s+(?:(?:{connectors})\s+)?"
        rf"|(?:al|el|ad|an|ar|as|ash|az)-)?"  # "Ain al-Asad": an Arabic article joined by a hyphen
        rf"[{UP}]{WORD}*)*"
    )


LOCATIVE_RE = re.compile(
    r"\b(?:in|at|near|from|to|outside|of|à|au|aux|dans|en|près\s+de|vers|de|du|d['’])\s*$",
    re.IGNORECASE,
)


TOKEN_RE = re.compile(rf"[{UP}]{WORD}*|[a-zà-ÿ]{WORD}*")
BASE_AFTER_RE = re.compile(r"\s+(?:air\s*base|airbase|air\s+field|airfield|base|camp|airport)\b", re.IGNORECASE)
BASE_BEFORE_RE = re.compile(
    r"\b(?:base(?:\s+a[ée]rienne|\s+militaire)?|camp|a[ée]roport)\s+(?:de\s+|d['’]\s*)?$",
    re.IGNORECASE,
)


ABBREV_RE = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,4}\.\s?){1,3}(?![\w])")


def subspans(
    text: str,
    start: int,
    end: int,
    gazetteer: Gazetteer,
    accept: Callable[[str, list[Candidate]], bool],
    code_isos: Container[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """Return the longest non-overlapping capitalized sub-spans of text[start:end] accepted by
    `accept(name, candidates)` ("Laurel County Sheriff's Office" → "Laurel County")."""
    tokens = []
    for m in TOKEN_RE.finditer(text[start:end]):
        # "Watertown-ML", "Nebraska-Lincoln": capitalized parts joined by a hyphen are tried
        # apart too (a hyphenated town, "Winston-Salem", is still found whole)
        at = start + m.start()
        for part in re.split(r"(?<=[\w’'])-(?=[A-Z])", m.group(0)):
            tokens.append((at, at + len(part), part))
            at += len(part) + 1
    out: list[tuple[int, int, str]] = []
    i = 0
    longer = None  # a longer known town around an accepted name: "New London", not "London"
    while i < len(tokens):
        hit = None
        if longer is not None and longer[3] <= i:
            longer = None
        for j in range(min(len(tokens), i + 4), i, -1):
            first, last = tokens[i][2], tokens[j - 1][2]
            if not first[:1].isupper() or not last[:1].isupper():
                continue
            if any(not t[2][:1].isupper() and t[2].lower() not in name_connectors() for t in tokens[i:j]):
                continue
            name = clean_name(text[tokens[i][0] : tokens[j - 1][1]])
            if name.lower() in ngram_stop_words() or len(name) < 2 or building_re().fullmatch(name):
                continue  # "Racecourse" in "Meydan Racecourse" is no town
            found = gazetteer.candidates(name)
            if feature_word_re().fullmatch(name) and not any(c.feature in ("region", "continent") for c in found):
                continue  # "Islands" in "Farallon Islands" is no division (but "the Gulf" is one)
            if j - i > 1 and building_re().fullmatch(last) and not strong(found):
                continue  # "the White House chief of staff" is no town White House, Tennessee
            if len(name) == 2 and not (
                name.isupper()
                and any(
                    c.feature in ("country", "region") or (c.feature == "admin1" and c.iso in code_isos) for c in found
                )
            ):
                continue  # "US", "EU", "FrontCounter BC" in a Canadian story; never "Al" or "St"
            s0 = tokens[i][0] + text[tokens[i][0] : tokens[j - 1][1]].find(name)
            if accept(name, found):
                hit = (s0, s0 + len(name), name, j)
                if longer is not None and longer[3] >= j:
                    hit = longer
                    out = [o for o in out if o[0] < longer[0]]
                break
            if longer is None and j - i > 1 and any(c.primary for c in found):
                longer = (s0, s0 + len(name), name, j)
        if hit:
            out.append(hit[:3])
            i = hit[3]
        else:
            i += 1
    return out


@cache
def _particle() -> str:
    """One name particle ("de", "do"; data/geoparse/words.yaml, key name_particles): Spanish,
    Portuguese and Romanian place names join their capitalized words with one or two of them
    ("Martín de la Sierra", "Campo do Rio", "Valea de sub Deal")."""
    return "(?:" + "|".join(sorted((re.escape(w) for w in name_particles()), key=len, reverse=True)) + ")"


@cache
def _next_word_re() -> re.Pattern[str]:
    p = _particle()
    return re.compile(rf"(?: (?:and|upon|on|&|of|{p}(?: {p})?))? [{UP}][\w'’\-]+")


def joined_right(text: str, end: int, name: str, gazetteer: Gazetteer) -> str | None:
    """Return the name with the one or two capitalized words right after it ("Boa" + "Vista",
    "Trinidad" + "and Tobago") when the gazetteer knows the whole as a place of its own."""
    ends = []
    pos = end
    for _ in range(2):
        m = _next_word_re().match(text, pos)
        if not m:
            break
        pos = m.end()
        ends.append(pos)
    for stop in reversed(ends):
        joined = name + text[end:stop]
        if any(
            c.primary and c.feature in ("city", "admin1", "admin2", "country") for c in gazetteer.candidates(joined)
        ):
            return joined
    return None


_PREVIOUS_WORD_RE = re.compile(rf"(?<![\w'’\-])[{UP}][\w'’\-]+ $")
_DIVISION_JOINED = ("admin1", "admin2")


@cache
def _previous_particled_re(words: int) -> re.Pattern[str]:
    """One or two (`words`) capitalized words, then one or two particles, right before a name."""
    p = _particle()
    return re.compile(rf"(?<![\w'’\-])(?:[{UP}][\w'’\-]+ ){{{words}}}{p} (?:{p} )?$")


_PARTICLE_JOINED = ("city", "admin1", "admin2")


def joined_left(text: str, start: int, name: str, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """Return the start and name with the one or two capitalized words right before it when the
    gazetteer knows the whole as a division ("Homa" + "Bay County": the NER cut a two-word
    county's name, and "Bay County" is a county abroad), or with the capitalized word and the
    name particles before it when the gazetteer knows the whole as a town or division of its own
    ("Campo do" + "Rio": the NER cut a name joined by particles), else None."""
    for words in (2, 1):  # "Santa Cruz do" + "Sul", "Rio do" + "Sul"
        particled = _previous_particled_re(words).search(text, max(0, start - 50), start)
        if particled is not None and not sentence_start(text, particled.start()):
            joined = text[particled.start() : start] + name
            if any(c.primary and c.feature in _PARTICLE_JOINED for c in gazetteer.candidates(joined)):
                return particled.start(), joined
    found: tuple[int, str] | None = None
    pos = start
    for _ in range(2):
        m = _PREVIOUS_WORD_RE.search(text, max(0, pos - 40), pos)
        if not m or sentence_start(text, m.start()):
            break
        pos = m.start()
        joined = text[pos:start] + name
        if any(c.feature in _DIVISION_JOINED for c in gazetteer.candidates(joined)):
            found = (pos, joined)
    return found


OF_TOWN_RE = re.compile(rf"\s+(?:of|from)\s+([{UP}][\w'’.\-]*(?:\s[{UP}][\w'’.\-]*)?)(?=[,.;])")
BORDER_AFTER_RE = re.compile(r"\s+(?:state\s+)?(?:border|line)\b")
SITE_BEFORE_RE = re.compile(r"\b(?:in|at|near|on|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE)
LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s+(?:and|or|&)|&)\s+|,")


def institution_head(
    text: str,
    start: int,
    end: int,
    gazetteer: Gazetteer,
    accept: Callable[[list[Candidate]], bool] | None = None,
) -> tuple[int, int, str] | None:
    """Return the place at the head of an institution's name ("Anderson County" in "Anderson
    County Sheriff Greg Taylor"): the longest run of one to three capitalized words that the
    gazetteer knows as a town or division, followed by an institution word, directly or after
    one other capitalized word (and accepted by `accept(candidates)` when given)."""
    tokens = [(start + m.start(), start + m.end(), m.group(0)) for m in TOKEN_RE.finditer(text[start:end])]
    words = words_set("institution_words.yaml")
    for j in range(min(3, len(tokens) - 1), 0, -1):
        after = [t[2].lower() for t in tokens[j : j + 2]]
        if not after or not (
            after[0] in words or (len(after) > 1 and after[1] in words and tokens[j][2][:1].isupper())
        ):
            continue
        if not all(t[2][:1].isupper() for t in tokens[:j]):
            continue
        name = text[tokens[0][0] : tokens[j - 1][1]]
        if j == 1 and name.lower() in words_set("generic_name_words.yaml"):
            continue
        found = gazetteer.candidates(name)
        if any(c.primary and c.feature in ("city", "admin2", "admin1") for c in found) and (
            accept is None or accept(found)
        ):
            return tokens[0][0], tokens[j - 1][1], name
    return None


def sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return (
        start == 0
        or before.strip() == ""
        and ("\n" in before or start < 3)
        or bool(re.search(r"[.!?:\"“«]\s*$", before))
    )


_BASED_RE = re.compile(r"-based\b", re.IGNORECASE)
_STATE_AFTER_RE = re.compile(rf",\s*((?:[{UP}][\w.]*\.?)(?:\s[{UP}][\w.]*)?)")


def place_hint_after(text: str, end: int, name: str, found: list[Candidate], gazetteer: Gazetteer) -> str | None:
    """Return the relation ("" for a plain place, DEMONYM) that the words right after a person- or
    organisation-tagged name give it, or None when they make it no place.

    "Kent-based": a known place; "Klamath Falls, Oregon": a town of the division or country named
    right after it; "Slovak architect": a demonym before a lower-case noun."""
    if _BASED_RE.match(text, end) and any(c.primary for c in found):
        return ""
    m = _STATE_AFTER_RE.match(text, end)
    if m is not None and found:
        area = gazetteer.abbreviation(m.group(1)) or next(
            (c for c in gazetteer.candidates(m.group(1)) if c.feature in ("admin1", "country") and c.primary),
            None,
        )
        if area is not None and any(
            c.feature == "city" and c.iso == area.iso and (area.feature == "country" or c.admin1 == area.admin1)
            for c in found
        ):
            return ""
    if " " not in name and re.match(r"\s+[a-z]", text[end : end + 3]) and gazetteer.demonym_place(name, derived=False):
        return DEMONYM
    return None
