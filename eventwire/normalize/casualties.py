"""Casualty figures from news sentences, following ACLED's conservative fatality rule.

`count_casualties` reads only the sentences it is given (or the whole text): a background clause
elsewhere in the article ("2500 militaires", "des milliers de morts depuis 2012") never becomes
the incident's toll. Knowledge (number words, vague quantities, casualty phrases, the words that
make a number an article or a year) lives in `eventwire/data/numbers/{fr,en}.yaml`, loaded by
`eventwire.lang.numbers`.

How a figure is read (CODING_RULES.md, "Fatalities"):
1. Phrases saying nobody was hurt ("sans faire de victime", "no casualties") set figures to 0.
2. Every casualty phrase ("tués", "killing", "were wounded") takes the nearest number on the side
   its grammar puts it (`before`, `after`, or `both`: after first, then before); coordinated
   numbers are summed ("12 soldats et 3 civils tués" → 15); "entre 10 et 15" is a range.
3. Across sentences, figures are alternative reports of the same toll: fatalities_low/high keep
   the range, fatalities is the lowest credible figure ("at least 12" → 12).
4. Deaths reported with no number count what the victims' grammar gives ("police shot dead the
   suspect" 1, "a trader and his son were killed" 2: normalize/victim_number.py), else 3 (ACLED's
   default for a limited attack); nothing said about deaths counts 0 with the reason "no deaths
   reported". Injuries never count as deaths.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from eventwire.lang.fold import fold_text
from eventwire.lang.numbers import OUTCOMES, NumberLexicon, load_number_lexicon, number_value
from eventwire.models import Casualties, Span
from eventwire.normalize.described_victims import dead_described
from eventwire.normalize.tally_figures import without_tallies
from eventwire.normalize.tolls import (
    add_sides,
    animal_after,
    killed_when_numbered,
    major_deaths,
    one_when_singular,
    risen_toll,
    without_causes,
    without_either_outcome,
    without_negated,
    without_set_phrases,
)
from eventwire.normalize.victim_number import victim_words
from eventwire.normalize.victim_phrases import blank_ages, elided_side, opens_family, ordinal_after

log = logging.getLogger(__name__)

# ACLED codebook: deaths reported without a number are coded 3 for a limited attack (10 for a
# major one, which this reader cannot tell apart, so it keeps the conservative value).
UNNUMBERED_DEATHS_DEFAULT = 3
MAJOR_DEATHS_DEFAULT = 10  # ... deaths told as many ("de nombreux morts": data/major_deaths.yaml)
MAJOR_WINDOW = 4  # words before the death phrase: "many Al-Shabaab militants were killed"
MAJOR_WINDOW_AFTER = 3  # words after it: "killed many", "tuant de nombreux civils"
# Window sizes in words between a number and its casualty phrase, tuned by hand on constructions
# such as "12 soldats maliens ont été tués" (4) and "killed at least 12" (2).
MAX_WORDS_BEFORE = 6
_ANY_DAY = date(2000, 1, 1)  # time expressions are only masked: any reference day will do
MAX_WORDS_AFTER = 4
# ... or up to this many when they end with a risen toll's verb (data/risen_tolls.yaml): "the
# overall toll of the ambush on the convoy rose to 14"
MAX_WORDS_RISEN = 10
MAX_WORDS_WEAK = 3  # "un soldat a été tué"
MAX_WORDS_COORDINATED = 4  # "12 soldats et 3 civils", "two soldiers and a civilian"
# An aside between a number and its death phrase ("12 people, including two children, died"):
# the number's noun phrase before it (at most MAX_NOUN_WORDS words), the aside, then the phrase.
MAX_NOUN_WORDS = 5
_APPOSITIVE = re.compile(r"(?P<noun>[^,()]*)(?:,[^,()]*,|\([^()]*\))(?P<rest>[^,()]*)")
# A language regularity: a figure above this is no head count of one incident (the largest tolls
# reported for one event are in the thousands), it is a cost, a population or a typo ("killing
# 10000000000 people"); read as a count it would also overflow the store's 64-bit integers.
MAX_HEAD_COUNT = 100_000
_SENTENCE_BREAK = re.compile(r"[.;:!?]")
_CLAUSE_BREAK = re.compile(r"[.;:!?,()]")
_WORD = re.compile(r"\w+")
# A day of the month as written before a year ("27", "27th", "27,", "1er"): the year is a date's.
# A number written with a slash to another one is a date's part ("on 06/12", "le 13/04/2017").
_DATE_SLASH = re.compile(r"/\d")
_DATE_SLASH_BEFORE = re.compile(r"\d/$")
# "One of the four guards succumbed", "deux des cinq otages sont morts": the count is the first.
_PARTITIVE = re.compile(r"\s+(?:of(?:\s+(?:the|these|those))?|des|d'entre(?:\s+les)?|parmi\s+les)\s+")
_DAY_NUMBER = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er)?,?")


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    low: int
    high: int
    weak: bool
    animal: bool = False  # it counts animals ("three cattle"): no person's death (tolls.animal_after)
    ordinal: bool = False  # an article and an ordinal: "a fourth person died" (4, the standing toll)


@dataclass(frozen=True)
class _Figure:
    outcome: str
    low: int | None  # None: reported with no number
    high: int | None
    start: int  # original-text offsets
    end: int
    parts: tuple[int, ...] = ()  # the sides a summed toll adds up (normalize.tolls.add_sides)
    singular: bool = False  # one death told by a singular verb, no number (tolls.one_when_singular)
    ordinal: bool = False  # the toll told by an ordinal ("a fourth victim died"): it stands (tolls.add_sides)


def _is_count(folded: str, m: re.Match[str], value: int, lexicon: NumberLexicon, raw: list) -> bool:
    """Return whether the number `m` of a folded sentence is a head count: not an article
    ("onboard a bus", "à bord d'un car"), not "une même" ("the same"), not a year ("en 2019"),
    not part of a toll already given ("22 morts dont 7 enfants"). The words are the number
    lexicon's (data/numbers/<lang>.yaml)."""
    words = lexicon.words
    text = m.group()
    previous = folded[: m.start()].split()
    weak = text in words["weak_numbers"]
    existential = len(previous) > 1 and previous[-2] in words["existential_words"]  # "il y a un mort"
    if (
        weak
        and previous
        and not existential
        and (
            previous[-1] in lexicon.prepositions
            or (
                len(previous) > 1
                and previous[-1] in words["preposition_links"]
                and previous[-2] in lexicon.prepositions
            )
        )
    ):
        return False  # "onboard a bus", "à bord d'un car": an article, not one victim
    if weak and opens_family(folded, m.end()):
        return False  # "killed a family of five": the size after it counts the victims
    if weak and lexicon.qualifier_re.match(folded[m.start() :]):
        return False  # "killing a total of 20", "an estimated 20": the article of a qualifier
    if weak and lexicon.same_re.match(folded[m.end() :]):
        return False  # "trois frères d'une même fratrie": "un(e) même" means "the same", no count
    if weak and any(v.start() == m.start() for v in lexicon.vague_re.finditer(folded, m.start(), m.start() + 40)):
        return False  # "killing an unknown number of fighters": the article of a vague quantity
    year = re.fullmatch(r"\d{4}", text) and 1900 <= value <= 2100
    if year and (not previous or previous[-1] in words["year_prepositions"] or _DAY_NUMBER.fullmatch(previous[-1])):
        return False  # "en 2019", "since 2012", "December 27 2019" (a date's year after its day)
    # "Dix-neuf civils dont sept enfants": the part is not the toll
    return not (raw and lexicon.subset_re.search(folded[max(0, m.start() - 40) : m.start()]))


