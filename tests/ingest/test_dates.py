"""Publication dates as inputs write them (ingest.dates): ISO 8601, RFC 822, written EN/FR."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.ingest.dates import describe_unreadable, parse_published

DAY = date(2016, 12, 13)


@pytest.mark.parametrize(
    "value",
    [
        # ISO 8601, with or without time and zone; the day as written, not moved to UTC
        "2016-12-13",
        "2016-12-13T08:00:00Z",
        "2016-12-13 08:00",
        "2016-12-13T08:00:00.000+0100",
        "2016-12-13T23:30:00-05:00",
        "20161213",
        # RFC 822 / 1123 (RSS), also with a numeric zone or a two-digit year
        "Tue, 13 Dec 2016 08:00:00 GMT",
        "13 Dec 2016 08:00 +0100",
        "Tue, 13 Dec 16 08:00:00 GMT",
        # written English dates
        "Dec 13, 2016",
        "Dec. 13, 2016",
        "December 13th, 2016",
        "Tuesday, December 13, 2016 8:00 AM",
        "13 December 2016",
        "13th of December, 2016",
        "Tue, 13 Dec 2016",
        # written French dates, any case
        "13 décembre 2016",
        "13 déc. 2016",
        "mardi 13 décembre 2016",
        "Mardi 13 Décembre 2016 à 08h00",
        "  13   décembre\n2016 ",
    ],
)
def test_parse_published_reads_the_accepted_forms(value):
    assert parse_published(value) == DAY


def test_parse_published_reads_ordinal_day_words():
    assert parse_published("1er décembre 2016") == date(2016, 12, 1)
    assert parse_published("Mar 3, 2016") == date(2016, 3, 3)


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "13/12/2016", "31 February 2016", "December 2016", "2016", "13 Decembre", "Dec 13, 16"],
)
def test_parse_published_refuses_what_no_rule_reads(value):
    # numeric day/month orders are ambiguous (03/04), a missing day or year is not a day
    assert parse_published(value) is None


def test_describe_unreadable_names_the_value_and_the_forms():
    detail = describe_unreadable("13/12/2016")
    assert "'13/12/2016'" in detail and "ISO 8601" in detail and "RFC 822" in detail
    assert "\n" not in detail
