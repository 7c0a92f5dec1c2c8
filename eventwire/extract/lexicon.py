"""Load the trigger, modality and taxonomy data files and match their phrases against a parse.

Phrases match token by token against a token's lemma or its lower-cased form, accents ignored,
so "abattus" matches "abattre" (lemma) and "drones" matches "drones" (form). A trailing "*"
matches any word with that prefix. Loading validates every file and names file and line on error.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress
from operator import methodcaller, or_
from pathlib import Path

from spacy.attrs import LEMMA, ORTH

from eventwire.datafiles import data_path, key_line, read_yaml_mapping
from eventwire.errors import DataFileError
from eventwire.lang.fold import strip_accents
from eventwire.nlp.doc_cache import doc_cache
from eventwire.taxonomy import SUB_EVENT_TO_TYPE

_WORD_SPLIT = re.compile(r"[\s]+|(?<=['’])")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Return `text` lower-cased with accents removed and apostrophes unified (cached: called on
    every token of every document, whose words repeat)."""
    return strip_accents(text.replace("’", "'").replace("‘", "'").lower())


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Split a lexicon phrase into folded words the way spaCy splits French elisions."""
    words: list[str] = []
    for chunk in fold(phrase).split():
        # "d'aïn" -> "d'", "ain"; "s'en" -> "s'", "en" (spaCy keeps the apostrophe on the clitic)
        parts = re.split(r"(?<=')", chunk)
        words.extend(p for p in parts if p)
    return tuple(words)


@dataclass(frozen=True)
class PhraseSet:
    """Cue classes of one data file: class name -> tuple of phrases (as folded word tuples)."""

    name: str
    classes: dict[str, tuple[tuple[str, ...], ...]]
    # first word -> [(class, words)], built once at load time so matching is a dict look-up
    by_first: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    wildcards: tuple[tuple[str, tuple[str, ...]], ...]
    # what a token's form or lemma must begin with to open a wildcard phrase (its first word less
    # the "*"): most tokens open none, and are not tried against each of them
    wildcard_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One taxonomy rule: conditions over cue classes and the sub-event type they give."""

    sub_event_type: str
    event_type: str
    all_of: frozenset[str]
    any_of: frozenset[str]
    none_of: frozenset[str]

    def holds(self, classes: set[str] | frozenset[str]) -> bool:
        if not self.all_of <= classes:
            return False
        if self.any_of and not (self.any_of & classes):
            return False
        return not (self.none_of & classes)


@dataclass(frozen=True)
class Taxonomy:
    """Ordered rules and the cue classes that can anchor an incident."""

    rules: tuple[Rule, ...]
    anchors: frozenset[str]
    # (verb class, object class, class given): a verb of the first class whose direct object
    # holds the second makes the sentence carry the third ("blocked the road" -> A_RIOT)
    verb_objects: tuple[tuple[str, str, str], ...] = ()
    # the rule found per set of cue classes: a document's sentences ask about the same few sets
    _found: dict[frozenset[str], Rule | None] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def classify(self, classes: set[str] | frozenset[str]) -> Rule | None:
        """Return the first rule that holds for the cue classes of a sentence."""
        key = frozenset(classes)
        try:
            return self._found[key]
        except KeyError:
            pass
        found = next((rule for rule in self.rules if rule.holds(classes)), None)
        if len(self._found) >= 65_536:
            self._found.clear()
        self._found[key] = found
        return found