def _find_numbers(folded: str, lexicon: NumberLexicon) -> list[_Number]:
    """Return the head counts in a folded sentence, ranges merged, dates and ages left out."""
    raw: list[_Number] = []
    for m in lexicon.number_re.finditer(folded):
        text = m.group()
        if lexicon.not_count_re.match(folded[m.end() :]):
            continue  # "45 ans", "12 mars", "3 km"
        if _DATE_SLASH.match(folded, m.end()) or _DATE_SLASH_BEFORE.search(folded, 0, m.start()):
            continue  # "le 06/12", "on 13/04/2017": a date's day, month or year
        previous = folded[: m.start()].split()
        if previous and lexicon.not_count_re.fullmatch(previous[-1]):
            continue  # "May 3"
        value = number_value(text, lexicon)
        if value is None or value > MAX_HEAD_COUNT or not _is_count(folded, m, value, lexicon, raw):
            continue
        weak = text in lexicon.words["weak_numbers"]
        ordinal = ordinal_after(folded, m.end(), lexicon.language) if weak else None
        if ordinal is not None:
            value, weak = ordinal, False  # "a fourth person died later": the toll now stands at 4
        animal = bool(animal_after(lexicon.language).match(folded[m.end() :]))
        raw.append(_Number(m.start(), m.end(), value, value, weak, animal, ordinal is not None))
    return _merge_ranges(folded, raw, lexicon)


