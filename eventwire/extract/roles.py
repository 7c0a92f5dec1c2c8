"""Roles of an incident mention read off the dependency parse: agent and patient phrases, the
kinds of party they name, how many incidents a trigger noun announces, and its outcome and
weapon labels (words from data/extract/<lang>.yaml, labels from data/extract/labels.yaml)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.errors import DataFileError
from eventwire.extract.lexicon import fold
from eventwire.extract.parse_tools import SentenceCues, governing_verb, noun_phrase, token_span_of
from eventwire.extract.pronominal_roles import pronominal_passive, pronominal_subject_acts, pronominal_target
from eventwire.lang.extract_words import ExtractWords, load_cue_labels, load_extract_words
from eventwire.lang.numbers import load_number_lexicon
from eventwire.lang.time_words import load_time_lexicon

AGENT_DEPS = {"nsubj", "agent", "obl:agent", "nsubj:agent"}
PATIENT_DEPS = {"obj", "dobj", "nsubj:pass", "nsubjpass", "iobj"}
# Cue classes of verbs whose object or passive subject is harmed.
HARM_CLASSES = frozenset({"A_KILL", "A_INJURE"})
# Role classes, derived from the parse (not in the lexicons): AGENT_<X> / PATIENT_<X> when the
# agent or patient phrase holds a cue of class P_<X> (CROWD, SECURITY, ARMED, CIVILIAN). The
# taxonomy's rules read them like any cue class.
ROLE_PARTIES = ("CROWD", "SECURITY", "ARMED", "CIVILIAN")
PARTY_CLASSES = frozenset(f"P_{party}" for party in ROLE_PARTIES)
# Dependents that open a clause describing a noun (relative clauses, participles): their words do
# not say what kind of party the noun is.
_DESCRIBING_CLAUSES = frozenset({"acl:relcl", "relcl", "acl"})
# Named-entity labels of dates and times: a prepositional phrase naming one is not a target.
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Number words read as an incident count ("deux attaques", "three raids") run up to ten.
_MAX_COUNT_WORD = 10

Roles = tuple[SpacySpan | None, SpacySpan | None]


def _pobj(token: Token) -> Token | None:
    """Return the object of an English preposition ("by" → "men" in "by two masked men")."""
    objs = [c for c in token.children if c.dep_ == "pobj"]
    return objs[0] if objs else None


def _verb_roles(trigger: Token, verb: Token, words: ExtractWords) -> Roles:
    """Return (agent, patient) among the dependents of the trigger's verb."""
    agent = patient = target = None
    patient_preps = words.get("patient_preps")
    # "deux gardes forestiers ont perdu la vie", "two porters died": the subject is the victim
    # "trois soldats se sont fait tuer": a reflexive causative's subject is the victim
    victim_subject = fold(verb.lemma_) in words.get("victim_subject_verbs") or pronominal_passive(verb, words)
    # "des hommes armés s'en sont pris à des villageois": a pronominal verb's subject, which the
    # parser labels passive, is its agent
    subject_acts = pronominal_subject_acts(verb, words)
    for child in verb.children:
        dep = child.dep_.lower()
        if subject_acts and dep == "nsubj:pass":
            dep = "nsubj"
        if child.i == trigger.i:
            continue  # "A rocket strike hit the depot": the trigger's own phrase is not its agent
        if dep == "agent" and child.pos_ == "ADP" and agent is None:
            # English passive: "was stabbed by two masked men" (the agent is the object of "by")
            obj = _pobj(child)
            if obj is not None:
                agent = noun_phrase(obj)
        elif dep in AGENT_DEPS and victim_subject and patient is None and child.pos_ in {"NOUN", "PROPN"}:
            patient = noun_phrase(child)
        elif dep in AGENT_DEPS and agent is None and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            agent = noun_phrase(child)
        elif dep in PATIENT_DEPS and patient is None and child.pos_ in {"NOUN", "PROPN", "NUM"}:
            if fold(child.lemma_) in words.get("idiom_objects") or _names_day(child):
                continue  # "opened fire on a patrol": the patrol is the target, not "fire"
            patient = noun_phrase(child)  # "three of the alleged smugglers were killed": the numeral heads it
        elif dep in {"obl", "obl:arg", "obl:mod", "prep", "nmod"} and target is None:
            target = _prepositional_target(child, dep, patient_preps) or pronominal_target(verb, child, words)
    # a direct object or passive subject is the target before a prepositional phrase: "on" also
    # opens dates ("On 4 May, militants attacked civilians")
    patient = patient or target or _object_after_day(verb, words)
    if agent is None and (verb.dep_ == "xcomp" or _shares_subject(verb) or participle_adjunct(verb)):
        # "Youths tried to attack the MP": the subject of the verb the trigger complements;
        # "a gunman shot and killed a teacher", "des hommes armés ont encerclé le village et tué
        # trois bergers": the subject of the first of two coordinated verbs is the second's too
        subject_deps = {"nsubj", "nsubj:pass"} if pronominal_subject_acts(verb.head, words) else {"nsubj"}
        subj = [c for c in verb.head.children if c.dep_ in subject_deps and c.pos_ in {"NOUN", "PROPN"}]
        if subj:
            agent = noun_phrase(subj[0])
    if patient is None and trigger.pos_ == "VERB":
        # "shot and injured a police officer": the object of the coordinated verb
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            objs = [c for c in conj.children if c.dep_.lower() in PATIENT_DEPS and c.pos_ in {"NOUN", "PROPN"}]
            if objs:
                patient = noun_phrase(objs[0])
                break
    return agent, patient


