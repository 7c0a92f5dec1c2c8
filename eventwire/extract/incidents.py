"""Find incident mentions in a parsed document: trigger, type, roles, modality and attribution.

Stages, in the order `find_incident_mentions` runs them for each sentence:
  1. cues      — trigger-lexicon phrases found in the sentence (data/triggers/<lang>.yaml)
  2. typing    — the first taxonomy rule that holds for the sentence's cue classes
                 (data/taxonomy/acled.yaml) gives event_type / sub_event_type; words of incidents
                 the sentence only recalls are left out (extract/recall.py)
  3. modality  — reported fact, claim, allegation, denial, threat, plan, hypothetical, negation,
                 habitual, background or context (extract/modality.py, data/modality/<lang>.yaml)
  4. roles     — agent and patient phrases from the dependency parse around the trigger
                 (extract/roles.py), which may refine the type ("residents beat a thief": mob)
  5. attribution — who says so: subject of a speech verb, "selon X"/"according to X", or the
                 speaker of the quotation the sentence belongs to (extract/attribution.py)
Ordinal ellipses ("La seconde aurait eu pour objectif…") take the trigger of the sentence that
announced the incidents ("deux attaques distinctes").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.attribution import reporting_spans, sentence_attributions
from eventwire.extract.lexicon import (
    CueMatch,
    PhraseSet,
    Rule,
    Taxonomy,
    doc_cues,
    fold,
)
from eventwire.extract.mention import IncidentMention
from eventwire.extract.modality import classify_modality, pluperfect
from eventwire.extract.parse_tools import ModalityCue as Cue
from eventwire.extract.parse_tools import (
    SentenceCues,
    char_span,
    first_cue,
    governing_verb,
    paragraph_of,
    paragraph_starts,
    sentence_span,
)
from eventwire.extract.recall import (
    agreement_topic_tokens,
    blockade_cause_tokens,
    protest_topic_tokens,
    recalled_incident,
    recalled_tokens,
    verb_objects,
)
from eventwire.extract.roles import (
    ambiguous_genitive,
    compound_party_agent,
    find_roles,
    harmed_patient_classes,
    incident_count,
    outcome_and_weapon,
    role_classes,
)
from eventwire.lang.extract_words import load_extract_words
from eventwire.models import EVENT_MODALITIES, ClaimStatus, Modality, Span, Trigger
from eventwire.nlp.doc_cache import doc_text

__all__ = ["IncidentMention", "find_incident_mentions"]

# Cue classes whose cue makes the best trigger span, most specific first.
TRIGGER_PRIORITY = (
    "W_SUICIDE",
    "W_CHEMICAL",
    "W_AIR",
    "W_DRONE",
    "W_ARTILLERY",
    "W_IED",
    "W_GRENADE",
    "A_SEXUAL",
    "A_ABDUCT",
    "A_PROTEST",
    "A_RIOT",
    "A_MOB",
    "A_CLASH",
    "A_SCUFFLE",
    "A_TAKEOVER",
    "A_REGAIN",
    "A_ATTACK",
    "A_KILL",
    "A_LOOT",
    "A_ARREST",
    "A_AGREEMENT",
    "A_BASE",
    "A_WITHDRAW",
    "A_INTERCEPT",
    "A_EXPLOSION",
    "A_CHANGE",
    "W_GUN",
)
# Weapon classes that count as incident nouns ("deux frappes aériennes", "two bombings").
COUNTED_WEAPONS = ("W_AIR", "W_BOMB")


@dataclass
class _Draft:
    """The incident a sentence tells, filled in step by step."""

    anchors: list[CueMatch]
    classes: set[str]
    rule: Rule
    cue: CueMatch
    tok: Token  # the trigger's head token ("drone strike" -> "strike")
    span: Span
    lemma: str
    cue_id: str
    ordinal: int | None = None
    modality: str = ""
    claim_status: str = ""
    mcue: CueMatch | None = None


def find_incident_mentions(
    doc: Doc,
    *,
    lang: str,
    triggers: PhraseSet,
    modality: PhraseSet,
    taxonomy: Taxonomy,
) -> list[IncidentMention]:
    """Return the incident mentions of a parsed document, in text order."""
    paragraphs = paragraph_starts(doc_text(doc))
    sentences = list(doc.sents)
    sentence_cues = [
        SentenceCues(
            triggers=doc_cues(doc, triggers, start=sent.start, end=sent.end),
            modality=doc_cues(doc, modality, start=sent.start, end=sent.end),
        )
        for sent in sentences
    ]
    attributions = sentence_attributions(doc, sentences, sentence_cues, paragraphs)
    mentions: list[IncidentMention] = []
    last_announce: IncidentMention | None = None
    for sent, cues, attributed in zip(sentences, sentence_cues, attributions):
        draft = _read_sentence(
            doc, sent, _without_speaker_forces(doc, cues, attributed), taxonomy, last_announce, lang=lang
        )
        if draft is None:
            continue
        previous = mentions[-1] if mentions else None
        mention = _mention(
            doc,
            sent,
            cues,
            draft,
            taxonomy,
            attributed,
            previous,
            last_announce,
            paragraph=paragraph_of(sent.start_char, paragraphs),
            lang=lang,
        )
        mentions.append(mention)
        if mention.count > 1:
            last_announce = mention
        if mention.modality != Modality.CONTEXT.value:
            recalled = recalled_incident(doc, mention, cues, taxonomy, main_token=draft.tok)
            if recalled is not None:
                mentions.append(recalled)
    return mentions


# Party cue classes that a sentence's speaker does not lend its incident.
SPEAKER_PARTIES = frozenset({"P_SECURITY"})


def _without_speaker_forces(doc: Doc, cues: SentenceCues, speaker: Span | None) -> SentenceCues:
    """Return the sentence's cues without the force words of its speaker's phrase when the
    incident itself names no force: in "gunmen stormed the mayor's home, police said" (« des
    hommes armés ont attaqué le domicile du maire, a indiqué la gendarmerie ») the police tell the
    attack, they are no side of it (ACLED: an attack on a civilian home is an Attack)."""
    if speaker is None:
        return cues

    def inside(c: CueMatch) -> bool:
        return doc[c.start].idx >= speaker.start and doc[c.end - 1].idx < speaker.end

    told = [c for c in cues.triggers if c.cls in SPEAKER_PARTIES and inside(c)]
    if not told or any(c.cls in SPEAKER_PARTIES and not inside(c) for c in cues.triggers):
        return cues
    return SentenceCues(triggers=[c for c in cues.triggers if c not in told], modality=cues.modality)


def _read_sentence(
    doc: Doc,
    sent: SpacySpan,
    cues: SentenceCues,
    taxonomy: Taxonomy,
    last_announce: IncidentMention | None,
    *,
    lang: str,
) -> _Draft | None:
    """Return the incident a sentence tells, typed, with its trigger and modality; None when it
    tells none."""
    anchors, classes = _own_anchors(doc, cues, taxonomy)
    ordinal, ordinal_cue = _ordinal(doc, sent, cues, lang)
    if not anchors:
        if ordinal is None or last_announce is None:
            return None
        # "La seconde aurait visé celle d'al-Tazor": an ellipsis of the announced incidents; it
        # inherits the announcing trigger.
        classes = set(last_announce.cue_classes)
    rule = taxonomy.classify(classes)
    if rule is None:
        return None
    draft = _with_trigger(doc, anchors, classes, rule, ordinal_cue, last_announce)
    draft.ordinal = ordinal
    draft.modality, draft.claim_status, draft.mcue = classify_modality(sent, draft.tok, cues.modality, lang=lang)
    _prefer_main_clause(doc, sent, cues, taxonomy, draft, lang=lang)
    _operation_as_context(cues, taxonomy, draft)
    if ordinal is not None and last_announce is not None:
        # an ordinal continuation ("La première…", "La seconde…") details the announced incidents
        announced = set(last_announce.cue_classes)
        draft.classes |= announced - {"A_ATTACK"} if not anchors else announced
        draft.rule = taxonomy.classify(draft.classes) or draft.rule
    return draft


def _own_anchors(doc: Doc, cues: SentenceCues, taxonomy: Taxonomy) -> tuple[list[CueMatch], set[str]]:
    """Return the anchor cues and cue classes of the sentence's own incident."""
    anchors = [c for c in cues.triggers if c.cls in taxonomy.anchors]
    classes = {c.cls for c in cues.triggers}
    combos = verb_objects(doc, cues, taxonomy)
    recalled = (
        recalled_tokens(doc, cues, taxonomy)
        | protest_topic_tokens(doc, cues)
        | agreement_topic_tokens(doc, cues)
        | blockade_cause_tokens(doc, cues, combos)
    )
    own = [c for c in cues.triggers if c.start not in recalled] if recalled else []
    # a verb-object act outside the recalled words is the sentence's own too ("students blocked
    # the highway after a classmate was killed": the blockade, not the death)
    own_combos = {c.cls for c in combos if c.start not in recalled}
    if any(c.cls in taxonomy.anchors for c in own) and taxonomy.classify({c.cls for c in own} | own_combos) is not None:
        # "la police a dispersé des manifestants, au lendemain de violentes émeutes": the
        # sentence's own incident is typed on its own words; the recalled one is context
        anchors = [c for c in own if c.cls in taxonomy.anchors]
        classes = {c.cls for c in own}
    for combo in combos:
        # "residents blocked the Merelo road" (a blockade), "la force a quitté la base" (a handover)
        classes.add(combo.cls)
        anchors.append(combo)
    return anchors, classes


