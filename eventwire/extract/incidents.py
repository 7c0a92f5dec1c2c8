"""Find incident mentions in a parsed document: trigger, type, roles, modality and attribution.

Stages, in the order `find_incident_mentions` runs them for each sentence:
  1. cues      — trigger-lexicon phrases found in the sentence (data/triggers/<lang>.yaml)
  2. typing    — the first taxonomy rule that holds for the sentence's cue classes
                 (data/taxonomy/acled.yaml) gives event_type / sub_event_type
  3. roles     — agent and patient phrases from the dependency parse around the trigger
  4. modality  — reported fact, claim, allegation, denial, threat, plan, hypothetical, negation,
                 habitual, background or context (data/modality/<lang>.yaml + morphology)
  5. attribution — who says so: subject of a speech verb, "selon X"/"according to X", or the
                 speaker of the quotation the sentence belongs to
Ordinal ellipses ("La seconde aurait eu pour objectif…") take the trigger of the sentence that
announced the incidents ("deux attaques distinctes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.lexicon import (
    CueMatch,
    PhraseSet,
    Taxonomy,
    find_cues,
    fold,
    token_keys,
)
from eventwire.models import EVENT_MODALITIES, Span, Trigger

# Cue classes whose cue makes the best trigger span, most specific first.
TRIGGER_PRIORITY = (
    "W_SUICIDE", "W_CHEMICAL", "W_AIR", "W_DRONE", "W_ARTILLERY", "W_IED", "W_GRENADE",
    "A_SEXUAL", "A_ABDUCT", "A_PROTEST", "A_RIOT", "A_MOB", "A_CLASH", "A_SCUFFLE", "A_TAKEOVER", "A_REGAIN",
    "A_ATTACK", "A_KILL", "A_LOOT", "A_ARREST", "A_AGREEMENT", "A_BASE", "A_WITHDRAW",
    "A_INTERCEPT", "A_EXPLOSION", "A_CHANGE", "W_GUN",
)
# Cue classes that describe the outcome of an incident.
OUTCOME_BY_CLASS = {
    "A_INTERCEPT": "intercepted",
    "A_KILL": "killed",
    "A_INJURE": "injured",
    "A_ABDUCT": "abducted",
    "A_ARREST": "arrested",
    "A_LOOT": "looted",
}
WEAPON_BY_CLASS = {
    "W_AIR": "aircraft",
    "W_DRONE": "drone",
    "W_ARTILLERY": "artillery/rocket/missile",
    "W_IED": "explosive device",
    "W_BOMB": "bomb",
    "W_SUICIDE": "suicide bomb",
    "W_GRENADE": "grenade",
    "W_CHEMICAL": "chemical weapon",
    "W_GUN": "firearm",
}
NUMBER_WORDS = {
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10},
    "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10},
}
VICTIM_SUBJECT_VERBS = frozenset({
    "mourir", "perir", "perdre", "deceder", "succomber", "trouver", "tomber",
    "die", "perish", "succumb", "lose",
})
AGENT_DEPS = {"nsubj", "agent", "obl:agent", "nsubj:agent"}
PATIENT_DEPS = {"obj", "dobj", "nsubj:pass", "nsubjpass", "iobj"}
PATIENT_PREPS = {"contre", "sur", "against", "on", "at", "visant", "targeting"}
AGENT_NOUN_PREPS = {"de", "du", "des", "by", "par"}
SOURCE_PREPS = {"selon", "d'apres", "according", "citing"}


@dataclass(frozen=True)
class IncidentMention:
    """One incident mention found in one sentence, before normalization."""

    sentence: Span
    paragraph: int
    trigger: Trigger
    cue_classes: frozenset[str]
    modality: str
    claim_status: str
    modality_cue: Span | None
    attributed_to: Span | None
    agent: Span | None
    patient: Span | None
    outcome: str | None
    weapon: str | None
    count: int  # how many incidents the trigger phrase announces ("deux attaques" -> 2)
    plural: bool  # the trigger is a plural noun: it may sum up several incidents
    ordinal: int | None  # "la première"/"the second" -> 1, 2
    anaphoric: bool  # "cette attaque", "the incident": refers to an incident already mentioned
    claimed: bool
    additive: bool  # "ont aussi revendiqué des attaques": adds incidents to those told
    confidence: float
    reporting: tuple[Span, ...] = ()  # words of the reporting clause ("a annoncé mardi le ministère")


def _span(doc: Doc, start: int, end: int) -> Span:
    """Return a character Span for token range [start, end)."""
    sp = doc[start:end]
    return Span(start=sp.start_char, end=sp.end_char, text=sp.text)


def _phrase(token: Token) -> SpacySpan:
    """Return the noun phrase of a token: its subtree without relative clauses or appositions."""
    keep = [token]
    for child in token.children:
        if child.dep_ in {"acl:relcl", "relcl", "acl", "appos", "punct", "cc", "conj", "dislocated"}:
            continue
        keep.extend(child.subtree)
    idx = sorted(t.i for t in keep)
    start, end = idx[0], idx[-1] + 1
    # drop a leading preposition or trailing punctuation
    while start < end and token.doc[start].pos_ in {"ADP", "PUNCT", "CCONJ"}:
        start += 1
    while end > start and token.doc[end - 1].pos_ in {"PUNCT", "CCONJ"}:
        end -= 1
    return token.doc[start:end]


def _sentence_span(sent: SpacySpan) -> Span:
    """Return the sentence as a character Span without surrounding whitespace."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sent.start_char + lead
    return Span(start=start, end=start + len(stripped), text=stripped)


QUOTE_OPENERS = {"«", "“", '"', "‹", "„"}
DEMONSTRATIVES = {"ces", "ce", "cet", "cette", "these", "this", "those", "that", "the", "les"}
SPEAKER_STOP_PREPS = {"sur", "pour", "dans", "en", "entre", "depuis", "lors", "a", "au", "aux", "avec", "apres", "avant", "on", "in", "at", "for", "after", "with", "amid"}


def _speaker_phrase(token: Token) -> SpacySpan:
    """Return a speaker's phrase, cut before adverbial attachments ("… sur fond de guerre")."""
    phrase = _phrase(token)
    end = phrase.end
    for tok in phrase:
        if tok.i > token.i and tok.pos_ == "ADP" and fold(tok.text) in SPEAKER_STOP_PREPS:
            end = tok.i
            break
    while end > phrase.start and token.doc[end - 1].pos_ in {"PUNCT", "ADP", "CCONJ"}:
        end -= 1
    return token.doc[phrase.start:end]