def _names_day(token: Token) -> bool:
    """Return whether a noun the parser takes for an object names a day ("s'en sont pris jeudi à
    des villageois": "jeudi" is when, never whom; French models tag no dates)."""
    weekdays = _weekdays(token.lang_)
    return fold(token.text) in weekdays or fold(token.lemma_) in weekdays


@cache
def _weekdays(lang: str) -> frozenset[str]:
    """Return the folded weekday names of `lang` (data/time/<lang>.yaml)."""
    return frozenset(fold(w) for w in load_time_lexicon(lang).maps["weekdays"])


def _object_after_day(verb: Token, words: ExtractWords) -> SpacySpan | None:
    """Return the counted object the parser hangs under a day told between the verb and it, or
    beside that day as a second modifier (French news names the day before the object: "ont tué
    samedi deux soldats", "ont exécuté dimanche cinq hommes"): a counted noun with no
    preposition after the day is the object (a language regularity); a span of time ("deux
    jours") is none."""
    days = [c for c in verb.children if c.dep_ == "obl:mod" and c.i > verb.i]
    for day in days:
        for cand in [c for c in day.children if c.dep_ in {"nmod", "obj"}] + [d for d in days if d.i > day.i]:
            if cand.pos_ != "NOUN" or cand.ent_type_ in _TIME_ENTITIES:
                continue
            if fold(cand.lemma_) in words.get("time_unit_nouns") or fold(cand.text) in words.get("time_unit_nouns"):
                continue
            kids = {c.dep_ for c in cand.children}
            if "nummod" in kids and "case" not in kids:
                return noun_phrase(cand)
    return None


