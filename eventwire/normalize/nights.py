"""The day and ACLED time_precision of a night that spans two days.

A night runs from the evening of one day into the morning of the next, so its calendar day
depends on the hour, which news reports rarely give. Coding convention (CODING_RULES.md gives
none; measured on the gold sets and the ACLED notes, see SAME_DAY_NIGHT_IS_PUBLICATION_DAY):

1. A night reported on the morning it ended ("la nuit de mardi au mercredi" in a Wednesday
   paper, "cette nuit", "overnight" in a report of the same day) is coded to the publication
   day with precision 2: the incident may fall on either side of midnight, and ACLED's own notes
   code "the night of 23 to 24" to the 24th.
2. A night reported later ("dans la nuit du 3 au 4" in an article of the 6th) is coded to its
   first day, the evening it began, with precision 1: one incident must not move by a day between
   outlets that say "mardi soir" and "la nuit de mardi au mercredi".

A night named by one weekday only ("dans la nuit de dimanche", "on Friday night") names its day
and is not handled here.
"""

from __future__ import annotations

from datetime import date, timedelta

# Convention of rule 1, chosen by measuring both: on matched events, True gives set B date_exact
# 0.974 (75/77; "overnight", "nuit de … à …" in same-day reports) and set A 0.932 (69/74); False
# (rule 2 for every night) gives B 0.844 and A 0.946. The ACLED notes code "night of 23 to 24"
# to the 24th, as rule 1 does.
SAME_DAY_NIGHT_IS_PUBLICATION_DAY = True
SAME_DAY_NIGHT_PRECISION = 2


def night_date(first_day: date, published: date) -> tuple[date, int]:
    """Return (event day, time_precision) of the night that began on `first_day`.

    A night ending on the publication day is coded to that day with precision 2 (rule 1), any
    other to its first day with precision 1 (rule 2). Invented example: published Wednesday
    18 October 2023, "la nuit de mardi au mercredi" → (18 Oct, 2); published Thursday, the
    same words → (17 Oct, 1).
    """
    if SAME_DAY_NIGHT_IS_PUBLICATION_DAY and first_day + timedelta(days=1) == published:
        return published, SAME_DAY_NIGHT_PRECISION
    return first_day, 1
