"""The words the incident extractor reads off a parse, per language (data/extract/<lang>.yaml),
and the outcome and weapon labels of its cue classes (data/extract/labels.yaml).

Each key of a language file is declared in `WORD_KEYS` (a list of words) or `FLAG_KEYS` (a
yes/no property of the language's grammar); a file is validated as it loads: a missing or wrong
`version`, an unknown key or a value of the wrong shape raises a DataFileError naming file and
line. Words are folded (lower case, no accents) as they load, the way the extractor compares them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import (
    check_known_keys,
    data_path,
    key_error,
    language_file,
    read_yaml_mapping,
    string_list,
)
from eventwire.lang.fold import fold

VERSION = 1
# key → what the list is for (the data files' comments give examples)
WORD_KEYS = {
    "victim_subject_verbs": "verb lemmas whose subject is the victim",
    "patient_preps": "prepositions that introduce whom an incident targets",
    "idiom_objects": "nouns that are the object of a weapon idiom, not its target",
    "agent_noun_preps": "prepositions of an incident noun's complement that name who acted",
    "genitive_case": "case words of an ambiguous genitive (victims or attackers)",
    "inclusion_words": "words opening a phrase that names some members of a group",
    "time_unit_nouns": "nouns of a counted span of time (not an object: 'deux jours')",
    "agreement_topic_marks": "words opening an agreement's purpose or cause clause",
    "targeting_verbs": "participle lemmas whose object is an incident's target",
    "demonstratives": "determiners that point back to a phrase named before",
    "group_heads": "nouns of a demonstrative group phrase",
    "group_nouns": "nouns of the earlier phrase a group phrase refers to",
    "speaker_stop_preps": "prepositions that end a speaker's phrase",
    "negation_words": "negation words on a trigger or its verb",
    "rank_words": "words that rank an incident among others ('latest', 'énième')",
    "identity_verbs": "verb lemmas that, like a copula, say what the subject is ('il s'agit de')",
    "negative_pronouns": "pronouns that deny the subject of an incident verb ('nobody', 'personne')",
    "before_marks": "subordinators of an earlier time",
    "fact_clause_marks": "subordinators of a clause that states a fact",
    "fact_phrase_marks": "prepositions of an incident noun's phrase that states a fact",
    "other_incident_words": "words that make an incident phrase another incident than one told",
    "copula_lemmas": "copula lemmas (a framed anaphor before one)",
    "auxiliary_lemmas": "auxiliary lemmas a plan cue does not govern as a verb",
    "perfect_auxiliary_lemmas": "auxiliary lemmas of a compound past",
    "perfect_auxiliary_forms": "auxiliary forms of a compound past",
    "reflexive_clitics": "reflexive clitics of pronominal verbs (compound past with 'be')",
    "pronominal_target_verbs": "verb lemmas whose pronominal form names its target after a preposition",
    "pronominal_target_preps": "prepositions (and their contractions) of that target",
    "causative_auxiliaries": "verb lemmas that with a reflexive clitic make a passive ('se faire tuer')",
    "be_perfect_lemmas": "intransitive verb lemmas whose compound past takes 'be' (not a passive)",
    "be_perfect_participles": "participles of those verbs the tagger reads as nouns after 'be'",
    "pluperfect_auxiliary_forms": "auxiliary forms of a past before the past (pluperfect)",
    "future_auxiliaries": "auxiliaries that make a verb future",
    "modal_auxiliaries": "modal auxiliaries of an unrealized incident (conditional, possibility)",
    "place_relatives": "relative adverbs of a clause that describes a place ('where')",
    "modal_perfect_auxiliaries": "auxiliary lemmas after a modal that hedge a past incident",
    "progressive_auxiliaries": "auxiliary of a present progressive",
    "near_future_verbs": "verb lemmas that, in the present before an infinitive, make a near future",
    "indefinite_plural_determiners": "determiners of an indefinite plural ('des civils')",
    "infinitive_endings": "infinitive endings the simple future is built on",
    "elided_infinitive_endings": "infinitive endings that drop their final e in the future",
    "future_endings": "endings of the simple future added to the infinitive",
    "future_form_endings": "endings every simple-future form has (a tagged future without one is a slip)",
    "first_ordinals": "ordinal words that refer to the first incident announced",
    "demand_verbs": "verb lemmas (with a preposition where one is needed) whose object is an incident asked for",
    "document_nouns": "nouns of a document that authorizes the incident noun before it ('arrest warrant')",
    "counterfactual_modals": "modal auxiliaries that with a perfect tell a past that did not happen",
    "purpose_marks": "words that introduce an infinitive of purpose ('to', 'pour')",
    "repetition_phrases": "phrases that count repetitions without a figure ('à plusieurs reprises')",
    "base_form_tags": "tags of a bare base form, which with its own subject is a simple present",
    "vague_time_words": "words of a time phrase that names a span or a part of the day, not a day",
}
FLAG_KEYS = {
    "tense_marks_habitual": "the verb's tense (imperfect, present) marks the habitual",
}
LABEL_KEYS = ("outcomes", "weapons")


@dataclass(frozen=True)
class ExtractWords:
    """The extractor's words of one language (folded), and its grammar flags."""

    language: str
    lists: dict[str, frozenset[str]]
    flags: dict[str, bool]

    def get(self, key: str) -> frozenset[str]:
        """Return the list `key` (empty when the language has none)."""
        if key not in WORD_KEYS:
            raise KeyError(f"{key!r} is not an extractor word list (known: {sorted(WORD_KEYS)})")
        return self.lists.get(key, frozenset())

    def flag(self, key: str) -> bool:
        """Return the grammar flag `key` (false when the language does not set it)."""
        if key not in FLAG_KEYS:
            raise KeyError(f"{key!r} is not an extractor flag (known: {sorted(FLAG_KEYS)})")
        return self.flags.get(key, False)


