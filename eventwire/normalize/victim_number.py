"""How many victims a death phrase without a number counts, from the grammar around it.

ACLED codes the lowest plausible figure of a death reported without a number; the victim's noun
phrase often gives it (words in data/victim_number.yaml, invented examples):

- a singular passive: "a farmer was allegedly hacked to death", "a guard was shot and killed" → 1;
- a singular object: "police shot dead the suspect", "gunmen killed him", "ont tué le chef du
  village" → 1; "killed a trader and his son" → 2;
- a singular subject of a verb of dying: "the nurse died" → 1;
- two singular victims joined by "and": "a herder and his brother were killed" → 2.

A plural ("gunmen killed villagers", "des morts") gives nothing: ACLED's default stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.datafiles import data_path, read_yaml_mapping
from eventwire.errors import DataFileError
from eventwire.lang.fold import fold, fold_word
from eventwire.lang.numbers import load_number_lexicon

_KEYS = (
    "singular_auxiliaries",
    "plural_auxiliaries",
    "adverbs",
    "adverb_suffixes",
    "singular_determiners",
    "singular_pronouns",
    "coordinators",
    "phrase_ends",
    "plural_nouns",
    "plural_endings",
    "not_victims",
    "agent_prepositions",
    "dying_verbs",
    "pair_words",
)
_TOKEN = re.compile(r"[\w'-]+|[^\w\s'-]")
_MAX_PHRASE_WORDS = 5  # "the former deputy county governor"
_WINDOW = 120  # characters read on each side of the death phrase


@dataclass(frozen=True)
class VictimWords:
    """One language's lists of data/victim_number.yaml, folded."""

    lists: dict[str, frozenset[str]]

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.lists[key]

    def is_adverb(self, word: str) -> bool:
        return word in self["adverbs"] or any(
            word.endswith(s) and len(word) > len(s) + 2 for s in self["adverb_suffixes"]
        )

    def is_plural(self, noun: str) -> bool:
        noun = noun.removesuffix("'s")
        return noun in self["plural_nouns"] or any(
            noun.endswith(e) and not noun.endswith(e + e) and len(noun) > 3 for e in self["plural_endings"]
        )


@lru_cache(maxsize=8)
def victim_words(lang: str) -> VictimWords:
    """Return data/victim_number.yaml's lists for `lang` (empty lists when the language has
    none); raise DataFileError on a malformed file."""
    path = data_path("victim_number.yaml")
    data = read_yaml_mapping(path)
    section = data.get(lang)
    if section is None:
        return VictimWords({k: frozenset() for k in _KEYS})
    if not isinstance(section, dict) or set(section) != set(_KEYS):
        raise DataFileError(f"{path}: {lang} must map exactly the keys {', '.join(_KEYS)} to lists")
    lists: dict[str, frozenset[str]] = {}
    for key in _KEYS:
        words = section[key]
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataFileError(f"{path}: {lang}.{key} must be a list of non-empty strings")
        lists[key] = frozenset(" ".join(fold_word(w).split()) for w in words)
    return VictimWords(lists)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold_word(text))


def _strip_tail(words: list[str], phrases: frozenset[str]) -> tuple[list[str], bool]:
    """Return `words` less a final phrase of `phrases` (and whether one was there)."""
    for p in sorted(phrases, key=len, reverse=True):
        n = len(p.split())
        if n <= len(words) and " ".join(words[-n:]) == p:
            return words[:-n], True
    return words, False


def _starts_with(words: list[str], phrases: frozenset[str]) -> bool:
    return any(" ".join(words[: len(p.split())]) == p for p in phrases)


def _phrase_head(words: list[str], v: VictimWords) -> tuple[str | None, int]:
    """Return the head noun of the noun phrase `words` opens (its last word before a word or sign
    that ends it) and how many words it spans; None when there is none."""
    n = 0
    while n < len(words) and n < _MAX_PHRASE_WORDS:
        w = words[n]
        if w in v["phrase_ends"] or not re.match(r"\w", w) or 0 < w.find("'") <= 2:
            break  # a preposition, a sign, an elided word ("s'élève", "qu'il", "d'un")
        n += 1
    return (words[n - 1], n) if n else (None, 0)


