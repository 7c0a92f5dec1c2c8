"""The kind coder reads the weapon of an incident's less firm mentions when its firmest voice
names none (issue 16): "A bomb reportedly went off under a patrol. The group claimed the attack"
is a Remote explosive, not an attack of unknown means. Sentences are invented."""

from __future__ import annotations

from eventwire.extract.lexicon import load_taxonomy
from eventwire.models import Mention, Span, Trigger
from eventwire.resolve.coders.kind import code_event_kind


def _mention(start: int, text: str, modality: str, classes: set[str], sub: str, event_type: str) -> Mention:
    return Mention(
        document_id="d",
        sentence=Span(start, start + len(text), text),
        trigger=Trigger(Span(start, start + 6, text[:6]), "attack", event_type, sub, "attack"),
        event_type=event_type,
        sub_event_type=sub,
        modality=modality,
        claim_status="claimed" if modality == "claimed" else "reported",
        cue_classes=frozenset(classes),
    )


CLAIM = "The group claimed the attack on the patrol."
REPORT = "A roadside bomb reportedly went off under an army patrol near Kolo."


def test_the_weapon_of_a_less_firm_mention_types_the_incident():
    claim = _mention(0, CLAIM, "claimed", {"A_ATTACK", "P_ARMED", "P_SECURITY"}, "Armed clash", "Battles")
    report = _mention(
        50,
        REPORT,
        "alleged",
        {"W_IED", "A_EXPLOSION", "P_SECURITY"},
        "Remote explosive/landmine/IED",
        "Explosions/Remote violence",
    )
    kind = code_event_kind([claim, report], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Remote explosive/landmine/IED"


def test_a_context_mention_lends_no_weapon():
    claim = _mention(0, CLAIM, "claimed", {"A_ATTACK", "P_ARMED", "P_SECURITY"}, "Armed clash", "Battles")
    earlier = _mention(
        50,
        REPORT,
        "context",
        {"W_IED", "A_EXPLOSION", "P_SECURITY"},
        "Remote explosive/landmine/IED",
        "Explosions/Remote violence",
    )
    kind = code_event_kind([claim, earlier], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Armed clash"


def test_a_weapon_of_the_firmest_voice_is_kept():
    claim = _mention(
        0, CLAIM, "claimed", {"A_ATTACK", "W_GRENADE", "P_SECURITY"}, "Grenade", "Explosions/Remote violence"
    )
    report = _mention(
        50,
        REPORT,
        "alleged",
        {"W_IED", "A_EXPLOSION", "P_SECURITY"},
        "Remote explosive/landmine/IED",
        "Explosions/Remote violence",
    )
    kind = code_event_kind([claim, report], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Grenade"
