"""Sentences that only tell the deaths of an incident told before them.

"Deux civils ont péri.", "Selon un bilan, il y a deux morts.", "Two students died at Kolo, a
hospital said.": the sentence's cues are a death word and who died, with no act, weapon or armed
agent of its own, so the classifier types it from the death word alone (violence against
civilians). It is the toll of the incident the article told before it (a riot, a clash), not an
incident of its own (ACLED: one event with all its deaths); resolve/in_document.py joins it.
"""

from __future__ import annotations

from eventwire.models import Mention
from eventwire.normalize.tolls import toll_noun
from eventwire.resolve.compatibility import dates_compatible, is_precise, places_compatible

# the cues of a sentence that only tells who died: a death word, an injury word, the victims (a
# party "P_…" or a patient "PATIENT_…": "two students died", or the subject of an intransitive
# death verb who is no armed party: "deux civils ont péri"), no act, weapon or armed agent
_TOLL_CLASSES = frozenset({"A_KILL", "A_INJURE", "AGENT_CIVILIAN", "AGENT_CROWD"})
_VICTIM_PREFIXES = ("P_", "PATIENT_")


def toll_only(m: Mention) -> bool:
    """Return whether a mention only tells deaths of an incident told before it: its sentence's
    cues are a death word and who died, with no place, day or act of its own ("Deux civils ont
    péri.", "Selon un bilan, il y a deux morts."). Its type comes from the death word alone, so it
    is the toll of the incident the article told before it, whatever that one's type (a riot,
    a clash), not an incident of its own."""
    return _deaths_only(m) and m.place is None and not dated(m)


def dated(m: Mention) -> bool:
    """Return whether a mention's sentence gives it a day of its own: a time expression, unless
    the sentence names a toll as a report ("Dimanche, le bilan s'élevait à 35 morts.", "The
    death toll stood at 35 on Sunday."): that day is the report's (data/toll_nouns.yaml)."""
    if m.date is None or m.date.method != "time_expression":
        return False
    text = m.sentence.text.lower().replace("’", "'")
    return not (m.place is None and _deaths_only(m) and any(toll_noun(lang).search(text) for lang in ("fr", "en")))


def _deaths_only(m: Mention) -> bool:
    """Return whether a mention's cues only tell who died (a death word and the victims), not in
    the pluperfect, with a toll."""
    c = m.casualties
    return (
        "A_KILL" in m.cue_classes
        and all(k in _TOLL_CLASSES or k.startswith(_VICTIM_PREFIXES) for k in m.cue_classes)
        and not m.pluperfect
        and c is not None
        and c.fatalities > 0
    )


def placed_toll_home(m: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    """Return the incident told last before a mention that only tells deaths at that incident's
    place and day ("Des manifestants ont affronté la police à Kolo." "Deux étudiants ont péri à
    Kolo."): its toll, whatever the incident's type; None when there is none."""
    if not _deaths_only(m) or m.anaphoric:
        return None
    earlier = [
        g
        for g in groups
        if any(is_precise(x) for x in g)
        and min(x.sentence.start for x in g) < m.sentence.start
        and all(places_compatible(m, x) and dates_compatible(m, x) for x in g if is_precise(x))
    ]
    return max(earlier, key=lambda g: min(x.sentence.start for x in g)) if earlier else None