@dataclass(frozen=True)
class CueLabels:
    """Cue class → label, in the order the first present class wins."""

    outcomes: dict[str, str]
    weapons: dict[str, str]


def _check_version(path: Path, raw: dict) -> None:
    if raw.get("version") != VERSION:
        raise key_error(path, "version", f"expected version {VERSION}")


def parse_extract_words(path: Path) -> ExtractWords:
    """Return the validated words in `path`; raise DataFileError naming file and line."""
    raw = read_yaml_mapping(path)
    check_known_keys(path, raw, {"version", "language", *WORD_KEYS, *FLAG_KEYS})
    _check_version(path, raw)
    lists: dict[str, frozenset[str]] = {}
    for key in WORD_KEYS:
        value = string_list(path, key, raw.get(key))
        lists[key] = frozenset(fold(v) for v in value)
    flags: dict[str, bool] = {}
    for key in FLAG_KEYS:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            raise key_error(path, key, "must be true or false")
        flags[key] = value
    return ExtractWords(language=str(raw.get("language", path.stem)), lists=lists, flags=flags)


def parse_cue_labels(path: Path) -> CueLabels:
    """Return the validated labels in `path`; raise DataFileError naming file and line."""
    raw = read_yaml_mapping(path)
    check_known_keys(path, raw, {"version", *LABEL_KEYS})
    _check_version(path, raw)
    tables: dict[str, dict[str, str]] = {}
    for key in LABEL_KEYS:
        value = raw.get(key)
        if (
            not isinstance(value, dict)
            or not value
            or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items())
        ):
            raise key_error(path, key, "must be a non-empty mapping of cue class: label")
        tables[key] = dict(value)
    return CueLabels(outcomes=tables["outcomes"], weapons=tables["weapons"])


@lru_cache(maxsize=8)
def load_extract_words(lang: str) -> ExtractWords:
    """Return the packaged extractor words of `lang` ("fr" or "en"), loaded once; a language
    without a file has none."""
    path = language_file("extract", lang, optional=True)
    if path is None:
        return ExtractWords(language=lang, lists={}, flags={})
    return parse_extract_words(path)


@lru_cache(maxsize=1)
def load_cue_labels() -> CueLabels:
    """Return the packaged outcome and weapon labels (data/extract/labels.yaml), loaded once."""
    return parse_cue_labels(data_path("extract", "labels.yaml"))