def _ordinal(doc: Doc, sent: SpacySpan, cues: SentenceCues, lang: str) -> tuple[int | None, CueMatch | None]:
    """Return (1 or 2, its cue) for a sentence that opens on an ordinal anaphor ("La première…",
    "The second…"); (None, None) otherwise."""
    cue = first_cue(cues.modality, Cue.ORDINAL_ANAPHOR)
    if cue is None or cue.start - sent.start > 1:
        return None, None
    word = fold(doc[cue.end - 1].text)
    return (1 if word in load_extract_words(lang).get("first_ordinals") else 2), cue


def _choose_trigger(cues: list[CueMatch], rule_classes: set[str]) -> CueMatch:
    chosen = cues[0]
    for cls in TRIGGER_PRIORITY:
        if cls in rule_classes:
            found = next((cue for cue in cues if cue.cls == cls), None)
            if found is not None:
                chosen = found
                break
    # "drone" inside "drone strike": the longer phrase's head carries the roles ("a US drone strike")
    wider = [
        c
        for c in cues
        if c.start <= chosen.start and c.end >= chosen.end and c.end - c.start > chosen.end - chosen.start
    ]
    return max(wider, key=lambda c: c.end - c.start) if wider else chosen


def _with_trigger(
    doc: Doc,
    anchors: list[CueMatch],
    classes: set[str],
    rule: Rule,
    ordinal_cue: CueMatch | None,
    last_announce: IncidentMention | None,
) -> _Draft:
    """Return the draft with its trigger: the best anchor cue, or the ordinal of an ellipsis."""
    if anchors:
        cue = _choose_trigger(anchors, set(rule.all_of | rule.any_of))
        tok = doc[cue.start : cue.end].root  # "drone strike" -> "strike"
        return _Draft(
            anchors,
            classes,
            rule,
            cue,
            tok,
            char_span(doc, cue.start, cue.end),
            fold(tok.lemma_),
            cue.cls,
        )
    assert ordinal_cue is not None and last_announce is not None  # see _read_sentence
    return _Draft(
        anchors,
        classes,
        rule,
        ordinal_cue,
        doc[ordinal_cue.end - 1],
        char_span(doc, ordinal_cue.start, ordinal_cue.end),
        last_announce.trigger.lemma,
        "ordinal:" + last_announce.trigger.cue,
    )


