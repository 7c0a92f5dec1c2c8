"""How a sentence tells its incident: reported fact, claim, allegation, denial, threat, plan,
hypothetical, negation, habitual, background, reaction or context.

`classify_modality` reads the modality cues of the sentence (data/modality/<lang>.yaml) that
bear on the trigger's clause, the verb's tense and mood, and the grammar words of
data/extract/<lang>.yaml; its steps run in order and the first that decides wins.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract import generic_statements as generic
from eventwire.extract import not_told
from eventwire.extract.generic_statements import CLAUSE_BOUNDARIES, QUOTE_MARKS
from eventwire.extract.lexicon import CueMatch, fold
from eventwire.extract.parse_tools import (
    PLACE_ENTITIES,
    cue_at,
    first_cue,
    follows_dateline,
    governing_verb,
    time_gap_before,
)
from eventwire.extract.parse_tools import ModalityCue as Cue
from eventwire.lang.extract_words import load_extract_words
from eventwire.models import ClaimStatus, Modality
from eventwire.nlp.doc_cache import doc_cache

SCOPED_CLASSES = frozenset(
    {
        Cue.THREAT,
        Cue.DENIAL,
        Cue.HABITUAL,
        Cue.BACKGROUND,
        Cue.AGGREGATE,
        Cue.INCIDENT_TOTAL,
        Cue.PERIOD,
        Cue.PLAN,
        Cue.HYPOTHETICAL,
    }
)
# Cue classes a participle on the incident noun carries to it (not a plan: "an attack planned
# for weeks" happened).
PARTICIPLE_SCOPED_CLASSES = frozenset({Cue.HABITUAL, Cue.BACKGROUND, Cue.AGGREGATE, Cue.INCIDENT_TOTAL, Cue.PERIOD})

Reading = tuple[str, str, CueMatch | None]  # (modality, claim status, deciding cue)


def _reading(modality: Modality, status: ClaimStatus, cue: CueMatch | None = None) -> Reading:
    return modality.value, status.value, cue


def tense_flags(verb: Token) -> tuple[bool, bool, bool, bool]:
    """Return (future, conditional, imperfect, present) for a verb and its auxiliaries, read once
    per parse and token (the incident reader asks for one verb several times)."""
    cache = doc_cache(verb.doc)
    memo = cache.setdefault("tense_flags", {}) if cache is not None else {}
    hit = memo.get(verb.i)
    if hit is None:
        hit = memo[verb.i] = _tense_flags(verb)
    return hit


def _tense_flags(verb: Token) -> tuple[bool, bool, bool, bool]:
    words = load_extract_words(verb.lang_)
    auxes = [c for c in verb.children if c.dep_ in {"aux", "aux:pass", "aux:tense"}]
    tokens = [verb] + auxes
    # French marks the future on the verb; English with "will"/"shall" ("is going to" is a plan cue)
    future = any(_tagged_future(t) or _future_form(t) for t in tokens) or any(
        t.lemma_.lower() in words.get("future_auxiliaries") for t in auxes
    )
    cond = any("Cnd" in t.morph.get("Mood", None) for t in tokens)
    # the imperfect of the verb itself ("attaquaient"), not a pluperfect ("était tombée")
    imperfect = "Imp" in verb.morph.get("Tense", None) and not auxes
    # the simple present, active or passive ("est ciblée depuis des mois", "attaquent
    # régulièrement"), not a compound past ("a été ciblée")
    reflexive = words.get("reflexive_clitics")
    if any(
        fold(a.lemma_) in words.get("perfect_auxiliary_lemmas") or fold(a.text) in words.get("perfect_auxiliary_forms")
        for a in auxes
    ) or (
        auxes
        and (
            any(fold(c.text) in reflexive for c in verb.children if c.i < verb.i)
            or fold(verb.lemma_) in words.get("be_perfect_lemmas")
        )
    ):
        # a compound past, or a pronominal or intransitive verb's ("se sont affrontés", "sont
        # tombés": être + participle)
        present = False
    elif auxes:
        present = all("Pres" in a.morph.get("Tense", None) for a in auxes)
    else:
        present = "Pres" in verb.morph.get("Tense", None) and verb.morph.get("VerbForm", None) != ["Part"]
        present = present or not_told.base_form_present(verb)
    return future, cond, imperfect, present


def pluperfect(verb: Token) -> bool:
    """Return whether a verb is in the pluperfect ("avaient été tués", "had attacked"): an
    auxiliary of the language file's `pluperfect_auxiliary_forms` on it."""
    forms = load_extract_words(verb.lang_).get("pluperfect_auxiliary_forms")
    return not _reported_in_past(verb) and any(
        c.dep_ in {"aux", "aux:tense", "aux:pass"} and fold(c.text) in forms for c in verb.children
    )


