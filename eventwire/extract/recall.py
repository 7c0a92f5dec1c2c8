"""Incidents a sentence names beside its own: the ones it recalls ("au lendemain de violentes
émeutes", "two days after an attack on a market"), what a protest is against ("protested
against the killings of herders"), and the verb-object combinations of the taxonomy ("blocked
the road")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.extract.lexicon import CueMatch, Taxonomy, fold
from eventwire.extract.mention import IncidentMention
from eventwire.extract.parse_tools import ModalityCue as Cue
from eventwire.extract.parse_tools import SentenceCues, char_span, cue_at, time_gap_before
from eventwire.lang.extract_words import load_extract_words
from eventwire.models import ClaimStatus, Modality, Trigger


def recalled_tokens(doc: Doc, cues: SentenceCues, taxonomy: Taxonomy) -> frozenset[int]:
    """Return the tokens of the incidents a sentence recalls after a time-gap context cue
    ("au lendemain de violentes émeutes", "two days after an attack on a market") or inside a
    phrase dated long ago ("la dispersion il y a deux ans d'un sit-in")."""
    out: set[int] = set()
    for c in cues.modality:
        if c.cls == Cue.BACKGROUND and c.end - c.start >= 2:
            phrase = doc[c.start : c.end].root
            first = c.start
            if phrase.head.pos_ == "NOUN" and phrase.dep_ in {"npadvmod", "advmod", "nmod", "amod"}:
                # "a crackdown last year on a protest": the noun phrase the cue dates
                phrase, first = phrase.head, min(phrase.head.left_edge.i, c.start)
            inside = {t.i for t in phrase.subtree}
            if any(a.cls in taxonomy.anchors and a.start in inside and a.start >= c.end for a in cues.triggers):
                out |= {i for i in inside if i >= first}
        if c.cls != Cue.CONTEXT or (c.end - c.start < 2 and not time_gap_before(c, cues.modality)):
            continue
        for a in cues.triggers:
            if a.cls in taxonomy.anchors and 0 <= a.start - c.end <= 3:
                head = doc[a.start : a.end].root
                if head.pos_ == "NOUN":
                    out |= {t.i for t in head.subtree}
    return frozenset(out)


RIOT_CLASS = "A_RIOT"


def protest_topic_tokens(doc: Doc, cues: SentenceCues) -> frozenset[int]:
    """Return the tokens of what a protest is against ("protested against the killings of
    herders", "manifesté contre l'enlèvement de"): the protest's cause, not an incident of the
    sentence. `topic_prep`, `topic_after` and `topic_verb` cues of the modality file introduce it."""
    topic_preps = {c.start for c in cues.modality if c.cls == Cue.TOPIC_PREP}
    after_preps = {c.start for c in cues.modality if c.cls == Cue.TOPIC_AFTER}
    verbs = {c.start for c in cues.modality if c.cls == Cue.TOPIC_VERB}
    # tokens that tell a death or a harm done to someone (a relative clause holding one describes
    # whom a protest is about)
    harmed = {
        i
        for h in cues.triggers
        if h.cls in {"A_KILL", "A_INJURE", "A_ABDUCT", "A_SEXUAL"}
        for i in range(h.start, h.end)
    }
    out: set[int] = set()
    for c in cues.triggers:
        if c.cls != "A_PROTEST":
            continue
        head = doc[c.start : c.end].root
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
                if (ch.dep_ == "prep" and ch.i in preps) or (
                    ch.dep_.startswith(("obl", "nmod", "advcl"))
                    and any(g.dep_ in {"case", "mark"} and g.i in preps for g in ch.children)
                ):
                    out |= {t.i for t in ch.subtree}
                elif ch.dep_ in {"advcl", "xcomp", "acl", "conj"} and ch.i in verbs:
                    out |= {t.i for t in ch.subtree}  # "…, calling for justice for a nurse shot…"
                elif ch.dep_ in {"dobj", "obj"} and h.i == head.i and head.pos_ == "VERB":
                    # "youths protested the death of…" (", allegedly killed by…": of whom it is)
                    out |= {t.i for t in ch.subtree} | _apposed_participle(doc, ch)
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
        verb = (
            head
            if head.pos_ == "VERB"
            else head.head
            if (head.dep_ in {"nsubjpass", "nsubj:pass"} and cue_at(cues.modality, Cue.PROTEST_HOLDER, head.head))
            else None
        )
        if verb is not None:
            for ch in verb.children:
                if ch.dep_ in {"nsubj", "agent"} and ch.i != head.i:
                    out |= {t.i for t in ch.subtree}
    # what the demonstrators do is never what they protest against (a language regularity): the
    # stones, burning tyres and bonfires of "youths protested against the tax, burning tyres" are
    # the protest's own acts (ACLED: a Violent demonstration), however the parse attaches them
    riot = {i for c in cues.triggers if c.cls == RIOT_CLASS for i in range(c.start, c.end)}
    return frozenset(out - riot)


BLOCKADE_CLASS = "A_BLOCKADE"


def blockade_cause_tokens(doc: Doc, cues: SentenceCues, combos: list[CueMatch]) -> frozenset[int]:
    """Return the tokens of why a crowd blocked a road, told after it ("students blocked the
    highway after a classmate was killed by a bus", "ont bloqué la route après la mort d'un
    élève"): a road blockade is a demonstration (taxonomy A_BLOCKADE), and the death that moved it
    is its cause, not an incident of the sentence, as for a protest verb."""
    after_preps = {c.start for c in cues.modality if c.cls == Cue.TOPIC_AFTER}
    out: set[int] = set()
    for c in combos:
        if c.cls != BLOCKADE_CLASS:
            continue
        verb = doc[c.start : c.end].root
        for ch in verb.children:
            if (ch.dep_ == "prep" and ch.i in after_preps) or (
                ch.dep_.startswith(("obl", "nmod", "advcl"))
                and any(g.dep_ in {"case", "mark"} and g.i in after_preps for g in ch.children)
            ):
                out |= {t.i for t in ch.subtree} | _apposed_participle(doc, ch)
    return frozenset(out)


def _apposed_participle(doc: Doc, phrase: Token) -> set[int]:
    """Return the tokens of a participle set off by a comma right after a phrase, which
    describes the phrase's last noun however the parse attaches it (a language regularity: "après
    la mort d'un camarade, tué par un camion": the comrade was killed)."""
    end = phrase.right_edge.i + 1
    if end + 1 >= len(doc) or doc[end].text != ",":
        return set()
    at = end + 1
    while at < len(doc) - 1 and doc[at].pos_ == "ADV":
        at += 1  # ", allegedly killed by…"
    verb = doc[at]
    if (
        verb.pos_ != "VERB"
        or "Part" not in verb.morph.get("VerbForm", [])
        or any(c.dep_.startswith("aux") for c in verb.children)
    ):
        return set()
    return {t.i for t in verb.subtree if t.i > end}


# An agreement's purpose or cause ("signed a truce to end the fighting") is what it is about.
AGREEMENT_CLASS = "A_AGREEMENT"
_FIGHT_CLASSES = frozenset({"A_CLASH", "A_KILL", "A_ATTACK", "A_INJURE"})
# Dependencies by which an agreement word is an argument of the word above it ("signed a truce",
# "agreed to a truce", "un accord de cessez-le-feu"): the clauses of that word speak of it too.
_ARGUMENT_DEPS = frozenset(
    {
        "compound",
        "dobj",
        "obj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "nsubj:pass",
        "nmod",
        "obl",
        "obl:arg",
        "obl:mod",
        "appos",
    }
)
_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "acl", "prep", "obl", "obl:arg", "obl:mod", "nmod"})


