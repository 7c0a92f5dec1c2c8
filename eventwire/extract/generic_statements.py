"""Sentences that tell no incident of their own though they hold an incident word (issue 16):
generic statements (what such actors do, what a place is the scene of), tallies (a whole
conflict's toll, a quantity of incidents, a running count over a period), unrealized incidents
(a modal auxiliary, a prevention verb) and a told incident recalled after "after".

Each function reads one cue or grammar pattern; `extract.modality` calls them in its steps and
gives their reading (CODING_RULES.md: habitual statements, aggregate statistics, hypotheticals
and context mentions are not events).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.lexicon import CueMatch, fold
from eventwire.extract.not_told import counterfactual, names_a_time
from eventwire.extract.parse_tools import PLACE_ENTITIES, cue_at, first_cue, follows_dateline
from eventwire.extract.parse_tools import ModalityCue as Cue
from eventwire.lang.extract_words import load_extract_words
from eventwire.lang.time_words import load_time_lexicon
from eventwire.nlp.doc_cache import doc_cache

CLAUSE_BOUNDARIES = frozenset({"acl:relcl", "relcl", "parataxis", "ccomp", "advcl", "conj", "acl"})
QUOTE_MARKS = frozenset('«»"“”')


def after_told_incident(sent: SpacySpan, trigger: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the context cue right before an incident noun that points back at a told incident
    ("the minister travelled to Sobera after the attack", "le ministre s'est rendu à Sobéra après
    l'attaque"), in a sentence with no figure: what the sentence tells happened after that
    incident, and is no incident itself; None otherwise."""
    if trigger.pos_ != "NOUN" or any(t.like_num and t.pos_ != "DET" for t in sent):
        return None
    if not any(c.cls == Cue.SAME_INCIDENT_ANAPHOR and c.start <= trigger.i < c.end for c in cues):
        return None
    # "after the attack on another village", "après l'attaque de Kerou": the phrase names an
    # incident of its own (another one, or at a place), not the one told before
    others = load_extract_words(trigger.lang_).get("other_incident_words")
    if any(t.ent_type_ in PLACE_ENTITIES or fold(t.text) in others for t in trigger.subtree if t.i != trigger.i):
        return None
    return next((c for c in cues if c.cls == Cue.CONTEXT and c.end <= trigger.i and trigger.i - c.end <= 1), None)


def place_habit(trigger: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether an incident verb in the simple present heads a relative clause introduced by
    "where"/"où" ("the governor visited Tarmu on Tuesday, where bandits kidnap travellers"): the
    clause describes the place by what happens there, whatever day the sentence names."""
    if trigger.pos_ != "VERB" or verb.i != trigger.i or cue_at(cues, Cue.SPEECH, verb):
        return False
    if verb.dep_ not in {"relcl", "acl:relcl"} or any(c.dep_.startswith("aux") for c in verb.children):
        return False
    relatives = load_extract_words(verb.lang_).get("place_relatives")
    return any(fold(c.text) in relatives for c in verb.children if c.i < verb.i)


def plural_predicate(sent: SpacySpan, trigger: Token) -> bool:
    """Return whether a plural incident noun completes a copula in the present, in an undated
    sentence of the narration ("la région est le théâtre d'attaques jihadistes", "the road is the
    scene of ambushes", "les villageois sont victimes d'exactions", "les attaques sont
    incessantes"): a description of a place or a people, not an incident (a language
    regularity: news tells incidents in a past tense)."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number", None) != ["Plur"] or not undated(sent):
        return False
    if any(c.dep_ == "nummod" and c.like_num for c in trigger.children):
        return False  # "au total, 25 morts sont à déplorer": a figure counts one toll, it describes nothing
    words = load_extract_words(trigger.lang_)
    if fold(trigger.text) in words.get("be_perfect_participles"):
        return False  # "deux bergers sont morts": the compound past of "mourir", tagged as a noun
    copulas = words.get("copula_lemmas")
    t = trigger
    for _ in range(4):
        cop = [c for c in (t, *t.children) if c.pos_ == "AUX" and fold(c.lemma_) in copulas and c.i != trigger.i]
        if any(c.morph.get("Tense", None) == ["Pres"] and c.dep_ in {"cop", "ROOT", "aux:pass"} for c in cop):
            return not any(c.dep_ in {"aux", "aux:tense"} and c.i < t.i for c in t.children)
        if t.dep_ in CLAUSE_BOUNDARIES or t.head is t:
            return False
        t = t.head
    return False


