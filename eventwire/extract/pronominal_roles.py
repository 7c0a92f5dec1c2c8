"""Who acts and who is targeted around a pronominal verb ("des hommes armés s'en sont pris à des
villageois", "des jihadistes se sont attaqués à un poste").

Two language regularities of French:
- a pronominal verb forms its compound tenses with "être", and the parser then reads its subject
  as a passive one (nsubj:pass, the clitic as expl:pass). When the clitic is no object of the verb
  (the verb has a prepositional argument of its own: "s'en prendre à", "s'attaquer à",
  "s'emparer de"), the subject is the one who acts. "Se faire" + infinitive is a passive ("trois
  soldats se sont fait tuer"): its subject undergoes the act.
- "s'en prendre à", "s'attaquer à" name their target after "à" (data/extract/<lang>.yaml
  `pronominal_target_verbs`, `pronominal_target_preps`), which is no target preposition of other
  verbs ("tués à Kerou").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.lexicon import fold
from eventwire.extract.parse_tools import noun_phrase
from eventwire.lang.extract_words import ExtractWords

# The parser's label of a verb's prepositional argument (not a modifier: "à Kerou", "jeudi").
_ARGUMENT_DEP = "obl:arg"
# ...and of any prepositional phrase of a verb (a day told before the target makes the parser
# read the target as a modifier: "se sont attaqués samedi à un poste").
_OBLIQUE_DEPS = frozenset({"obl", "obl:arg", "obl:mod"})


def _reflexive(verb: Token, words: ExtractWords) -> bool:
    clitics = words.get("reflexive_clitics")
    return any(c.pos_ == "PRON" and (fold(c.text) in clitics or fold(c.lemma_) in clitics) for c in verb.children)


def _causative(verb: Token, words: ExtractWords) -> bool:
    causative = words.get("causative_auxiliaries")
    return any(fold(c.lemma_) in causative for c in verb.children if c.i < verb.i)


def pronominal_subject_acts(verb: Token, words: ExtractWords) -> bool:
    """Return whether a verb's passive-labelled subject is its agent: the verb is pronominal (a
    reflexive clitic depends on it), has no causative auxiliary, and has a prepositional argument
    of its own or is one of the `pronominal_target_verbs` ("des hommes armés s'en sont pris à des
    villageois": the armed men act)."""
    if not _reflexive(verb, words) or _causative(verb, words):
        return False  # "se sont fait tuer": a passive
    own_argument = any(c.dep_ == _ARGUMENT_DEP for c in verb.children)
    return own_argument or fold(verb.lemma_) in words.get("pronominal_target_verbs")


def pronominal_passive(verb: Token, words: ExtractWords) -> bool:
    """Return whether a verb is a reflexive causative, a passive whose subject undergoes the act
    ("trois soldats se sont fait tuer", "il s'est laissé surprendre")."""
    return _causative(verb, words) and _reflexive(verb, words)


def pronominal_target(verb: Token, child: Token, words: ExtractWords) -> SpacySpan | None:
    """Return the target a pronominal verb names after its preposition ("s'en sont pris à des
    villageois" -> "des villageois"), or None."""
    if child.dep_ not in _OBLIQUE_DEPS or fold(verb.lemma_) not in words.get("pronominal_target_verbs"):
        return None
    case = [c for c in child.children if c.dep_ == "case"]
    if not case or fold(case[0].text) not in words.get("pronominal_target_preps"):
        return None
    return noun_phrase(child) if _reflexive(verb, words) else None
