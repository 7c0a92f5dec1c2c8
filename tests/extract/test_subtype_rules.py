"""Sub-event typing rules for the confusions seen on unseen data (issue 16, item 5), FR and EN.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import find_mentions

EVENT_MODALITIES = {"asserted", "claimed", "alleged"}


def first_sub_type(text: str, lang: str) -> str:
    found = [m for m in find_mentions(text, lang) if m.modality in EVENT_MODALITIES]
    assert found, text
    return found[0].trigger.sub_event_type


def sub_types(text: str, lang: str) -> list[str]:
    return [m.trigger.sub_event_type for m in find_mentions(text, lang) if m.modality in EVENT_MODALITIES]


# --- explosive devices: Remote explosive/landmine/IED whoever the victims are -------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Seven worshippers died when a bomb blast tore through a chapel in Kerou on Sunday.",
        ),
        (
            "en",
            "A bomb hidden in a parked van went off outside a school in Kerou, wounding eleven pupils.",
        ),
        (
            "en",
            "Nineteen people, among them two militia fighters, died when a lorry bomb went off at the Kerou cattle market.",
        ),
        ("en", "An explosion at a crowded market in Kerou killed nine people on Friday evening."),
        ("en", "A roadside bomb struck a minibus carrying traders near Kerou, killing four."),
        (
            "fr",
            "Douze civils ont été tués mardi dans l'explosion d'un camion piégé sur le marché de Kerou.",
        ),
        (
            "fr",
            "Six passagers sont morts quand une bombe cachée sous un siège du car a sauté près de Kerou.",
        ),
        ("fr", "Un minibus piégé a tué neuf commerçants devant la gare routière de Kerou."),
        (
            "fr",
            "Un véhicule de transport a sauté sur un engin explosif improvisé, tuant quatre passagers.",
        ),
        (
            "fr",
            "Une mine a explosé au passage d'un convoi militaire près de Kerou, blessant trois soldats.",
        ),
    ],
)
def test_explosive_device_is_remote_explosive_whoever_the_victims(lang, text):
    assert first_sub_type(text, lang) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # bombs dropped from an aircraft stay an air strike
        ("en", "Warplanes bombed a fuel depot near Kerou on Monday.", "Air/drone strike"),
        (
            "fr",
            "L'aviation a bombardé un dépôt de carburant près de Kerou lundi.",
            "Air/drone strike",
        ),
        # states drop bombs, armed groups plant them: forces bombing is an air strike
        (
            "en",
            "The army bombed an insurgent camp near Kerou on Tuesday, killing ten insurgents.",
            "Air/drone strike",
        ),
        (
            "en",
            "A military helicopter fired on an insurgent convoy near Kerou.",
            "Air/drone strike",
        ),
        (
            "en",
            "A bomb exploded near a military convoy outside Kerou, wounding two soldiers.",
            "Remote explosive/landmine/IED",
        ),
        # a grenade launcher fires from a distance like a mortar: not a hand grenade
        (
            "en",
            "The rebels fired grenade launchers at the army positions near Kerou.",
            "Shelling/artillery/missile attack",
        ),
        (
            "fr",
            "Les rebelles ont tiré au lance-grenades sur les positions de l'armée près de Kerou.",
            "Shelling/artillery/missile attack",
        ),
        # a hand grenade thrown into a crowd stays a Grenade
        ("en", "A man threw a grenade into a bar in Kerou, wounding five customers.", "Grenade"),
    ],
)
def test_bombs_and_grenades_by_who_delivers_them(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


# --- mortars with small arms: the sides are in contact, an Armed clash ---------------------------


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        (
            "en",
            "Insurgents shelled the Kerou barracks with mortars and then opened up with machine guns and small arms.",
            "Armed clash",
        ),
        (
            "fr",
            "Les rebelles ont tiré au mortier et à la mitrailleuse lourde sur les positions de l'armée près de Kerou.",
            "Armed clash",
        ),
        # long-range fire alone stays Shelling
        (
            "en",
            "The army fired mortars at rebel positions near Kerou on Saturday.",
            "Shelling/artillery/missile attack",
        ),
        (
            "fr",
            "L'armée a tiré des obus de mortier sur les positions rebelles près de Kerou.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_long_range_fire_with_small_arms_is_a_clash(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


# --- retaking territory: who retakes it decides -------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        (
            "en",
            "The government recaptured the Kerou dam after a week of fighting.",
            "Government regains territory",
        ),
        (
            "en",
            "Soldiers retook the town of Kerou from the rebels on Sunday.",
            "Government regains territory",
        ),
        (
            "en",
            "The army regained control of Kerou after a two-day offensive.",
            "Government regains territory",
        ),
        (
            "fr",
            "L'armée a repris la localité de Kerou aux jihadistes dimanche.",
            "Government regains territory",
        ),
        (
            "fr",
            "Les forces armées ont annoncé la reprise du camp de Kerou.",
            "Government regains territory",
        ),
        (
            "en",
            "The rebels recaptured the village of Kerou from the army on Monday.",
            "Non-state actor overtakes territory",
        ),
        # "reprendre" alone is fighting resuming, not territory retaken
        (
            "fr",
            "Les combats ont repris dimanche près de Kerou entre l'armée et les rebelles.",
            "Armed clash",
        ),
    ],
)
def test_retaking_territory(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


# --- who is attacked decides: forces fight back (Armed clash), civilians do not (Attack) ---------


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        ("en", "Militants attacked government forces near Kerou on Tuesday.", "Armed clash"),
        (
            "en",
            "Two soldiers died when insurgents hit a supply column of the armed forces outside Kerou.",
            "Armed clash",
        ),
        ("en", "A soldier was killed by a sniper near Kerou.", "Armed clash"),
        (
            "fr",
            "Des jihadistes ont attaqué les forces gouvernementales près de Kerou mardi.",
            "Armed clash",
        ),
        # a group whose name opens with "Forces" is an armed group, not the state
        (
            "fr",
            "Des rebelles des Forces populaires unies ont attaqué le village de Kerou, tuant huit civils.",
            "Attack",
        ),
        (
            "fr",
            "Des hommes armés ont attaqué un poste de l'armée à Kerou, tuant trois soldats.",
            "Armed clash",
        ),
        (
            "en",
            "Gunmen attacked a bus carrying traders near Kerou, killing four passengers.",
            "Attack",
        ),
        ("en", "Rebel forces killed twelve civilians in the village of Kerou.", "Attack"),
        ("fr", "Les forces rebelles ont tué douze civils dans le village de Kerou.", "Attack"),
        (
            "fr",
            "Des hommes armés ont attaqué un car de voyageurs près de Kerou, tuant quatre passagers.",
            "Attack",
        ),
        # civilians on the receiving end: forces named elsewhere in the sentence do not make it a
        # battle; "On <date>" names no target; a relative clause describes the victims, it does
        # not arm them
        (
            "en",
            "On 12 March, gunmen attacked traders in Kerou as police patrolled the town.",
            "Attack",
        ),
        (
            "en",
            "Militants attacked the relatives of a herder who had guided soldiers near Kerou, killing two.",
            "Attack",
        ),
        (
            "fr",
            "Des hommes armés ont attaqué des commerçants à Kerou pendant une patrouille de la police.",
            "Attack",
        ),
        # an ambush is typed by its target, in French as in English
        (
            "fr",
            "Des hommes armés ont tendu une embuscade à un car de voyageurs près de Kerou, tuant trois passagers.",
            "Attack",
        ),
        (
            "fr",
            "Des jihadistes ont tendu une embuscade à une patrouille de l'armée près de Kerou, tuant deux soldats.",
            "Armed clash",
        ),
    ],
)
def test_target_decides_between_clash_and_attack(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


# --- unarmed groups fighting: Mob violence -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        (
            "en",
            "Two groups of neighbours fought over a boundary in Kerou on Monday, injuring five.",
            "Mob violence",
        ),
        (
            "en",
            "Two groups of villagers came to blows over a water point near Kerou.",
            "Mob violence",
        ),
        (
            "fr",
            "Deux familles se sont affrontées à coups de bâtons à Kerou, faisant trois blessés.",
            "Mob violence",
        ),
        # an armed side makes it a battle
        ("en", "Fighting broke out between the army and rebels near Kerou.", "Armed clash"),
    ],
)
def test_unarmed_groups_fighting_is_mob_violence(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


# --- a gathering broken up by lethal force: Excessive force against protesters ------------------


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        (
            "en",
            "Police dispersing the crowd shot dead a bystander in Kerou.",
            "Excessive force against protesters",
        ),
        (
            "fr",
            "En dispersant la foule, les policiers ont tiré à balles réelles, tuant un passant.",
            "Excessive force against protesters",
        ),
        # tear gas only: Protest with intervention; rioters: Violent demonstration
        (
            "en",
            "Teachers demonstrating outside the Kerou town hall were dispersed with tear gas by officers.",
            "Protest with intervention",
        ),
        (
            "en",
            "Rioters stoned the Kerou police post and one of them died when officers broke up the crowd.",
            "Violent demonstration",
        ),
    ],
)
def test_lethal_dispersal_is_excessive_force(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


# --- issue 16 (parts 5 and 6): who fights back, and words inside a name or a denial ------------


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # an attack on a police post where the officers fight back is a battle
        (
            "en",
            "Gunmen attacked a police post in Kerou and the officers returned fire, killing two of them.",
            "Armed clash",
        ),
        # "riot police" is a police force, not a riot
        ("en", "Riot police arrested twelve traders at the Kerou market on Monday.", "Arrests"),
    ],
)
def test_a_fight_back_is_a_battle_and_riot_police_are_police(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # a cue word inside a denial is not the action: nobody was killed, nobody fought
        (
            "en",
            "Armed men looted shops in Kerou overnight; no casualties were reported.",
            "Looting/property destruction",
        ),
        (
            "fr",
            "Des assaillants ont pillé la mairie de Kerou sans faire de victimes.",
            "Looting/property destruction",
        ),
        (
            "en",
            "The army withdrew from Kerou without a fight on Monday.",
            "Non-violent transfer of territory",
        ),
        (
            "fr",
            "Les soldats ont achevé lundi leur retrait sans combat de la localité de Kerou.",
            "Non-violent transfer of territory",
        ),
        (
            "en",
            "A suicide attacker drove a car bomb into the gate of a military camp near Kerou.",
            "Suicide bomb",
        ),
    ],
)
def test_denied_actions_and_suicide_attackers(lang, text, sub_event_type):
    assert first_sub_type(text, lang) == sub_event_type


def test_classify_remembers_the_rule_per_set_of_classes() -> None:
    """A set of cue classes gets the first rule that holds, the same asked again or as a frozenset;
    two taxonomies keep their own answers."""
    from eventwire.extract.lexicon import Rule, Taxonomy

    def rule(sub: str, all_of: set[str], none_of: set[str] = frozenset()) -> Rule:  # type: ignore[assignment]
        return Rule(sub, "Violence against civilians", frozenset(all_of), frozenset(), frozenset(none_of))

    first = rule("Attack", {"A_KILL"}, {"P_SECURITY"})
    second = rule("Abduction/forced disappearance", {"A_KILL", "P_SECURITY"})
    taxonomy = Taxonomy(rules=(first, second), anchors=frozenset({"A_KILL"}))
    assert taxonomy.classify({"A_KILL"}) is first
    assert taxonomy.classify({"A_KILL", "P_SECURITY"}) is second
    assert taxonomy.classify(frozenset({"A_KILL"})) is first
    assert taxonomy.classify({"P_SECURITY"}) is None
    assert taxonomy.classify({"P_SECURITY"}) is None
    other = Taxonomy(rules=(second,), anchors=frozenset({"A_KILL"}))
    assert other.classify({"A_KILL"}) is None and taxonomy.classify({"A_KILL"}) is first
    assert other == Taxonomy(rules=(second,), anchors=frozenset({"A_KILL"}))