def _reported_in_past(verb: Token) -> bool:
    """Return whether a verb is the complement clause of a verb in a past tense ("l'armée a
    indiqué que 12 soldats avaient péri", "the army said 20 rebels had been killed"): the
    sequence of tenses (a language regularity) puts a past told by a past verb in the
    pluperfect; it is the incident reported, not one before it."""
    if verb.dep_ != "ccomp" or verb.head is verb:
        return False
    head = verb.head
    perfect = load_extract_words(verb.lang_).get("perfect_auxiliary_lemmas")
    return any(t in head.morph.get("Tense", None) for t in ("Past", "Imp")) or any(
        c.dep_ in {"aux", "aux:tense"} and fold(c.lemma_) in perfect for c in head.children
    )


def _tagged_future(token: Token) -> bool:
    """Return whether the tagger reads a verb as future, with a form that can be one (the
    language file's `future_form_endings`: "font" tagged future is the present of "faire")."""
    if "Fut" not in token.morph.get("Tense", None):
        return False
    endings = load_extract_words(token.lang_).get("future_form_endings")
    return not endings or fold(token.text).endswith(tuple(endings))


def _future_form(token: Token) -> bool:
    """Return whether a verb is in a simple future built on its infinitive, which the tagger may
    read as a present ("Nous prendrons pour cible…", "nous attaquerons"): infinitive + ending
    (the language file's `future_endings`; a language without them has no such future)."""
    words = load_extract_words(token.lang_)
    endings = words.get("future_endings")
    if not endings or token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma, form = fold(token.lemma_), fold(token.text)
    if not lemma.endswith(tuple(words.get("infinitive_endings"))):
        return False
    elided = lemma.endswith(tuple(words.get("elided_infinitive_endings")))
    stems = {lemma, lemma[:-1]} if elided else {lemma}
    return any(form == stem + end for stem in stems for end in endings)


def _negated(trigger: Token, verb: Token) -> bool:
    neg_words = load_extract_words(trigger.lang_).get("negation_words")
    for tok in (trigger, verb):
        for child in tok.children:
            if child.dep_ in {"neg", "advmod", "det"} and fold(child.text) in neg_words:
                return True
    # "no soldier was killed", « aucun soldat n'a été tué »: the victim of a passive incident verb
    # is denied by its determiner (a language regularity), not the incident's actor ("no group has
    # claimed the attack" still tells the attack)
    if trigger.pos_ != "VERB" or verb.i != trigger.i:
        return False
    victims = [c for c in verb.children if c.dep_ in {"nsubj:pass", "nsubjpass"}]
    if any(d.dep_ == "det" and fold(d.text) in neg_words for v in victims for d in v.children):
        return True
    return not_told.denied_subject(verb)