def _singular_phrase(words: list[str], v: VictimWords, *, articles: frozenset[str]) -> int:
    """Return how many words a singular noun phrase at the start of `words` spans (0: none).
    `articles` are the determiners that may open it."""
    if not words:
        return 0
    first = words[0]
    if first.startswith("l'") and "l'" in articles and len(first) > 2:
        words = ["l'", first[2:], *words[1:]]
    if words[0] not in articles:
        return 0
    head, n = _phrase_head(words[1:], v)
    if head is None or head in v["not_victims"] or v.is_plural(head) or head.isdigit():
        return 0
    return n + 1


def _object_count(after: list[str], v: VictimWords, weak: frozenset[str]) -> int | None:
    """Return the victims a death verb's object counts: 1 for "him" or a singular noun phrase
    ("the suspect", "le chef du village"), 2 for two joined by "and"; None otherwise."""
    if after and after[0] in v["singular_pronouns"]:
        return 1
    articles = v["singular_determiners"]
    n = _singular_phrase(after, v, articles=articles)
    if not n:
        return None
    rest = after[n:]
    if rest and rest[0] in v["coordinators"] and _singular_phrase(rest[1:], v, articles=articles | weak):
        return 2
    return 1


def _coordinated_subject(before: list[str], v: VictimWords, weak: frozenset[str]) -> bool:
    """Return whether the words before a plural passive end with two singular victims joined by
    "and" ("a trader and his son", "the driver and his assistant, a student,")."""
    words = list(before)
    if words and words[-1] == ",":  # an apposition between the victims and the verb
        cut = max((i for i, w in enumerate(words[:-1]) if w == ","), default=-1)
        if cut < 0:
            return False
        words = words[:cut]
    articles = v["singular_determiners"] | weak
    for i, w in enumerate(words):
        if w not in v["coordinators"]:
            continue
        first = next((j for j in range(i - 1, max(-1, i - _MAX_PHRASE_WORDS - 2), -1) if words[j] in articles), None)
        if first is None:
            continue
        n1 = _singular_phrase(words[first:i], v, articles=articles)
        n2 = _singular_phrase(words[i + 1 :], v, articles=articles)
        if n1 == i - first and n2 and i + 1 + n2 == len(words):
            return True
    return False


def victims_told(text: str, start: int, end: int, lang: str) -> int | None:
    """Return how many victims the grammar around the unnumbered death phrase text[start:end]
    counts (1 or 2), or None when it gives no number (a plural, or nothing to read)."""
    v = victim_words(lang)
    lexicon = load_number_lexicon(lang)
    weak = frozenset(lexicon.words["weak_numbers"])
    phrase = fold(text[start:end])
    _, direction = lexicon.casualty_phrases.get(phrase, ("killed", "before"))
    own = phrase.split()
    before = _tokens(text[max(0, start - _WINDOW) : start])
    after = _tokens(text[end : end + _WINDOW])
    while before and v.is_adverb(before[-1]):
        before = before[:-1]
    # a death phrase that opens with its coordinator ("et tué") ends a list of verbs before it
    before_verb = _first_verb(before + own[:1] if own and own[0] in v["coordinators"] else before, v)
    if _strip_tail(before_verb, v["singular_auxiliaries"])[1] or _starts_with(own, v["singular_auxiliaries"]):
        return 1  # "a farmer was allegedly hacked to death"
    subject, plural = _strip_tail(before, v["plural_auxiliaries"])
    if plural or _starts_with(own, v["plural_auxiliaries"]) or phrase in v["dying_verbs"]:
        if _coordinated_subject(subject, v, weak) or _pair_subject(subject, v):
            return 2  # "a herder and his brother were killed", "both men were killed"
        if phrase in v["dying_verbs"] and not plural and _singular_subject(subject, v, v["singular_determiners"]):
            return 1  # "the nurse died"
        return None
    if direction in ("after", "both") and own[-1] not in v["phrase_ends"]:
        # a verb's object, not the complement of a noun ("le bilan de l'attaque")
        count = _object_count(after, v, weak)
        if count is None and _named(_TOKEN.findall(text[end : end + _WINDOW]), v):
            count = 1  # "police shot dead commander Kolo Bera Tama": one person named
        if count is not None:
            return count
    reduced_passive = direction == "both" and (
        not after
        or (after[0] in v["phrase_ends"] and after[0] not in v["coordinators"])
        or not re.match(r"\w", after[0])
    )
    if reduced_passive and _singular_subject(before, v, v["singular_determiners"] | weak):
        return 1  # "a herder shot dead by gunmen", "the guard killed in the raid"
    return None