def resolve_demonstrative(phrase: SpacySpan) -> SpacySpan:
    """Return the earlier full phrase a demonstrative refers to ("ces factions" -> the factions named before)."""
    if len(phrase) == 0 or fold(phrase[0].text) not in DEMONSTRATIVES:
        return phrase
    head = phrase.root
    lemma = fold(head.lemma_)
    doc = phrase.doc
    for i in range(phrase.start - 1, -1, -1):
        tok = doc[i]
        if fold(tok.lemma_) == lemma and tok.pos_ in {"NOUN", "PROPN"}:
            earlier = _phrase(tok)
            if len(earlier) and fold(earlier[0].text) not in DEMONSTRATIVES and len(earlier) > len(phrase):
                return earlier
    if lemma in {"groupe", "group", "faction"}:
        for i in range(phrase.start - 1, -1, -1):
            tok = doc[i]
            if fold(tok.lemma_) in {"faction", "groupe", "group", "milice", "militia"} and tok.pos_ == "NOUN":
                earlier = _phrase(tok)
                if len(earlier) and fold(earlier[0].text) not in DEMONSTRATIVES:
                    return earlier
    return phrase


def _paragraph_index(text: str) -> list[int]:
    """Return the start offsets of the paragraphs of `text` (separated by blank lines)."""
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def _paragraph_of(offset: int, starts: list[int]) -> int:
    lo = 0
    for i, s in enumerate(starts):
        if s <= offset:
            lo = i
    return lo


def _choose_trigger(cues: list[CueMatch], rule_classes: set[str]) -> CueMatch:
    chosen = cues[0]
    for cls in TRIGGER_PRIORITY:
        if cls in rule_classes:
            found = next((cue for cue in cues if cue.cls == cls), None)
            if found is not None:
                chosen = found
                break
    # "drone" inside "drone strike": the longer phrase's head carries the roles ("a US drone strike")
    wider = [c for c in cues if c.start <= chosen.start and c.end >= chosen.end and c.end - c.start > chosen.end - chosen.start]
    return max(wider, key=lambda c: c.end - c.start) if wider else chosen


def _governing_verb(token: Token) -> Token:
    """Return the verb a trigger token belongs to (itself if it is a verb)."""
    t = token
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"} or t.head is t:
            return t
        t = t.head
    return t


def _roles(trigger: Token) -> tuple[SpacySpan | None, SpacySpan | None]:
    """Return (agent, patient) phrases around a trigger from the dependency parse."""
    agent = patient = None
    verb = _governing_verb(trigger)
    # "deux gardes forestiers ont perdu la vie", "two porters died": the subject is the victim
    victim_subject = fold(verb.lemma_) in VICTIM_SUBJECT_VERBS
    for child in verb.children:
        dep = child.dep_.lower()
        if child.i == trigger.i:
            continue  # "A rocket strike hit the depot": the trigger's own phrase is not its agent
        if dep == "agent" and child.pos_ == "ADP" and agent is None:
            # English passive: "was stabbed by two masked men" (the agent is the object of "by")
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                agent = _phrase(objs[0])
        elif dep in AGENT_DEPS and victim_subject and patient is None and child.pos_ in {"NOUN", "PROPN"}:
            patient = _phrase(child)
        elif dep in AGENT_DEPS and agent is None and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            agent = _phrase(child)
        elif dep in PATIENT_DEPS and patient is None and child.pos_ in {"NOUN", "PROPN", "NUM"}:
            patient = _phrase(child)  # "three of the alleged smugglers were killed": the numeral heads it
        elif dep in {"obl", "obl:arg", "obl:mod", "prep", "nmod"} and patient is None:
            case = [c for c in child.children if c.dep_ in {"case", "mark"}]
            word = fold(case[0].text) if case else ""
            if word in PATIENT_PREPS:
                patient = _phrase(child)
            elif dep == "prep" and fold(child.text) in PATIENT_PREPS:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    patient = _phrase(objs[0])
    if agent is None and verb.dep_ == "xcomp":
        # "Youths tried to attack the MP": the subject of the verb the trigger complements
        subj = [c for c in verb.head.children if c.dep_ in {"nsubj"} and c.pos_ in {"NOUN", "PROPN"}]
        if subj:
            agent = _phrase(subj[0])
    if patient is None and trigger.pos_ == "VERB":
        # "shot and injured a police officer": the object of the coordinated verb
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            objs = [c for c in conj.children if c.dep_.lower() in PATIENT_DEPS and c.pos_ in {"NOUN", "PROPN"}]
            if objs:
                patient = _phrase(objs[0])
                break
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            case = [c for c in child.children if c.dep_ in {"case"}]
            word = fold(case[0].text) if case else ""
            if child.dep_ in {"nmod", "poss"} and agent is None and (
                word in AGENT_NOUN_PREPS or child.dep_ == "poss"
            ):
                agent = _phrase(child)
            elif child.dep_ in {"nmod", "obl"} and patient is None and word in PATIENT_PREPS:
                patient = _phrase(child)
            elif child.dep_ == "prep" and fold(child.text) in PATIENT_PREPS and patient is None:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    patient = _phrase(objs[0])
            elif child.dep_ == "acl" and fold(child.lemma_) in {"viser", "target", "cibler"}:
                objs = [c for c in child.children if c.dep_ in {"obj", "dobj"}]
                if objs and patient is None:
                    patient = _phrase(objs[0])
        if agent is None:
            # "a US drone strike", "une frappe israélienne": a name or nationality modifying the
            # trigger says who struck (normalization keeps it only if it names an actor)
            for child in trigger.children:
                if child.dep_ in {"amod", "compound"} and child.pos_ in {"ADJ", "PROPN"}:
                    agent = token_span_of(child)
                    break
    return agent, patient


def token_span_of(token: Token) -> SpacySpan:
    """Return a one-token phrase (compound names keep their compound parts)."""
    parts = [t for t in token.subtree if t.dep_ in {"compound", "flat", "flat:name"} or t.i == token.i]
    start = min(t.i for t in parts)
    end = max(t.i for t in parts) + 1
    return token.doc[start:end]


