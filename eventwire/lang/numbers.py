"""Number words and numeral parsing, per language (data/numbers/<lang>.yaml).

The same files hold the casualty vocabulary that normalize/casualties.py reads (casualty
phrases by outcome, phrases saying nobody was hurt, the words that make a number an article or
part of a toll already given), so one loader validates each file once. `parse_number` is what
the other stages use: "vingt-trois" → 23, "dozens" → 12 (ACLED), "at least 12" → 12.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, key_error, language_file, read_yaml_mapping
from eventwire.lang.fold import fold, phrase_pattern

OUTCOMES = ("killed", "injured", "abducted", "arrested", "neutralized")  # last: normalize/tolls.py
DIRECTIONS = ("before", "after", "both")
_LIST_KEYS = (
    "joiners",
    "vague",
    "qualifiers",
    "range_openers",
    "range_joiners",
    "not_counts",
    "prepositions",
    "weak_numbers",
    "preposition_links",
    "same_words",
    "bare_range_joiners",
    "year_prepositions",
    "subset_openers",
    "coordinators",
    "passive_auxiliaries",
    "existential_words",
    "disjunctions",
)
_KEYS = frozenset({"language", "units", "multipliers", "approximate", "casualties", "no_casualties", *_LIST_KEYS})
_NO_CASUALTY_KEYS = ("killed_and_injured", "killed", "injured")
DIGITS = r"\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+"


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
    # the folded word lists of the casualty reader (normalize/casualties.py), see the data file
    words: dict[str, frozenset[str]]
    subset_re: re.Pattern[str]  # at the end of the text before a number: "dont", "including"
    coordinator_re: re.Pattern[str]  # at the end of the text between two numbers: ",", "et"
    same_re: re.Pattern[str]  # right after an article: "une même fratrie"
    range_opener_re: str  # alternation of the range openers ("entre", "between")


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


def _casualty_phrases(path: Path, raw: dict) -> dict[str, tuple[str, str]]:
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
    return phrases


def _no_casualty_phrases(path: Path, raw: dict) -> dict[str, str]:
    no_casualties: dict[str, str] = {}
    zero_groups = raw.get("no_casualties") or {}
    if not isinstance(zero_groups, dict):
        raise key_error(path, "no_casualties", f"must map {_NO_CASUALTY_KEYS} to phrase lists")
    for group in zero_groups:
        if group not in _NO_CASUALTY_KEYS:
            raise key_error(path, str(group), f"unknown group (expected one of {_NO_CASUALTY_KEYS})")
        for phrase in _str_list(path, zero_groups, group):
            no_casualties[fold(phrase)] = group
    return no_casualties


def _words_alternation(words: Iterable[str]) -> str:
    """Return an alternation of folded words or phrases, never matching when there are none."""
    return phrase_pattern(list(words)) or "(?!)"


def parse_number_lexicon(path: Path) -> NumberLexicon:
    """Return the validated lexicon in `path`; raise DataFileError naming file and line."""
    raw = read_yaml_mapping(path)
    check_known_keys(path, raw, _KEYS)
    units = _int_map(path, raw, "units")
    multipliers = _int_map(path, raw, "multipliers")
    approximate = _int_map(path, raw, "approximate")
    phrases = _casualty_phrases(path, raw)
    no_casualties = _no_casualty_phrases(path, raw)
    lists = {key: _str_list(path, raw, key) for key in _LIST_KEYS}

    words = phrase_pattern(list(units) + list(multipliers))
    joiner = phrase_pattern(list(lists["joiners"]))
    word_number = rf"(?:{words})(?:(?:\s+|-)(?:(?:{joiner})(?:\s+|-))?(?:{words}))*"
    number_re = re.compile(rf"(?<![\w-])(?:{phrase_pattern(list(approximate))}|{DIGITS}|{word_number})(?![\w-])")
    # a phrase ending on an elided word ("la mort d'") runs on into the next word; one after an
    # elided word ("l'…") is part of that word, but one after a quote mark that opens a word ("25
    # rebels were 'neutralized'": the quote follows a space) is quoted, as « neutralisés » is
    bounded = r"(?<![\w-])(?<![\w-]')(?:{})(?:(?<=')|(?![\w-]))"
    return NumberLexicon(
        language=str(raw.get("language", path.stem)),
        units=units,
        multipliers=multipliers,
        joiners=tuple(fold(j) for j in lists["joiners"]),
        approximate=approximate,
        vague=lists["vague"],
        qualifiers=lists["qualifiers"],
        range_openers=lists["range_openers"],
        range_joiners=lists["range_joiners"],
        not_counts=lists["not_counts"],
        prepositions=frozenset(fold(w) for w in lists["prepositions"]),
        casualty_phrases=phrases,
        no_casualty_phrases=no_casualties,
        number_re=number_re,
        casualty_re=re.compile(bounded.format(phrase_pattern(list(phrases)))),
        no_casualty_re=re.compile(bounded.format(_words_alternation(no_casualties))),
        vague_re=re.compile(bounded.format(_words_alternation(lists["vague"]))),
        qualifier_re=re.compile(rf"^(?:\s*(?:{_words_alternation(lists['qualifiers'])}))+\s*"),
        not_count_re=re.compile(rf"^\s*(?:{_words_alternation(lists['not_counts'])})(?![\w])"),
        range_joiner_re=re.compile(rf"^\s*(?:{phrase_pattern(list(lists['range_joiners']))})\s*$"),
        words={key: frozenset(fold(w) for w in lists[key]) for key in _LIST_KEYS},
        subset_re=re.compile(rf"\b(?:{_words_alternation(lists['subset_openers'])})\s*,?\s*$"),
        coordinator_re=re.compile(rf"(?:,|\b(?:{_words_alternation(lists['coordinators'])}))\s*$"),
        same_re=re.compile(rf"\s+(?:{_words_alternation(lists['same_words'])})\b"),
        range_opener_re=_words_alternation(lists["range_openers"]),
    )


@lru_cache(maxsize=8)
def load_number_lexicon(lang: str) -> NumberLexicon:
    """Return the packaged number lexicon for `lang` ("fr" or "en"), loaded once."""
    path = language_file("numbers", lang)
    assert path is not None  # required: language_file raised otherwise
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


def number_value(folded: str, lexicon: NumberLexicon) -> int | None:
    """Return the value of a folded number matched by `lexicon.number_re` ("2 500", "une
    vingtaine", "vingt-trois"), or None."""
    folded = " ".join(folded.split())
    if folded in lexicon.approximate:
        return lexicon.approximate[folded]
    if re.fullmatch(DIGITS, folded):
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
        return number_value(folded, lexicon)
    numbers = list(lexicon.number_re.finditer(folded))
    if (
        len(numbers) == 2
        and numbers[0].start() == 0
        and numbers[1].end() == len(folded)
        and lexicon.range_joiner_re.match(folded[numbers[0].end() : numbers[1].start()])
    ):
        return number_value(numbers[0].group(), lexicon)
    return None
