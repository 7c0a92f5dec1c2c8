"""The incident mention: what the extractor finds in one sentence, before normalization."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.models import Span, Trigger


@dataclass(frozen=True)
class IncidentMention:
    """One incident mention found in one sentence, before normalization."""

    sentence: Span
    paragraph: int
    trigger: Trigger
    cue_classes: frozenset[str]
    modality: str
    claim_status: str
    modality_cue: Span | None
    attributed_to: Span | None
    agent: Span | None
    patient: Span | None
    outcome: str | None
    weapon: str | None
    count: int  # how many incidents the trigger phrase announces ("deux attaques" -> 2)
    plural: bool  # the trigger is a plural noun: it may sum up several incidents
    ordinal: int | None  # "la première"/"the second" -> 1, 2
    anaphoric: bool  # "cette attaque", "the incident": refers to an incident already mentioned
    claimed: bool
    additive: bool  # "ont aussi revendiqué des attaques": adds incidents to those told
    confidence: float
    reporting: tuple[Span, ...] = ()
    pluperfect: bool = False  # "avaient été tués", "had killed": told before the article's incident  # words of the reporting clause ("a annoncé mardi le ministère")