def _has_mark(head: Token, marks: frozenset[str]) -> bool:
    """Return whether a clause is introduced by one of `marks` ("avant de…", "after…")."""
    return any(ch.dep_ in {"mark", "case", "prep"} and fold(ch.text) in marks for ch in head.children)


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
    if (
        cls == Cue.DENIAL
        and cue.dep_ == "amod"
        and cue.head.pos_ == "NOUN"
        and (cue.head.i in ancestors or cue.head.head.i in ancestors)
    ):
        # "de fausses informations circulent, annonçant qu'un convoi est tombé dans une
        # embuscade": the report that carries the incident is said to be false
        return True
    if (
        cue.dep_ == "amod"
        and cue.head.dep_ == "pobj"
        and cue.head.i != trigger.i
        and cue.head.head.head.i != trigger.i
        and cls != Cue.DENIAL
    ):
        # "stabbed three people as part of the ongoing border conflict": an adjective inside
        # a prepositional phrase describes the setting, not the incident
        return False
    if cue.dep_ == "pobj" and cue.head.i != trigger.i:
        # the object of a preposition that modifies the incident ("protest following a recent
        # spate of killings", "amid a wave of attacks") tells its cause, not its modality
        return False
    before_marks = load_extract_words(cue.lang_).get("before_marks")
    if cls == Cue.BACKGROUND and any(
        a.dep_ == "advcl" and a.head.i in (trigger.i, verb.i) and _has_mark(a, before_marks) for a in cue.ancestors
    ):
        # "ils ont combattu l'État avant de signer l'accord d'Alger en 2015": what came before
        # a past date is past too
        return True
    if (
        cls == Cue.HABITUAL
        and cue.dep_ == "advmod"
        and verb.dep_ == "conj"
        and cue.head.i == verb.head.i
        and cue.i < verb.i
    ):
        # "des bandits attaquent régulièrement les villages et enlèvent des habitants": an adverb
        # of the first of two coordinated verbs bears on both
        return True
    first = not_told.shares_first_clause(verb, cue) if cls in {Cue.HABITUAL, Cue.BACKGROUND} else None
    if first is not None:  # « par le passé, le groupe a attaqué des bases et enlevé des étrangers »
        return _in_scope(cue, first, first, cls)
    t = cue
    for _ in range(12):
        if t.i == trigger.i or t.i == verb.i:
            return True
        if t.dep_ == "acl" and t.head.i == trigger.i and cls in PARTICIPLE_SCOPED_CLASSES:
            # "les drones lancés chaque nuit", "attacks carried out since January": a participle
            # describing the incident noun says how often or over what period it happened
            return True
        if t.dep_ in CLAUSE_BOUNDARIES or t.dep_ == "appos" or t.head is t:
            # (an apposition describes a participant: "attacked Kerou, a region plagued by
            # violence since 2015" tells the day's attack)
            return False
        t = t.head
    return False


def _in_fact_clause(trigger: Token, verb: Token, cue: Token) -> bool:
    """Return whether the trigger sits in an adverbial clause ("after…", "lorsque…") below the cue,
    or is the noun of an "after" phrase: a subordinator of a clause that states a fact whatever the
    main clause hedges ("several are feared dead after militants attacked a bus": the attack is
    not in doubt, the toll is)."""
    words = load_extract_words(trigger.lang_)
    marks = words.get("fact_clause_marks")
    if any(head.dep_ == "advcl" and head.i != cue.i and _has_mark(head, marks) for head in (trigger, verb)):
        return True
    # "un élu craint un bilan plus lourd après l'attaque d'un autre village", "fears a higher toll
    # after the attack on Kolo": a time phrase headed by "after" presupposes its incident (a
    # language regularity); the hedge bears on the main clause
    phrase = words.get("fact_phrase_marks")
    if trigger.pos_ != "NOUN":
        return False
    if any(ch.dep_ == "case" and fold(ch.text) in phrase for ch in trigger.children):
        return True
    return trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and fold(trigger.head.text) in phrase