def agreement_topic_tokens(doc: Doc, cues: SentenceCues) -> frozenset[int]:
    """Return the tokens of the fighting an agreement is signed to end or after ("the militias
    signed a truce to end weeks of fighting", "un accord pour mettre fin aux combats", "agreed to a
    truce after clashes"): the agreement's purpose or cause, not an incident of the sentence (a
    language regularity; `agreement_topic_marks` of data/extract/<lang>.yaml open the clause)."""
    agreements = [c for c in cues.triggers if c.cls == AGREEMENT_CLASS]
    if not agreements:
        return frozenset()
    marks = load_extract_words(doc.lang_).get("agreement_topic_marks")
    fights = {i for c in cues.triggers if c.cls in _FIGHT_CLASSES for i in range(c.start, c.end)}
    out: set[int] = set()
    for c in agreements:
        node = doc[c.start : c.end].root
        path = {node.i}
        holders = [node]
        while node.pos_ not in {"VERB", "AUX"} and node.dep_ in _ARGUMENT_DEPS and node.head.i != node.i:
            node = node.head
            path.add(node.i)
            holders.append(node)
        for holder in holders:
            for ch in holder.children:
                if ch.i in path or ch.dep_ not in _CLAUSE_DEPS:
                    continue
                subtree = {t.i for t in ch.subtree}
                opener = [ch, *(g for g in ch.children if g.dep_ in {"aux", "mark", "case"})]
                if subtree & fights and any(fold(g.text) in marks for g in opener):
                    out |= subtree
    return frozenset(out)


