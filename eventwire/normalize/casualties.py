"""Casualty figures from news sentences, following ACLED's conservative fatality rule.

`count_casualties` reads only the sentences it is given (or the whole text): a background clause
elsewhere in the article ("2500 militaires", "des milliers de morts depuis 2012") never becomes
the incident's toll. Knowledge (number words, vague quantities, casualty phrases) lives in
`eventwire/data/numbers/{fr,en}.yaml`.

How a figure is read (CODING_RULES.md, "Fatalities"):
1. Phrases saying nobody was hurt ("sans faire de victime", "no casualties") set figures to 0.
2. Every casualty phrase ("tués", "killing", "were wounded") takes the nearest number on the side
   its grammar puts it (`before`, `after`, or `both`: after first, then before); coordinated
   numbers are summed ("12 soldats et 3 civils tués" → 15); "entre 10 et 15" is a range.
3. Across sentences, figures are alternative reports of the same toll: fatalities_low/high keep
   the range, fatalities is the lowest credible figure ("at least 12" → 12).
4. Deaths reported with no number count 3 (ACLED's default for a limited attack); nothing said
   about deaths counts 0 with the reason "no deaths reported". Injuries never count as deaths.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping
from eventwire.errors import DataFileError
from eventwire.models import Casualties, Span
from eventwire.normalize.tolls import add_sides, killed_when_numbered

log = logging.getLogger(__name__)

OUTCOMES = ("killed", "injured", "abducted", "arrested", "neutralized")  # last: normalize/tolls.py
DIRECTIONS = ("before", "after", "both")
# ACLED codebook: deaths reported without a number are coded 3 for a limited attack (10 for a
# major one, which this reader cannot tell apart, so it keeps the conservative value).
UNNUMBERED_DEATHS_DEFAULT = 3
# Window sizes in words between a number and its casualty phrase, tuned by hand on constructions
# such as "12 soldats maliens ont été tués" (4) and "killed at least 12" (2).
MAX_WORDS_BEFORE = 6
_ANY_DAY = date(2000, 1, 1)  # time expressions are only masked: any reference day will do
MAX_WORDS_AFTER = 4
MAX_WORDS_WEAK = 3  # "un soldat a été tué"
MAX_WORDS_COORDINATED = 4  # "12 soldats et 3 civils", "two soldiers and a civilian"
WEAK_NUMBERS = frozenset({"un", "une", "a", "an"})
PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "being", "is", "are", "got"})
_KEYS = frozenset(
    {
        "language",
        "units",
        "multipliers",
        "joiners",
        "approximate",
        "vague",
        "qualifiers",
        "range_openers",
        "range_joiners",
        "not_counts",
        "prepositions",
        "casualties",
        "no_casualties",
    }
)
_NO_CASUALTY_KEYS = ("killed_and_injured", "killed", "injured")
_SENTENCE_BREAK = re.compile(r"[.;:!?]")
_CLAUSE_BREAK = re.compile(r"[.;:!?,()]")
_WORD = re.compile(r"\w+")
_DIGITS = r"\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+"
_CHAR_FOLDS = {"’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-", "\u00a0": " ", "\u202f": " "}


def fold_text(text: str) -> tuple[str, list[int]]:
    """Return `text` lower-cased without accents, and for each folded char its index in `text`.

    Typographic apostrophes and dashes become ASCII and no-break spaces become spaces, so patterns
    written in plain ASCII match; the index list maps a folded match back to original offsets.
    """
    if text.isascii():  # the common case: one char in, one char out
        return text.casefold(), list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    ch = _CHAR_FOLDS.get(ch, ch)
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base.casefold()


def fold(phrase: str) -> str:
    """Return `phrase` folded like `fold_text`, with runs of spaces collapsed."""
    return " ".join(fold_text(phrase)[0].split())


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> str:
    """Return a regex alternation of folded phrases, longest first, spaces matching any blank."""
    folded = sorted({fold(p) for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split(" ")) for p in folded)


@dataclass(frozen=True)
class NumberLexicon:
    """Number words and casualty phrases of one language (data/numbers/<lang>.yaml)."""

    language: str
    units: dict[str, int]
    multipliers: dict[str, int]
    joiners: tuple[str, ...]
    approximate: dict[str, int]
    vague: tuple[str, ...]
    qualifiers: tuple[str, ...]
    range_openers: tuple[str, ...]
    range_joiners: tuple[str, ...]
    not_counts: tuple[str, ...]
    # words after which "a"/"un" is an article, not a head count ("onboard a bus", "dans un camp")
    prepositions: frozenset[str]
    # folded phrase → (outcome, direction)
    casualty_phrases: dict[str, tuple[str, str]]
    # folded phrase → which figures it zeroes: "killed_and_injured", "killed" or "injured"
    no_casualty_phrases: dict[str, str]
    number_re: re.Pattern[str]
    casualty_re: re.Pattern[str]
    no_casualty_re: re.Pattern[str]
    vague_re: re.Pattern[str]
    qualifier_re: re.Pattern[str]
    not_count_re: re.Pattern[str]
    range_joiner_re: re.Pattern[str]


def _str_list(path: Path, raw: dict, key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise key_error(path, key, "must be a list of non-empty strings")
    return tuple(value)


def _int_map(path: Path, raw: dict, key: str) -> dict[str, int]:
    value = raw.get(key)
    if not isinstance(value, dict) or not value:
        raise key_error(path, key, "must be a non-empty mapping of phrase: integer")
    out: dict[str, int] = {}
    for phrase, number in value.items():
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise key_error(path, str(phrase), f"value {number!r} is not a non-negative integer")
        out[fold(str(phrase))] = number
    return out


def parse_number_lexicon(path: Path) -> NumberLexicon:
    """Return the validated lexicon in `path`; raise DataFileError naming file and line."""
    raw = read_yaml_mapping(path)
    check_known_keys(path, raw, _KEYS)
    units = _int_map(path, raw, "units")
    multipliers = _int_map(path, raw, "multipliers")
    approximate = _int_map(path, raw, "approximate")
    phrases: dict[str, tuple[str, str]] = {}
    groups = raw.get("casualties")
    if not isinstance(groups, dict):
        raise key_error(path, "casualties", "must map outcomes to {before, after, both} lists")
    for outcome, by_direction in groups.items():
        if outcome not in OUTCOMES:
            raise key_error(path, str(outcome), f"unknown outcome (expected one of {OUTCOMES})")
        if not isinstance(by_direction, dict) or not by_direction:
            raise key_error(path, outcome, "must map before/after/both to phrase lists")
        for direction in by_direction:
            if direction not in DIRECTIONS:
                raise key_error(path, str(direction), f"unknown direction (expected {DIRECTIONS})")
            for phrase in _str_list(path, by_direction, direction):
                key = fold(phrase)
                if key in phrases and phrases[key] != (outcome, direction):
                    raise key_error(path, phrase, f"listed twice with different roles {phrases[key]}")
                phrases[key] = (outcome, direction)
    no_casualties: dict[str, str] = {}
    zero_groups = raw.get("no_casualties") or {}
    if not isinstance(zero_groups, dict):
        raise key_error(path, "no_casualties", f"must map {_NO_CASUALTY_KEYS} to phrase lists")
    for group in zero_groups:
        if group not in _NO_CASUALTY_KEYS:
            raise key_error(path, str(group), f"unknown group (expected one of {_NO_CASUALTY_KEYS})")
        for phrase in _str_list(path, zero_groups, group):
            no_casualties[fold(phrase)] = group
    joiners = _str_list(path, raw, "joiners")
    vague = _str_list(path, raw, "vague")
    qualifiers = _str_list(path, raw, "qualifiers")
    range_joiners = _str_list(path, raw, "range_joiners")
    not_counts = _str_list(path, raw, "not_counts")

    words = phrase_pattern(list(units) + list(multipliers))
    joiner = phrase_pattern(list(joiners))
    word_number = rf"(?:{words})(?:(?:\s+|-)(?:(?:{joiner})(?:\s+|-))?(?:{words}))*"
    number_re = re.compile(
        rf"(?<![\w-])(?:{phrase_pattern(list(approximate))}|{_DIGITS}|{word_number})(?![\w-])"
    )
    bounded = r"(?<![\w'-])(?:{})(?![\w-])"
    return NumberLexicon(
        language=str(raw.get("language", path.stem)),
        units=units,
        multipliers=multipliers,
        joiners=tuple(fold(j) for j in joiners),
        approximate=approximate,
        vague=vague,
        qualifiers=qualifiers,
        range_openers=_str_list(path, raw, "range_openers"),
        range_joiners=range_joiners,
        not_counts=not_counts,
        prepositions=frozenset(fold(w) for w in _str_list(path, raw, "prepositions")),
        casualty_phrases=phrases,
        no_casualty_phrases=no_casualties,
        number_re=number_re,
        casualty_re=re.compile(bounded.format(phrase_pattern(list(phrases)))),
        no_casualty_re=re.compile(bounded.format(phrase_pattern(list(no_casualties)) or "(?!)")),
        vague_re=re.compile(bounded.format(phrase_pattern(list(vague)) or "(?!)")),
        qualifier_re=re.compile(rf"^(?:\s*(?:{phrase_pattern(list(qualifiers)) or '(?!)'}))+\s*"),
        not_count_re=re.compile(rf"^\s*(?:{phrase_pattern(list(not_counts)) or '(?!)'})(?![\w])"),
        range_joiner_re=re.compile(rf"^\s*(?:{phrase_pattern(list(range_joiners))})\s*$"),
    )


@lru_cache(maxsize=8)
def load_number_lexicon(lang: str) -> NumberLexicon:
    """Return the packaged number lexicon for `lang` ("fr" or "en"), loaded once."""
    path = data_path("numbers", f"{lang}.yaml")
    if not path.is_file():
        raise DataFileError(f"{path}: no number lexicon for language {lang!r}")
    return parse_number_lexicon(path)


def _words_value(folded: str, lexicon: NumberLexicon) -> int | None:
    """Return the value of a compound number in words ("vingt-trois", "two hundred and five")."""
    total = 0
    current = 0
    seen = False
    for token in re.split(r"[\s-]+", folded):
        if not token or token in lexicon.joiners:
            continue
        if token in lexicon.units:
            value = lexicon.units[token]
            # French vigesimal: "quatre-vingt(s)" = 4 × 20.
            if value == 20 and current % 100 == 4 and seen:
                current += 76
            else:
                current += value
        elif token in lexicon.multipliers:
            mult = lexicon.multipliers[token]
            if mult >= 1000:
                total += max(current, 1) * mult
                current = 0
            else:
                current = max(current, 1) * mult
        else:
            return None
        seen = True
    return total + current if seen else None


def _number_value(folded: str, lexicon: NumberLexicon) -> int | None:
    folded = " ".join(folded.split())
    if folded in lexicon.approximate:
        return lexicon.approximate[folded]
    if re.fullmatch(_DIGITS, folded):
        return int(re.sub(r"[ ,.]", "", folded))
    return _words_value(folded, lexicon)


def parse_number(phrase: str, lang: str) -> int | None:
    """Return the conservative integer a number phrase stands for, or None if it is not one.

    "vingt-trois" → 23, "une vingtaine" → 20, "dozens" → 12 (ACLED), "at least 12" → 12,
    "between 10 and 15" → 10 (the low end), "2 500" → 2500.
    """
    lexicon = load_number_lexicon(lang)
    folded = fold(phrase)
    folded = lexicon.qualifier_re.sub("", folded, count=1).strip()
    openers = phrase_pattern(list(lexicon.range_openers))
    if openers:
        folded = re.sub(rf"^(?:{openers})\s+", "", folded)
    if not folded:
        return None
    whole = lexicon.number_re.fullmatch(folded)
    if whole:
        return _number_value(folded, lexicon)
    numbers = list(lexicon.number_re.finditer(folded))
    if (
        len(numbers) == 2
        and numbers[0].start() == 0
        and numbers[1].end() == len(folded)
        and lexicon.range_joiner_re.match(folded[numbers[0].end() : numbers[1].start()])
    ):
        return _number_value(numbers[0].group(), lexicon)
    return None


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    low: int
    high: int
    weak: bool


@dataclass(frozen=True)
class _Figure:
    outcome: str
    low: int | None  # None: reported with no number
    high: int | None
    start: int  # original-text offsets
    end: int


# A number right after these words counts part of a toll already given ("22 morts dont 7 enfants").
SUBSET_BEFORE = re.compile(
    r"(?:\bdont|\bincluding|\bamong them|\bamong whom|\by compris|\bparmi lesquels|\bparmi eux)\s*,?\s*$"
)


def _find_numbers(folded: str, lexicon: NumberLexicon) -> list[_Number]:
    """Return the head counts in a folded sentence, ranges merged, dates and ages left out."""
    raw: list[_Number] = []
    for m in lexicon.number_re.finditer(folded):
        text = m.group()
        if lexicon.not_count_re.match(folded[m.end() :]):
            continue  # "45 ans", "12 mars", "3 km"
        previous = folded[: m.start()].split()
        if previous and lexicon.not_count_re.fullmatch(previous[-1]):
            continue  # "May 3"
        value = _number_value(text, lexicon)
        if value is None:
            continue
        if text in WEAK_NUMBERS and previous and (
            previous[-1] in lexicon.prepositions
            or (len(previous) > 1 and previous[-1] in {"d'", "de", "d"} and previous[-2] in lexicon.prepositions)
        ):
            continue  # "onboard a bus", "à bord d'un car": an article, not one victim
        if text in WEAK_NUMBERS and re.match(r"\s+meme\b", folded[m.end() :]):
            continue  # "trois frères d'une même fratrie": "un(e) même" means "the same", no count
        if re.fullmatch(r"\d{4}", text) and 1900 <= value <= 2100:
            before = folded[: m.start()].split()
            if not before or before[-1] in {"en", "in", "since", "depuis", "de", "of", "le"}:
                continue
        if SUBSET_BEFORE.search(folded[max(0, m.start() - 20) : m.start()]) and raw:
            continue  # "Dix-neuf civils dont sept enfants": the part is not the toll
        raw.append(_Number(m.start(), m.end(), value, value, text in WEAK_NUMBERS))
    merged: list[_Number] = []
    openers = phrase_pattern(list(lexicon.range_openers)) or "(?!)"
    i = 0
    while i < len(raw):
        n = raw[i]
        if i + 1 < len(raw):
            nxt = raw[i + 1]
            between = folded[n.end : nxt.start]
            opened = re.search(rf"(?:^|\W)(?:{openers})\s*$", folded[: n.start])
            joined = lexicon.range_joiner_re.match(between)
            bare_joiner = between.strip() in {"-", "a", "to"}
            if joined and (opened or bare_joiner) and not n.weak and not nxt.weak:
                start = (
                    opened.start() + (1 if opened.group()[:1].isspace() else 0)
                    if opened
                    else n.start
                )
                merged.append(
                    _Number(start, nxt.end, min(n.low, nxt.low), max(n.high, nxt.high), False)
                )
                i += 2
                continue
        merged.append(n)
        i += 1
    return merged


@lru_cache(maxsize=256)
def _time_expressions(text: str, lang: str) -> tuple:
    """Return the time expressions of a sentence (cached: one sentence is read for each of its
    incident mentions)."""
    # imported here: dates reads its number words through this module
    from eventwire.normalize.dates import find_time_expressions

    return tuple(find_time_expressions(text, lang=lang, published=_ANY_DAY))


def _without_dates(
    original: str, folded: str, index: list[int], lexicon: NumberLexicon
) -> tuple[str, list[int]]:
    """Return a folded sentence with the time expressions that split a casualty phrase cut to one
    space (and the index back to the original): "la mort ce jeudi 4 juin de 12 villageois" reads
    "la mort de 12 villageois". Other dates stay: they keep weak numbers apart from the keyword."""
    if not lexicon.casualty_re.search(folded):
        return folded, index  # no casualty phrase to split
    cut: list[tuple[int, int]] = []
    for t in _time_expressions(original, lexicon.language):
        inside = [k for k, i in enumerate(index) if t.span.start <= i < t.span.end]
        if not inside:
            continue
        before, after = folded[max(0, inside[0] - 30):inside[0]], folded[inside[-1] + 1:inside[-1] + 31]
        joined = before.rstrip() + " " + after.lstrip()
        junction = len(before.rstrip())
        if any(m.start() < junction < m.end() for m in lexicon.casualty_re.finditer(joined)):
            cut.append((inside[0], inside[-1] + 1))
    if not cut:
        return folded, index
    keep_text: list[str] = []
    keep_index: list[int] = []
    for k, ch in enumerate(folded):
        span = next(((a, b) for a, b in cut if a <= k < b), None)
        if span is None or k == span[0]:
            keep_text.append(" " if span else ch)
            keep_index.append(index[k])
    return "".join(keep_text), keep_index


def _word_count(segment: str) -> int:
    return len(_WORD.findall(segment))


def _read_sentence(
    text: str, start: int, end: int, lexicon: NumberLexicon
) -> tuple[list[_Figure], set[str]]:
    """Return the figures in text[start:end] and the outcomes explicitly reported as none."""
    folded, index = _without_dates(text[start:end], *fold_text(text[start:end]), lexicon)

    def orig(a: int, b: int) -> tuple[int, int]:
        return start + index[a], start + index[b - 1] + 1

    zeroed: set[str] = set()
    masked: list[tuple[int, int]] = []
    figures: list[_Figure] = []
    for m in lexicon.no_casualty_re.finditer(folded):
        group = lexicon.no_casualty_phrases[" ".join(m.group().split())]
        zeroed.update(("killed", "injured") if group == "killed_and_injured" else (group,))
        masked.append((m.start(), m.end()))
        a, b = orig(m.start(), m.end())
        figures.append(_Figure("none", 0, 0, a, b))
    keywords = [
        m
        for m in lexicon.casualty_re.finditer(folded)
        if not any(s <= m.start() < e for s, e in masked)
    ]
    numbers = _find_numbers(folded, lexicon)
    claimed: dict[int, str] = {}  # index in numbers → outcome

    def previous_word(pos: int) -> str:
        words = _WORD.findall(folded[:pos])
        return words[-1] if words else ""

    def look_before(kw: re.Match[str], direction: str) -> int | None | str:
        candidates = [i for i, n in enumerate(numbers) if n.end <= kw.start()]
        if not candidates:
            return None
        i = candidates[-1]
        n = numbers[i]
        between = folded[n.end : kw.start()]
        if _SENTENCE_BREAK.search(between) or any(
            n.end <= k.start() < kw.start() for k in keywords
        ):
            return None
        gap = _word_count(between)
        for v in lexicon.vague_re.finditer(between):
            if _word_count(between[v.start() :]) <= 2:
                return None  # "des civils tués": vague, even if a number stands further back
        if n.weak:
            if gap > MAX_WORDS_WEAK or _CLAUSE_BREAK.search(between):
                return None
            if direction == "both" and previous_word(kw.start()) not in PASSIVE_AUXILIARIES:
                return None
        elif gap > MAX_WORDS_BEFORE:
            return None
        return i

    def look_after(kw: re.Match[str]) -> int | None:
        candidates = [i for i, n in enumerate(numbers) if n.start >= kw.end()]
        if not candidates:
            return None
        i = candidates[0]
        n = numbers[i]
        between = folded[kw.end() : n.start]
        if _CLAUSE_BREAK.search(between) or any(kw.end() <= k.start() < n.start for k in keywords):
            return None
        between = lexicon.qualifier_re.sub("", between, count=1)
        gap = _word_count(between)
        if (n.weak and gap > 0) or gap > MAX_WORDS_AFTER:
            return None
        return i

    def coordinated(i: int, step: int) -> list[int]:
        """Numbers joined to numbers[i] by "et"/"and"/"," ("12 soldats et 3 civils")."""
        out = []
        while 0 <= i + step < len(numbers):
            j = i + step
            a, b = (numbers[j], numbers[i]) if step < 0 else (numbers[i], numbers[j])
            between = folded[a.end : b.start]
            if j in claimed or _SENTENCE_BREAK.search(between):
                break
            if any(a.end <= k.start() < b.start for k in keywords):
                break
            joiner = re.search(r"(?:,|\band|\bet)\s*$", between)
            if not joiner or (joiner.group().startswith(",") and numbers[j].weak):
                break
            if _word_count(between) > MAX_WORDS_COORDINATED:
                break
            out.append(j)
            i = j
        return out

    for kw in keywords:
        outcome, direction = lexicon.casualty_phrases[" ".join(kw.group().split())]
        found: int | None = None
        if direction in ("after", "both"):
            found = look_after(kw)
            step = 1
        if found is None and direction in ("before", "both"):
            found = look_before(kw, direction)
            step = -1
        if found is not None and found in claimed:
            if claimed[found] == outcome:
                continue  # "un bilan de 12 morts": one figure read twice
            found = None
        if found is None:
            if outcome == "killed" and "killed" not in zeroed:
                a, b = orig(kw.start(), kw.end())
                figures.append(_Figure(outcome, None, None, a, b))
            continue
        group = [found, *coordinated(found, step)]
        for j in group:
            claimed[j] = outcome
        low = sum(numbers[j].low for j in group)
        high = sum(numbers[j].high for j in group)
        a, b = orig(
            min([kw.start()] + [numbers[j].start for j in group]),
            max([kw.end()] + [numbers[j].end for j in group]),
        )
        figures.append(_Figure(outcome, low, high, a, b))
    return figures, zeroed


def count_casualties(text: str, *, lang: str, spans: list[Span] | None = None) -> Casualties:
    """Return the casualty figures read from `spans` of `text` (the whole text when None).

    Fatalities follow ACLED's rule: the most conservative credible figure; conflicting figures
    from several sentences keep low/high and fatalities = the lowest; injuries never count.
    """
    lexicon = load_number_lexicon(lang)
    regions = [(s.start, s.end) for s in spans] if spans is not None else [(0, len(text))]
    figures: list[_Figure] = []
    zeroed: set[str] = set()
    for start, end in regions:
        found, none_said = _read_sentence(text, start, end, lexicon)
        figures.extend(add_sides(killed_when_numbered(found, text), text, lang))
        zeroed |= none_said

    def numbered(outcome: str) -> list[_Figure]:
        return [f for f in figures if f.outcome == outcome and f.low is not None]

    def lowest(outcome: str) -> int | None:
        values = [f.low for f in numbered(outcome)]
        if values:
            return min(v for v in values if v is not None)
        return 0 if outcome in zeroed else None

    used = [f for f in figures if f.outcome != "killed" or f.low is not None]
    killed = numbered("killed")
    unnumbered = [f for f in figures if f.outcome == "killed" and f.low is None]
    low = high = None
    if killed:
        low = min(f.low for f in killed if f.low is not None)
        high = max(f.high for f in killed if f.high is not None)
        fatalities, method, reason = low, "figures", None
    elif unnumbered:
        used = figures
        fatalities, method = UNNUMBERED_DEATHS_DEFAULT, "unnumbered_deaths_default"
        reason = "deaths reported without a number: ACLED default for a limited attack"
    elif "killed" in zeroed:
        fatalities, method, reason = 0, "no_casualties_phrase", "the text says nobody was killed"
    else:
        fatalities, method, reason = 0, "none", "no deaths reported"
    if not killed and method == "none" and any(numbered(o) for o in OUTCOMES[1:]):
        method = "figures"
    return Casualties(
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        injuries=lowest("injured"),
        abducted=lowest("abducted"),
        arrested=lowest("arrested"),
        spans=tuple(
            Span(f.start, f.end, text[f.start : f.end]) for f in sorted(used, key=lambda f: f.start)
        ),
        method=method,
        reason=reason,
    )