def _reaction(sent: SpacySpan, trigger: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the reaction cue that governs an incident noun in a sentence that adds no fact.

    "MSF se dit choqué par ce viol de masse", "There was no immediate comment on Wednesday's
    strike", "des ONG déplorent des arrestations extrajudiciaires": the incident is the object of
    a reaction word (the modality file's `reaction` class). A sentence with a figure, or an
    incident phrase naming a place ("condemned the attack on Port Verel"), still reports it.
    """
    if trigger.pos_ != "NOUN" or any(t.like_num and t.pos_ != "DET" for t in sent):
        return None  # (a figure, not the article "une")
    if any(t.ent_type_ in PLACE_ENTITIES for t in trigger.subtree):
        return None
    governors = {t.i for t in list(trigger.ancestors)[:3]}
    for cue in cues:
        if cue.cls == Cue.REACTION and cue.start in governors:
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
    demonstrative = any(ch.dep_ == "det" and "Dem" in ch.morph.get("PronType", None) for ch in trigger.children)
    definite = any(
        (ch.dep_ == "det" and "Def" in ch.morph.get("Definite", None))
        or (ch.dep_ == "poss" and ch.ent_type_ in {"DATE", "TIME"})  # "Wednesday's attack"
        for ch in trigger.children
    )
    if not (demonstrative or definite):
        return False
    # after a definite article only a time distance frames ("comes two days before"), not a
    # bare "after" ("Sunday's raid took place in the district after dark")
    framing = [
        c
        for c in cues
        if c.cls == Cue.CONTEXT
        and c.start > verb.i
        and (demonstrative or c.end - c.start >= 2 or time_gap_before(c, cues))
    ]
    if fold(verb.lemma_) in load_extract_words(verb.lang_).get("copula_lemmas"):
        return any(c.start == verb.i + 1 for c in framing)
    return cue_at(cues, Cue.FRAMING, verb) and bool(framing)


def _continuing_subject(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether a plural incident noun is the subject of a continuation verb in the present,
    in a sentence with no day ("les frappes continuent de toucher les positions rebelles", "air
    strikes keep hitting rebel positions"): a state of affairs, not an incident."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number", None) != ["Plur"]:
        return False
    if not trigger.dep_.startswith("nsubj") or trigger.head.i != verb.i or not cue_at(cues, Cue.CONTINUATION, verb):
        return False
    return tense_flags(verb)[3] and not any(t.ent_type_ in {"DATE", "TIME"} for t in sent)


def _trend(trigger: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether a plural incident noun is the subject of a present progressive that is not
    itself an incident ("armed raids are spreading to the plains") or of a verb of the
    modality file's `trend` class ("les attaques se multiplient", "attacks have declined"), or
    the object of such a verb in an undated sentence ("the group has stepped up its attacks"): a
    trend, not an incident."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number", None) != ["Plur"] or verb.i == trigger.i:
        return False
    subject = trigger
    while subject.dep_ == "conj" and subject.head is not subject:
        subject = subject.head  # "cattle thefts and armed raids are spreading…"
    if generic.trend_object(subject, verb, cues):
        return True
    if not subject.dep_.startswith("nsubj") or subject.head.i != verb.i:
        return False
    if cue_at(cues, Cue.TREND, verb):
        return not generic.continued_on_a_day(verb, cues)
    progressive = load_extract_words(verb.lang_).get("progressive_auxiliaries")
    return verb.tag_ == "VBG" and any(
        ch.dep_ == "aux" and ch.lemma_ in progressive and ch.tag_ in {"VBP", "VBZ"} for ch in verb.children
    )


_RECENT_MASKED = frozenset({Cue.BACKGROUND, Cue.PERIOD})


def _cues_in_scope(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> list[CueMatch]:
    """Return the cues that bear on the trigger: scoped classes only within its clause."""
    recent = [c for c in cues if c.cls == Cue.RECENT]
    if recent:
        cues = [
            c for c in cues if not (c.cls in _RECENT_MASKED and any(r.start <= c.start < r.end for r in recent))
        ]  # "in the past 72 hours" is recent, not "in the past"
    return [
        c
        for c in cues
        if c.cls not in SCOPED_CLASSES
        or (_in_scope(sent.doc[c.start], trigger, verb, c.cls) and sent.doc[c.start].pos_ not in {"PROPN", "NUM"})
    ]  # "05 May" is a date, not the modal "may"


def _context_cue(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the context cue that makes the trigger a recalled incident ("au lendemain d'une
    frappe…", "…comes a month after militants attacked a police station"), or None."""
    context = None
    framing = cue_at(cues, Cue.FRAMING, sent.root)
    for c in cues:
        if c.cls != Cue.CONTEXT or c.end > trigger.i:
            continue
        # "feared dead after militants attacked a bus" tells one incident in sequence; only a
        # time gap ("a day after", "au lendemain de") or a framing verb ("the attack comes after",
        # "ces incidents interviennent après") makes the later phrase a recalled incident
        opens = c.start == sent.start and trigger.pos_ == "NOUN"
        if c.end - c.start < 2 and not framing and not time_gap_before(c, cues) and not opens:
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
    return context


def _not_an_incident(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> Reading | None:
    """Return the reading of a mention that tells no incident of its own: context, reaction,
    threat, denial, habitual or background statement; None when none holds."""
    context = _context_cue(sent, trigger, verb, cues)
    if context is not None:
        return _reading(Modality.CONTEXT, ClaimStatus.CONTEXT, context)
    after = generic.after_told_incident(sent, trigger, cues)
    if after is not None:
        return _reading(Modality.CONTEXT, ClaimStatus.CONTEXT, after)
    reaction = _reaction(sent, trigger, cues) or generic.standing_accusation(sent, trigger, cues)
    if reaction is not None:
        return _reading(Modality.REACTION, ClaimStatus.REPORTED, reaction)
    if _framed_anaphor(trigger, verb, cues) or not_told.ranked_predicate(trigger):
        # "Cette énième attaque intervient dix jours après le scrutin": the sentence sets
        # an incident told elsewhere against something else; it reports nothing of its own
        return _reading(Modality.CONTEXT, ClaimStatus.CONTEXT)
    threat = first_cue(cues, Cue.THREAT)
    if threat is not None:
        return _reading(Modality.THREAT, ClaimStatus.REPORTED, threat)
    denial = first_cue(cues, Cue.DENIAL)
    if denial is not None:
        return _reading(Modality.DENIED, ClaimStatus.DENIED, denial)
    _, _, imperfect, present = tense_flags(verb)
    tense_marks_habitual = load_extract_words(trigger.lang_).flag("tense_marks_habitual")
    habitual = first_cue(cues, Cue.HABITUAL)
    # an infinitive has no tense of its own: the cue tells the habit ("connus pour enlever des étrangers")
    infinitive = verb.morph.get("VerbForm", None) == ["Inf"]
    if habitual is not None and (
        imperfect
        or present
        or infinitive
        or trigger.pos_ == "NOUN"
        or not tense_marks_habitual
        or generic.repeated_compound_past(sent, habitual)
    ):
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED, habitual)
    background = first_cue(cues, Cue.BACKGROUND)
    if background is not None and not generic.day_of_its_own(trigger, verb, background):
        return _reading(Modality.BACKGROUND, ClaimStatus.REPORTED, background)
    aggregate = first_cue(cues, Cue.AGGREGATE)
    if aggregate is not None and trigger.pos_ != "VERB":
        return _reading(Modality.BACKGROUND, ClaimStatus.REPORTED, aggregate)
    tally = generic.tally(sent, trigger, verb, cues) or generic.total_of_incidents(trigger, cues)
    tally = tally or generic.actor_record(sent, trigger, verb, cues)
    if tally is not None:
        return _reading(Modality.BACKGROUND, ClaimStatus.REPORTED, tally)
    period = first_cue(cues, Cue.PERIOD)
    if period is not None and not generic.day_of_its_own(trigger, verb, period):
        # "Depuis janvier, 230 bergers ont péri", "80 soldiers died in raids this
        # year": a count over a period is a tally (CODING_RULES.md: aggregate statistics)
        return _reading(Modality.BACKGROUND, ClaimStatus.REPORTED, period)
    if generic.victim_list(trigger, cues):
        # "Parmi les morts figurent trois enfants": the present lists the told incident's dead
        return None
    if imperfect and tense_marks_habitual and verb.pos_ == "VERB" and verb.i == trigger.i:
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED)
    # a verb coordinated with a present one shares its tense ("gangs control the city and kidnap…"),
    # and so does a participle adjunct ("have been terrorising the valley, kidnapping residents")
    shared = verb.dep_ == "conj" and not any(c.dep_.startswith("aux") for c in verb.children)
    shared = shared or not_told.participle_adjunct(verb) or not_told.purpose_infinitive(verb)
    present = present or (shared and tense_flags(verb.head)[3])
    ongoing = generic.perfect_progressive(verb) or (shared and generic.perfect_progressive(verb.head))
    if (present or ongoing) and _undated_narration(sent, trigger, verb):
        # "les gangs contrôlent la capitale et y enlèvent des habitants", "gangs kidnap
        # residents for ransom": news tells incidents in a past tense; an incident verb in the
        # simple present, with no day and outside a quotation, tells a habit
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED)
    if present and generic.quoted_generic_present(sent, trigger, verb):
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED)
    if (
        (present and generic.generic_plural_clause(sent, trigger, verb, cues))
        or (present and not_told.indefinite_plural_object(trigger, verb) and generic.undated(sent))
        or generic.plural_predicate(sent, trigger)
        or (present and generic.place_habit(trigger, verb, cues))
        or generic.state_of_affairs(sent, trigger, verb, cues, any(tense_flags(not_told.finite_head(verb))[2:]))
    ):
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED)
    return None