def _count(trigger: Token, lang: str) -> int:
    """Return how many incidents a trigger noun announces ("deux attaques" -> 2)."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number") != ["Plur"]:
        return 1
    for child in trigger.children:
        if child.dep_ in {"nummod"}:
            word = fold(child.text)
            if word.isdigit():
                return int(word)
            return NUMBER_WORDS.get(lang, {}).get(word, 1)
    return 1


@dataclass(frozen=True)
class _SentenceCues:
    triggers: list[CueMatch]
    modality: list[CueMatch]


def _has_cue(cues: list[CueMatch], cls: str) -> CueMatch | None:
    for cue in cues:
        if cue.cls == cls:
            return cue
    return None


def _tense_flags(verb: Token) -> tuple[bool, bool, bool, bool]:
    """Return (future, conditional, imperfect, present) for a verb and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "aux:pass", "aux:tense"}]
    tokens = [verb] + auxes
    # French marks the future on the verb; English with "will"/"shall" ("is going to" is a plan cue)
    future = any("Fut" in t.morph.get("Tense") or _french_future_form(t) for t in tokens) or any(
        t.lemma_.lower() in {"will", "shall"} for t in auxes
    )
    cond = any("Cnd" in t.morph.get("Mood") for t in tokens)
    # the imperfect of the verb itself ("attaquaient"), not a pluperfect ("était tombée")
    imperfect = "Imp" in verb.morph.get("Tense") and not auxes
    # the simple present, active or passive ("est ciblée depuis des mois", "attaquent
    # régulièrement"), not a compound past ("a été ciblée")
    if any(fold(a.lemma_) == "avoir" or fold(a.text) == "ete" for a in auxes):
        present = False
    elif auxes:
        present = all("Pres" in a.morph.get("Tense") for a in auxes)
    else:
        present = "Pres" in verb.morph.get("Tense") and verb.morph.get("VerbForm") != ["Part"]
    return future, cond, imperfect, present


# Endings of the French simple future, added to the infinitive ("attaquer-ons") or to the
# infinitive less its final e ("prendr-ons").
FRENCH_FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")


def _french_future_form(token: Token) -> bool:
    """Return whether a French verb is in the simple future by its form, which the tagger may
    read as a present ("Nous prendrons pour cible…", "nous attaquerons"): infinitive + ending."""
    if token.lang_ != "fr" or token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma, form = fold(token.lemma_), fold(token.text)
    if not lemma.endswith(("er", "ir", "re")):
        return False
    stems = {lemma, lemma[:-1]} if lemma.endswith("re") else {lemma}
    return any(form == stem + end for stem in stems for end in FRENCH_FUTURE_ENDINGS)


def _negated(trigger: Token, verb: Token) -> bool:
    neg_words = {"pas", "not", "n't", "jamais", "never", "aucun", "aucune", "no"}
    for tok in (trigger, verb):
        for child in tok.children:
            if child.dep_ in {"neg", "advmod", "det"} and fold(child.text) in neg_words:
                return True
    return False


def _cue_at(cues: list[CueMatch], cls: str, token: Token) -> bool:
    """Return whether a cue of class `cls` (a one-word verb class of the modality file) is `token`."""
    return any(c.cls == cls and c.start == token.i for c in cues)


def _time_gap_before(cue: CueMatch, cues: list[CueMatch]) -> bool:
    """Return whether a single-word context cue follows a time distance ("two days after"): a
    `time_gap` cue of the modality file ending at most three words before it."""
    return any(t.cls == "time_gap" and cue.start - 3 <= t.start and t.end <= cue.start for t in cues)


# Cue classes of verbs whose object or passive subject is harmed (see the roles in find_incident_mentions).
HARM_CLASSES = frozenset({"A_KILL", "A_INJURE"})
SCOPED_CLASSES = frozenset({"threat", "denial", "habitual", "background", "aggregate", "plan", "hypothetical"})
CLAUSE_BOUNDARIES = frozenset({"acl:relcl", "relcl", "parataxis", "ccomp", "advcl", "conj", "acl"})


def _in_scope(cue: Token, trigger: Token, verb: Token, cls: str = "") -> bool:
    """Return whether a modality cue bears on the trigger's clause.

    "…the upper valley, where cattle raiders often burn granaries" does not make "the
    attacks on Monday" habitual: a cue inside another clause (relative, coordinated, reported)
    is out of scope; a cue that governs the trigger ("menacé de s'en prendre") is in scope.
    """
    ancestors = {t.i for t in trigger.ancestors}
    if cue.i in ancestors:
        return True
    if cue.dep_ in {"case", "mark"} and cue.head.i in ancestors:
        # "la cible depuis trois semaines d'une campagne de tirs": the preposition heads a phrase
        # that contains the trigger
        return True
    if cls == "denial" and cue.dep_ == "amod" and cue.head.pos_ == "NOUN" and (
        cue.head.i in ancestors or cue.head.head.i in ancestors
    ):
        # "de fausses informations circulent, annonçant qu'un convoi est tombé dans une
        # embuscade": the report that carries the incident is said to be false
        return True
    if (cue.dep_ == "amod" and cue.head.dep_ == "pobj" and cue.head.i != trigger.i
            and cue.head.head.head.i != trigger.i and cls != "denial"):
        # "stabbed three people as part of the ongoing border conflict": an adjective inside
        # a prepositional phrase describes the setting, not the incident
        return False
    if cue.dep_ == "pobj" and cue.head.i != trigger.i:
        # the object of a preposition that modifies the incident ("protest following a recent
        # spate of killings", "amid a wave of attacks") tells its cause, not its modality
        return False
    if cls == "background" and any(
        a.dep_ == "advcl" and a.head.i in (trigger.i, verb.i)
        and any(ch.dep_ in {"mark", "case", "prep"} and fold(ch.text) in BEFORE_MARKS for ch in a.children)
        for a in cue.ancestors
    ):
        # "ils ont combattu l'État avant de signer l'accord d'Alger en 2015": what came before
        # a past date is past too
        return True
    t = cue
    for _ in range(12):
        if t.i == trigger.i or t.i == verb.i:
            return True
        if t.dep_ == "acl" and t.head.i == trigger.i and cls in PARTICIPLE_SCOPED_CLASSES:
            # "les drones lancés chaque nuit", "attacks carried out since January": a participle
            # describing the incident noun says how often or over what period it happened
            return True
        if t.dep_ in CLAUSE_BOUNDARIES or t.head is t:
            return False
        t = t.head
    return False


# Cue classes a participle on the incident noun carries to it (not a plan: "an attack planned
# for weeks" happened).
PARTICIPLE_SCOPED_CLASSES = frozenset({"habitual", "background", "aggregate"})


BEFORE_MARKS = frozenset({"avant", "before", "prior"})


# Subordinators of a clause that states a fact whatever the main clause hedges: "several are
# feared dead after militants attacked a bus" (the attack is not in doubt, the toll is).
FACT_CLAUSE_MARKS = frozenset({"after", "when", "as", "apres", "lorsque", "quand", "alors"})


