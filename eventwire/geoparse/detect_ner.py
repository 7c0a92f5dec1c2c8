"""Step 2a of the detectors: the spaCy entities. Toponyms (GPE/LOC/FAC; LOC in the French model),
demonyms (NORP), and what the words around a person's or organisation's name make of it: a town
("in Owerri"), a base ("Ain al-Asad airbase"), a place inside the name ("Ohio Department of
Health"), a building in the story's town ("Lincoln High School")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.gazetteer import Candidate
from eventwire.geoparse.common import (
    BASE_FEATURES,
    BLOCKING_LABELS,
    DEMONYM,
    DOCUMENT_FOCUS,
    ENTITY_LABELS,
    IN_NAME,
    PERSON_TAGGED_TOWN_POPULATION,
    clean_name,
    strong,
)
from eventwire.geoparse.names import (
    BASE_AFTER_RE,
    BASE_BEFORE_RE,
    LOCATIVE_RE,
    SITE_BEFORE_RE,
    institution_head,
    joined_left,
    joined_right,
    place_hint_after,
    subspans,
)
from eventwire.geoparse.state import Detection
from eventwire.geoparse.vocab import building_re, feature_word_re

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


def _place_entity(st: Detection, start: int, name: str, found: list[Candidate]) -> None:
    """A GPE/LOC/FAC entity: a demonym, a known place, or the well-known places inside it."""
    if st.demonym(name, found):
        st.add(start, start + len(name), name, "ner", DEMONYM)
    elif found or st.gazetteer.abbreviation(name):
        st.add(start, start + len(name), name, "ner", None)
    else:
        feature_named = bool(feature_word_re().search(name))
        parts = subspans(
            st.text,
            start,
            start + len(name),
            st.gazetteer,
            # "Tennessee Colony", "Niger Delta": a place of its own, not Tennessee or
            # Niger (but "Las Vegas Valley" is by Las Vegas)
            lambda n, f: (
                strong(f) and not (feature_named and any(c.feature in ("country", "admin1", "region") for c in f))
            ),
        )
        for s0, e0, n0 in parts:
            st.add(s0, e0, n0, "ner", None)
        if not parts:
            st.add(start, start + len(name), name, "ner", None)


def _person(st: Detection, start: int, name: str, found: list[Candidate]) -> None:
    """A name tagged PERSON that the words around it make a place (or a listed town)."""
    text, gazetteer = st.text, st.gazetteer
    areas = [c for c in found if c.feature in ("continent", "country", "admin1", "region")]
    if any(c.primary for c in areas):
        st.add(start, start + len(name), name, "ner", None)
    elif any(
        c.primary and c.feature == "city" and c.population >= PERSON_TAGGED_TOWN_POPULATION for c in found
    ) and LOCATIVE_RE.search(text[max(0, start - 12) : start]):
        # "in Owerri", "in Ciudad Juarez": a town tagged PERSON after a preposition
        st.add(start, start + len(name), name, "ner", None)
    elif st.us_local and (inst := institution_head(text, start, start + len(name), gazetteer)):
        # "Anderson County Sheriff Greg Taylor", "Tega Cay Fire Department": the place
        # an institution tagged PERSON is named after
        st.add(*inst, "ner", IN_NAME)
    elif any(c.primary and (c.feature in ("city", "admin2")) for c in found):
        st.listed.append((start, start + len(name), name))
    elif " " in name and building_re().fullmatch(name.split()[-1]):
        st.add(start, start + len(name), name, "ner", DOCUMENT_FOCUS)  # "Christopher Inn"
    elif (
        not found
        and SITE_BEFORE_RE.search(text[max(0, start - 10) : start])
        and not re.match(r"['’]s\b", text[start + len(name) : start + len(name) + 3])
    ):
        # "at Brands Hatch", "in Faubourg Marigny": a site the gazetteer lacks, in town
        st.add(start, start + len(name), name, "ner", DOCUMENT_FOCUS)


def _organisation(st: Detection, start: int, name: str, label: str) -> None:
    """An organisation's (or other blocking entity's) name: the places inside it."""
    text, gazetteer, support_isos = st.text, st.gazetteer, st.support_isos
    parts = subspans(
        text,
        start,
        start + len(name),
        gazetteer,
        lambda n, f: strong(f) or st.demonym(n, f) or st.supported(f),
        code_isos=support_isos,
    )
    for s0, e0, n0 in parts:
        found0 = gazetteer.candidates(n0)
        st.add(s0, e0, n0, "ner", DEMONYM if st.demonym(n0, found0) else IN_NAME)
    if (
        not parts
        and st.us_local
        and (
            inst := institution_head(
                text,
                start,
                start + len(name),
                gazetteer,
                lambda f: strong(f) or st.supported(f) or any(c.primary and c.iso in support_isos for c in f),
            )
        )
    ):
        st.add(*inst, "ner", IN_NAME)  # "the Oakdale Fire Department", "Grand Ledge Police"
        return
    if not parts and label in ("ORG", "FAC") and building_re().search(name):
        # "Barclays Center", "Lincoln High School": a building, somewhere in town
        st.add(start, start + len(name), name, "ner", DOCUMENT_FOCUS)


def _blocking_entity(st: Detection, ent: SpacySpan, start: int, name: str, found: list[Candidate]) -> None:
    """A person's, organisation's or work's name: no place unless the words around it make it
    one; its span blocks the n-gram detector."""
    text = st.text
    hint = place_hint_after(text, ent.end_char, name, found, st.gazetteer)
    if hint is not None:
        # "the Kent-based outfit", "In Klamath Falls, Oregon," (a town the NER read as a
        # person), "the prominent Slovak architect": the words around it make it a place
        st.add(start, start + len(name), name, "ner", hint or None)
        return
    if any(c.feature in BASE_FEATURES for c in found) and (
        BASE_AFTER_RE.match(text, ent.end_char)
        or BASE_BEFORE_RE.search(text[max(0, ent.start_char - 25) : ent.start_char])
    ):
        # "Ain al-Asad airbase" tagged PERSON: a base the gazetteer knows, named as one
        st.add(start, start + len(name), name, "ner", None)
        return
    st.blocked.append((ent.start_char, ent.end_char))
    person = ent.label_ in ("PERSON", "PER")
    if not person and (strong(found) or st.demonym(name, found)):
        # "Texas" or "Gainesville" tagged ORG: a place name used for its institutions.
        st.add(start, start + len(name), name, "ner", DEMONYM if st.demonym(name, found) else None)
    elif person:
        _person(st, start, name, found)
    else:
        _organisation(st, start, name, ent.label_)


def entities(st: Detection) -> None:
    """2a. NER entities: toponyms; demonyms (NORP); places named inside organisation names."""
    if st.doc is None:
        return
    labels = ENTITY_LABELS.get(st.lang, frozenset({"GPE", "LOC", "FAC"}))
    for ent in st.doc.ents:
        span = (ent.start_char, ent.end_char)
        if not st.free(span):
            continue
        name = clean_name(ent.text)
        if not name:
            continue
        start = ent.start_char + max(ent.text.find(name), 0)
        found = st.gazetteer.candidates(name)
        if ent.label_ in labels and (longer := joined_right(st.text, start + len(name), name, st.gazetteer)):
            # "Boa" GPE + "Vista" ORG: the NER split a town's name
            name, found = longer, st.gazetteer.candidates(longer)
        elif ent.label_ in labels and (wider := joined_left(st.text, start, name, st.gazetteer)):
            # "Homa" + "Bay County" GPE: the NER cut a two-word division's name
            start, name = wider
            found = st.gazetteer.candidates(name)
        if ent.label_ in labels:
            _place_entity(st, start, name, found)
        elif ent.label_ == "NORP":
            # "Somali Islamist": a people named as an adjective, even where a province
            # shares the name (Ethiopia's Somali region)
            if st.demonym(name, found) or st.gazetteer.demonym_place(name, derived=st.lang == "en") is not None:
                st.add(start, start + len(name), name, "ner", DEMONYM)
            else:
                st.blocked.append(span)
        elif ent.label_ in BLOCKING_LABELS:
            _blocking_entity(st, ent, start, name, found)
