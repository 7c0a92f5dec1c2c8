"""What the place-mention detectors share while they read one text: the names found so far (and
the spans they take), the entities that block a name, the towns the NER tagged as people."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.gazetteer import Candidate, Gazetteer
from eventwire.geoparse.common import spans_overlap
from eventwire.geoparse.profiles import US_LOCAL
from eventwire.models import AREA_FEATURES

if TYPE_CHECKING:
    from spacy.tokens import Doc

# (start, end, name, method, relation) of a detected name
Raw = tuple[int, int, str, str, str | None]


@dataclass
class Detection:
    """One text being read by the detectors, in the order of `detect.DETECTORS`.

    `support` holds the (country, admin1) areas the document's well-known places are in: a
    capitalized name the NER missed is then also taken when it is a town of one of them."""

    text: str
    doc: Doc | None  # the spaCy parse, None when the text is read without NER
    lang: str
    gazetteer: Gazetteer
    profile: str
    support: frozenset[tuple[str, str]] = frozenset()
    raw: list[Raw] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)
    blocked: list[tuple[int, int]] = field(default_factory=list)  # spans of blocking entities
    listed: list[tuple[int, int, str]] = field(default_factory=list)  # towns tagged PERSON
    # what the detectors asked `support` about: the areas and the countries
    asked_areas: set[tuple[str | None, str | None]] = field(default_factory=set)
    asked_isos: set[object] = field(default_factory=set)

    @property
    def support_isos(self) -> Container[str]:
        """The countries of `support`, recording each one asked about."""
        return _AskedIsos(self)

    def support_matters(self, support: frozenset[tuple[str, str]]) -> bool:
        """Return whether reading the text again with `support` could find other names: when
        one of the questions the detectors asked `self.support` would have another answer
        (every answer is "no" with no support, so a second reading asks the same questions in
        the same order and finds the same names unless one is now answered "yes")."""
        isos = {iso for iso, _ in support}
        return bool(self.asked_areas & support) or bool(self.asked_isos & isos)

    @property
    def us_local(self) -> bool:
        """Whether the detectors written for US local news run (profile "us-local")."""
        return self.profile == US_LOCAL

    def person_ents(self) -> list:
        """Return the entities the NER tagged as people."""
        if self.doc is None:
            return []
        return [e for e in self.doc.ents if e.label_ in ("PERSON", "PER")]

    def supported(self, found: list[Candidate]) -> bool:
        """Return whether a name is a town or county of one of the `support` areas."""
        areas = {(c.iso, c.admin1) for c in found if c.primary and c.feature in ("city", "admin2")}
        self.asked_areas |= areas
        return bool(self.support) and not areas.isdisjoint(self.support)

    def free(self, span: tuple[int, int]) -> bool:
        """Return whether no name found so far overlaps `span`."""
        return not any(spans_overlap(span, t) for t in self.taken)

    def add(self, start: int, end: int, name: str, method: str, relation: str | None) -> None:
        """Record a name and take its span."""
        self.raw.append((start, end, name, method, relation))
        self.taken.append((start, end))

    def demonym(self, name: str, found: list[Candidate]) -> bool:
        """Return whether a name is a people's rather than a place's ("Canadian", "maliens")."""
        return not any(c.primary and c.feature in AREA_FEATURES for c in found) and (
            self.gazetteer.demonym_place(name, derived=self.lang == "en") is not None
        )


class _AskedIsos:
    """The countries of a `Detection`'s support, as a container that records the ones asked."""

    def __init__(self, st: Detection) -> None:
        self.st = st
        self.isos = frozenset(iso for iso, _ in st.support)

    def __contains__(self, iso: object) -> bool:
        self.st.asked_isos.add(iso)
        return iso in self.isos