def _prefer_main_clause(
    doc: Doc, sent: SpacySpan, cues: SentenceCues, taxonomy: Taxonomy, draft: _Draft, *, lang: str
) -> None:
    """Move the trigger to the main verb when the chosen one is a recalled incident in a
    dependent clause: "deux milices ayant attaqué la garnison l'an dernier se sont alliées
    jeudi" tells the alliance, typed without the other incident's words."""
    if draft.modality not in (Modality.BACKGROUND.value, Modality.HABITUAL.value):
        return
    if not draft.anchors or draft.tok.i == sent.root.i:
        return
    other_rule = taxonomy.classify(draft.classes - {draft.cue.cls})
    if other_rule is None:
        return
    for other in draft.anchors:
        other_tok = doc[other.start : other.end].root
        if (
            other.cls == draft.cue.cls
            or other_tok.i != sent.root.i
            or (other.cls not in other_rule.all_of | other_rule.any_of)
        ):
            continue
        other_modality = classify_modality(sent, other_tok, cues.modality, lang=lang)
        if other_modality[0] in EVENT_MODALITIES:
            draft.classes, draft.rule = draft.classes - {draft.cue.cls}, other_rule
            draft.cue, draft.tok, draft.span = (
                other,
                other_tok,
                char_span(doc, other.start, other.end),
            )
            draft.lemma, draft.cue_id = fold(other_tok.lemma_), other.cls
            draft.modality, draft.claim_status, draft.mcue = other_modality
            break


def _operation_as_context(cues: SentenceCues, taxonomy: Taxonomy, draft: _Draft) -> None:
    """Make an operation context: "les soldats ont entrepris le bouclage du secteur", "clearance
    operations continued": an operation that its sentence does not say met a clash, a toll, an
    arrest or a strike is not an incident (ACLED codes what happened, not the deployment)."""
    operation = first_cue([c for c in cues.modality if c.start <= draft.tok.i < c.end], Cue.OPERATION)
    if (
        operation is not None
        and draft.modality in EVENT_MODALITIES
        and not (draft.classes & (taxonomy.anchors - {"A_ATTACK"}))
    ):
        draft.modality, draft.claim_status, draft.mcue = (
            Modality.CONTEXT.value,
            ClaimStatus.CONTEXT.value,
            operation,
        )