def load_phrase_file(path: Path, *, allowed_classes: frozenset[str] | None = None) -> PhraseSet:
    """Return the validated cue classes of a trigger or modality file."""
    data = read_yaml_mapping(path)
    unknown = set(data) - {"language", "cues"}
    if unknown:
        raise DataFileError(f"{path}: unknown top-level keys {sorted(unknown)}")
    cues = data.get("cues")
    if not isinstance(cues, dict) or not cues:
        raise DataFileError(f"{path}: 'cues' must be a non-empty mapping of class -> phrases")
    classes: dict[str, tuple[tuple[str, ...], ...]] = {}
    for cls, phrases in cues.items():
        line = key_line(path, cls)
        if allowed_classes is not None and cls not in allowed_classes:
            raise DataFileError(f"{path}:{line}: unknown cue class {cls!r}")
        if not isinstance(phrases, list) or not phrases:
            raise DataFileError(f"{path}:{line}: class {cls!r} needs a non-empty list of phrases")
        words = []
        for phrase in phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise DataFileError(f"{path}:{line}: class {cls!r} has an empty or non-text phrase")
            words.append(phrase_words(phrase))
        classes[cls] = tuple(words)
    return _indexed(str(path), classes)


_HYPHEN_INSIDE = re.compile(r"(?<=\w)(-)(?=\w)")