def _merge_ranges(folded: str, raw: list[_Number], lexicon: NumberLexicon) -> list[_Number]:
    """Return the numbers with ranges ("entre 10 et 15", "10 to 15") merged into one."""
    merged: list[_Number] = []
    openers = lexicon.range_opener_re
    i = 0
    while i < len(raw):
        n = raw[i]
        if i + 1 < len(raw):
            nxt = raw[i + 1]
            between = folded[n.end : nxt.start]
            opened = re.search(rf"(?:^|\W)(?:{openers})\s*$", folded[: n.start])
            joined = lexicon.range_joiner_re.match(between)
            bare_joiner = between.strip() in lexicon.words["bare_range_joiners"]
            if joined and (opened or bare_joiner) and not n.weak and not nxt.weak:
                start = opened.start() + (1 if opened.group()[:1].isspace() else 0) if opened else n.start
                merged.append(_Number(start, nxt.end, min(n.low, nxt.low), max(n.high, nxt.high), False, nxt.animal))
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


def _without_dates(original: str, folded: str, index: list[int], lexicon: NumberLexicon) -> tuple[str, list[int]]:
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
        before, after = (
            folded[max(0, inside[0] - 30) : inside[0]],
            folded[inside[-1] + 1 : inside[-1] + 31],
        )
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


@dataclass(frozen=True)
class _Sentence:
    """One folded sentence being read: its numbers and casualty keywords."""

    folded: str
    numbers: list[_Number]
    keywords: list[re.Match[str]]
    lexicon: NumberLexicon

    def previous_word(self, pos: int) -> str:
        words = _WORD.findall(self.folded[:pos])
        return words[-1] if words else ""

    def keyword_between(self, start: int, end: int) -> bool:
        return any(start <= k.start() < end for k in self.keywords)


def _look_before(s: _Sentence, kw: re.Match[str], direction: str) -> int | None:
    """Return the index of the number a keyword takes before it ("12 soldats ... tués")."""
    candidates = [i for i, n in enumerate(s.numbers) if n.end <= kw.start()]
    if not candidates:
        return None
    i = candidates[-1]
    if i > 0 and not s.numbers[i - 1].weak:
        wider = _aside(s.folded[s.numbers[i - 1].end : kw.start()])
        if wider is not None and s.numbers[i - 1].end + wider.end("noun") <= s.numbers[i].start:
            i -= 1  # "12 people, two of them children, were killed": the aside counts a part
    if i > 0 and _PARTITIVE.fullmatch(s.folded[s.numbers[i - 1].end : s.numbers[i].start]):
        i -= 1  # "one of the four guards succumbed": one died
    n = s.numbers[i]
    between = s.folded[n.end : kw.start()]
    if _SENTENCE_BREAK.search(between) or s.keyword_between(n.end, kw.start()):
        return None
    gap = _word_count(between)
    aside = None if n.weak else _aside(between)
    tail = aside["rest"] if aside else between  # an aside's "des bergers" is no vague victim
    partitive = _PARTITIVE.match(tail)
    if partitive is not None:
        tail = tail[partitive.end() :]  # "deux des otages sont morts": the article of a part, not a vague count
    for v in s.lexicon.vague_re.finditer(tail):
        if _word_count(tail[v.start() :]) <= 2:
            return None  # "des civils tués": vague, even if a number stands further back
    if n.weak:
        if gap > MAX_WORDS_WEAK or _CLAUSE_BREAK.search(between):
            return None
        if direction == "both" and s.previous_word(kw.start()) not in s.lexicon.words["passive_auxiliaries"]:
            return None
    elif gap > MAX_WORDS_BEFORE and (aside is None or _word_count(aside["noun"] + aside["rest"]) > MAX_WORDS_BEFORE):
        return None
    return i


