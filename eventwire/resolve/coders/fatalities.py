"""Code an incident's fatalities (ACLED's conservative rule), their range and injuries."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from eventwire.models import Casualties, Coded, Mention, Modality, Place, Provenance
from eventwire.normalize.tolls import cause_clause, earlier_toll, risen_toll, wounded_died
from eventwire.normalize.victim_phrases import tells_ordinal_death
from eventwire.resolve.coders.added_tolls import added_later
from eventwire.resolve.coders.base import MentionKey, mention_key, span_provenance
from eventwire.taxonomy import WITHOUT_FATALITIES

# tolls that count only when no sentence gives a number, best first: a share of a toll told for
# several places, one death told in the singular ("a guard was killed"), ACLED's default of 3
# victims named by the role analysis (extract/roles.py): PATIENT_<party>; the two sides of a fight
_PATIENT = "PATIENT_"
_PARTY = "P_"
_AGENT = "AGENT_"
_KILL = "A_KILL"
_ARMED = "ARMED"
_TARGETS = frozenset({"SECURITY", "CIVILIAN"})
# the crowd's event types: their deaths may be their cause (`_death_is_cause`)
_CROWD_TYPES = frozenset({"Protests", "Riots"})
# what ends the clause of a motive before a death of the act's own: a comma, a stop, "and"
_CLAUSE_JOINS = re.compile(r"[,;:.()]|\b(?:and|et)\b")
_SINGULAR = "singular_death"
_FALLBACKS = ("shared_toll", _SINGULAR, "unnumbered_deaths_default")


def code_fatalities(
    mentions: Sequence[Mention],
    *,
    document_id: str,
    place: Place | None = None,
    shared_mentions: frozenset[MentionKey] = frozenset(),
    sub_event_type: str | None = None,
) -> Coded[Casualties]:
    """Return the incident's toll: the one the article gives first, with every figure's range as
    low/high, and the most injuries any sentence gives.

    A lead states the total; later sentences often count a part ("dont sept enfants", "three of
    them"). A toll told with the incident's own place ("another 9 died in Kolo") comes before one
    told with no place or a wider one; a toll told of several incidents together (`shared_mentions`)
    comes last, and when every toll is such, the smallest (ACLED: the most conservative). A death
    reported without a number (1 when told in the singular, else ACLED's 3) counts only when no
    sentence gives a number; injuries never count. A sub-type whose definition has nobody killed
    (taxonomy WITHOUT_FATALITIES: a peaceful protest, an arrest) is coded 0 whatever deaths its
    sentences tell: they are its cause ("a march against the killing of a teacher") or another event.
    """
    if sub_event_type in WITHOUT_FATALITIES:
        injuries = [
            n for m in mentions if _method(m) not in (None, "none") if (n := _casualties(m).injuries) is not None
        ]
        return Coded(
            Casualties(fatalities=0, injuries=max(injuries) if injuries else None, method="none"),
            Provenance(method="casualties", reason=f"ACLED codes no deaths for a {sub_event_type}"),
        )
    ordered = sorted((m for m in mentions if not _death_is_cause(m)), key=lambda m: m.sentence.start)
    numbered = [m for m in ordered if _method(m) == "figures" and (_casualties(m).fatalities or 0) > 0]
    fallback = next((m for method in _FALLBACKS for m in ordered if _method(m) == method), None)
    injuries = [n for m in ordered if _method(m) not in (None, "none") if (n := _casualties(m).injuries) is not None]

    def elsewhere(m: Mention) -> bool:
        return place is None or m.place is None or m.place.place is None or m.place.place.name != place.name

    def shared(m: Mention) -> bool:
        return mention_key(m) in shared_mentions

    low = high = None
    told: Mention | None
    if numbered:
        if all(shared(m) for m in numbered):
            numbered = sorted(numbered, key=lambda m: (_casualties(m).fatalities, elsewhere(m)))
        else:
            numbered = sorted(numbered, key=lambda m: (shared(m), elsewhere(m)))  # stable: text order
        told = next((m for m in numbered if m.modality == Modality.ASSERTED), numbered[0])
        told = _latest_report(told, numbered)
        low = min(_low(_casualties(m)) for m in numbered)
        high = max(_high(_casualties(m)) for m in numbered)
        here = [m for m in numbered if not shared(m) and (m.place is None or m.place.place is None or not elsewhere(m))]
        other = _other_side(told, here)
    else:
        other = None
        told = fallback
        if told is None and any(_method(m) == "no_casualties_phrase" for m in ordered):
            low = high = 0
    fatalities = _casualties(told).fatalities if told is not None else 0
    # more deaths told with a place of their own are another incident's ("a strike in Kolo also killed two")
    added = [
        m
        for m in [*numbered, *_singles(ordered, shared)]
        if m.place is None or m.place.place is None or not elsewhere(m)
    ]
    if told is not None and (more := _more_deaths(told, numbered, ordered, other, added)):
        fatalities += more
        high = max(high or 0, fatalities)
    value = Casualties(
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        injuries=max(injuries) if injuries else None,
        spans=_casualties(told).spans if told is not None else (),
        method=_casualties(told).method if told is not None else "none",
    )
    if told is not None and _casualties(told).spans:
        provenance = span_provenance(document_id, _casualties(told).spans[0], f"casualties:{_casualties(told).method}")
    else:
        provenance = Provenance(method="casualties", reason="no deaths reported (ACLED codes 0)")
    return Coded(value, provenance)


def _latest_report(told: Mention, numbered: list[Mention]) -> Mention:
    """Return the toll that revises or completes `told`, else `told`.

    - A toll given as an earlier report ("un premier bilan faisait état de 3 morts") yields to
      the first toll told after it that is not one (ACLED codes the standing report).
    - A later toll given as risen ("le bilan s'est alourdi à 12 morts", data/risen_tolls.yaml)
      or by an ordinal ("a fourth victim died later", data/ordinal_deaths.yaml) and higher
      replaces it: the latest credible report stands.
    - A later toll that adds other sides to it ("20 soldats tués" … "20 soldats et 4 assaillants
      tués") completes it: ACLED counts every death of the event, attackers included.
    """
    later = sorted(
        (m for m in numbered if m.sentence.start > told.sentence.start),
        key=lambda m: m.sentence.start,
    )
    if _earlier_report(told):
        told = next((m for m in later if not _earlier_report(m)), told)
    for m in later:
        if (
            m.sentence.start > told.sentence.start
            and (_risen(m) or _ordinal(m))
            and _casualties(m).fatalities > _casualties(told).fatalities
        ):
            told = m  # "the death toll rose to 12", "a fourth victim died": the latest report stands
    value = _casualties(told).fatalities
    return next(
        (m for m in later if value in _casualties(m).parts and _casualties(m).fatalities > value),
        told,
    )


def _other_side(told: Mention, numbered: list[Mention]) -> Mention | None:
    """Return the first toll, told in another sentence, of the other side of a fight than the
    told toll's victims, else None: ACLED counts every death of the event, attackers included
    ("Des jihadistes ont tué cinq soldats à Kolo." "Dix assaillants ont été tués lors de la
    riposte." → 15). The sides are the armed group's fighters and the soldiers or civilians they
    hit; a toll of victims of both kinds, or of neither, is no other side."""
    mine = _side(told)
    if mine is None:
        return None
    for m in numbered:
        if (
            m.sentence.start != told.sentence.start
            and _side(m) not in (None, mine)
            and not _earlier_report(m)
            and _casualties(m).fatalities not in _casualties(told).parts
            and (
                _told_patients(m) and _told_patients(told) or _casualties(m).fatalities != _casualties(told).fatalities
            )
        ):
            return m  # a side named by its party alone, with the same toll, is the toll told again
    return None


def _more_deaths(
    told: Mention, numbered: list[Mention], ordered: list[Mention], other: Mention | None, candidates: list[Mention]
) -> int:
    """Return the deaths told apart that add to the told toll: the other side's (`other`), those
    among its wounded who died later, and later tolls among `candidates` told as more deaths
    (added_tolls.py)."""
    more = _casualties(other).fatalities if other is not None else 0
    later = _wounded_later(told, ordered, other) if numbered else None
    if later is not None:
        more += _casualties(later).fatalities  # "... et cinq blessés." "L'un des blessés a succombé."
    # "... tuant sept soldats." "Cinq civils ont également été tués." (12); not an ordinal's ("a
    # second man was also killed": one of the dead already told, _latest_report)
    counted = [m for m in candidates if not _earlier_report(m) and not _ordinal(m)]
    taken = [m for m in (other, later) if m is not None]
    return more + sum(_casualties(m).fatalities for m in added_later(told, counted, taken))


def _singles(ordered: Sequence[Mention], shared: Callable[[Mention], bool]) -> list[Mention]:
    """Return the mentions whose death is told in the singular, with no number ("un assaillant
    a également été tué"), not of a toll shared by several incidents."""
    return [m for m in ordered if _method(m) == _SINGULAR and _casualties(m).fatalities > 0 and not shared(m)]


def _wounded_later(told: Mention, numbered: Sequence[Mention], other: Mention | None) -> Mention | None:
    """Return the first toll told after `told` of deaths among the wounded it told ("L'un des
    blessés a succombé à l'hôpital.", "Two of the injured later died.": data/wounded_deaths.yaml),
    else None: ACLED counts every death of the event, so they add to the toll."""
    if not _casualties(told).injuries:
        return None
    for m in numbered:
        text = m.sentence.text.lower().replace("’", "'")
        if (
            _method(m) in ("figures", "singular_death")
            and _casualties(m).fatalities > 0
            and m.sentence.start > told.sentence.start
            and m is not other
            and any(wounded_died(lang).search(text) for lang in ("fr", "en"))
        ):
            return m
    return None


def _side(m: Mention) -> str | None:
    """Return which side of a fight a mention's victims are: the armed group's fighters, or the
    soldiers or civilians it hit; None for victims of both kinds or of neither. A death told
    with no agent and one party names that party's dead."""
    patients = frozenset(k.removeprefix(_PATIENT) for k in m.cue_classes if k.startswith(_PATIENT))
    if not patients and _KILL in m.cue_classes and not any(k.startswith(_AGENT) for k in m.cue_classes):
        # a toll told with no agent: its one party is who died ("L'attaque a coûté la vie à sept
        # soldats.", "Côté ennemi, vingt terroristes ont été tués.")
        patients = frozenset(k.removeprefix(_PARTY) for k in m.cue_classes if k.startswith(_PARTY))
        if len(patients) != 1:
            return None
    if patients == {_ARMED}:
        return _ARMED
    return "target" if patients and patients <= _TARGETS else None


def _told_patients(m: Mention) -> bool:
    """Return whether the role analysis names a mention's victims (not only its parties)."""
    return any(k.startswith(_PATIENT) for k in m.cue_classes)


def _death_is_cause(m: Mention) -> bool:
    """Return whether a mention tells its deaths only in a clause giving its cause, after its
    trigger: another event, not its toll (ACLED counts only the deaths of the event itself).

    - a protest's or riot's cause ("Students blocked the road after a classmate was killed by a
      bus", "des jeunes ont manifesté après la mort d'un camarade");
    - any act's motive, the deaths inside the clause the opener starts, no comma or "and"
      between ("Rebels shelled the town in retaliation for strikes that killed civilians", "des
      roquettes ont été tirées au lendemain de frappes qui ont tué des civils"); "attacked the
      village after dark, killing villagers" and "after dark and killed villagers" tell the
      act's own deaths.
    """
    c = m.casualties
    if c is None or not c.spans or c.fatalities <= 0:
        return False
    start, trigger_end = m.sentence.start, m.trigger.span.end
    death = min(s.start for s in c.spans)
    if not start <= trigger_end <= death:
        return False
    between = m.sentence.text[trigger_end - start : death - start].lower().replace("’", "'")
    openers = [o for lang in ("fr", "en") for o in cause_clause(lang).finditer(between)]
    if m.event_type in _CROWD_TYPES:
        return bool(openers)
    last = max(openers, key=lambda o: o.end(), default=None)
    return last is not None and not _CLAUSE_JOINS.search(between[last.end() :])


def _risen(m: Mention) -> bool:
    """Return whether a mention's sentence gives its toll as the latest, risen report."""
    text = m.sentence.text.lower().replace("’", "'")
    return any(risen_toll(lang).search(text) for lang in ("fr", "en"))


def _ordinal(m: Mention) -> bool:
    """Return whether a mention's sentence counts its death by an ordinal ("a fourth victim
    died later"): its toll is the standing one."""
    return any(tells_ordinal_death(m.sentence.text, lang) for lang in ("fr", "en"))


def _earlier_report(m: Mention) -> bool:
    """Return whether a mention's sentence gives its toll as an earlier report."""
    text = m.sentence.text.lower()
    return any(earlier_toll(lang).search(text) for lang in ("fr", "en"))


def _method(m: Mention) -> str | None:
    return m.casualties.method if m.casualties is not None else None


def _low(c: Casualties) -> int:
    return c.fatalities_low if c.fatalities_low is not None else c.fatalities


def _high(c: Casualties) -> int:
    return c.fatalities_high if c.fatalities_high is not None else c.fatalities


def _casualties(m: Mention) -> Casualties:
    """Return the figures of a mention kept for its casualty method (`_method` is not None)."""
    assert m.casualties is not None, "only mentions with a casualty method are read"
    return m.casualties