def hyphen_variants(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Return a phrase's word tuples as written and, when a word holds a hyphen between letters,
    with that word split the way spaCy's English tokenizer splits it ("shoot-out" -> "shoot", "-",
    "out"; "cease-fire" -> "cease", "-", "fire"), so a hyphenated cue matches in either language."""
    if not any("-" in w for w in words):
        return (words,)
    split = tuple(p for w in words for p in _HYPHEN_INSIDE.split(w) if p)
    return (words,) if split == words else (words, split)


def _indexed(name: str, classes: dict[str, tuple[tuple[str, ...], ...]]) -> PhraseSet:
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    wildcards: list[tuple[str, tuple[str, ...]]] = []
    for cls, entries in classes.items():
        for words in dict.fromkeys(v for phrase in entries for v in hyphen_variants(phrase)):
            if words[0].endswith("*"):
                wildcards.append((cls, words))
            else:
                by_first.setdefault(words[0], []).append((cls, words))
    return PhraseSet(
        name=name,
        classes=classes,
        by_first={k: tuple(v) for k, v in by_first.items()},
        wildcards=tuple(wildcards),
        wildcard_prefixes=tuple(dict.fromkeys(words[0][:-1] for _, words in wildcards)),
    )


@cache
def load_taxonomy() -> Taxonomy:
    """Return the ordered ACLED rules from data/taxonomy/acled.yaml."""
    path = data_path("taxonomy", "acled.yaml")
    data = read_yaml_mapping(path)
    rules = []
    for i, raw in enumerate(data.get("rules") or []):
        sub = raw.get("sub_event_type") if isinstance(raw, dict) else None
        if not isinstance(sub, str) or sub not in SUB_EVENT_TO_TYPE:
            raise DataFileError(f"{path}: rule {i + 1} has unknown sub_event_type {sub!r}")
        extra = set(raw) - {"sub_event_type", "all", "any", "none"}
        if extra:
            raise DataFileError(f"{path}: rule {i + 1} ({sub}) has unknown keys {sorted(extra)}")
        rules.append(
            Rule(
                sub_event_type=sub,
                event_type=SUB_EVENT_TO_TYPE[sub],
                all_of=frozenset(raw.get("all", [])),
                any_of=frozenset(raw.get("any", [])),
                none_of=frozenset(raw.get("none", [])),
            )
        )
    if not rules:
        raise DataFileError(f"{path}: no rules")
    anchors = frozenset(data.get("anchors") or [])
    combos = []
    for i, raw in enumerate(data.get("verb_objects") or []):
        if not isinstance(raw, dict) or set(raw) != {"verb", "object", "gives"} or raw["gives"] not in anchors:
            raise DataFileError(
                f"{path}: verb_objects entry {i + 1} needs exactly verb, object and gives (an anchor class): {raw!r}"
            )
        combos.append((str(raw["verb"]), str(raw["object"]), str(raw["gives"])))
    return Taxonomy(rules=tuple(rules), anchors=anchors, verb_objects=tuple(combos))


def _rule_classes(taxonomy: Taxonomy) -> frozenset[str]:
    names = set(taxonomy.anchors) | {c for combo in taxonomy.verb_objects for c in combo}
    for rule in taxonomy.rules:
        names |= rule.all_of | rule.any_of | rule.none_of
    return frozenset(names)


# Actor types (data/actors.tsv) whose names make a party cue: who is named is armed or a force.
ACTOR_TYPE_PARTY = {
    "state_forces": "P_SECURITY",
    "external_forces": "P_SECURITY",
    "rebel_group": "P_ARMED",
    "political_militia": "P_ARMED",
    "identity_militia": "P_ARMED",
}


@cache
def load_trigger_lexicon(lang: str) -> PhraseSet:
    """Return the trigger cue classes for a language (data/triggers/<lang>.yaml), with the
    aliases of the armed actors and forces of data/actors.tsv as P_ARMED / P_SECURITY cues
    ("attacked a Ganda Izo checkpoint", "targeted MINUSMA forces": a force on the receiving end)."""
    taxonomy = load_taxonomy()
    # classes read by the extractor itself rather than by a taxonomy rule
    allowed = _rule_classes(taxonomy) | {"P_PROTESTER", "A_INJURE", *MASKING_CLASSES}
    phrases = load_phrase_file(data_path("triggers", f"{lang}.yaml"), allowed_classes=allowed)
    from eventwire.lang.actor_table import load_actor_aliases

    classes = {cls: list(words) for cls, words in phrases.classes.items()}
    for entry in load_actor_aliases().entries:
        party = ACTOR_TYPE_PARTY.get(entry.actor_type)
        if party is None:
            continue
        for alias in entry.aliases:
            words = phrase_words(alias)
            if words and words not in classes.setdefault(party, []):
                classes[party].append(words)
    return _indexed(phrases.name, {cls: tuple(words) for cls, words in classes.items()})


@cache
def load_modality_lexicon(lang: str) -> PhraseSet:
    """Return the modality/attribution cue classes for a language (data/modality/<lang>.yaml)."""
    return load_phrase_file(data_path("modality", f"{lang}.yaml"))


@dataclass(frozen=True)
class CueMatch:
    """A cue phrase found in a parse: token indices [start, end) of the spaCy Doc."""

    cls: str
    start: int
    end: int


def token_keys(doc) -> list[tuple[str, str]]:
    """Return (folded form, folded lemma) for each token of a spaCy Doc.

    An adjective that is spelled like a noun cue ("une attaque armée" vs "l'armée") is keyed by
    its lemma only, so it never reads as the noun.
    """
    cache = doc_cache(doc)
    cached = cache.get("token_keys") if cache is not None else None
    if cached is None:
        cached = []
        # a parse's forms and lemmas read from its token array (a Token object made per token
        # costs more than the rest); a stub is read token by token
        texts = _token_texts(doc) if cache is not None else ((t.text, t.lemma_) for t in doc)
        for i, (text, lemma) in enumerate(texts):
            form = fold(text)
            # `_adjective_homograph` holds only for a form of NOUN_HOMOGRAPHS: asked of those alone
            if form in NOUN_HOMOGRAPHS and _adjective_homograph(doc[i]):
                cached.append((ADJECTIVE_KEY, ADJECTIVE_KEY))
            # the participle check likewise only for a form of PARTICIPLE_HOMOGRAPHS
            elif form in PARTICIPLE_HOMOGRAPHS and text.lower() != form and doc[i].pos_ in PARTICIPLE_TAGS:
                cached.append((PARTICIPLE_KEY, fold(lemma)))
            else:
                cached.append((form, fold(lemma)))
        if cache is not None:
            cache["token_keys"] = cached
    return cached


def _token_texts(doc) -> list[tuple[str, str]]:
    """Return (text, lemma) of each token of a parsed Doc: `t.text` is the string of the token's
    ORTH and `t.lemma_` that of its LEMMA, both read from one array."""
    strings = doc.vocab.strings
    return [(strings[orth], strings[lemma]) for orth, lemma in doc.to_array([ORTH, LEMMA]).tolist()]


def doc_cues(doc, phrases: PhraseSet, *, start: int, end: int) -> list[CueMatch]:
    """Return `find_cues(token_keys(doc), phrases, start=start, end=end)`, computed once per parse,
    lexicon and token range (the incident reader and the sub-type classifier read the same
    sentences); a new list each call."""
    cache = doc_cache(doc)
    memo = cache.setdefault("cues", {}) if cache is not None else {}
    hit = memo.get((id(phrases), start, end))
    if hit is None or hit[0] is not phrases:  # the lexicon object is kept: an id is never reused
        keys = token_keys(doc)
        openers = cache.setdefault("openers", {}) if cache is not None else {}
        opened = openers.get(id(phrases))
        if opened is None or opened[0] is not phrases:
            opened = openers[id(phrases)] = (phrases, phrase_openers(keys, phrases))
        hit = memo[(id(phrases), start, end)] = (
            phrases,
            find_cues(keys, phrases, start=start, end=end, openers=opened[1]),
        )
    return list(hit[1])


def phrase_openers(keys: list[tuple[str, str]], phrases: PhraseSet) -> list[int]:
    """Return, in order, the indices of the tokens whose folded form or lemma opens a phrase of
    `phrases` (its first word, or the prefix of a wildcard first word): the only tokens
    `find_cues` must try. Read in one pass of C-level maps (most tokens open nothing)."""
    forms = [k[0] for k in keys]
    lemmas = [k[1] for k in keys]
    known = phrases.by_first.__contains__
    opens = map(or_, map(known, forms), map(known, lemmas))
    if phrases.wildcard_prefixes:
        begins = methodcaller("startswith", phrases.wildcard_prefixes)
        opens = map(or_, opens, map(or_, map(begins, forms), map(begins, lemmas)))
    return list(compress(range(len(keys)), opens))


# Adjective forms that are also noun cues (French "armée(s)": armed / the army), and the nouns
# they may follow as nouns ("les forces armées" is the army).
NOUN_HOMOGRAPHS = frozenset({"armee", "armees"})
HOMOGRAPH_NOUN_HEADS = frozenset({"force", "forces"})
ADJECTIVE_KEY = "<adj>"
# Accented participles that fold to a noun cue: "les ravisseurs ont frappé le chauffeur" (hit,
# beat: the verb "frapper") is no "frappe" (an air strike). Keyed by their lemma only, and only
# when the accent was written and the tagger reads a verb or an adjective ("une frappe", "il
# frappe" keep their form).
PARTICIPLE_HOMOGRAPHS = frozenset({"frappe", "frappee", "frappes", "frappees"})
PARTICIPLE_TAGS = frozenset({"VERB", "AUX", "ADJ"})
PARTICIPLE_KEY = "<participle>"


def _adjective_homograph(t) -> bool:
    """Return whether a noun-cue homograph is used as an adjective: tagged so, or right after a
    noun ("une attaque armée", which the tagger often reads as a noun)."""
    if fold(t.text) not in NOUN_HOMOGRAPHS:
        return False
    if t.pos_ == "ADJ":
        return True
    prev = t.nbor(-1) if t.i > 0 else None
    return prev is not None and prev.pos_ == "NOUN" and fold(prev.text) not in HOMOGRAPH_NOUN_HEADS


def _wildcard_match(word: str, form: str, lemma: str) -> bool:
    """Return whether a phrase word ending in "*" begins a token's folded form or lemma."""
    return len(word) > 1 and word[-1] == "*" and (form.startswith(word[:-1]) or lemma.startswith(word[:-1]))


