"""A report dated by a night across two days ("dans la nuit du 2 au 3 mai", "on the night of 2
to 3 May", invented): normalize.dates codes the night to its first day, so another outlet that
dates the same incident by the morning it ended ("le 3 mai") is a calendar day later. The night
words are data/day_spans.yaml's `night` lists (resolve.structure.load_day_words), in any of its
languages: an outlet's expression is matched whatever the other report's language.
"""

from __future__ import annotations

from eventwire.models import Event
from eventwire.resolve.structure import load_day_words

NIGHT_LANGUAGES = ("fr", "en")


def night_dated(event: Event) -> bool:
    """Return whether an event's day was read from an expression of a night across two days."""
    source = event.provenance.get("event_date")
    if source is None or not source.text:
        return False
    for lang in NIGHT_LANGUAGES:
        words = load_day_words(lang)
        if words is not None and words.night.search(source.text):
            return True
    return False


def night_before(earlier: Event, later: Event) -> bool:
    """Return whether `earlier` is dated by a night whose next day is `later`'s day: the two
    reports may date one incident by either end of the night."""
    if earlier.event_date is None or later.event_date is None:
        return False
    return (later.event_date - earlier.event_date).days == 1 and night_dated(earlier)
