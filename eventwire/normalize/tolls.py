"""How the casualty figures of one sentence combine into its toll (ACLED's fatality rule).

`casualties.count_casualties` reads figures sentence by sentence; figures from different
sentences are alternative reports of one toll and the lowest counts. Inside one sentence two
killed figures tied to different keywords usually count different victims, and ACLED counts
every death of the event, attackers included:

- "10 soldats ont été tués et 4 assaillants ont été tués" → 14: the sides add up.
- "ten soldiers were killed, and the army said five attackers were also killed" → 15.

They stay alternatives when the words between them revise or contrast the toll ("12 morts,
voire 20", "12 killed, up to 20 according to residents", "le bilan est passé de 12 à 20") or
break the figures down ("12 killed: 7 soldiers and 5 rangers"): the reviser list is
`toll_revisers` in data/numbers/<lang>.yaml.

A first toll the others add up to is the total they break down ("six guards were killed, four at
the depot and two in an ambush" → 6). A death word joined by "or" to another outcome's ("3 rebels
were killed, wounded or captured") counts either outcome: no death is known by it.

"neutralisés" / "neutralised" (state forces' word for enemies killed) counts as killed only with
a number ("20 terroristes neutralisés"); a device "neutralised" has none and counts nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from eventwire.datafiles import data_path, read_language_lists
from eventwire.errors import DataFileError
from eventwire.lang.fold import fold
from eventwire.lang.numbers import load_number_lexicon
from eventwire.normalize.victim_number import article_object_count, victims_told

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# outcome name, in data/numbers/<lang>.yaml, of killings counted only with a number
NUMBERED_KILLED = "neutralized"


@lru_cache(maxsize=8)
def _weak_word(lang: str) -> re.Pattern[str]:
    """Return the pattern of the numbers that are also articles (`weak_numbers` of
    data/numbers/<lang>.yaml): "un engin a été neutralisé" names a device, not a death."""
    words = sorted(load_number_lexicon(lang).words["weak_numbers"], key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words)) or '(?!)'})\b", re.IGNORECASE)


def killed_when_numbered(figures: list, text: str, lang: str) -> list:
    """Return `figures` with "neutralized" figures read as killed when a number (not an
    article) counts them, and dropped otherwise ("L'armée a neutralisé un engin": no victim)."""
    out = []
    for f in figures:
        if f.outcome == NUMBERED_KILLED:
            article = f.low == 1 and _weak_word(lang).search(text[f.start : f.end])
            if f.low is None or (article and not _object_to_death(f, text, lang)):
                continue
            f = replace(f, outcome="killed")
        out.append(f)
    return out


_TO_DEATH = "to death"


def _object_to_death(f: Any, text: str, lang: str) -> bool:
    """Return whether a figure read as one by its article is the object of a way of killing put
    before "to death" ("residents stabbed a trader to death", "police beat a young man to
    death": one victim), not of a sentence passed (data/not_deaths.yaml: "sentenced a man to
    death")."""
    if not _normal(text[f.start : f.end]).endswith(_TO_DEATH):
        return False
    verbs = {
        p.split()[-3] for p in _phrases("not_deaths.yaml", lang) if p.endswith(" " + _TO_DEATH) and len(p.split()) > 2
    }
    before = _normal(text[max(0, f.start - 30) : f.start]).split()
    return not (before and before[-1] in verbs)


def toll_revisers(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/toll_revisers.yaml's words for `lang` (never-matching when
    the language has none); raise DataFileError on a malformed file."""
    return _word_pattern("toll_revisers.yaml", lang)


def earlier_toll(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/earlier_tolls.yaml's words for `lang`: a sentence that gives
    a toll as an earlier report ("un premier bilan faisait état de 3 morts")."""
    return _word_pattern("earlier_tolls.yaml", lang)


def risen_toll(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/risen_tolls.yaml's words for `lang`: a sentence that gives a
    toll as the latest report, up from an earlier one ("le bilan s'est alourdi à 12 morts")."""
    return _word_pattern("risen_tolls.yaml", lang)


@lru_cache(maxsize=8)
def animal_after(lang: str) -> re.Pattern[str]:
    """Return the pattern, on folded text (lang.fold), of data/animal_victims.yaml's nouns for
    `lang` right after a number, or after one word more ("three cattle", "two stray dogs",
    "trois bœufs"), ending its noun phrase: the number counts animals, no person's death."""
    path = data_path("animal_victims.yaml")
    words = read_language_lists(path, what="words").get(lang) or []
    for i, w in enumerate(words, 1):
        if not isinstance(w, str) or not w.strip():
            raise DataFileError(f"{path}: {lang} item {i} must be a non-empty string")
    alternation = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    # the noun ends the phrase ("a goat herder", "cattle thieves" count people)
    end = (
        r"(?!\w)(?=\s*(?:[^\w\s]|$)|\s+(?:and|or|in|at|on|from|near|were|was|et|ou|a|au|aux|dans|de|des|du|ont|sont)\b)"
    )
    return re.compile(rf"^\s+(?:[\w-]+\s+)?(?:{alternation or '(?!)'}){end}")


def wounded_died(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/wounded_deaths.yaml's phrases for `lang`: deaths among the
    wounded already told ("l'un des blessés a succombé"), which add to the toll told before."""
    return _word_pattern("wounded_deaths.yaml", lang)


def added_deaths(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/added_deaths.yaml's words for `lang`: a toll of deaths added
    to the one told before ("quatre autres soldats ont été tués", "five civilians were also
    killed"), not another report of it."""
    return _word_pattern("added_deaths.yaml", lang)


def toll_noun(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/toll_nouns.yaml's words for `lang`: a sentence that names a
    toll as a report ("le bilan s'élevait dimanche à 35 morts"), dated by the report."""
    return _word_pattern("toll_nouns.yaml", lang)


def cause_clause(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/cause_clauses.yaml's words for `lang`: the opener of a clause
    that gives a protest's cause ("protested after a student was killed")."""
    return _word_pattern("cause_clauses.yaml", lang)


def major_deaths(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/major_deaths.yaml's words for `lang`: deaths told without a
    number but as many ("many villagers were killed", "de nombreux morts"), ACLED's major attack."""
    return _word_pattern("major_deaths.yaml", lang)


@lru_cache(maxsize=16)
def _phrases(name: str, lang: str) -> frozenset[str]:
    """Return a data file's phrases for `lang` (data/singular_deaths.yaml, data/not_deaths.yaml)."""
    path = data_path(name)
    words = read_language_lists(path, what="phrases").get(lang) or []
    for i, w in enumerate(words, 1):
        if not isinstance(w, str) or not w.strip():
            raise DataFileError(f"{path}: {lang} item {i} must be a non-empty string")
    return frozenset(_normal(w) for w in words)


def one_when_singular(figures: list, text: str, lang: str) -> list:
    """Return `figures` with each death reported without a number but in the singular ("un
    berger a été tué", "a herder was killed", "police shot dead the suspect") counted as one,
    and two singular victims joined by "and" as two, also after an article read as one ("killed
    a herder and his son": 2): the grammar gives the number (normalize.victim_number)."""
    singular = _phrases("singular_deaths.yaml", lang)
    out = []
    for f in figures:
        one = f.outcome == "killed" and f.low == 1 and f.high == 1
        if one and (article := _weak_word(lang).search(text, max(0, f.end - 4), f.end)) is not None:
            # "killed a herder and his son": the article counts the first of two victims
            if (two := article_object_count(text, article.start(), lang)) is not None:
                f = replace(f, low=two, high=two)
        elif f.outcome == "killed" and f.low is None:
            n = 1 if _within(f, text, singular) else victims_told(text, f.start, f.end, lang)
            if n is not None:
                f = replace(f, low=n, high=n, singular=True)
        out.append(f)
    return out


def without_set_phrases(figures: list, text: str, lang: str) -> list:
    """Return `figures` less the death words of set phrases that report no death ("condamné à
    mort", "death threats"): data/not_deaths.yaml."""
    phrases = _phrases("not_deaths.yaml", lang)
    return [f for f in figures if f.outcome != "killed" or not _within(f, text, phrases, first_word=f.low is not None)]


def _within(f: Any, text: str, phrases: frozenset[str], *, first_word: bool = False) -> bool:
    """Return whether the words of a figure (casualties._Figure) are, or lie inside, one of
    `phrases`; with `first_word`, whether its first word does ("threatened to kill a witness":
    the figure "kill a" holds a number, its verb is an intent)."""
    start, end = f.start, f.end
    word = _normal(text[start:end])
    if first_word:
        # the death word opens the figure ("killed three") or, after its number, ends it ("trois
        # soldats ont échappé à la mort", "four people are fighting for their lives")
        words = word.split()
        ends = {words[0], words[-1]} if words else set()
        window = _normal(text[max(0, start - 30) : end])
        return any(ends & set(p.split()) and p in window for p in phrases)
    if word in phrases:
        return True
    window = _normal(text[max(0, start - 30) : end + 30])
    return any(word in p and p in window for p in phrases)


def _normal(s: str) -> str:
    return " ".join(s.lower().split()).replace("’", "'")


_DETERMINERS = (
    r"(?:(?:the|a|an|his|her|their|its|this|that|le|la|l'|les|un|une|son|sa|ses|leur|leurs|du|de|des)\s*){0,2}"
)


@lru_cache(maxsize=8)
def _cause_before(lang: str) -> re.Pattern[str]:
    """Return the pattern of data/death_causes.yaml's words for `lang`, anchored at the end of
    the text before a death phrase (a determiner or two may stand between)."""
    words = _word_pattern("death_causes.yaml", lang).pattern
    return re.compile(rf"{words}\s+{_DETERMINERS}$")


def without_causes(figures: list, text: str, lang: str) -> list:
    """Return `figures` less the deaths told as the cause of the event ("protested against the
    killing of a teacher"): the killing is another event; the protest's toll is not it."""
    cause = _cause_before(lang)
    return [
        f
        for f in figures
        if f.outcome != "killed"
        or not (m := cause.search(text[max(0, f.start - 60) : f.start].lower().replace("’", "'")))
        or _qualifies_number(m.group(), text[f.start : f.end], lang)
    ]


def _qualifies_number(before: str, figure: str, lang: str) -> bool:
    """Return whether a cause word right before a figure is the qualifier of its number ("over a
    dozen people were killed": more than twelve), not a cause ("protest over the deaths of")."""
    lexicon = load_number_lexicon(lang)
    return " ".join(before.split()) in lexicon.qualifiers and lexicon.number_re.match(fold(figure)) is not None


# Words read before a death phrase for a negation (data/negated_deaths.yaml): "no immediate
# reports of deaths" holds three between, "whether anyone was killed" one.
NEGATION_WINDOW = 4
_CLAUSE_END = re.compile(r"[.;:!?,()«»\"]")


def without_negated(figures: list, text: str, lang: str) -> tuple[list, bool]:
    """Return `figures` less the deaths told as not having happened or not known ("nobody died",
    "no reports of deaths", "whether anyone was killed", "killed no one": data/negated_deaths.yaml),
    and whether there was one. ACLED codes 0 when no death is reported; a numbered toll ("no
    fewer than 12 were killed") keeps its number: only a death with no number, or one counted by
    the word after the negation ("no one"), is read."""
    negation = _word_pattern("negated_deaths.yaml", lang)
    out = []
    negated = False
    for f in figures:
        if f.outcome == "killed" and (f.low is None or f.low <= 1):
            before = _CLAUSE_END.split(text[max(0, f.start - 80) : f.start])[-1]
            words = before.lower().replace("’", "'").split()[-NEGATION_WINDOW:]
            own = text[f.start : f.end].lower().replace("’", "'")
            if negation.search(" ".join(words)) if f.low is None else negation.search(own):
                negated = True
                continue
        out.append(f)
    return out, negated


@lru_cache(maxsize=32)  # the wrappers above call it once per phrase: parsed once per file and language
def _word_pattern(name: str, lang: str) -> re.Pattern[str]:
    """Return the word-boundary pattern of a data file's list for `lang`; raise DataFileError
    on a malformed file."""
    path = data_path(name)
    words = read_language_lists(path, what="words").get(lang) or []
    for i, w in enumerate(words, 1):
        if not isinstance(w, str) or not w.strip():
            raise DataFileError(f"{path}: {lang} item {i} must be a non-empty string")
    alternation = "|".join(
        re.escape(w.strip().lower()).replace("'", "['’]") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternation or '(?!)'})(?!\w)")


def add_sides(figures: list, text: str, lang: str) -> list:
    """Return the figures of ONE sentence (`text` is the whole document; figure offsets point
    into it) with its killed figures summed into one when nothing between them revises,
    contrasts or breaks down the toll, and they differ (the same number twice is one toll
    told twice: "five were killed … the five dead"); a toll told by an ordinal ("and a fourth
    died later") stands alone."""
    revisers = toll_revisers(lang)
    killed = sorted((f for f in figures if f.outcome == "killed" and f.low is not None), key=lambda f: f.start)
    if len(killed) < 2:
        return figures
    if any(getattr(f, "ordinal", False) for f in killed):
        # "three were killed and a fourth died later": the ordinal gives the standing toll (4)
        latest = max((f for f in killed if f.ordinal), key=lambda f: f.low)
        return [f for f in figures if f not in killed] + [latest]
    risen = risen_toll(lang)
    for a, b in pairwise(killed):
        if risen.search(text[a.end : b.end].lower().replace("’", "'")):
            # "two more bodies were found, bringing the death toll to 14": the total stands
            return [f for f in figures if f not in killed[: killed.index(b)]]
    if len(killed) > 2 and killed[0].low == sum(f.low for f in killed[1:]):
        # "five guards were killed, three at the depot and two in an ambush": the first toll is
        # the total the others break down (a language regularity: the whole, then its parts)
        total = replace(killed[0], parts=tuple(f.low for f in killed[1:]))
        return [f for f in figures if f not in killed] + [total]
    for a, b in pairwise(killed):
        between = text[a.end : b.start].lower()
        if b.start < a.end or a.low == b.low or _SENTENCE_END.search(between) or revisers.search(between):
            return figures
    total = replace(
        killed[0],
        singular=False,
        low=sum(f.low for f in killed),
        high=sum(f.high if f.high is not None else f.low for f in killed),
        end=killed[-1].end,
        parts=tuple(f.low for f in killed),
    )
    return [f for f in figures if f not in killed] + [total]


# how far from a death word a list joined by "or" to another outcome's word is read, in characters
_EITHER_WINDOW = 60


@lru_cache(maxsize=8)
def _either_patterns(disjunctions: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of a list after a death word and before it, joined by one of the
    `disjunctions` (an alternation), and the end every match of the second has."""
    item = r"[\w'’-]+(?:\s+[\w'’-]+)?"
    tail = re.compile(rf"^(?:\s*,\s*{item})*\s*,?\s*(?<!\w)(?:{disjunctions})\s+{item}")
    head = re.compile(rf"{item}(?:\s*,\s*{item})*\s*,?\s+(?:{disjunctions})\s*$")
    return tail, head, re.compile(rf"(?:{disjunctions})\s*$")


def without_either_outcome(figures: list, text: str, lang: str) -> list:
    """Return `figures` less the deaths whose word is joined by "or" to another outcome's ("3
    rebels were killed, wounded or captured", "12 people were injured or killed", "trois rebelles
    tués ou blessés"): the count is of either outcome, so no death is known by it (ACLED: the
    most conservative credible figure; injuries never count)."""
    lexicon = load_number_lexicon(lang)
    disjunctions = "|".join(re.escape(w) for w in sorted(lexicon.words["disjunctions"], key=len, reverse=True))
    if not disjunctions:
        return figures
    tail, head, head_end = _either_patterns(disjunctions)

    def either(f: Any) -> bool:
        after = tail.match(fold(text[f.end : f.end + _EITHER_WINDOW]).lower())
        window = fold(text[max(0, f.start - _EITHER_WINDOW) : f.start]).lower()
        # `head` is tried from every position of the window (~100 µs): only when its end is there
        before = head.search(window) if head_end.search(window) else None
        listed = " ".join(m.group() for m in (after, before) if m is not None)
        return any(
            lexicon.casualty_phrases.get(" ".join(k.group().split()), ("killed",))[0] != "killed"
            for k in lexicon.casualty_re.finditer(listed)
        )

    return [f for f in figures if f.outcome != "killed" or not either(f)]