def participle_adjunct(verb: Token) -> bool:
    """Return whether a verb heads a present-participle or gerund adjunct with no subject of its
    own: "des hommes armés ont ouvert le feu sur des villageois, tuant douze personnes", "gunmen
    opened fire on villagers, killing twelve people". Such an adjunct takes the main verb's
    subject as its own, and its object names some of the main verb's targets (a language
    regularity of French and English); a past participle ("…, tués par balle") is passive."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in {"VERB", "AUX"} or verb.head.i > verb.i:
        return False
    present = verb.tag_ == "VBG" or (
        "Part" in verb.morph.get("VerbForm", None) and "Pres" in verb.morph.get("Tense", None)
    )
    own = {c.dep_.lower() for c in verb.children}
    return present and not own & (AGENT_DEPS | {"nsubj:pass", "nsubjpass", "csubj", "mark"})


def _shares_subject(verb: Token) -> bool:
    """Return whether a verb coordinated to an earlier active verb takes that verb's subject:
    it has no subject of its own and is not passive ("was shot and killed": the victim's)."""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"} or verb.head.i > verb.i:
        return False
    own = {c.dep_.lower() for c in verb.children}
    return not own & (AGENT_DEPS | {"nsubj:pass", "nsubjpass", "auxpass", "aux:pass", "csubj"})


def _prepositional_target(child: Token, dep: str, patient_preps: frozenset[str]) -> SpacySpan | None:
    """Return the target a verb's prepositional complement names ("fired on the convoy", "a tiré
    sur le convoi"); a date or time is none ("attacked on Monday", "on 4 May")."""
    case = [c for c in child.children if c.dep_ in {"case", "mark"}]
    word = fold(case[0].text) if case else ""
    head: Token | None = None
    if word in patient_preps:
        head = child
    elif dep == "prep" and fold(child.text) in patient_preps:
        head = _pobj(child)
    if head is None or head.ent_type_ in _TIME_ENTITIES:
        return None
    return noun_phrase(head)


def _noun_roles(trigger: Token, agent: SpacySpan | None, patient: SpacySpan | None, words: ExtractWords) -> Roles:
    """Return (agent, patient) completed from the dependents of an incident noun ("l'attaque des
    rebelles contre le poste", "a US drone strike")."""
    patient_preps = words.get("patient_preps")
    for child in trigger.children:
        case = [c for c in child.children if c.dep_ in {"case"}]
        word = fold(case[0].text) if case else ""
        if (
            child.dep_ in {"nmod", "poss"}
            and agent is None
            and (word in words.get("agent_noun_preps") or child.dep_ == "poss")
        ):
            agent = noun_phrase(child)
        elif child.dep_ in {"nmod", "obl"} and patient is None and word in patient_preps:
            patient = noun_phrase(child)
        elif child.dep_ == "prep" and fold(child.text) in patient_preps and patient is None:
            obj = _pobj(child)
            if obj is not None:
                patient = noun_phrase(obj)
        elif child.dep_ == "acl" and fold(child.lemma_) in words.get("targeting_verbs"):
            objs = [c for c in child.children if c.dep_ in {"obj", "dobj"}]
            if objs and patient is None:
                patient = noun_phrase(objs[0])
    if agent is None:
        agent = _participle_agent(trigger, words)
    if agent is None:
        # "a US drone strike", "une frappe israélienne": a name or nationality modifying the
        # trigger says who struck (normalization keeps it only if it names an actor)
        for child in trigger.children:
            if child.dep_ in {"amod", "compound"} and child.pos_ in {"ADJ", "PROPN"}:
                agent = token_span_of(child)
                break
    return agent, patient


def _participle_agent(trigger: Token, words: ExtractWords) -> SpacySpan | None:
    """Return the agent of a participle modifying an incident noun: "l'embuscade tendue par les
    rebelles", "an attack carried out by gunmen" (the passive participle's "par"/"by" phrase)."""
    for acl in (c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB"):
        for child in acl.children:
            head = (
                child
                if child.dep_ in {"obl:agent", "nsubj:agent"}
                else (_pobj(child) if child.dep_ == "agent" else None)
            )
            if head is not None and head.pos_ in {"NOUN", "PROPN"}:
                return _before_target(head, noun_phrase(head), words)
    return None


def _before_target(head: Token, phrase: SpacySpan, words: ExtractWords) -> SpacySpan:
    """Return an agent phrase cut before a target complement it swallowed ("des rebelles armés
    contre un convoi de l'armée" → "des rebelles armés"): the target is not the agent."""
    patient_preps = words.get("patient_preps")
    for child in head.children:
        case = [c for c in child.children if c.dep_ == "case"]
        word = fold(case[0].text) if case else (fold(child.text) if child.dep_ == "prep" else "")
        first = min(t.i for t in child.subtree)
        if word in patient_preps and phrase.start < first < phrase.end:
            return head.doc[phrase.start : first]
    return phrase


def find_roles(trigger: Token) -> Roles:
    """Return (agent, patient) phrases around a trigger from the dependency parse."""
    words = load_extract_words(trigger.lang_)
    agent, patient = _verb_roles(trigger, governing_verb(trigger), words)
    if trigger.pos_ == "NOUN":
        # "the toll of the ambush laid by the rebels rose": a phrase holding the incident noun
        # gives way to the agent or target the noun itself names
        inside = [r if r is not None and r.start <= trigger.i < r.end else None for r in (agent, patient)]
        own_agent, own_patient = _noun_roles(
            trigger, None if inside[0] else agent, None if inside[1] else patient, words
        )
        agent, patient = own_agent or inside[0], own_patient or inside[1]
    return agent, patient


# Parties that, compounded with an incident noun, say who acted ("a police raid", "an army
# operation", "a militia ambush"); a civilian or crowd noun there is the target ("a village raid").
ACTING_COMPOUND_PARTIES = frozenset({"P_SECURITY", "P_ARMED"})
ATTACK_CLASS = "A_ATTACK"


def compound_party_agent(trigger: Token, cues: SentenceCues) -> SpacySpan | None:
    """Return the force or armed-group noun compounded with an attack noun: the one who acts
    ("two suspects were killed in a police raid" -> "police")."""
    if trigger.pos_ != "NOUN" or not any(c.cls == ATTACK_CLASS and c.start <= trigger.i < c.end for c in cues.triggers):
        return None
    for child in trigger.children:
        if child.dep_ != "compound" or child.pos_ not in {"NOUN", "PROPN"}:
            continue
        if any(c.cls in ACTING_COMPOUND_PARTIES and c.start <= child.i < c.end for c in cues.triggers):
            return token_span_of(child)
    return None


def ambiguous_genitive(trigger: Token, agent: SpacySpan | None) -> bool:
    """Return whether a noun's agent is introduced by an ambiguous genitive ("le bilan des soldats
    tués dans cette attaque", "l'attaque des soldats"): such an agent says nothing of who acted."""
    if trigger.pos_ != "NOUN" or agent is None:
        return False
    genitive = load_extract_words(trigger.lang_).get("genitive_case")
    return any(ch.dep_ == "case" and fold(ch.text) in genitive for ch in agent.root.children)


def role_classes(agent: SpacySpan | None, patient: SpacySpan | None, cues: SentenceCues) -> frozenset[str]:
    """Return the role classes of a mention: which kinds of party its agent and patient are.

    A phrase naming an armed party is not also a crowd or civilians ("armed herders"); a crowd
    that names security forces or armed men is not a crowd."""
    out: set[str] = set()
    for role, span in (("AGENT", agent), ("PATIENT", patient)):
        if span is None:
            continue
        described = _clause_tokens(span)
        inside = {c.cls for c in cues.triggers if span.start <= c.start < span.end and c.start not in described}
        # "nine passengers including two soldiers": the group's own noun says what it is, the
        # members an inclusion phrase names do not (unless the group is named by nothing else:
        # "killed nine, including two soldiers")
        included = described | _inclusion_tokens(span)
        own = {c.cls for c in cues.triggers if span.start <= c.start < span.end and c.start not in included}
        if own & PARTY_CLASSES:
            inside = own
        armed = inside & {"P_SECURITY", "P_ARMED"}
        for party in ROLE_PARTIES:
            if f"P_{party}" not in inside:
                continue
            if party in ("CROWD", "CIVILIAN") and armed:
                continue
            out.add(f"{role}_{party}")
    return frozenset(out)


def _inclusion_tokens(span: SpacySpan) -> set[int]:
    """Return the tokens of the phrases in a group's phrase that name some of its members
    ("nine passengers including two soldiers", "neuf passagers, y compris deux soldats")."""
    words = load_extract_words(span.doc.lang_).get("inclusion_words")
    out: set[int] = set()
    for tok in span:
        if tok.i == span.root.i or fold(tok.text) not in words:
            continue
        if tok.dep_ == "prep":  # English: "including" heads its object
            out |= {t.i for t in tok.subtree}
        elif tok.dep_ == "fixed" and tok.head.dep_ == "case" and tok.head.head.i != span.root.i:
            out |= {t.i for t in tok.head.head.subtree}  # French: "y compris" is the noun's case
    return out


def _clause_tokens(span: SpacySpan) -> set[int]:
    """Return the tokens of the clauses nested in a phrase: a relative clause or a participle
    describes a party, it does not name it ("civilians from a tribe who worked with the army" are
    civilians, "a man wanted by the police" is not the police)."""
    out: set[int] = set()
    for tok in span:
        if tok.i != span.root.i and tok.dep_ in _DESCRIBING_CLAUSES:
            out |= {t.i for t in tok.subtree}
    return out


def harmed_patient_classes(doc: Doc, cues: SentenceCues, trigger: Token) -> set[str]:
    """Return the patient role classes of whom another verb of the sentence kills or hurts
    ("bandits attacked the village; two of the bandits were killed", "…shoot and injure a police
    officer"): they are on the receiving end too."""
    out: set[str] = set()
    for c in cues.triggers:
        harm = doc[c.start : c.end].root
        if c.cls not in HARM_CLASSES or harm.pos_ != "VERB":
            continue
        if harm.i != trigger.i:
            out |= {r for r in role_classes(None, find_roles(harm)[1], cues) if r.startswith("PATIENT_")}
        victims = _participle_victims(harm)
        if victims is not None:
            out |= {r for r in role_classes(None, victims, cues) if r.startswith("PATIENT_")}
        if participle_adjunct(harm) and any(c.start <= harm.head.i < c.end for c in cues.triggers):
            # "ont ouvert le feu sur des villageois, tuant douze personnes": those killed are
            # among the targets of the act the adjunct completes (`participle_adjunct`)
            out |= {r for r in role_classes(None, find_roles(harm.head)[1], cues) if r.startswith("PATIENT_")}
    return out


def _participle_victims(harm: Token) -> SpacySpan | None:
    """Return the noun a kill or injure participle describes: its victims ("le bilan des soldats
    tués dans l'attaque", "the number of policemen killed in the raid")."""
    if harm.dep_ != "acl" or harm.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if "Part" not in harm.morph.get("VerbForm", None):
        return None
    return noun_phrase(harm.head)


def incident_count(trigger: Token, lang: str) -> int:
    """Return how many incidents a trigger noun announces ("deux attaques" -> 2)."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number", None) != ["Plur"]:
        return 1
    for child in trigger.children:
        if child.dep_ in {"nummod"}:
            word = fold(child.text)
            if word.isdigit():
                return int(word)
            return _count_words(lang).get(word, 1)
    return 1


def _count_words(lang: str) -> dict[str, int]:
    """Return the number words of `lang` (data/numbers) read as an incident count: two to ten."""
    try:
        units = load_number_lexicon(lang).units
    except DataFileError:  # a language without a number lexicon counts on digits only
        return {}
    return {word: n for word, n in units.items() if 2 <= n <= _MAX_COUNT_WORD}


def outcome_and_weapon(classes: set[str]) -> tuple[str | None, str | None]:
    """Return the outcome ("killed") and weapon ("drone") labels of a mention's cue classes."""
    labels = load_cue_labels()
    outcome = next((label for cls, label in labels.outcomes.items() if cls in classes), None)
    weapon = next((label for cls, label in labels.weapons.items() if cls in classes), None)
    return outcome, weapon