def _in_fact_clause(trigger: Token, verb: Token, cue: Token) -> bool:
    """Return whether the trigger sits in an adverbial clause ("after…", "lorsque…") below the cue."""
    for head in (trigger, verb):
        if head.dep_ == "advcl" and head.i != cue.i and any(
            ch.dep_ in {"mark", "case", "prep"} and fold(ch.text) in FACT_CLAUSE_MARKS for ch in head.children
        ):
            return True
    return False


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _reaction(sent: SpacySpan, trigger: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the reaction cue that governs an incident noun in a sentence that adds no fact.

    "MSF se dit choqué par ce viol de masse", "There was no immediate comment on Wednesday's
    strike", "des ONG déplorent des arrestations extrajudiciaires": the incident is the object of
    a reaction word (the modality file's `reaction` class). A sentence with a figure, or an
    incident phrase naming a place ("condemned the attack on Port Verel"), still reports it.
    """
    if trigger.pos_ != "NOUN" or any(t.like_num for t in sent):
        return None
    if any(t.ent_type_ in PLACE_ENTITIES for t in trigger.subtree):
        return None
    governors = {t.i for t in list(trigger.ancestors)[:3]}
    for cue in cues:
        if cue.cls == "reaction" and cue.start in governors:
            return cue
    return None


def _framed_anaphor(trigger: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether an incident noun that points back at a told incident is the subject of a
    framing verb followed by a context cue ("cette énième attaque intervient dix jours après le
    scrutin", "Tuesday's raid comes two days before the vote"), or of a copula right before one
    ("the strike was in response to earlier rocket fire"): the sentence sets that incident
    against another one and reports nothing of its own."""
    if trigger.pos_ != "NOUN" or not trigger.dep_.startswith("nsubj") or trigger.head.i != verb.i:
        return False
    demonstrative = any(ch.dep_ == "det" and "Dem" in ch.morph.get("PronType") for ch in trigger.children)
    definite = any(
        (ch.dep_ == "det" and "Def" in ch.morph.get("Definite"))
        or (ch.dep_ == "poss" and ch.ent_type_ in {"DATE", "TIME"})  # "Wednesday's attack"
        for ch in trigger.children
    )
    if not (demonstrative or definite):
        return False
    # after a definite article only a time distance frames ("comes two days before"), not a
    # bare "after" ("Sunday's raid took place in the district after dark")
    framing = [c for c in cues if c.cls == "context" and c.start > verb.i
               and (demonstrative or c.end - c.start >= 2 or _time_gap_before(c, cues))]
    if fold(verb.lemma_) in {"be", "etre"}:
        return any(c.start == verb.i + 1 for c in framing)
    return _cue_at(cues, "framing", verb) and bool(framing)


def _continuing_subject(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether a plural incident noun is the subject of a continuation verb in the present,
    in a sentence with no day ("les frappes continuent de toucher les positions rebelles", "air
    strikes keep hitting rebel positions"): a state of affairs, not an incident."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number") != ["Plur"]:
        return False
    if not trigger.dep_.startswith("nsubj") or trigger.head.i != verb.i or not _cue_at(cues, "continuation", verb):
        return False
    return _tense_flags(verb)[3] and not any(t.ent_type_ in {"DATE", "TIME"} for t in sent)


def _trend(trigger: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether a plural incident noun is the subject of a present progressive that is not
    itself an incident ("armed raids are spreading to the plains") or of a verb of the
    modality file's `trend` class ("les attaques se multiplient", "attacks have declined"): a
    trend, not an incident."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number") != ["Plur"] or verb.i == trigger.i:
        return False
    subject = trigger
    while subject.dep_ == "conj" and subject.head is not subject:
        subject = subject.head  # "cattle thefts and armed raids are spreading…"
    if not subject.dep_.startswith("nsubj") or subject.head.i != verb.i:
        return False
    if _cue_at(cues, "trend", verb):
        return True
    return verb.lang_ == "en" and verb.tag_ == "VBG" and any(
        ch.dep_ == "aux" and ch.lemma_ == "be" and ch.tag_ in {"VBP", "VBZ"} for ch in verb.children
    )


def classify_modality(
    sent: SpacySpan, trigger: Token, cues: list[CueMatch], *, lang: str
) -> tuple[str, str, CueMatch | None]:
    """Return (modality, claim_status, deciding cue) for an incident mention in a sentence.

    Threats, plans, hypotheticals, denials, negations, habitual and background statements are
    not events (CODING_RULES.md); context mentions ("au lendemain d'une frappe…") are kept as
    context. French conditional past ("aurait visé") and "reportedly" are allegations.
    """
    verb = _governing_verb(trigger)
    future, cond, imperfect, present = _tense_flags(verb)
    recent = [c for c in cues if c.cls == "recent"]
    cues = [
        c for c in cues
        if not (c.cls == "background" and any(r.start <= c.start < r.end for r in recent))
    ]  # "in the past 72 hours" is recent, not "in the past"
    cues = [
        c for c in cues
        if c.cls not in SCOPED_CLASSES
        or (_in_scope(sent.doc[c.start], trigger, verb, c.cls) and sent.doc[c.start].pos_ not in {"PROPN", "NUM"})
    ]  # "05 May" is a date, not the modal "may"
    before_trigger = [c for c in cues if c.end <= trigger.i + 1]

    context = None
    root = sent.root
    framing = _cue_at(cues, "framing", root)
    for c in cues:
        if c.cls != "context" or c.end > trigger.i:
            continue
        # "feared dead after militants attacked a bus" tells one incident in sequence; only a
        # time gap ("a day after", "au lendemain de") or a framing verb ("the attack comes after",
        # "ces incidents interviennent après") makes the later phrase a recalled incident
        opens = c.start == sent.start and trigger.pos_ == "NOUN"
        if c.end - c.start < 2 and not framing and not _time_gap_before(c, cues) and not opens:
            # ("Après la mort jeudi de cinquante militants, c'est l'inquiétude": a sentence that
            # opens on "after" and an incident noun sets that incident before its own news)
            continue
        if 0 <= trigger.i - c.end <= 3 and trigger.pos_ == "NOUN":
            context = c
        # "…comes a month after militants attacked a police station": the trigger's clause is
        # introduced by the context word (its mark/case child, or its head)
        cue_tokens = set(range(c.start, c.end))
        if verb.i != trigger.i or trigger.pos_ == "VERB":
            marks = {ch.i for ch in trigger.children if ch.dep_ in {"mark", "case", "prep"}}
            marks |= {ch.i for ch in verb.children if ch.dep_ in {"mark", "case"}}
            # a clause with its own subject ("after militants attacked…"), not "after attacking"
            own_subject = any(ch.dep_.startswith("nsubj") for ch in verb.children)
            if (marks & cue_tokens and (own_subject or trigger.pos_ == "NOUN")) or trigger.head.i in cue_tokens:
                context = c
    if context is not None:
        return "context", "context", context
    reaction = _reaction(sent, trigger, cues)
    if reaction is not None:
        return "reaction", "reported", reaction
    if _framed_anaphor(trigger, verb, cues):
        # "Cette énième attaque intervient dix jours après le scrutin": the sentence sets
        # an incident told elsewhere against something else; it reports nothing of its own
        return "context", "context", None
    for cls in ("threat", "denial"):
        cue = _has_cue(cues, cls)
        if cue is not None:
            return ("threat" if cls == "threat" else "denied"), ("denied" if cls == "denial" else "reported"), cue
    habitual = _has_cue(cues, "habitual")
    if habitual is not None and (imperfect or present or trigger.pos_ == "NOUN" or lang != "fr"):
        return "habitual", "reported", habitual
    background = _has_cue(cues, "background")
    if background is not None:
        return "background", "reported", background
    aggregate = _has_cue(cues, "aggregate")
    if aggregate is not None and trigger.pos_ != "VERB":
        return "background", "reported", aggregate
    if imperfect and lang == "fr" and verb.pos_ == "VERB" and verb.i == trigger.i:
        return "habitual", "reported", None
    if _negated(trigger, verb):
        return "negated", "reported", None
    if _trend(trigger, verb, cues):
        return "habitual", "reported", None
    if trigger.pos_ == "VERB" and trigger.head.i != trigger.i and _cue_at(cues, "continuation", trigger.head) and (
        _tense_flags(trigger.head)[3]
    ):
        return "habitual", "reported", None
    if _continuing_subject(sent, trigger, verb, cues):
        return "habitual", "reported", None
    if future:
        return "plan", "reported", None
    plan = _has_cue(before_trigger, "plan")
    if plan is not None and (verb.i > plan.start) and fold(verb.lemma_) not in {"avoir", "etre", "have", "be"}:
        # "prévoit d'attaquer", "plan to attack": the trigger is governed by the plan verb
        anc = {t.i for t in trigger.ancestors}
        if plan.start in anc:
            return "plan", "reported", plan
    hyp = _has_cue(before_trigger, "hypothetical")
    if hyp is not None:
        anc = {t.i for t in trigger.ancestors} | {trigger.i}
        head = sent.doc[hyp.start]
        if (head.head.i in anc or head.i in anc) and not _in_fact_clause(trigger, verb, head):
            return "hypothetical", "reported", hyp
    claim = _has_cue(cues, "claim")
    if claim is not None:
        return "claimed", "claimed", claim
    # "suspected militants ambushed police", "des présumés jihadistes": the doubt is on who
    # acted, not on the incident (an adjective on a noun other than the trigger)
    allegation = _has_cue([c for c in cues if not (c.cls == "allegation" and _qualifies_a_party(sent.doc, c, trigger))],
                          "allegation")
    if cond or allegation is not None:
        return "alleged", "alleged", allegation
    return "asserted", "reported", None


def _qualifies_a_party(doc: Doc, cue: CueMatch, trigger: Token) -> bool:
    """Return whether a one-word allegation cue qualifies a noun other than the trigger
    ("suspected militants", "des jihadistes présumés", "des présumés jihadistes")."""
    if cue.end - cue.start != 1:
        return False
    tok = doc[cue.start]
    if tok.dep_ in {"amod", "acl"} and tok.head.i != trigger.i and tok.head.pos_ in {"NOUN", "PROPN"}:
        return True
    # the parser may head the phrase on the adjective ("présumés" NOUN, "jihadistes" amod)
    return tok.pos_ == "NOUN" and tok.i != trigger.i and any(ch.dep_ == "amod" and ch.i > tok.i for ch in tok.children)


def find_attribution(sent: SpacySpan, modality_cues: list[CueMatch]) -> SpacySpan | None:
    """Return who a sentence attributes its content to: "a indiqué le Centcom", "selon X", "X said"."""
    doc = sent.doc
    for cue in modality_cues:
        if cue.cls == "source_prep":
            tok = doc[cue.end - 1]
            # the object of "selon"/"according to" is the head (UD) or a pobj child (English)
            target = tok.head if tok.head.i > tok.i else None
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                target = objs[0]
            if tok.dep_ == "prep" and tok.head.dep_ == "prep":
                objs = [c for c in tok.head.children if c.dep_ == "pobj"]
                target = objs[0] if objs else target
            if target is not None and target.pos_ in {"NOUN", "PROPN", "PRON"}:
                return resolve_demonstrative(_speaker_phrase(target))
    for cue in modality_cues:
        if cue.cls != "speech":
            continue
        verb = doc[cue.start]
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "expl:subj"}]
        # an inverted subject ("…, a poursuivi le Centcom") is often parsed as the object
        incise = verb.i > 0 and any(t.text in {",", "»", "”", '"'} for t in doc[max(verb.left_edge.i, verb.i - 3):verb.i])
        subjects += [
            c for c in verb.children
            if c.dep_ in {"obj", "dobj"} and c.i > verb.i and (c.pos_ == "PROPN" or incise)
        ]
        for child in subjects:
            if child.pos_ not in {"NOUN", "PROPN", "PRON"}:
                continue
            if child.pos_ == "PRON":
                continue
            return resolve_demonstrative(_speaker_phrase(child))
    return None


REPORTING_DEPS = {"obl", "obl:mod", "obl:arg", "npadvmod", "nmod:tmod", "advmod", "prep", "nsubj", "obj", "dobj", "iobj"}


def reporting_spans(sent: SpacySpan, modality_cues: list[CueMatch]) -> tuple[Span, ...]:
    """Return the phrases that belong to the reporting clause of a sentence, not to the incident.

    In "Sept terroristes ont été tués…, a annoncé mardi le ministère", "mardi" dates the
    announcement: the date and place words attached to a speech verb are left out of the
    incident's date and place.
    """
    doc = sent.doc
    spans = []
    for cue in modality_cues:
        if cue.cls != "speech":
            continue
        verb = doc[cue.start]
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        for child in verb.children:
            if child.dep_ in REPORTING_DEPS and child.pos_ in {"NOUN", "PROPN", "ADV", "ADP", "NUM"}:
                sub = list(child.subtree)
                spans.append(_span(doc, sub[0].i, sub[-1].i + 1))
    return tuple(spans)


def find_incident_mentions(
    doc: Doc,
    *,
    lang: str,
    triggers: PhraseSet,
    modality: PhraseSet,
    taxonomy: Taxonomy,
) -> list[IncidentMention]:
    """Return the incident mentions of a parsed document, in text order."""
    text = doc.text
    paragraphs = _paragraph_index(text)
    keys = token_keys(doc)
    mentions: list[IncidentMention] = []
    quote_speaker: dict[int, Span] = {}  # paragraph -> speaker of its quotation
    sentences = list(doc.sents)
    sentence_cues: list[_SentenceCues] = []
    for sent in sentences:
        sentence_cues.append(
            _SentenceCues(
                triggers=find_cues(keys, triggers, start=sent.start, end=sent.end),
                modality=find_cues(keys, modality, start=sent.start, end=sent.end),
            )
        )
    # attribution per sentence; a quotation spanning sentences takes the speaker named at its end
    attributions: list[Span | None] = []
    for sent, cues in zip(sentences, sentence_cues):
        who = find_attribution(sent, cues.modality)
        attributions.append(_span(doc, who.start, who.end) if who is not None else None)
    for i in range(len(sentences) - 1, -1, -1):
        para = _paragraph_of(sentences[i].start_char, paragraphs)
        if attributions[i] is not None:
            quote_speaker[para] = attributions[i]
        elif para in quote_speaker and text[paragraphs[para]:paragraphs[para] + 1] in QUOTE_OPENERS:
            # a paragraph that opens with a quotation is the speech of the speaker named in it
            attributions[i] = quote_speaker[para]

    last_announce: IncidentMention | None = None
    for idx, (sent, cues) in enumerate(zip(sentences, sentence_cues)):
        anchors = [c for c in cues.triggers if c.cls in taxonomy.anchors]
        classes = {c.cls for c in cues.triggers}
        recalled_tokens = _recalled_tokens(doc, cues, taxonomy) | _protest_topic_tokens(doc, cues)
        own = [c for c in cues.triggers if c.start not in recalled_tokens] if recalled_tokens else []
        if any(c.cls in taxonomy.anchors for c in own) and taxonomy.classify({c.cls for c in own}) is not None:
            # "la police a dispersé des manifestants, au lendemain de violentes émeutes": the
            # sentence's own incident is typed on its own words; the recalled one is context
            anchors = [c for c in own if c.cls in taxonomy.anchors]
            classes = {c.cls for c in own}
        for combo in _verb_objects(doc, cues, taxonomy):
            # "residents blocked the Merelo road" (a riot), "la force a quitté la base" (a handover)
            classes.add(combo.cls)
            anchors.append(combo)
        ordinal = None
        ordinal_cue = _has_cue(cues.modality, "ordinal_anaphor")
        if ordinal_cue is not None and ordinal_cue.start - sent.start <= 1:
            word = fold(doc[ordinal_cue.end - 1].text)
            ordinal = {"premiere": 1, "premier": 1, "first": 1, "former": 1}.get(word, 2)
        if not anchors:
            if ordinal is not None and last_announce is not None:
                # "La seconde aurait visé celle d'al-Tazor": an ellipsis of the
                # announced incidents; it inherits the announcing trigger.
                anchors = []
                classes = set(last_announce.cue_classes)
            else:
                continue
        rule = taxonomy.classify(classes)
        if rule is None:
            continue
        if anchors:
            rule_classes = rule.all_of | rule.any_of
            cue = _choose_trigger(anchors, set(rule_classes))
            tok = doc[cue.start:cue.end].root  # "drone strike" -> "strike"
            trig_span = _span(doc, cue.start, cue.end)
            lemma = fold(tok.lemma_)
            cue_id = cue.cls
        else:
            cue = ordinal_cue
            tok = doc[ordinal_cue.end - 1]
            trig_span = _span(doc, ordinal_cue.start, ordinal_cue.end)
            lemma = last_announce.trigger.lemma
            cue_id = "ordinal:" + last_announce.trigger.cue
        modality_name, claim_status, mcue = classify_modality(sent, tok, cues.modality, lang=lang)
        other_rule = (
            taxonomy.classify(classes - {cue.cls})
            if modality_name in ("background", "habitual") and anchors and tok.i != sent.root.i
            else None
        )
        if other_rule is not None:
            # "deux milices ayant attaqué la garnison l'an dernier se sont alliées jeudi": the
            # recalled incident sits in a dependent clause; the sentence's own incident is its
            # main verb, typed without the other one's words
            for other in anchors:
                other_tok = doc[other.start:other.end].root
                if other.cls == cue.cls or other_tok.i != sent.root.i or (
                    other.cls not in other_rule.all_of | other_rule.any_of
                ):
                    continue
                other_modality = classify_modality(sent, other_tok, cues.modality, lang=lang)
                if other_modality[0] in {"asserted", "claimed", "alleged"}:
                    classes, rule = classes - {cue.cls}, other_rule
                    cue, tok, trig_span = other, other_tok, _span(doc, other.start, other.end)
                    lemma, cue_id = fold(other_tok.lemma_), other.cls
                    modality_name, claim_status, mcue = other_modality
                    break
        operation = _has_cue([c for c in cues.modality if c.start <= tok.i < c.end], "operation")
        if operation is not None and modality_name in EVENT_MODALITIES and not (
            classes & (taxonomy.anchors - {"A_ATTACK"})
        ):
            # "les soldats ont entrepris le bouclage du secteur", "clearance operations continued":
            # an operation that its sentence does not say met a clash, a toll, an arrest or a
            # strike is not an incident (ACLED codes what happened, not the deployment)
            modality_name, claim_status, mcue = "context", "context", operation
        if ordinal is not None and last_announce is not None:
            # an ordinal continuation ("La première…", "La seconde…") details the announced incidents
            classes |= set(last_announce.cue_classes) - {"A_ATTACK"} if not anchors else set(last_announce.cue_classes)
            rule = taxonomy.classify(classes) or rule
        attributed = attributions[idx]
        if attributed is None and ordinal is not None and mentions and mentions[-1].ordinal is not None:
            attributed = mentions[-1].attributed_to
            if modality_name == "asserted":
                modality_name, claim_status = mentions[-1].modality, mentions[-1].claim_status
        agent, patient = _roles(tok) if anchors else (None, None)
        # a noun's "de" is ambiguous ("le bilan des soldats tués dans cette attaque", "l'attaque
        # des soldats"): such an agent says nothing of who acted
        genitive = tok.pos_ == "NOUN" and agent is not None and any(
            ch.dep_ == "case" and fold(ch.text) in {"de", "du", "des", "d'"} for ch in agent.root.children
        )
        roles = role_classes(None if genitive else agent, patient, cues)
        if anchors:
            # "bandits attacked the village; two of the bandits were killed", "…shoot and injure a
            # police officer": who is killed or hurt, by another verb of the sentence, is on the
            # receiving end too
            for c in cues.triggers:
                harm = doc[c.start:c.end].root
                if c.cls in HARM_CLASSES and harm.pos_ == "VERB" and harm.i != tok.i:
                    roles |= {r for r in role_classes(None, _roles(harm)[1], cues) if r.startswith("PATIENT_")}
        role_rule = taxonomy.classify(classes | roles) if roles else None
        if role_rule is not None:
            # who acts on whom: "residents beat to death a thief" (AGENT_CROWD) is Mob violence,
            # "gunmen shot dead a police officer" (PATIENT_SECURITY) a battle
            rule, classes = role_rule, classes | roles
        outcome = next((OUTCOME_BY_CLASS[c] for c in ("A_INTERCEPT", "A_KILL", "A_ABDUCT", "A_ARREST", "A_INJURE", "A_LOOT") if c in classes), None)
        weapon = next((WEAPON_BY_CLASS[c] for c in WEAPON_BY_CLASS if c in classes), None)
        anaphor = _has_cue(cues.modality, "same_incident_anaphor")
        anaphoric = anaphor is not None and (anaphor.start <= (tok.i + 2))
        # incidents are counted on incident nouns ("deux attaques"), never on weapons ("deux drones")
        incident_nouns = [a for a in anchors if a.cls.startswith("A_") or a.cls in ("W_AIR", "W_BOMB")]
        count = max((_count(doc[a.start], lang) for a in incident_nouns), default=1)
        # an ordinal continuation of a claimed announcement ("La première attaque aurait visé,
        # selon ces groupes…") carries the claim on
        claimed = _has_cue(cues.modality, "claim") is not None or (
            ordinal is not None and last_announce is not None and last_announce.claimed
        )
        # "des factions ont aussi revendiqué des attaques": an adverb adding incidents to those told
        heads = {tok.i, _governing_verb(tok).i}
        additive = any(c.cls == "additive" and doc[c.start].head.i in heads for c in cues.modality)
        confidence = 0.5 + 0.1 * min(len(anchors), 3) + (0.1 if modality_name == "asserted" else 0.0)
        reporting = reporting_spans(sent, cues.modality)
        # a reporting phrase that contains the trigger is the incident itself ("a annoncé l'attaque")
        reporting = tuple(r for r in reporting if not (r.start <= trig_span.start < r.end))
        mention = IncidentMention(
            sentence=_sentence_span(sent),
            paragraph=_paragraph_of(sent.start_char, paragraphs),
            trigger=Trigger(
                span=trig_span,
                lemma=lemma,
                event_type=rule.event_type,
                sub_event_type=rule.sub_event_type,
                cue=cue_id,
            ),
            cue_classes=frozenset(classes),
            modality=modality_name,
            claim_status=claim_status,
            modality_cue=_span(doc, mcue.start, mcue.end) if mcue is not None else None,
            attributed_to=attributed,
            agent=_span(doc, agent.start, agent.end) if agent is not None and len(agent) else None,
            patient=_span(doc, patient.start, patient.end) if patient is not None and len(patient) else None,
            outcome=outcome,
            weapon=weapon,
            count=count,
            plural=count > 1 or any(
                doc[a.start].pos_ == "NOUN" and doc[a.start].morph.get("Number") == ["Plur"] for a in incident_nouns
            ),
            ordinal=ordinal,
            anaphoric=anaphoric,
            additive=additive,
            claimed=claimed,
            confidence=min(confidence, 0.95),
            reporting=reporting,
        )
        mentions.append(mention)
        if count > 1:
            last_announce = mention
        if modality_name != "context":
            recalled = _recalled_incident(doc, mention, cues, taxonomy, main_token=tok)
            if recalled is not None:
                mentions.append(recalled)
    return mentions


def _recalled_tokens(doc: Doc, cues: _SentenceCues, taxonomy: Taxonomy) -> frozenset[int]:
    """Return the tokens of the incidents a sentence recalls after a time-gap context cue
    ("au lendemain de violentes émeutes", "two days after an attack on a market") or inside a
    phrase dated long ago ("la dispersion il y a deux ans d'un sit-in")."""
    out: set[int] = set()
    for c in cues.modality:
        if c.cls == "background" and c.end - c.start >= 2:
            phrase = doc[c.start:c.end].root
            first = c.start
            if phrase.head.pos_ == "NOUN" and phrase.dep_ in {"npadvmod", "advmod", "nmod", "amod"}:
                # "a crackdown last year on a protest": the noun phrase the cue dates
                phrase, first = phrase.head, min(phrase.head.left_edge.i, c.start)
            inside = {t.i for t in phrase.subtree}
            if any(a.cls in taxonomy.anchors and a.start in inside and a.start >= c.end for a in cues.triggers):
                out |= {i for i in inside if i >= first}
        if c.cls != "context" or (c.end - c.start < 2 and not _time_gap_before(c, cues.modality)):
            continue
        for a in cues.triggers:
            if a.cls in taxonomy.anchors and 0 <= a.start - c.end <= 3:
                head = doc[a.start:a.end].root
                if head.pos_ == "NOUN":
                    out |= {t.i for t in head.subtree}
    return frozenset(out)


def _protest_topic_tokens(doc: Doc, cues: _SentenceCues) -> frozenset[int]:
    """Return the tokens of what a protest is against ("protested against the killings of
    herders", "manifesté contre l'enlèvement de"): the protest's cause, not an incident of the
    sentence. `topic_prep`, `topic_after` and `topic_verb` cues of the modality file introduce it."""
    topic_preps = {c.start for c in cues.modality if c.cls == "topic_prep"}
    after_preps = {c.start for c in cues.modality if c.cls == "topic_after"}
    verbs = {c.start for c in cues.modality if c.cls == "topic_verb"}
    # tokens that tell a death or a harm done to someone (a relative clause holding one describes
    # whom a protest is about)
    harmed = {i for h in cues.triggers if h.cls in {"A_KILL", "A_INJURE", "A_ABDUCT", "A_SEXUAL"}
              for i in range(h.start, h.end)}
    out: set[int] = set()
    for c in cues.triggers:
        if c.cls != "A_PROTEST":
            continue
        head = doc[c.start:c.end].root
        heads = [head]
        if head.dep_ in {"dobj", "obj", "nsubj", "nsubj:pass", "nsubjpass"}:
            heads.append(head.head)  # "staged a protest … against", "des manifestants ont marché … contre"
        for h in heads:
            # "residents protested after a student was killed", "held a rally after a driver
            # was murdered": the protest verb or the verb that holds the protest; "a protester died
            # after being shot" is about the protester, not the protest's cause
            holds = h.i != head.i and head.dep_ in {"dobj", "obj"}
            preps = topic_preps | (after_preps if (h.i == head.i and head.pos_ == "VERB") or holds else set())
            for ch in h.children:
                if ch.dep_ == "prep" and ch.i in preps:
                    out |= {t.i for t in ch.subtree}
                elif ch.dep_.startswith(("obl", "nmod", "advcl")) and any(
                    g.dep_ in {"case", "mark"} and g.i in preps for g in ch.children
                ):
                    out |= {t.i for t in ch.subtree}
                elif ch.dep_ in {"advcl", "xcomp", "acl", "conj"} and ch.i in verbs:
                    out |= {t.i for t in ch.subtree}  # "…, calling for justice for a nurse shot…"
                elif ch.dep_ in {"dobj", "obj"} and h.i == head.i and head.pos_ == "VERB":
                    out |= {t.i for t in ch.subtree}  # "youths protested the death of…"
        out |= _topic_phrase_after(doc, c.end, topic_preps, cues)
        if harmed and (head.dep_ == "ROOT" or (head.head.dep_ == "ROOT" and head.dep_ in {"dobj", "obj", "nsubj"})):
            # "nurses held a procession demanding justice for their colleague, who was found dead":
            # a relative clause that tells a death or a harm describes whom the protest is about
            sent_root = head if head.dep_ == "ROOT" else head.head
            for t in sent_root.subtree:
                if t.dep_ in {"relcl", "acl:relcl"} and harmed & {x.i for x in t.subtree}:
                    out |= {x.i for x in t.subtree}
        # "Victims of a flooded quarry protest in Lormont", "a protest was held by relatives of the
        # man beaten to death": who protests is described, not attacked here
        verb = head if head.pos_ == "VERB" else head.head if (
            head.dep_ in {"nsubjpass", "nsubj:pass"} and _cue_at(cues.modality, "protest_holder", head.head)
        ) else None
        if verb is not None:
            for ch in verb.children:
                if ch.dep_ in {"nsubj", "agent"} and ch.i != head.i:
                    out |= {t.i for t in ch.subtree}
    return frozenset(out)


def _topic_phrase_after(doc: Doc, start: int, markers: set[int], cues: _SentenceCues) -> set[int]:
    """Return the tokens of "against/over <incident noun phrase>" soon after a protest word, read
    off the surface when the parse does not attach it to the protest ("protesters manifested in
    Port Verel against the killings of fishermen"). No verb may come between the marker and the
    incident noun. ("after"/"following" are left to the parse: "dispersed following running
    battles" tells what happened, not what the protest was about.)"""
    marker = next((i for i in range(start, min(start + 9, len(doc))) if i in markers), None)
    if marker is None:
        return set()
    incident_starts = {c.start for c in cues.triggers if c.cls.startswith("A_")}
    for i in range(marker + 1, min(marker + 6, len(doc))):
        tok = doc[i]
        if (tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "amod") or tok.is_punct:
            return set()
        if i in incident_starts and tok.pos_ == "NOUN":
            return set(range(marker, i + 1)) | {t.i for t in tok.subtree}
    return set()


def _verb_objects(doc: Doc, cues: _SentenceCues, taxonomy: Taxonomy) -> list[CueMatch]:
    """Return, for each verb-object combination of the taxonomy that a sentence holds ("blocked the
    busy Merelo highway", "ont quitté la base de Tazor"), the verb as a cue of the class it gives."""
    found = []
    for verb_cls, object_cls, gives in taxonomy.verb_objects:
        objects = {i for c in cues.triggers if c.cls == object_cls for i in range(c.start, c.end)}
        for c in cues.triggers:
            if c.cls != verb_cls:
                continue
            verb = doc[c.start:c.end].root
            if any(ch.dep_ in {"dobj", "obj"} and ch.i in objects for ch in verb.children):
                found.append(CueMatch(cls=gives, start=c.start, end=c.end))
                break
    return found


# Role classes, derived from the parse (not in the lexicons): AGENT_<X> / PATIENT_<X> when the
# agent or patient phrase holds a cue of class P_<X> (CROWD, SECURITY, ARMED, CIVILIAN). The
# taxonomy's rules read them like any cue class.
ROLE_PARTIES = ("CROWD", "SECURITY", "ARMED", "CIVILIAN")


def role_classes(agent: SpacySpan | None, patient: SpacySpan | None, cues: _SentenceCues) -> frozenset[str]:
    """Return the role classes of a mention: which kinds of party its agent and patient are.

    A phrase naming an armed party is not also a crowd or civilians ("armed herders"); a crowd
    that names security forces or armed men is not a crowd."""
    out: set[str] = set()
    for role, span in (("AGENT", agent), ("PATIENT", patient)):
        if span is None:
            continue
        inside = {c.cls for c in cues.triggers if span.start <= c.start < span.end}
        armed = inside & {"P_SECURITY", "P_ARMED"}
        for party in ROLE_PARTIES:
            if f"P_{party}" not in inside:
                continue
            if party in ("CROWD", "CIVILIAN") and armed:
                continue
            out.add(f"{role}_{party}")
    return frozenset(out)


def _recalled_incident(
    doc: Doc, mention: IncidentMention, cues: _SentenceCues, taxonomy: Taxonomy, *, main_token: Token
) -> IncidentMention | None:
    """Return the earlier incident a sentence recalls beside its own ("The clashes came a day
    after an attack on a market"): a context mention, never an event by itself."""
    for c in cues.modality:
        if c.cls != "context":
            continue
        for a in cues.triggers:
            if a.cls not in taxonomy.anchors or not (0 <= a.start - c.end <= 3):
                continue
            head = doc[a.start:a.end].root
            if head.i == main_token.i or head.pos_ != "NOUN":
                continue
            inside = {t.i for t in head.subtree}
            classes = {x.cls for x in cues.triggers if x.start in inside}
            rule = taxonomy.classify(classes)
            if rule is None:
                return None
            return replace(
                mention,
                trigger=Trigger(span=_span(doc, a.start, a.end), lemma=fold(head.lemma_), event_type=rule.event_type,
                                sub_event_type=rule.sub_event_type, cue=a.cls),
                cue_classes=frozenset(classes),
                modality="context",
                claim_status="context",
                modality_cue=_span(doc, c.start, c.end),
                agent=None,
                patient=None,
                count=1,
                plural=False,
                ordinal=None,
                anaphoric=False,
                claimed=False,
            )
    return None