def _undated_narration(sent: SpacySpan, trigger: Token, verb: Token) -> bool:
    """Return whether an incident verb is told in a sentence of the narration (not the article's
    first, not quoted) that names no day or time, nor follows a dateline ("2 May. Farmers block a
    road": a log entry in the present)."""
    return (
        trigger.pos_ == "VERB"
        and verb.i == trigger.i
        and sent.start > 0
        and not (not_told.names_a_time(sent) or any(t.text in QUOTE_MARKS for t in sent))
        and not follows_dateline(sent)
    )


def _ongoing(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> Reading | None:
    """Return the reading of a negated mention, a trend or a continuing state; None otherwise."""
    if _negated(trigger, verb):
        return _reading(Modality.NEGATED, ClaimStatus.REPORTED)
    if _trend(trigger, verb, cues):
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED)
    if (
        trigger.pos_ == "VERB"
        and trigger.head.i != trigger.i
        and cue_at(cues, Cue.CONTINUATION, trigger.head)
        and (tense_flags(trigger.head)[3])
    ):
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED)
    if _continuing_subject(sent, trigger, verb, cues):
        return _reading(Modality.HABITUAL, ClaimStatus.REPORTED)
    return None


def _future_governor(verb: Token) -> bool:
    """Return whether a verb completes, through infinitives ("xcomp"), a verb in the future or a
    near-future verb in the present ("we will continue to fight them", « nous allons continuer à
    combattre les terroristes »): an incident announced, not told (a language regularity)."""
    near = load_extract_words(verb.lang_).get("near_future_verbs")
    t = verb
    for _ in range(3):
        if t.dep_ != "xcomp" or t.head is t:
            return False
        t = t.head
        if tense_flags(t)[0] or (fold(t.lemma_) in near and tense_flags(t)[3]):
            return True
    return False