def _aside(between: str) -> re.Match[str] | None:
    """Return the match of one aside set off by commas or brackets between a number and its death
    phrase, when the number's noun comes before it and the death phrase right after it ("au
    moins 40 personnes, surtout des bergers, ont été tuées", "at least 12 people, including
    two children, lost their lives": a language regularity, the aside describes the victims);
    None otherwise. Its groups: the words before (`noun`) and after (`rest`) the aside."""
    m = _APPOSITIVE.fullmatch(between)
    if m is None or _word_count(m["noun"]) > MAX_NOUN_WORDS or _word_count(m["rest"]) > 1:
        return None
    return m


def _look_after(s: _Sentence, kw: re.Match[str]) -> int | None:
    """Return the index of the number a keyword takes after it ("killing 12")."""
    candidates = [i for i, n in enumerate(s.numbers) if n.start >= kw.end()]
    if not candidates:
        return None
    i = candidates[0]
    n = s.numbers[i]
    between = s.folded[kw.end() : n.start]
    if _CLAUSE_BREAK.search(between) or s.keyword_between(kw.end(), n.start):
        return None
    blockers = s.lexicon.words["coordinators"] | victim_words(s.lexicon.language)["agent_prepositions"]
    if blockers.intersection(_WORD.findall(between)):
        return None  # "shot dead by four gunmen" (the attackers), "one killed and two wounded"
    between = s.lexicon.qualifier_re.sub("", between, count=1)
    gap = _word_count(between)
    risen = [r.end() for r in risen_toll(s.lexicon.language).finditer(between)]
    if MAX_WORDS_AFTER < gap <= MAX_WORDS_RISEN and risen and _word_count(between[risen[-1] :]) <= 1:
        return i  # "the overall toll of the convoy ambush has risen to 14": the toll's verb gives its number
    if (n.weak and gap > 0) or gap > MAX_WORDS_AFTER:
        return None
    return i


def _coordinated(s: _Sentence, i: int, step: int, claimed: dict[int, str]) -> list[int]:
    """Numbers joined to numbers[i] by "et"/"and"/"," ("12 soldats et 3 civils")."""
    numbers = s.numbers
    out = []
    while 0 <= i + step < len(numbers):
        j = i + step
        a, b = (numbers[j], numbers[i]) if step < 0 else (numbers[i], numbers[j])
        between = s.folded[a.end : b.start]
        if j in claimed or _SENTENCE_BREAK.search(between) or ("(" in between) != (")" in between):
            break  # "(at geoprecision 2), two were killed": a bracket closes between them
        if s.keyword_between(a.end, b.start):
            break
        between = _subset_aside(s.lexicon.language).sub(" ", between)  # ", including two children,"
        joiner = s.lexicon.coordinator_re.search(between)
        if not joiner or (joiner.group().startswith(",") and numbers[j].weak and not _opens_list(s, numbers[j])):
            break
        if _word_count(between) > MAX_WORDS_COORDINATED:
            break
        out.append(j)
        i = j
    return out


@lru_cache(maxsize=8)
def _subset_aside(lang: str) -> re.Pattern[str]:
    """Return the pattern of an aside that counts a part of the number before it, between commas
    or brackets ("21 militants, including two commanders, and 4 soldiers were killed": 25; "4
    civils, dont un journaliste, ainsi que 2 policiers"): the subset openers of
    data/numbers/<lang>.yaml. Coordination reads past it."""
    words = sorted(load_number_lexicon(lang).words["subset_openers"], key=len, reverse=True)
    openers = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf",\s*(?:{openers})\b[^,()]*,|\(\s*(?:{openers})\b[^()]*\)")