def _topic_phrase_after(doc: Doc, start: int, markers: set[int], cues: SentenceCues) -> set[int]:
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


_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})


def verb_objects(doc: Doc, cues: SentenceCues, taxonomy: Taxonomy) -> list[CueMatch]:
    """Return, for each verb-object combination of the taxonomy that a sentence holds ("blocked the
    busy Merelo highway", "ont quitté la base de Tazor"), the verb as a cue of the class it gives."""
    found = []
    for verb_cls, object_cls, gives in taxonomy.verb_objects:
        objects = {i for c in cues.triggers if c.cls == object_cls for i in range(c.start, c.end)}
        for c in cues.triggers:
            if c.cls != verb_cls:
                continue
            verb = doc[c.start : c.end].root
            # the object, or the subject of the passive ("33 militants were neutralised")
            if any(ch.dep_ in _OBJECT_DEPS and ch.i in objects for ch in verb.children):
                found.append(CueMatch(cls=gives, start=c.start, end=c.end))
                break
    return found


def recalled_incident(
    doc: Doc, mention: IncidentMention, cues: SentenceCues, taxonomy: Taxonomy, *, main_token: Token
) -> IncidentMention | None:
    """Return the earlier incident a sentence recalls beside its own ("The clashes came a day
    after an attack on a market"): a context mention, never an event by itself."""
    for c in cues.modality:
        if c.cls != Cue.CONTEXT:
            continue
        for a in cues.triggers:
            if a.cls not in taxonomy.anchors or not (0 <= a.start - c.end <= 3):
                continue
            head = doc[a.start : a.end].root
            if head.i == main_token.i or head.pos_ != "NOUN":
                continue
            inside = {t.i for t in head.subtree}
            classes = {x.cls for x in cues.triggers if x.start in inside}
            rule = taxonomy.classify(classes)
            if rule is None:
                return None
            return replace(
                mention,
                trigger=Trigger(
                    span=char_span(doc, a.start, a.end),
                    lemma=fold(head.lemma_),
                    event_type=rule.event_type,
                    sub_event_type=rule.sub_event_type,
                    cue=a.cls,
                ),
                cue_classes=frozenset(classes),
                modality=Modality.CONTEXT.value,
                claim_status=ClaimStatus.CONTEXT.value,
                modality_cue=char_span(doc, c.start, c.end),
                agent=None,
                patient=None,
                count=1,
                plural=False,
                ordinal=None,
                anaphoric=False,
                claimed=False,
            )
    return None