def _unrealized(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> Reading | None:
    """Return the reading of a planned or hypothetical incident; None otherwise."""
    if tense_flags(verb)[0] or _future_governor(verb):
        return _reading(Modality.PLAN, ClaimStatus.REPORTED)
    if generic.modal(verb):
        return _reading(Modality.HYPOTHETICAL, ClaimStatus.REPORTED)
    if not_told.demanded(trigger):
        return _reading(Modality.PLAN, ClaimStatus.REPORTED)
    prevented = generic.prevented(sent.doc, trigger, cues)
    if prevented is not None:
        return _reading(Modality.HYPOTHETICAL, ClaimStatus.REPORTED, prevented)
    before_trigger = [c for c in cues if c.end <= trigger.i + 1]
    plan = first_cue(before_trigger, Cue.PLAN)
    auxiliaries = load_extract_words(verb.lang_).get("auxiliary_lemmas")
    if plan is not None and (verb.i > plan.start) and fold(verb.lemma_) not in auxiliaries:
        # "prévoit d'attaquer", "plan to attack": the trigger is governed by the plan verb
        anc = {t.i for t in trigger.ancestors}
        if plan.start in anc:
            return _reading(Modality.PLAN, ClaimStatus.REPORTED, plan)
    hyp = first_cue(before_trigger, Cue.HYPOTHETICAL)
    if hyp is not None:
        anc = {t.i for t in trigger.ancestors} | {trigger.i}
        head = sent.doc[hyp.start]
        if (head.head.i in anc or head.i in anc) and not _in_fact_clause(trigger, verb, head):
            return _reading(Modality.HYPOTHETICAL, ClaimStatus.REPORTED, hyp)
    return None


def classify_modality(
    sent: SpacySpan, trigger: Token, cues: list[CueMatch], *, lang: str
) -> tuple[str, str, CueMatch | None]:
    """Return (modality, claim_status, deciding cue) for an incident mention in a sentence.

    Threats, plans, hypotheticals, denials, negations, habitual and background statements are
    not events (CODING_RULES.md); context mentions ("au lendemain d'une frappe…") are kept as
    context. French conditional past ("aurait visé") and "reportedly" are allegations.
    (`lang` is the document's language; the words are read for the parse's language, the same.)
    """
    verb = governing_verb(trigger)
    count = generic.running_count(cues)
    if count is not None:
        return _reading(Modality.BACKGROUND, ClaimStatus.REPORTED, count)
    cues = _cues_in_scope(sent, trigger, verb, cues)
    for step in (_not_an_incident, _ongoing, _unrealized):
        reading = step(sent, trigger, verb, cues)
        if reading is not None:
            return reading
    claim = first_cue(cues, Cue.CLAIM)
    if claim is not None:
        return _reading(Modality.CLAIMED, ClaimStatus.CLAIMED, claim)
    # "suspected militants ambushed police", "des présumés jihadistes": the doubt is on who
    # acted, not on the incident (an adjective on a noun other than the trigger)
    allegation = first_cue(
        [c for c in cues if not (c.cls == Cue.ALLEGATION and _qualifies_a_party(sent.doc, c, trigger))],
        Cue.ALLEGATION,
    )
    if tense_flags(verb)[1] or allegation is not None:
        return _reading(Modality.ALLEGED, ClaimStatus.ALLEGED, allegation)
    return _reading(Modality.ASSERTED, ClaimStatus.REPORTED)


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