def _elided_sides(s: _Sentence, i: int, claimed: dict[int, str]) -> list[int]:
    """Numbers after numbers[i] that count another side of its toll without repeating its death
    word ("12 morts parmi les soldats et 5 parmi les assaillants": victim_phrases.elided_side)."""
    out = []
    while i + 1 < len(s.numbers) and i + 1 not in claimed:
        a, b = s.numbers[i], s.numbers[i + 1]
        between = s.folded[a.end : b.start]
        if _SENTENCE_BREAK.search(between) or not elided_side(between, s.folded[b.end :]):
            break
        if any(
            re.search(rf"(?<!\w){re.escape(w)}(?!\w)", s.folded[: b.start]) for w in s.lexicon.words["subset_openers"]
        ):
            break  # "12 tués, dont trois parmi les officiers et deux parmi ...": parts of the toll
        out.append(i + 1)
        i += 1
    return out


def _opens_list(s: _Sentence, n: _Number) -> bool:
    """Return whether an article counted as one opens the sentence or follows its death phrase:
    the first of a list of victims ("Un soldat, deux femmes et trois enfants ont été tués",
    "the dead included a soldier, two women and a child"), not the article of a place ("in a
    village, 12 soldiers were killed")."""
    before = s.folded[: n.start].rstrip()
    return not before or any(k.end() == len(before) for k in s.keywords)


def _read_sentence(text: str, start: int, end: int, lexicon: NumberLexicon) -> tuple[list[_Figure], set[str]]:
    """Return the figures in text[start:end] and the outcomes explicitly reported as none."""
    folded, index = _without_dates(text[start:end], *fold_text(text[start:end]), lexicon)
    folded = blank_ages(folded, lexicon.language)  # "a 48-year-old farmer died": the article counts

    def orig(a: int, b: int) -> tuple[int, int]:
        return start + index[a], start + index[b - 1] + 1

    zeroed: set[str] = set()
    masked: list[tuple[int, int]] = []
    figures: list[_Figure] = []
    for m in lexicon.no_casualty_re.finditer(folded):
        none_of = lexicon.no_casualty_phrases[" ".join(m.group().split())]
        zeroed.update(("killed", "injured") if none_of == "killed_and_injured" else (none_of,))
        masked.append((m.start(), m.end()))
        figures.append(_Figure("none", 0, 0, *orig(m.start(), m.end())))
    keywords = [m for m in lexicon.casualty_re.finditer(folded) if not any(s <= m.start() < e for s, e in masked)]
    sentence = _Sentence(folded, _find_numbers(folded, lexicon), keywords, lexicon)
    numbers = sentence.numbers
    claimed: dict[int, str] = {}  # index in numbers → outcome
    for kw in keywords:
        outcome, direction = lexicon.casualty_phrases[" ".join(kw.group().split())]
        found: int | None = None
        if direction in ("after", "both"):
            found = _look_after(sentence, kw)
            step = 1
        if found is None and direction in ("before", "both"):
            found = _look_before(sentence, kw, direction)
            step = -1
        if found is not None and found in claimed:
            if claimed[found] == outcome:
                continue  # "un bilan de 12 morts": one figure read twice
            found = None
        if found is None:
            if outcome == "killed" and "killed" not in zeroed:
                figures.append(_Figure(outcome, None, None, *orig(kw.start(), kw.end())))
            continue
        group = [found, *_coordinated(sentence, found, step, claimed)]
        group += _elided_sides(sentence, max(group), claimed)
        for j in group:
            claimed[j] = outcome
        group = [j for j in group if not numbers[j].animal]  # "killed three cattle": no person
        if not group:
            continue
        a, b = orig(
            min([kw.start()] + [numbers[j].start for j in group]),
            max([kw.end()] + [numbers[j].end for j in group]),
        )
        figures.append(
            _Figure(
                outcome,
                sum(numbers[j].low for j in group),
                sum(numbers[j].high for j in group),
                a,
                b,
                ordinal=any(numbers[j].ordinal for j in group),
            )
        )
    return figures, zeroed