def undated(sent: SpacySpan) -> bool:
    """Return whether a sentence of the narration (not the article's first) names no day or time,
    follows no dateline and quotes no one (read once per parse and sentence: each trigger of a
    sentence asks). A log entry headed by its day tells its incident in the present ("3 May.
    Traders protest the new market levy."): the dateline dates it (language regularity, EN)."""
    if sent.start == 0:
        return False
    cache = doc_cache(sent.doc)
    memo = cache.setdefault("undated", {}) if cache is not None else {}
    hit = memo.get((sent.start, sent.end))
    if hit is None:
        hit = memo[(sent.start, sent.end)] = not (
            names_a_time(sent) or any(t.text in QUOTE_MARKS for t in sent) or follows_dateline(sent)
        )
    return hit


def generic_plural_clause(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether an incident noun belongs to a clause in the simple present whose subject is
    a plural common noun, in an undated sentence of the narration ("militants plant bombs on the
    roads", "les engins explosifs font de nombreuses victimes", "where bandits kill and kidnap
    villagers"): a generic statement about what such actors or weapons do, not an incident (a
    language regularity: news tells incidents in a past tense). Not a reporting verb ("residents
    report attacks"), not a singular subject ("une source fait état d'une attaque")."""
    if trigger.pos_ != "NOUN" or verb.i == trigger.i or verb.pos_ != "VERB" or cue_at(cues, Cue.SPEECH, verb):
        return False
    subjects = clause_subjects(verb)
    if not subjects or not all(s.pos_ == "NOUN" and s.morph.get("Number", None) == ["Plur"] for s in subjects):
        return False
    return undated(sent)


def state_of_affairs(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch], present: bool) -> bool:
    """Return whether a plural incident noun, counted by no figure, hangs on a clause in the
    present (the caller reads the tense of the finite verb, through infinitive complements) in an
    undated sentence of the narration that names no place and gives no figure, whatever its
    subject (« la population vit dans la peur des attaques », « l'armée peine à contenir les
    attaques », "the army struggles to contain the attacks"): a state of affairs, not an incident
    (a language regularity: news tells incidents in a past tense, with a place or a toll). Not a
    reporting verb ("a source reports clashes")."""
    if not present or trigger.pos_ != "NOUN" or trigger.morph.get("Number", None) != ["Plur"]:
        return False
    if any(c.dep_ == "nummod" for c in trigger.children) or cue_at(cues, Cue.SPEECH, verb):
        return False
    if any(cue_at(cues, Cue.SPEECH, t) for t in verb.ancestors):
        return False
    if any(t.ent_type_ in PLACE_ENTITIES or (t.like_num and t.pos_ == "NUM") for t in sent):
        return False
    return undated(sent)


def clause_subjects(verb: Token) -> list[Token]:
    """Return the subjects of a verb, or, for a verb coordinated with one that has them and none of
    its own, those of the first verb ("armed groups operate in the area and carry out attacks":
    "groups" is the subject of both, a language regularity of coordination)."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}]
    if not subjects and verb.dep_ == "conj" and verb.head is not verb:
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}]
    return subjects


def quoted_generic_present(sent: SpacySpan, trigger: Token, verb: Token) -> bool:
    """Return whether an incident verb in the simple present (the caller checks the tense) stands
    in a quoted sentence of the narration that names no day or time and gives no figure (« Ces
    terroristes tuent des innocents et brûlent nos villages », a dit le gouverneur; "they kill
    our people," the spokesman said): a speaker's description of what such actors do, not a
    report of one incident, which news quotes tell in a past tense too (a language regularity).
    Not a progressive ("they are shooting at us"), which may tell the incident as it happens."""
    if trigger.pos_ != "VERB" or verb.i != trigger.i or sent.start == 0:
        return False
    if not any(t.text in QUOTE_MARKS for t in sent):
        return False
    # a span or a part of the day ("they come at night") names no day
    if names_a_time(sent) or any(t.like_num and t.pos_ == "NUM" for t in sent):
        return False
    progressive = load_extract_words(verb.lang_).get("progressive_auxiliaries")
    return not (verb.tag_ == "VBG" or any(c.dep_ == "aux" and fold(c.lemma_) in progressive for c in verb.children))


def perfect_progressive(verb: Token) -> bool:
    """Return whether a verb is in the present perfect progressive ("the militia has been fighting
    the army for control of the town"): with no day named, an ongoing state of affairs like the
    simple present, not one incident (a language regularity; the caller checks the sentence)."""
    progressive = load_extract_words(verb.lang_).get("progressive_auxiliaries")
    if verb.tag_ != "VBG" or not progressive:
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    participle = any(fold(a.lemma_) in progressive and a.morph.get("VerbForm", None) == ["Part"] for a in auxes)
    return participle and any(a.morph.get("Tense", None) == ["Pres"] for a in auxes)


def modal(verb: Token) -> bool:
    """Return whether a verb, or the verb it completes ("might try to seize"), bears a modal
    auxiliary of the language file's `modal_auxiliaries` without a perfect ("the rebels would
    resume their offensive", "militants could attack other villages"): an incident not realized.
    "Gunmen may have killed ten people" hedges a past incident, which stays a report; "would have
    killed" is a counterfactual (not_told.counterfactual), not realized either."""
    words = load_extract_words(verb.lang_)
    modals, perfect = words.get("modal_auxiliaries"), words.get("modal_perfect_auxiliaries")
    t = verb
    for _ in range(4):
        auxes = [c for c in t.children if c.dep_ in {"aux", "aux:pass", "aux:tense"}]
        if any(fold(a.text) in modals for a in auxes):
            return not any(fold(a.lemma_) in perfect for a in auxes) or counterfactual(auxes)
        if t.dep_ != "xcomp" or t.head is t:
            return False
        t = t.head
    return False


def prevented(doc: Doc, trigger: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the prevention cue whose object is the incident noun ("deployed to prevent further
    attacks", "lutter contre les enlèvements"): an incident kept from happening or fought as a
    whole, not one that happened; None otherwise."""
    if trigger.pos_ != "NOUN" or trigger.morph.get("Number", None) != ["Plur"]:
        return None  # ("soldiers prevented an attack on the base": one foiled incident)
    head = trigger.head
    if trigger.dep_ in {"pobj", "obl", "obl:arg", "nmod"} or head.pos_ == "ADP":
        head = head.head if head.pos_ == "ADP" else head
    for cue in cues:
        if cue.cls == Cue.PREVENTION and (cue.start <= head.i < cue.end or cue.start <= trigger.head.i < cue.end):
            return cue
    return None


def tally(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the cue that makes the incident a tally: a whole conflict as the subject of its
    verb ("the insurgency has killed thousands", "la guerre a coûté la vie à 8.000 civils"), or a
    quantity of incident nouns in a sentence with no day ("the militia carried out dozens of
    attacks", "des dizaines d'attaques"; not weapons: "des dizaines d'obus" fired on one
    day are one shelling); None otherwise (CODING_RULES.md: aggregate statistics)."""
    subjects = {c.i for c in verb.children if c.dep_.startswith("nsubj")}
    for cue in cues:
        if cue.cls == Cue.TALLY_SUBJECT and any(cue.start <= i < cue.end for i in subjects):
            return cue
    if trigger.pos_ != "NOUN" or not cue_at(cues, Cue.COUNTED_INCIDENT, trigger):
        return None
    if sent.start > 0 and not names_a_day(sent):
        share = next((c for c in cues if c.cls == Cue.SHARE and 0 <= trigger.i - c.end <= 2), None)
        if share is not None:
            return share
    if any(t.ent_type_ in {"DATE", "TIME"} for t in sent):
        return None
    return next((c for c in cues if c.cls == Cue.MULTITUDE and 0 <= trigger.i - c.end <= 1), None)


def total_of_incidents(trigger: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the total cue ("in total", "au total") of a sentence that sums the deaths of several
    incidents: a plural incident noun, a quantity of incidents or a period beside it ("in total,
    40 people died in these attacks", "au total, 40 morts depuis janvier"); None otherwise, and
    for a trigger verb. Without them ("au total, 25 morts sont à déplorer, dont 10 soldats",
    "the attack left 25 dead in total") it is the told incident's toll (a language regularity:
    a total sums victims as well as incidents)."""
    total = first_cue(cues, Cue.INCIDENT_TOTAL)
    if total is None or trigger.pos_ == "VERB":
        return None
    several = {Cue.COUNTED_INCIDENT, Cue.MULTITUDE, Cue.PERIOD, Cue.BACKGROUND, Cue.RUNNING_COUNT}
    return total if any(c.cls in several for c in cues) else None


# tokens from the end of a victim-list cue to the death word it introduces: "le bilan est de
# trente - cinq morts" (the number between)
TOLL_REACH = 5


def victim_list(trigger: Token, cues: list[CueMatch]) -> bool:
    """Return whether the trigger is the dead of a phrase that lists them ("Among the dead are two
    soldiers", "Trois enfants figurent parmi les morts", "le bilan est de 35 morts", within
    TOLL_REACH tokens after the cue): the present tense names who died in the
    told incident, a detail of its toll, not a habit (a language regularity of tolls). Not in a
    sentence that names its own place or day ("among the dead in Tarmu on Sunday are…"): it may
    tell another incident, which the present tense leaves unreported."""
    if any(t.ent_type_ in PLACE_ENTITIES | {"DATE", "TIME"} for t in trigger.sent):
        return False
    return any(c.cls == Cue.VICTIM_LIST and c.start <= trigger.i < c.end + TOLL_REACH for c in cues)


def running_count(cues: list[CueMatch]) -> CueMatch | None:
    """Return the running-count cue of a sentence that counts incidents over a period ("the
    attack brings to 150 the number of soldiers killed since January", "cette attaque porte à 150
    le nombre de soldats tués depuis janvier"): a tally (CODING_RULES.md: aggregate statistics),
    whichever clause holds the period; None otherwise."""
    count = first_cue(cues, Cue.RUNNING_COUNT)
    if count is None or not any(c.cls in {Cue.PERIOD, Cue.BACKGROUND} for c in cues):
        return None
    return count


def standing_accusation(sent: SpacySpan, trigger: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the accusation cue in the simple present that governs the incident, in an undated
    sentence ("rights groups accuse the army of killing civilians", "des ONG accusent l'armée
    d'exécutions sommaires"): a standing charge, not the report of an incident; None otherwise."""
    if not undated(sent):
        return None
    ancestors = {t.i for t in trigger.ancestors}
    for cue in cues:
        tok = sent.doc[cue.start]
        present = tok.morph.get("Tense", None) == ["Pres"] and not any(c.dep_.startswith("aux") for c in tok.children)
        if cue.cls == Cue.ACCUSATION and tok.i in ancestors and (present or unnamed_victims(sent, trigger)):
            return cue
    return None


def unnamed_victims(sent: SpacySpan, trigger: Token) -> bool:
    """Return whether an incident is told of a bare or indefinite plural of people and no figure,
    in a sentence with no figure ("accused of killing civilians", "accusés d'avoir massacré des
    civils", "accused of abuses"): a charge about a kind of act, whatever its tense, not one
    incident, which a charge tells with its victims or its count ("accused of killing three
    herders")."""
    if any(t.like_num and t.pos_ == "NUM" for t in sent):
        return False
    if trigger.pos_ == "NOUN":
        objects = [trigger]
    else:
        objects = [c for c in trigger.children if c.dep_ in {"obj", "dobj"}]
        if not objects and trigger.dep_ == "amod":
            objects = [trigger.head]  # the parser may hang the verb on its object ("massacring civilians")
    indefinite = load_extract_words(trigger.lang_).get("indefinite_plural_determiners")
    return bool(objects) and all(
        o.morph.get("Number", None) == ["Plur"]
        and all(d.dep_ != "det" or fold(d.text) in indefinite for d in o.children)
        and not any(d.dep_ == "nummod" for d in o.children)
        for o in objects
    )


def trend_object(noun: Token, verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether a plural incident noun is the object of a verb of the modality file's
    `trend` class in a sentence that names no day or time ("the group has stepped up its attacks
    around Sobera", "l'État islamique a intensifié ses attaques autour de Kerou"): what an actor
    does more or less of is a trend, not an incident (a language regularity). With a day, the
    incidents of that day are told ("troops intensified their strikes on Kerou on Sunday")."""
    if noun.dep_ not in {"obj", "dobj"} or noun.head.i != verb.i or not cue_at(cues, Cue.TREND, verb):
        return False
    return not names_a_day(noun.sent)


def names_a_day(sent: SpacySpan) -> bool:
    """Return whether a sentence names a day, a month or a time: a date or time entity, or a
    weekday, month or relative day word of the language's time file (French models tag no
    dates: "lundi", "hier", "en mars")."""
    if any(t.ent_type_ in {"DATE", "TIME"} for t in sent):
        return True
    lexicon = load_time_lexicon(sent.doc.lang_)
    words = {*lexicon.maps["weekdays"], *lexicon.maps["months"], *lexicon.maps["relative_days"]}
    return any(t.lower_ in words for t in sent)


def actor_record(sent: SpacySpan, trigger: Token, verb: Token, cues: list[CueMatch]) -> CueMatch | None:
    """Return the multitude cue of an incident verb that heads a relative clause and counts its
    victims vaguely, in a sentence that names no day ("les jihadistes, qui ont tué des dizaines
    de soldats dans la région, opèrent depuis le désert", "the militants, who have killed scores
    of soldiers, operate from the desert"): the clause describes the actor by its record, a
    tally over many incidents (CODING_RULES.md: aggregate statistics), whatever the tense, when
    the clause is set off by a comma (a description, a language regularity); None otherwise. A
    figure ("qui ont tué dix soldats") or a day may tell one incident."""
    if trigger.pos_ != "VERB" or verb.i != trigger.i or verb.dep_ not in {"relcl", "acl:relcl"}:
        return None
    first = verb.left_edge.i
    if first == 0 or sent.doc[first - 1].text != "," or names_a_day(sent):
        return None  # "des hommes armés qui ont tué…" (no comma) picks out the actors of an incident
    after = {t.i for t in verb.subtree if t.i > verb.i}
    return next((c for c in cues if c.cls == Cue.MULTITUDE and c.start in after), None)


def day_of_its_own(trigger: Token, verb: Token, cue: CueMatch) -> bool:
    """Return whether an incident verb is pinned to a day by a phrase of its own, outside the
    background cue: before it, one that holds a month name and a number; anywhere, a weekday or
    relative day alone ("on Monday", « lundi », « hier ») ("On 12 May 2019, traders protested the
    closure (since March) of the market", « Le 3 mai, des élèves ont manifesté contre la
    fermeture, depuis janvier, de leur école »): the cue dates something else the sentence names,
    the incident is the day's (a language regularity: a dated main clause tells one occurrence)."""
    if trigger.pos_ != "VERB" or verb.i != trigger.i:
        return False
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.morph.get("Tense", None) == ["Pres"] for c in verb.children):
        # the English present perfect ("on 3 May, gunmen have killed 40 people since January")
        # sums up a period up to now, a tally; the French passé composé narrates ("ont manifesté")
        return False
    lexicon = load_time_lexicon(verb.doc.lang_)
    months = {fold(m) for m in lexicon.maps["months"]}
    days = {fold(d) for d in (*lexicon.maps["weekdays"], *lexicon.maps["relative_days"])}
    for child in verb.children:
        if child.dep_ in CLAUSE_BOUNDARIES or child.dep_.startswith("nsubj"):
            continue
        words = list(child.subtree)
        if any(cue.start <= t.i < cue.end for t in words):
            continue
        if child.i < verb.i and any(fold(t.text) in months for t in words) and any(t.like_num for t in words):
            return True
        # a weekday of the verb's own, before or after it (« des hommes armés ont attaqué lundi un
        # poste à Kerou, une région en proie aux violences depuis 2015 »): the cue describes a
        # place or a party the sentence names; the incident is that day's
        if len(words) <= 2 and any(fold(t.text) in days for t in words):
            return True
    return False


def repeated_compound_past(sent: SpacySpan, cue: CueMatch) -> bool:
    """Return whether a habitual cue is a count of repetitions of the language file's
    `repetition_phrases` in a sentence that names no day (« la localité a été attaquée à
    plusieurs reprises »): in a compound past too, several incidents over time, not one (a
    language regularity; with a day, « dimanche, les soldats ont tiré à plusieurs reprises », it
    tells how one incident went)."""
    phrases = load_extract_words(sent.doc.lang_).get("repetition_phrases")
    return fold(sent.doc[cue.start : cue.end].text) in phrases and not names_a_day(sent)


def continued_on_a_day(verb: Token, cues: list[CueMatch]) -> bool:
    """Return whether a continuation verb in a past tense carries an incident on to a day its
    sentence names ("Les affrontements se sont poursuivis le lendemain", "fighting continued on
    Monday", invented): the incident of that day is told (ACLED codes each day of an operation),
    not a trend like "les attaques se poursuivent" (present, no day)."""
    if not cue_at(cues, Cue.CONTINUATION, verb):
        return False
    if "Pres" in verb.morph.get("Tense", None) and not _compound(verb):
        return False  # "les attaques se poursuivent": what goes on
    if names_a_day(verb.sent):
        return True
    text = f" {verb.sent.text.lower()} "
    anchored = load_time_lexicon(verb.doc.lang_).maps["anchored_days"]
    return any(f" {phrase.lower()} " in text or f" {phrase.lower()}," in text for phrase in anchored)


def _compound(verb: Token) -> bool:
    """Return whether a verb has an auxiliary of tense ("se sont poursuivis", "has continued")."""
    return any(c.dep_ in {"aux", "aux:tense"} for c in verb.children)
