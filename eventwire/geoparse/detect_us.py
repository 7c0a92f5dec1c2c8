"""Detectors written for US local news (profile "us-local", see `profiles`): the GeoWebNews and
LGL benchmarks count these toponyms, conflict dispatches hardly ever write them."""

from __future__ import annotations

import re

from eventwire.geoparse.common import IN_NAME, UP
from eventwire.geoparse.names import LIST_GAP_RE, OF_TOWN_RE
from eventwire.geoparse.state import Detection

PLURAL_DIVISIONS_RE = re.compile(
    rf"(?P<names>(?:[{UP}][\w'’.\-]*(?:\s+[{UP}][\w'’.\-]*)?\s*(?:,\s*|\s+and\s+|\s+or\s+|\s*&\s*))+"
    rf"(?:and\s+|or\s+)?[{UP}][\w'’.\-]*(?:\s+[{UP}][\w'’.\-]*)?)\s+(?P<kind>counties|parishes)\b"
)
# "Sen. Ray Miller, D-Columbus": a US legislator's party and home town
PARTY_TOWN_RE = re.compile(rf"\b[DRI]-([{UP}][a-z]+(?:\s[{UP}][a-z]+)?)\b")


def plural_divisions(st: Detection) -> None:
    """1b. "Jackson and Barrow counties", "Rapides and Avoyelles parishes"."""
    for m in PLURAL_DIVISIONS_RE.finditer(st.text):
        generic = "County" if m.group("kind").lower() == "counties" else "Parish"
        for n in re.finditer(rf"[{UP}][\w'’.\-]*(?:\s+[{UP}][\w'’.\-]*)?", m.group("names")):
            span = (m.start("names") + n.start(), m.start("names") + n.end())
            full = f"{n.group(0)} {generic}"
            if st.free(span) and any(c.feature == "admin2" for c in st.gazetteer.candidates(full)):
                st.add(span[0], span[1], full, "gazetteer", None)


def home_towns(st: Detection) -> None:
    """2b''. "Kalena Horhn of Grand Prairie,", "the Home Economics Club of Centerville.": the home
    town written after a person or an organisation."""
    for b in st.blocked:
        m = OF_TOWN_RE.match(st.text, b[1])
        if (
            m
            and st.free((m.start(1), m.end(1)))
            and any(c.primary and c.feature in ("city", "admin2") for c in st.gazetteer.candidates(m.group(1)))
        ):
            st.add(m.start(1), m.end(1), m.group(1), "gazetteer", None)


def party_towns(st: Detection) -> None:
    """2b'. "Sen. Ray Miller, D-Columbus": a legislator's home town, when the gazetteer knows it."""
    for m in PARTY_TOWN_RE.finditer(st.text):
        span = (m.start(1), m.end(1))
        if st.free(span) and any(
            c.feature == "admin2" or c.primary and c.feature == "city" for c in st.gazetteer.candidates(m.group(1))
        ):
            st.add(span[0], span[1], m.group(1), "gazetteer", None)  # "D-Monongalia": a county


def listed_towns(st: Detection) -> None:
    """2c''. "Newark, Heath and Pataskala", "Gainesville and Duluth": a town the NER tagged PERSON
    listed beside places is one (repeated until no list grows); not a surname the document gives
    a person elsewhere ("Hillary Clinton" ... "Obama and Clinton")."""
    text = st.text
    surnames = {w for e in st.person_ents() if " " in e.text.strip() for w in e.text.split()[1:]}
    listed = [item for item in st.listed if item[2] not in surnames]
    grew = True
    while grew and listed:
        grew = False
        places = [(r[0], r[1]) for r in st.raw if r[4] in (None, IN_NAME, "dateline")]
        for item in list(listed):
            if any(
                LIST_GAP_RE.fullmatch(text[item[1] : p[0]]) or LIST_GAP_RE.fullmatch(text[p[1] : item[0]])
                for p in places
            ) and st.free(item[:2]):
                st.add(item[0], item[1], item[2], "ner", None)
                listed.remove(item)
                grew = True
