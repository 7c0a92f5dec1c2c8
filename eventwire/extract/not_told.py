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


def base_form_present(verb: Token) -> bool:
    """Return whether a verb the tagger reads as a bare base form (the language file's
    `base_form_tags`) is a simple present: one with a subject of its own and no auxiliary, mark
    or infinitive particle ("bandit gangs raid villages, kill residents…", where "kill" is tagged
    as an infinitive), or one coordinated with a present verb through a noun the parser took as
    its head ("jihadists control large parts of the country and attack civilians"). A base form
    after a modal or "to" has an auxiliary or mark child and is no present (a language
    regularity of English: the present of the plural is the base form)."""
    tags = load_extract_words(verb.lang_).get("base_form_tags")
    if fold(verb.tag_) not in tags or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in verb.children)
    if verb.dep_ != "conj":
        return False
    head = verb.head
    while head.pos_ != "VERB" and head.head is not head and head.dep_ in {"dobj", "pobj", "prep", "conj", "attr"}:
        head = head.head  # the parser hung the verb on the object of the first ("parts … and attack")
    if head.pos_ != "VERB" or head.i == verb.i or any(c.dep_ == "aux" for c in head.children):
        return False
    return head.tag_ in {"VBP", "VBZ"} or base_form_present(head)


def shares_first_clause(verb: Token, cue: Token) -> Token | None:
    """Return whether an incident verb is the second of two coordinated verbs that share the
    first's subject and auxiliary (no subject or auxiliary of its own), with a cue before the
    first verb: what frames the first clause frames the second (« par le passé, le groupe a
    attaqué des bases militaires et enlevé des étrangers », "in the past, the group attacked
    bases and kidnapped foreigners"; a language regularity of ellipsis). A verb with its own
    subject or auxiliary opens a clause of its own (« … et il a enlevé lundi deux élus »).
    Return that first verb, or None."""
    if verb.dep_ != "conj" or verb.head is verb:
        return None
    first = verb.head
    if first.pos_ == "NOUN" and first.dep_ in {"obj", "dobj"}:
        first = first.head  # the parser hung the verb on the first one's object ("des bases … et enlevé")
    if (
        first.pos_ != "VERB"
        or cue.i >= first.i
        or any(c.dep_.startswith(("nsubj", "aux", "expl")) for c in verb.children)
    ):
        return None
    return first


def ranked_predicate(trigger: Token) -> bool:
    """Return whether an incident noun ranks the told incident among others, as the predicate of
    a copula or of the language file's `identity_verbs` whose subject is a pronoun ("It was the
    third attack on the village in a month", "This is the deadliest attack this year", « C'est la
    deuxième attaque de ce type en une semaine », « Il s'agit de la énième attaque contre ce
    village »): an ordinal, a superlative or a word of `rank_words` on the noun sets the incident
    told before against others; the sentence tells no incident of its own (a language regularity)."""
    if trigger.pos_ != "NOUN":
        return False
    words = load_extract_words(trigger.lang_)
    ranked = any(
        c.dep_ == "amod"
        and (
            "Ord" in c.morph.get("NumType", None)
            or c.ent_type_ == "ORDINAL"
            or "Sup" in c.morph.get("Degree", None)
            or fold(c.text) in words.get("rank_words")
        )
        for c in trigger.children
    )
    if not ranked:
        return False
    copulas = words.get("copula_lemmas")
    if trigger.dep_ == "attr" and fold(trigger.head.lemma_) in copulas:
        holder = trigger.head  # "It was the third attack"
    elif any(c.dep_ == "cop" for c in trigger.children):
        holder = trigger  # « C'est la deuxième attaque »
    elif trigger.dep_ in {"obl:arg", "obl"} and fold(trigger.head.lemma_) in words.get("identity_verbs"):
        holder = trigger.head  # « Il s'agit de la troisième attaque »
    else:
        return False
    return any(c.dep_.startswith(("nsubj", "expl")) and c.pos_ == "PRON" for c in holder.children)


def finite_head(verb: Token) -> Token:
    """Return the finite verb an infinitive complement hangs on ("the army struggles to contain
    the attacks", « l'armée peine à contenir les attaques »): the verb itself when it is none."""
    t = verb
    for _ in range(3):
        if t.dep_ != "xcomp" or t.head is t:
            break
        t = t.head
    return t


def denied_subject(verb: Token) -> bool:
    """Return whether the subject of an incident verb is a negative pronoun of the language file
    ("nobody was killed", « personne n'a été tué lors des manifestations », « nul n'a été
    blessé »), with no determiner (« une personne a été tuée » names a victim): no one suffered
    or did the act, so the verb tells no incident (a language regularity)."""
    pronouns = load_extract_words(verb.lang_).get("negative_pronouns")
    return any(
        c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}
        and fold(c.text) in pronouns
        and not any(d.dep_ == "det" for d in c.children)
        for c in verb.children
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
