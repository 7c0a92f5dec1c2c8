"""The per-field coders of resolve/coders/: each returns its value with its provenance, or a null
with the reason; notes never have a hole. Sentences and places are invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventwire.errors import DataFileError
from eventwire.models import (
    Actor,
    Casualties,
    EventDate,
    Mention,
    Place,
    PlaceMention,
    Span,
)
from eventwire.resolve.coders.actors import code_actors
from eventwire.resolve.coders.date import code_event_date
from eventwire.resolve.coders.fatalities import code_fatalities
from eventwire.resolve.coders.kind import code_event_kind
from eventwire.resolve.coders.notes import code_notes, load_notes_template, with_fatalities
from eventwire.resolve.coders.place import code_place
from eventwire.taxonomy import NOTES_VERBS
from tests.factories import make_mention as _mention

KOLO = Place("Kolo", "Mali", "ML", 14.0, -4.0, "city", 1, admin1="Segou")


def _toll(n: int, start: int, method: str = "figures") -> Casualties:
    return Casualties(fatalities=n, spans=(Span(start, start + 8, f"{n} killed"),), method=method)


def test_code_notes_drops_the_preposition_of_an_unknown_target():
    notes = code_notes(
        sub_event_type="Air/drone strike",
        event_date=date(2024, 5, 3),
        actor1="Military Forces",
        actor2=None,
        place=KOLO,
        country="Mali",
        fatalities=2,
    )
    assert notes == "On 3 May 2024, Military Forces carried out an air/drone strike in Kolo (Segou). 2 fatalities."
    assert "  " not in notes


@pytest.mark.parametrize("sub", sorted(NOTES_VERBS))
def test_code_notes_has_no_hole_for_any_sub_type_without_actors_date_or_place(sub):
    notes = code_notes(
        sub_event_type=sub,
        event_date=None,
        actor1=None,
        actor2=None,
        place=None,
        country=None,
        fatalities=0,
    )
    words = notes.split(" ")
    assert "" not in words
    # a verb phrase never ends on a word that needs an object before "in <place>"
    before_place = notes.split(" in an unknown place")[0].split()[-1]
    assert before_place not in {"on", "against", "at", "with", "from", "to", "by", "of"}


def test_code_notes_names_the_target_and_the_claimants():
    notes = code_notes(
        sub_event_type="Armed clash",
        event_date=date(2024, 5, 3),
        actor1="Group A",
        actor2="Group B",
        place=KOLO,
        country="Mali",
        fatalities=4,
        claimed_by=("Group A",),
    )
    assert notes == "On 3 May 2024, Group A clashed with Group B in Kolo (Segou). 4 fatalities. Claimed by Group A."
    assert with_fatalities(notes, 1).endswith("1 fatalities. Claimed by Group A.")


def test_notes_template_is_validated_on_load(tmp_path):
    bad = tmp_path / "en.yaml"
    bad.write_text(
        "template: 'On {date}, {actor1} {action}.'\nclaimed_by: 'Claimed by {claimants}.'\n"
        "unknown: {date: a, actor1: b, place: c}\nfallback_sub_event_type: Other\n"
        "no_target: []\nwithout_target: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="template"):
        load_notes_template(bad)
    bad.write_text(
        bad.read_text().replace("'On {date}, {actor1} {action}.'", "'{date} {actor1} {action} {place} {fatalities}'")
        + "extra: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="extra"):
        load_notes_template(bad)


def test_code_place_without_a_place_is_null_with_the_reason():
    coded = code_place([_mention(0, "attack somewhere")], document_id="d")
    assert coded.value is None and "no place" in coded.provenance.reason


def test_code_place_takes_the_most_precise_place_with_its_span():
    region = Place("Segou", "Mali", "ML", 13.0, -6.0, "admin1", 3)
    vague = _mention(0, "attack in Segou", place=PlaceMention(Span(10, 15, "Segou"), "Segou", region, "ner"))
    town = _mention(40, "attack in Kolo", place=PlaceMention(Span(50, 54, "Kolo"), "Kolo", KOLO, "ner"))
    coded = code_place([vague, town], document_id="d")
    assert coded.value == KOLO and coded.provenance.text == "Kolo" and coded.provenance.method == "gazetteer:ner"


def test_code_place_prefers_a_village_coded_at_a_town_to_one_coded_at_its_region():
    # invented: "Tazor" unknown, coded at its region's point in one sentence and at the town
    # its apposition names in another ("Tazor, village de la commune de Kolo")
    at_region = Place("Tazor", "Mali", "ML", 13.0, -6.0, "village", 2, admin1="Segou", where_prec=4)
    at_town = replace(KOLO, name="Tazor", feature="village", geo_precision=2, where_prec=2)
    first = _mention(0, "attack in Tazor", place=PlaceMention(Span(10, 15, "Tazor"), "Tazor", at_region, "locative"))
    later = _mention(40, "Tazor village", place=PlaceMention(Span(40, 45, "Tazor"), "Tazor", at_town, "locative"))
    assert code_place([first, later], document_id="d").value == at_town


def test_code_event_date_falls_back_to_publication_with_the_reason():
    coded = code_event_date([_mention(0, "attack")], document_id="d", published=date(2024, 5, 4))
    assert coded.value.value == date(2024, 5, 4) and coded.value.time_precision == 2
    assert coded.provenance.method == "published_date" and coded.provenance.reason


def test_code_event_date_prefers_an_explicit_date():
    told = EventDate(date(2024, 5, 2), 1, Span(10, 18, "Thursday"), "time_expression")
    coded = code_event_date([_mention(0, "attack on Thursday", date=told)], document_id="d", published=date(2024, 5, 4))
    assert coded.value == told and coded.provenance.text == "Thursday"


def test_code_fatalities_takes_the_first_toll_and_keeps_the_range():
    lead = _mention(0, "attack killed 7", casualties=_toll(7, 7))
    part = _mention(40, "three of them children", casualties=_toll(3, 40))
    coded = code_fatalities([part, lead], document_id="d")
    assert coded.value.fatalities == 7
    assert (coded.value.fatalities_low, coded.value.fatalities_high) == (3, 7)
    assert coded.provenance.method == "casualties:figures" and coded.provenance.start == 7


def test_code_fatalities_takes_the_toll_that_adds_the_attackers():
    lead = _mention(0, "attack killed 9 guards", casualties=_toll(9, 7))
    sides = _mention(40, "9 guards and 2 raiders were killed", casualties=replace(_toll(11, 40), parts=(9, 2)))
    assert code_fatalities([lead, sides], document_id="d").value.fatalities == 11


def test_code_fatalities_prefers_the_standing_toll_to_an_earlier_report():
    early = _mention(0, "An initial toll gave 2 killed", casualties=_toll(2, 20))
    later = _mention(40, "Officials said 7 were killed", casualties=_toll(7, 55))
    assert code_fatalities([early, later], document_id="d").value.fatalities == 7
    # without a mark of an earlier report, the first toll stands
    first = _mention(0, "Residents said 2 were killed", casualties=_toll(2, 20))
    assert code_fatalities([first, later], document_id="d").value.fatalities == 2


def test_code_fatalities_without_deaths_is_zero_with_the_reason():
    coded = code_fatalities([_mention(0, "attack")], document_id="d")
    assert coded.value.fatalities == 0 and "no deaths" in coded.provenance.reason


def test_code_fatalities_of_a_sub_type_without_deaths_is_zero_with_the_reason():
    # "residents marched against the killing of two teachers": the deaths are the protest's cause
    cause = _mention(0, "a march against the killing of two teachers", casualties=_toll(2, 20))
    coded = code_fatalities([cause], document_id="d", sub_event_type="Peaceful protest")
    assert coded.value.fatalities == 0 and "no deaths for a Peaceful protest" in coded.provenance.reason
    assert code_fatalities([cause], document_id="d", sub_event_type="Attack").value.fatalities == 2


def test_code_actors_gives_the_default_target_of_violence_against_civilians():
    actors = code_actors(
        [_mention(0, "gunmen attacked")],
        document_id="d",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        country="Mali",
        event_date=date(2024, 5, 3),
    )
    assert actors.actor1.value == "Unidentified Armed Group (Mali)"
    assert actors.actor2.value == "Civilians (Mali)"
    assert actors.actor1.provenance.reason


def test_code_actors_without_a_target_says_why():
    actors = code_actors(
        [_mention(0, "a blast")],
        document_id="d",
        event_type="Battles",
        sub_event_type="Armed clash",
        country="Mali",
        event_date=None,
    )
    assert actors.actor2.value is None and actors.actor2.provenance.reason


def test_code_event_kind_keeps_the_trigger_as_provenance():
    kind = code_event_kind([_mention(0, "attack at dawn")], document_id="d")
    assert (kind.event_type.value, kind.sub_event_type.value) == ("Battles", "Armed clash")
    assert kind.event_type.provenance.method == "trigger:attack"


def _force(name: str, country: str, actor_type: str = "state_forces") -> Actor:
    return Actor(name=name, country=country, actor_type=actor_type, span=None, method="alias")


def _disrupted(*mentions: Mention, country: str = "Mali"):
    mentions = tuple(
        replace(m, event_type="Strategic developments", sub_event_type="Disrupted weapons use") for m in mentions
    )
    return code_actors(
        mentions,
        document_id="d",
        event_type="Strategic developments",
        sub_event_type="Disrupted weapons use",
        country=country,
        event_date=date(2024, 5, 3),
    )


def test_code_actors_disrupted_weapon_gives_the_own_country_defuser_as_actor1():
    # invented: "Malian soldiers defused a mine planted by the rebels near Kolo"
    army = _force("Military Forces of Mali (2021-)", "Mali")
    rebels = _force("Rebels of Kolo", "Mali", "rebel_group")
    actors = _disrupted(
        _mention(
            0,
            "Malian soldiers defused a mine",
            actor1=army,
            actor2=rebels,
            weapon="explosive device",
        )
    )
    assert (actors.actor1.value, actors.actor2.value) == (
        "Military Forces of Mali (2021-)",
        "Rebels of Kolo",
    )


def test_code_actors_drone_downed_with_no_interceptor_named_gives_the_country_military():
    # invented: "two drones were shot down over Kolo overnight"
    actors = _disrupted(_mention(0, "two drones were shot down", weapon="drone"))
    assert actors.actor1.value.startswith("Military Forces of Mali")


def test_code_actors_foreign_force_downing_a_drone_is_the_target():
    # invented: "French forces shot down a drone approaching their base near Kolo"
    french = _force("Military Forces of France (2017-)", "France")
    actors = _disrupted(_mention(0, "French forces shot down a drone", actor1=french, weapon="drone"))
    assert actors.actor1.value == "Unidentified Armed Group (Mali)"
    assert actors.actor2.value == "Military Forces of France (2017-)"


def test_code_fatalities_leaves_out_deaths_told_as_the_act_s_motive():
    # "Rebels shelled Kolo in retaliation for strikes that killed herders": another event's deaths
    text = "Rebels shelled Kolo in retaliation for strikes that killed herders"
    motive = _mention(0, text, casualties=_toll(3, text.index("killed"), "unnumbered_deaths_default"))
    assert code_fatalities([motive], document_id="d").value.fatalities == 0
    # "Rebels shelled Kolo after dawn, killing herders": the act's own deaths
    text = "Rebels shelled Kolo after dawn, killing herders"
    own = _mention(0, text, casualties=_toll(3, text.index("killing"), "unnumbered_deaths_default"))
    assert code_fatalities([own], document_id="d").value.fatalities == 3


def _violent(mention: Mention, sub_event_type: str, event_type: str = "Explosions/Remote violence"):
    return code_actors(
        [replace(mention, event_type=event_type, sub_event_type=sub_event_type)],
        document_id="d",
        event_type=event_type,
        sub_event_type=sub_event_type,
        country="Mali",
        event_date=date(2024, 5, 3),
    )


def test_code_actors_force_whose_vehicle_hit_a_mine_is_the_target():
    # invented: "an army truck struck a mine near Kolo" (the parse makes the army the subject)
    army = _force("Military Forces of Mali (2021-)", "Mali")
    actors = _violent(_mention(0, "an army truck struck a mine", actor1=army), "Remote explosive/landmine/IED")
    assert actors.actor1.value == "Unidentified Armed Group (Mali)"
    assert actors.actor2.value == "Military Forces of Mali (2021-)"


def test_code_actors_force_that_defused_a_bomb_stays_actor1():
    # invented: "soldiers defused a bomb near Kolo" read as an explosion
    army = _force("Military Forces of Mali (2021-)", "Mali")
    defused = _mention(0, "soldiers defused a bomb", actor1=army, cue_classes=frozenset({"A_INTERCEPT", "W_BOMB"}))
    actors = _violent(defused, "Remote explosive/landmine/IED")
    assert actors.actor1.value == "Military Forces of Mali (2021-)"


def test_code_actors_civilians_are_never_the_perpetrator_of_shelling():
    # invented: "civilians fled the shelling of Kolo market"
    civilians = _force("Civilians (Mali)", "Mali", "civilians")
    actors = _violent(_mention(0, "civilians fled the shelling", actor1=civilians), "Shelling/artillery/missile attack")
    assert actors.actor1.value == "Unidentified Armed Group (Mali)"
    assert actors.actor2.value == "Civilians (Mali)"


def test_code_fatalities_takes_a_later_toll_told_by_an_ordinal():
    # "Three men were killed ..." then "A fourth victim died later in hospital." (4, not 3 or 7)
    lead = _mention(0, "Three men were killed in Kolo", casualties=_toll(3, 0))
    later = _mention(40, "A fourth victim died later in hospital", casualties=_toll(4, 40))
    assert code_fatalities([lead, later], document_id="d").value.fatalities == 4


def test_code_fatalities_adds_a_side_named_by_its_party_alone():
    # "L'attaque a coûté la vie à sept soldats." "Côté ennemi, vingt terroristes ont été tués."
    soldiers = _mention(0, "L'attaque a coûté la vie à sept soldats.", casualties=_toll(7, 0))
    soldiers = replace(soldiers, cue_classes=frozenset({"A_ATTACK", "A_KILL", "P_SECURITY"}))
    enemies = _mention(45, "Côté ennemi, vingt terroristes ont été tués.", casualties=_toll(20, 45))
    enemies = replace(enemies, cue_classes=frozenset({"A_KILL", "P_ARMED"}))
    assert code_fatalities([soldiers, enemies], document_id="d").value.fatalities == 27
    # the same toll told again with the attackers named ("... dans l'attaque des jihadistes")
    again = _mention(45, "Sept personnes ont été tuées dans l'attaque des jihadistes.", casualties=_toll(7, 45))
    again = replace(again, cue_classes=frozenset({"A_ATTACK", "A_KILL", "P_ARMED"}))
    assert code_fatalities([soldiers, again], document_id="d").value.fatalities == 7


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        ("Trois soldats ont été tués et cinq blessés.", "L'un des blessés a succombé à l'hôpital."),
        ("Three guards were killed and five wounded.", "One of the injured later died in hospital."),
    ],
)
def test_code_fatalities_adds_the_later_deaths_of_the_wounded(lead, later):
    told = _mention(0, lead, casualties=replace(_toll(3, 0), injuries=5))
    died = _mention(50, later, casualties=_toll(1, 50, method="singular_death"))
    assert code_fatalities([told, died], document_id="d").value.fatalities == 4
    # with no wounded told before, a later death is another report of the toll
    plain = _mention(0, lead, casualties=_toll(3, 0))
    assert code_fatalities([plain, died], document_id="d").value.fatalities == 3
