"""More forms that name an incident without telling one (issue 16): an incident asked for ("called
for the arrest of the killers", « réclamant son arrestation »), or named by a document that
authorizes it ("an arrest warrant"); a participle that adds to an ongoing or present clause
("gunmen have been terrorising the valley, kidnapping residents"); an incident noun as the
indefinite plural object of a verb in the simple present (« le groupe commet des exactions
contre les civils »); and a time phrase that names a span, not a day ("for years", "at night"),
which leaves a sentence as undated as none.

Each function reads one grammar pattern; `extract.modality` calls them in its steps
(CODING_RULES.md: plans, habitual statements and hypotheticals are not events).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.lexicon import fold
from eventwire.lang.extract_words import load_extract_words
from eventwire.nlp.doc_cache import doc_cache

OBJECT_DEPS = frozenset({"obj", "dobj", "obl", "obl:arg", "pobj", "nmod"})


def demanded(trigger: Token) -> bool:
    """Return whether an incident noun is what a verb of the language file's `demand_verbs` asks
    for, as its object or through the preposition the entry names ("the UN called for the arrest
    of the gunmen", "protesters demanded the release…", « l'ONU a demandé l'arrestation des
    auteurs », « appelé à des manifestations »), or the incident a document of `document_nouns`
    authorizes ("an arrest warrant for the former mayor"): an incident asked for or allowed is
    not one that happened (a language regularity)."""
    if trigger.pos_ != "NOUN":
        return False
    words = load_extract_words(trigger.lang_)
    if trigger.dep_ == "compound" and fold(trigger.head.lemma_) in words.get("document_nouns"):
        return True
    if trigger.dep_ not in OBJECT_DEPS:
        return False
    head, preps = trigger.head, [fold(c.text) for c in trigger.children if c.dep_ == "case"]
    if head.pos_ == "ADP":
        head, preps = head.head, [fold(head.text)]
    if head.pos_ not in {"VERB", "NOUN"} or head.i == trigger.i:
        return False
    lemma = fold(head.lemma_)
    entries = words.get("demand_verbs")
    if head.pos_ == "VERB" and lemma in entries and trigger.dep_ in {"obj", "dobj"}:
        return True
    return any(f"{lemma} {p}" in entries for p in preps)


def counterfactual(auxes: list[Token]) -> bool:
    """Return whether a modal of the language file's `counterfactual_modals` and a perfect
    auxiliary come together ("had the troops not come, the gunmen would have killed them all"):
    the past that did not happen (a language regularity), unlike "may have killed", which hedges
    a past incident."""
    words = load_extract_words(auxes[0].lang_) if auxes else None
    if words is None:
        return False
    modals, perfect = words.get("counterfactual_modals"), words.get("modal_perfect_auxiliaries")
    return any(fold(a.text) in modals for a in auxes) and any(fold(a.lemma_) in perfect for a in auxes)


def participle_adjunct(verb: Token) -> bool:
    """Return whether an incident verb is a present participle that adds to the clause of its head,
    with no subject, subordinator or auxiliary of its own ("bandits have been terrorising the
    valley, kidnapping residents for ransom"): it shares that clause's tense, so an ongoing or
    present head makes it a habit too (« les jihadistes imposent leur loi, enlevant ceux qui
    refusent »), a past head ("gunmen attacked the village, killing five") an incident (a language
    regularity)."""
    gerund = verb.tag_ == "VBG" or (
        verb.morph.get("VerbForm", None) == ["Part"] and "Pres" in verb.morph.get("Tense", None)
    )
    if not gerund or verb.dep_ != "advcl" or verb.head is verb:
        return False
    return not any(c.dep_ in {"mark", "aux", "nsubj", "nsubjpass"} for c in verb.children)


def purpose_infinitive(verb: Token) -> bool:
    """Return whether an incident verb is an infinitive of purpose after its head, introduced by a
    word of the language file's `purpose_marks` and with no subject of its own ("the militants
    often disguise themselves as soldiers to attack villages", « les bandits se cachent dans la
    forêt pour attaquer les convois »): it shares the head's tense, so a present head makes it a
    habit too, a past one ("gunmen came to the village to kill the chief") an incident (a
    language regularity)."""
    if verb.morph.get("VerbForm", None) != ["Inf"] or verb.dep_ != "advcl" or verb.head is verb:
        return False
    marks = load_extract_words(verb.lang_).get("purpose_marks")
    return any(c.dep_ in {"aux", "mark"} and fold(c.text) in marks for c in verb.children) and not any(
        c.dep_.startswith("nsubj") for c in verb.children
    )


def indefinite_plural_object(trigger: Token, verb: Token) -> bool:
    """Return whether an incident noun is the direct object of its verb, in the plural with an
    indefinite determiner or none and no figure (« le groupe commet des exactions contre les
    civils », "the militia carries out raids on villages"): with the verb in the simple present
    (the caller checks it and the sentence), an activity, not one incident, whatever the subject
    (a language regularity). "The army reports an attack" names one."""
    if trigger.pos_ != "NOUN" or trigger.dep_ not in {"obj", "dobj"} or trigger.head.i != verb.i:
        return False
    if trigger.morph.get("Number", None) != ["Plur"] or any(c.dep_ == "nummod" for c in trigger.children):
        return False
    indefinite = load_extract_words(trigger.lang_).get("indefinite_plural_determiners")
    return all(
        c.dep_ != "det" or fold(c.text) in indefinite or "Ind" in c.morph.get("Definite", None)
        for c in trigger.children
    )


def names_a_time(sent: SpacySpan) -> bool:
    """Return whether a sentence holds a date or time entity that names more than a span or a
    part of the day: one with a word outside the language file's `vague_time_words` ("on
    Tuesday", "last week", "in 2019"; not "for years", "in recent months", "at night"), which a
    habit names as often as an incident does (read once per parse and sentence)."""
    cache = doc_cache(sent.doc)
    memo = cache.setdefault("names_a_time", {}) if cache is not None else {}
    hit = memo.get((sent.start, sent.end))
    if hit is None:
        vague = load_extract_words(sent.doc.lang_).get("vague_time_words")
        hit = memo[(sent.start, sent.end)] = any(
            t.ent_type_ in {"DATE", "TIME"} and not (fold(t.text) in vague or t.is_punct) for t in sent
        )
    return hit
