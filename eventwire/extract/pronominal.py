"""Lexicon phrases of pronominal verbs ("s'en prendre", "s'emparer", "se rassembler") matched in
every tense and with a negation.

A language regularity of French: a pronominal verb forms its compound tenses with "être", and the
auxiliary, a negation or an adverb sits between the clitics and the participle ("des hommes armés
s'en sont pris à des villageois", "les rebelles ne s'en sont pas pris aux civils", "ils se sont
violemment emparés du camp"); the elided clitic "s'" and the full "se" are one word ("s'emparer",
"ils se sont emparés"). A phrase written in the infinitive and opening with a reflexive clitic
(data/extract/<lang>.yaml `reflexive_clitics`, then any `adverbial_clitics`: "en", "y") matches
those forms: its verb and what follows match by lemma as any phrase does, and up to
`MAX_GAP` auxiliaries and adverbs (`verb_group_gaps`) may sit before its verb.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.lang.extract_words import load_extract_words
from eventwire.lang.fold import fold_word as fold
from eventwire.nlp.doc_cache import doc_cache

# Words that may sit between a pronominal verb's clitics and its verb: "ne s'en seraient pas
# encore pris" holds three.
MAX_GAP = 4
# Parts of speech of those words: the auxiliary and adverbs (the negation "pas" is one).
_GAP_POS = frozenset({"AUX", "ADV"})


def clitic_words(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """Return a language's reflexive clitics and the adverbial clitics that may follow them
    (none for a language without an extractor word file, or when `lang` is None)."""
    if lang is None:
        return frozenset(), frozenset()
    words = load_extract_words(lang)
    return words.get("reflexive_clitics"), words.get("adverbial_clitics")


def clitic_run_end(words: tuple[str, ...], reflexives: frozenset[str], adverbials: frozenset[str]) -> int | None:
    """Return the index of a phrase's first word after its clitics when it opens with a reflexive
    clitic and has a word after them ("s'en prendre" -> 2, "se rassembler" -> 1), else None."""
    if not words or words[0] not in reflexives:
        return None
    k = 1
    while k < len(words) and words[k] in adverbials:
        k += 1
    return k if k < len(words) else None


def verb_group_gaps(doc: Doc) -> frozenset[int]:
    """Return the indices of the tokens that may sit between a pronominal verb's clitics and its
    verb: auxiliaries (by part of speech or by lemma) and adverbs ("sont", "pas", "déjà")."""
    cache = doc_cache(doc)
    cached = cache.get("verb_group_gaps") if cache is not None else None
    if cached is None:
        auxiliaries = load_extract_words(doc.lang_).get("auxiliary_lemmas")
        cached = frozenset(t.i for t in doc if t.pos_ in _GAP_POS or fold(t.lemma_) in auxiliaries)
        if cache is not None:
            cache["verb_group_gaps"] = cached
    return cached


def _word_matches(word: str, form: str, lemma: str, reflexives: frozenset[str]) -> bool:
    if word in reflexives:
        return form in reflexives or lemma in reflexives  # "s'" and "se" are one clitic
    if word == form or word == lemma:
        return True
    return len(word) > 1 and word[-1] == "*" and (form.startswith(word[:-1]) or lemma.startswith(word[:-1]))


def match_pronominal(
    words: tuple[str, ...],
    verb_at: int,
    keys: list[tuple[str, str]],
    start: int,
    end: int,
    *,
    gaps: frozenset[int],
    reflexives: frozenset[str],
) -> int | None:
    """Return the end of a pronominal phrase matched from token `start` (tokens before `end`),
    with up to MAX_GAP tokens of `gaps` before its word `verb_at` (`clitic_run_end`), or None."""
    j = start
    for n, word in enumerate(words):
        skipped = 0
        while True:
            if j >= end:
                return None
            form, lemma = keys[j]
            if _word_matches(word, form, lemma, reflexives):
                break
            if n != verb_at or j not in gaps or skipped == MAX_GAP:
                return None
            j += 1
            skipped += 1
        j += 1
    return j