def _told_as_many(text: str, f: _Figure, lang: str) -> bool:
    """Return whether a death told without a number is told as many: a word of
    data/major_deaths.yaml among the MAJOR_WINDOW words before it or MAJOR_WINDOW_AFTER after
    it, in its clause ("many villagers were killed", "gunmen killed many", "the massacre killed
    villagers"; not "many fled after gunmen killed a herder")."""
    before = text[max(0, f.start - 80) : f.start].lower().replace("’", "'")
    after = text[f.end : f.end + 40].lower().replace("’", "'")
    before = _CLAUSE_BREAK.split(before)[-1]
    after = _CLAUSE_BREAK.split(after)[0]
    near = " ".join(_WORD.findall(before)[-MAJOR_WINDOW:] + ["|"] + _WORD.findall(after)[:MAJOR_WINDOW_AFTER])
    return bool(major_deaths(lang).search(near))


def count_casualties(text: str, *, lang: str, spans: list[Span] | None = None) -> Casualties:
    """Return the casualty figures read from `spans` of `text` (the whole text when None).

    Fatalities follow ACLED's rule: the most conservative credible figure; conflicting figures
    from several sentences keep low/high and fatalities = the lowest; injuries never count.
    Remembered per text, language, regions and lexicon (a mention's sentence is read for its
    incident and again for its place's toll); the result is immutable.
    """
    lexicon = load_number_lexicon(lang)
    regions = tuple((s.start, s.end) for s in spans) if spans is not None else ((0, len(text)),)
    key = (text, lang, regions, id(lexicon))
    hit = _CASUALTIES_MEMO.get(key)
    if hit is None or hit[0] is not lexicon:  # the lexicon is kept: an id is never reused
        if len(_CASUALTIES_MEMO) >= 1024:
            _CASUALTIES_MEMO.clear()
        hit = _CASUALTIES_MEMO[key] = (lexicon, _count_casualties(text, lang, regions, lexicon))
    return hit[1]


_CASUALTIES_MEMO: dict[tuple, tuple[NumberLexicon, Casualties]] = {}


def _count_casualties(text: str, lang: str, regions: tuple[tuple[int, int], ...], lexicon: NumberLexicon) -> Casualties:
    figures: list[_Figure] = []
    zeroed: set[str] = set()
    major = False
    for start, end in regions:
        found, none_said = _read_sentence(text, start, end, lexicon)
        found = dead_described(found, text, lang)  # "deux soldats blessés ont succombé": 2 dead
        found = without_set_phrases(killed_when_numbered(found, text, lang), text, lang)
        found, negated = without_negated(without_either_outcome(found, text, lang), text, lang)
        found = without_causes(one_when_singular(found, text, lang), text, lang)
        found = without_tallies(found, text, lang)  # "60 killed in four months": a tally
        if negated:
            none_said.add("killed")
        figures.extend(add_sides(found, text, lang))
        zeroed |= none_said
        major = major or any(_told_as_many(text, f, lang) for f in found if f.outcome == "killed" and f.low is None)

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
        if all(f.singular for f in killed):
            method, reason = (
                "singular_death",
                "no number: the victims told in the singular (one, or two joined by 'and')",
            )
    elif unnumbered:
        used = figures
        fatalities, method = UNNUMBERED_DEATHS_DEFAULT, "unnumbered_deaths_default"
        reason = "deaths reported without a number: ACLED default for a limited attack"
        if major:
            fatalities, reason = (
                MAJOR_DEATHS_DEFAULT,
                "many deaths reported without a number: ACLED default for a major attack",
            )
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
        spans=tuple(Span(f.start, f.end, text[f.start : f.end]) for f in sorted(used, key=lambda f: f.start)),
        method=method,
        reason=reason,
        parts=next((f.parts for f in killed if f.low == low), ()) if killed else (),
    )