def _words_match(words: tuple[str, ...], keys: list[tuple[str, str]], i: int, first: int) -> bool:
    """Return whether every word of a phrase from index `first` on matches the token keys from
    token i + first on: a word equal to the token's folded form or lemma, or a word ending in "*"
    that begins either."""
    for j in range(first, len(words)):
        word = words[j]
        form, lemma = keys[i + j]
        if word == form or word == lemma:
            continue  # a wildcard word equal to a key is a prefix of it too
        if len(word) > 1 and word[-1] == "*" and (form.startswith(word[:-1]) or lemma.startswith(word[:-1])):
            continue
        return False
    return True


def find_cues(
    keys: list[tuple[str, str]],
    phrases: PhraseSet,
    *,
    start: int = 0,
    end: int | None = None,
    openers: list[int] | None = None,
) -> list[CueMatch]:
    """Return cue occurrences in token range [start, end): the longest phrase per class and start.
    `openers` (`phrase_openers` of the same keys and phrases), when given, are the only tokens
    tried: the others open no phrase."""
    end = len(keys) if end is None else end
    found: list[CueMatch] = []
    first = phrases.by_first.get
    prefixes = phrases.wildcard_prefixes
    tried = range(start, end) if openers is None else openers[bisect_left(openers, start) : bisect_left(openers, end)]
    for i in tried:
        form, lemma = keys[i]
        keyed = first(form, ())
        if lemma != form:
            keyed += first(lemma, ())
        wildcards = phrases.wildcards if prefixes and (form.startswith(prefixes) or lemma.startswith(prefixes)) else ()
        if not keyed and not wildcards:
            continue  # most tokens start no phrase: no dict, no list
        best: dict[str, int] = {}
        # a phrase keyed by its first word matches that word already (a keyed word has no "*")
        for cls, words in keyed:
            n = len(words)
            if n <= best.get(cls, 0) or i + n > end:
                continue
            if n > 1:
                # the second word inline: most phrases a token opens fail there (a call saved)
                word, (next_form, next_lemma) = words[1], keys[i + 1]
                if (
                    word != next_form
                    and word != next_lemma
                    and not (word[-1] == "*" and _wildcard_match(word, next_form, next_lemma))
                ):
                    continue
                if n > 2 and not _words_match(words, keys, i, 2):
                    continue
            best[cls] = n
        for cls, words in wildcards:
            n = len(words)
            if n <= best.get(cls, 0) or i + n > end:
                continue
            if _words_match(words, keys, i, 0):
                best[cls] = n
        if best:
            found.extend(CueMatch(cls=cls, start=i, end=i + n) for cls, n in best.items())
    return _without_words_of_names(found)