def _pair_subject(words: list[str], v: VictimWords) -> bool:
    """Return whether the words before a plural passive end with a subject opened by a word
    counting two ("both men", "both of the guards", "both men (who were brothers)"), with no
    "and" after it ("both soldiers and civilians": two kinds, no count)."""
    if words and words[-1] == ")" and "(" in words:
        words = words[: len(words) - 1 - words[::-1].index("(")]  # an aside in brackets
    tail = words[-(_MAX_PHRASE_WORDS + 1) :]
    start = max((i for i, w in enumerate(tail) if w in v["pair_words"]), default=None)
    if start is None:
        return False
    rest = tail[start + 1 :]
    return all(re.match(r"\w", w) and w not in v["coordinators"] for w in rest)


# verbs listed before a death verb that share its auxiliary: "was abducted, tortured and killed"
_MAX_LISTED_VERBS = 3


def _first_verb(before: list[str], v: VictimWords) -> list[str]:
    """Return the words before a death verb less the verbs listed before it that share its
    auxiliary ("was shot and killed", "a été enlevé, torturé et tué": a language regularity, one
    auxiliary for a list of participles), so that the auxiliary ends them; `before` itself when
    no list ends it."""
    words = list(before)
    listed = 0
    while (
        listed < _MAX_LISTED_VERBS
        and len(words) >= 2
        and (words[-1] in v["coordinators"] or words[-1] == ",")
        and re.match(r"\w", words[-2])
        and words[-2] not in v["coordinators"]
    ):
        words = words[:-2]
        listed += 1
        while words and v.is_adverb(words[-1]):
            words = words[:-1]
        if words and words[-1] == ",":
            continue  # "abducted, tortured and": the list goes on
    return words if listed else list(before)


def _named(raw: list[str], v: VictimWords) -> bool:
    """Return whether the words after a death verb (`raw`, as written) are one person's name: a
    noun phrase with no determiner whose singular head is capitalised, after another capitalised
    word ("shot dead commander Kolo Bera", "killed Amadou Kolo"); not a group ("killed Kolo
    militants": a plural) nor a single ethnic or place word ("killed Fulani")."""
    words = [fold_word(w) for w in raw]
    head, n = _phrase_head(words, v)
    if head is None or v.is_plural(head) or head in v["not_victims"] or not raw[n - 1][:1].isupper():
        return False
    return sum(1 for w in raw[:n] if w[:1].isupper()) >= 2


def _singular_subject(words: list[str], v: VictimWords, articles: frozenset[str]) -> bool:
    """Return whether `words` end with a singular noun phrase opened by one of `articles`."""
    start = next(
        (i for i in range(len(words) - 1, max(-1, len(words) - _MAX_PHRASE_WORDS - 2), -1) if words[i] in articles),
        None,
    )
    return start is not None and _singular_phrase(words[start:], v, articles=articles) == len(words) - start


def article_object_count(text: str, start: int, lang: str) -> int | None:
    """Return the victims of a death verb's object that text[start:] opens with an article
    counted as one ("killed a herder and his son": 2; "ont tué un berger et son fils": 2), or None
    when it is not two singular victims joined by "and": the article's 1 then stands."""
    v = victim_words(lang)
    weak = frozenset(load_number_lexicon(lang).words["weak_numbers"])
    after = _tokens(text[start : start + _WINDOW])
    n = _singular_phrase(after, v, articles=weak)
    if not n:
        return None
    rest = after[n:]
    if (
        rest
        and rest[0] in v["coordinators"]
        and _singular_phrase(rest[1:], v, articles=v["singular_determiners"] | weak)
    ):
        return 2
    return None