def _roles_and_type(
    doc: Doc, cues: SentenceCues, taxonomy: Taxonomy, draft: _Draft
) -> tuple[SpacySpan | None, SpacySpan | None]:
    """Return (agent, patient) and refine the draft's type by who acts on whom: "residents beat to
    death a thief" (AGENT_CROWD) is Mob violence, "gunmen shot dead a police officer"
    (PATIENT_SECURITY) a battle."""
    agent, patient = find_roles(draft.tok) if draft.anchors else (None, None)
    if draft.anchors and agent is None:
        agent = compound_party_agent(draft.tok, cues)
    genitive = ambiguous_genitive(draft.tok, agent)
    roles = role_classes(None if genitive else agent, patient, cues)
    if draft.anchors:
        roles |= harmed_patient_classes(doc, cues, draft.tok)
    role_rule = taxonomy.classify(draft.classes | roles) if roles else None
    if role_rule is not None:
        draft.rule, draft.classes = role_rule, draft.classes | roles
    return agent, patient


def _mention(
    doc: Doc,
    sent: SpacySpan,
    cues: SentenceCues,
    draft: _Draft,
    taxonomy: Taxonomy,
    attributed: Span | None,
    previous: IncidentMention | None,
    last_announce: IncidentMention | None,
    *,
    paragraph: int,
    lang: str,
) -> IncidentMention:
    """Return the mention of a draft, with its roles, counts, attribution and confidence."""
    if attributed is None and draft.ordinal is not None and previous is not None and previous.ordinal is not None:
        # "La seconde…" after "La première…, selon ces groupes": the same voice, the same modality
        attributed = previous.attributed_to
        if draft.modality == Modality.ASSERTED.value:
            draft.modality, draft.claim_status = previous.modality, previous.claim_status
    agent, patient = _roles_and_type(doc, cues, taxonomy, draft)
    outcome, weapon = outcome_and_weapon(draft.classes)
    anaphor = first_cue(cues.modality, Cue.SAME_INCIDENT_ANAPHOR)
    # incidents are counted on incident nouns ("deux attaques"), never on weapons ("deux drones")
    incident_nouns = [a for a in draft.anchors if a.cls.startswith("A_") or a.cls in COUNTED_WEAPONS]
    count = max((incident_count(doc[a.start], lang) for a in incident_nouns), default=1)
    # an ordinal continuation of a claimed announcement ("La première attaque aurait visé,
    # selon ces groupes…") carries the claim on
    claimed = first_cue(cues.modality, Cue.CLAIM) is not None or (
        draft.ordinal is not None and last_announce is not None and last_announce.claimed
    )
    # "des factions ont aussi revendiqué des attaques": an adverb adding incidents to those told
    heads = {draft.tok.i, governing_verb(draft.tok).i}
    asserted = draft.modality == Modality.ASSERTED.value
    confidence = 0.5 + 0.1 * min(len(draft.anchors), 3) + (0.1 if asserted else 0.0)
    return IncidentMention(
        sentence=sentence_span(sent),
        paragraph=paragraph,
        trigger=Trigger(
            span=draft.span,
            lemma=draft.lemma,
            event_type=draft.rule.event_type,
            sub_event_type=draft.rule.sub_event_type,
            cue=draft.cue_id,
        ),
        cue_classes=frozenset(draft.classes),
        modality=draft.modality,
        claim_status=draft.claim_status,
        modality_cue=char_span(doc, draft.mcue.start, draft.mcue.end) if draft.mcue is not None else None,
        attributed_to=attributed,
        agent=char_span(doc, agent.start, agent.end) if agent is not None and len(agent) else None,
        patient=char_span(doc, patient.start, patient.end) if patient is not None and len(patient) else None,
        outcome=outcome,
        weapon=weapon,
        count=count,
        plural=count > 1
        or any(
            doc[a.start].pos_ == "NOUN" and doc[a.start].morph.get("Number", None) == ["Plur"] for a in incident_nouns
        ),
        ordinal=draft.ordinal,
        anaphoric=anaphor is not None and (anaphor.start <= (draft.tok.i + 2)),
        additive=any(c.cls == Cue.ADDITIVE and doc[c.start].head.i in heads for c in cues.modality),
        claimed=claimed,
        confidence=min(confidence, 0.95),
        # a reporting phrase that contains the trigger is the incident itself ("a annoncé l'attaque")
        reporting=tuple(
            r for r in reporting_spans(sent, cues.modality, draft.tok) if not (r.start <= draft.span.start < r.end)
        ),
        pluperfect=pluperfect(governing_verb(draft.tok)),
    )
