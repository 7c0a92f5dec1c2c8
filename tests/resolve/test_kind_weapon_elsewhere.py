"""The kind coder reads the weapon of an incident's less firm mentions when its firmest voice
names none (issue 16): "A bomb reportedly went off under a patrol. The group claimed the attack"
is a Remote explosive, not an attack of unknown means. Sentences are invented."""

from __future__ import annotations

from eventwire.extract.lexicon import load_taxonomy
from eventwire.models import Mention
from eventwire.resolve.coders.kind import code_event_kind
from tests.factories import make_mention


def _mention(start: int, text: str, modality: str, classes: set[str], sub: str, event_type: str) -> Mention:
    claim_status = "claimed" if modality == "claimed" else "reported"
    return make_mention(
        start,
        text,
        event_type=event_type,
        sub_event_type=sub,
        modality=modality,
        claim_status=claim_status,
        cue_classes=frozenset(classes),
    )


CLAIM = "The group claimed the attack on the patrol."
REPORT = "A roadside bomb reportedly went off under an army patrol near Kolo."


def _bomb_report(modality: str) -> Mention:
    """The bomb sentence, told with `modality`, 50 characters on."""
    ied = "Remote explosive/landmine/IED"
    return _mention(50, REPORT, modality, {"W_IED", "A_EXPLOSION", "P_SECURITY"}, ied, "Explosions/Remote violence")


def test_the_weapon_of_a_less_firm_mention_types_the_incident():
    claim = _mention(0, CLAIM, "claimed", {"A_ATTACK", "P_ARMED", "P_SECURITY"}, "Armed clash", "Battles")
    report = _bomb_report("alleged")
    kind = code_event_kind([claim, report], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Remote explosive/landmine/IED"


def test_a_context_mention_lends_no_weapon():
    claim = _mention(0, CLAIM, "claimed", {"A_ATTACK", "P_ARMED", "P_SECURITY"}, "Armed clash", "Battles")
    earlier = _bomb_report("context")
    kind = code_event_kind([claim, earlier], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Armed clash"


def test_a_weapon_of_the_firmest_voice_is_kept():
    claim = _mention(
        0, CLAIM, "claimed", {"A_ATTACK", "W_GRENADE", "P_SECURITY"}, "Grenade", "Explosions/Remote violence"
    )
    report = _bomb_report("alleged")
    kind = code_event_kind([claim, report], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Grenade"