# The lexicons' class of denials ("no casualties", "sans combat"): it only masks the action cues
# inside it.
NEGATED_CLASS = "X_NEGATED"
# ...and of figurative fights: a campaign against a disease, corruption or poverty ("workers
# demanded protective gear for the fight against the pandemic", "combattre la corruption") is no
# fight between two sides; it only masks the action cues inside it too.
FIGURATIVE_CLASS = "X_FIGURATIVE"
MASKING_CLASSES = frozenset({NEGATED_CLASS, FIGURATIVE_CLASS})
# Weapon cue classes (W_AIR, W_DRONE...) and the fight class a weapon's name may hold.
WEAPON_PREFIX = "W_"
FIGHT_CLASS = "A_CLASH"


def _without_words_of_names(found: list[CueMatch]) -> list[CueMatch]:
    """Return the cues less the action cues that are words of a longer party name, denial or
    figurative fight:
    "riot police" is a police force, not a riot; "les forces anti-émeute" are police; "no
    casualties were reported" kills nobody and "withdrew without a fight" fights nobody (a
    language regularity: a word inside a longer phrase means what the phrase means)."""
    parties = [c for c in found if c.cls.startswith("P_") or c.cls in MASKING_CLASSES]
    # a weapon's name holds no fight: "des hélicoptères de combat ont frappé" is a strike from the
    # air, not combat (the same regularity for the fight word inside the weapon's name)
    weapons = [c for c in found if c.cls.startswith(WEAPON_PREFIX)]
    return [
        c
        for c in found
        if not (
            c.cls.startswith("A_")
            and (_inside_longer(c, parties) or (c.cls == FIGHT_CLASS and _inside_longer(c, weapons)))
        )
    ]


def _inside_longer(cue: CueMatch, phrases: list[CueMatch]) -> bool:
    """Return whether a cue lies inside a longer phrase among `phrases`."""
    return any(p.start <= cue.start and cue.end <= p.end and p.end - p.start > cue.end - cue.start for p in phrases)
