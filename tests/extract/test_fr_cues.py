"""French trigger and modality cues added to data/triggers/fr.yaml and data/modality/fr.yaml.

Sentences are written for these tests (invented places and people), not taken from any
evaluation article. The real French spaCy model is loaded once per module.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def find(find_fr):
    return find_fr


def _summary(found):
    return [(m.trigger.span.text, m.trigger.sub_event_type, m.modality) for m in found]


def _only(found):
    assert len(found) == 1, _summary(found)
    return found[0]


# --- sub-event types from the new or narrowed trigger cues ------------------------------------


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # W_IED: "engin artisanal", anti-tank mines, booby-trapped motorbikes; "engin" alone is no
        # longer a drone, so an IED is not an air/drone strike
        (
            "Trois gendarmes ont été blessés mardi lorsque leur véhicule a roulé sur un engin artisanal près de Kolimba.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Un camion de transport a sauté sur une mine antichar jeudi à la sortie de Barandi.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Une moto piégée a explosé lundi devant la mairie de Sorabé.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Deux soldats ont été tués par l'explosion d'un engin explosif improvisé mardi près de Kossa.",
            "Remote explosive/landmine/IED",
        ),
        # W_SUICIDE: explosive belts, hyphenated "attaque-suicide"
        (
            "Deux kamikazes équipés de ceintures d'explosifs ont visé la gare routière de Tanouma vendredi.",
            "Suicide bomb",
        ),
        ("Une attaque-suicide a visé le camp de Dori samedi.", "Suicide bomb"),
        # W_DRONE + A_INTERCEPT: an unmanned aircraft that crashed is a disrupted weapon
        ("Un aéronef sans pilote s'est écrasé dimanche près de Kéfara.", "Disrupted weapons use"),
        # W_AIR: "raids israéliens", the Sahel armies' "vecteurs aériens"
        ("Des raids israéliens ont frappé dimanche le village de Kfar Nouh.", "Air/drone strike"),
        (
            "Les vecteurs aériens ont frappé un rassemblement de terroristes jeudi près de Dalla.",
            "Air/drone strike",
        ),
        # W_ARTILLERY: "tirs d'obus"
        ("Des tirs d'obus ont visé la base de Karou samedi.", "Shelling/artillery/missile attack"),
        # A_RIOT: stone-throwing, "casseurs"
        (
            "Des jeunes en colère ont jeté des pierres contre les gendarmes samedi à Bonsaré.",
            "Violent demonstration",
        ),
        ("Des casseurs ont incendié des boutiques mardi à Tiéloba.", "Violent demonstration"),
        # A_PROTEST: "ville morte", "protestataires"; A_DISPERSE: "lacrymogènes" alone
        ("L'opposition a décrété une journée ville morte lundi à Fandira.", "Peaceful protest"),
        (
            "Des milliers de personnes se sont rassemblées mardi sur la place de Fandira.",
            "Peaceful protest",
        ),
        (
            "La police a dispersé les protestataires à coups de lacrymogènes jeudi à Sérékoro.",
            "Protest with intervention",
        ),
        # A_ATTACK: an army sweep ("ratissage") that kills militants is a battle
        (
            "Une vingtaine de jihadistes ont été tués lors d'un ratissage de l'armée samedi près de Koubel.",
            "Armed clash",
        ),
        # A_KILL: "corps sans vie", "succomber"
        ("Les corps sans vie de quatre bergers ont été retrouvés mardi près de Ganza.", "Attack"),
        # P_CIVILIAN: "bus", "voyageurs"
        (
            "Des hommes armés ont tiré sur un bus de voyageurs mercredi sur l'axe Doro-Kalé, faisant deux blessés.",
            "Attack",
        ),
        # P_CIVILIAN: "marché hebdomadaire" (the folded single word "marche" is a protest march)
        ("Des jihadistes ont attaqué le marché hebdomadaire de Tondiba lundi.", "Attack"),
        # A_ABDUCT: "destination inconnue", "ravisseurs"
        (
            "Trois commerçants ont été emmenés vers une destination inconnue par des hommes armés jeudi à Bellamaro.",
            "Abduction/forced disappearance",
        ),
        (
            "Les ravisseurs ont relâché le chauffeur mardi soir à Dissa.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_trigger_cue_gives_sub_event_type(find, text, sub_event_type):
    mention = _only(find(text))
    assert mention.trigger.sub_event_type == sub_event_type, _summary([mention])
    assert mention.modality == "asserted"


def test_peaceful_march_is_not_a_civilian_target(find):
    # "marche" (protest march) no longer folds onto the civilian cue "marché"
    mention = _only(find("Une marche pacifique a eu lieu samedi à Koradi."))
    assert mention.trigger.sub_event_type == "Peaceful protest"
    assert "P_CIVILIAN" not in mention.cue_classes


def test_crowd_alone_is_not_mob_violence(find):
    # "foule" alone no longer blocks a violent demonstration as if it were a lynch mob
    mention = _only(find("Les émeutiers ont dispersé la foule et incendié des pneus samedi à Karsa."))
    assert mention.trigger.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "Les combats ont repris jeudi entre l'armée et les rebelles près de Loumé.",
    ],
)
def test_resume_is_not_regaining_territory(find, text):
    # "reprendre" alone (fighting resumed) is no longer "Government regains territory"
    mention = _only(find(text))
    assert mention.trigger.sub_event_type == "Armed clash"


def test_joining_a_town_is_not_a_change_of_group(find):
    assert find("Les soldats ont rejoint la capitale mercredi.") == []


def test_gathered_worshippers_are_not_a_protest(find):
    assert find("Des milliers de fidèles rassemblés à Gando ont prié pour la paix.") == []


# --- modality cues ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # denial: "démentir formellement"
        ("L'armée a démenti formellement toute attaque contre son camp de Sandaré.", "denied"),
        # aggregate: "depuis <mois>" over a noun trigger
        (
            "Depuis juillet, le nord du pays a été la cible d'une trentaine d'attaques.",
            "background",
        ),
        # habitual: "ces dernières années", "de plus en plus"
        (
            "Les attaques se sont multipliées ces dernières années dans la région de Falé.",
            "habitual",
        ),
        ("Les enlèvements sont de plus en plus nombreux dans la région de Kanta.", "habitual"),
    ],
)
def test_modality_cue(find, text, modality):
    mention = _only(find(text))
    assert mention.modality == modality, _summary([mention])


def test_background_a_year_ago(find):
    # "il y a un an" dates the incident noun it governs to an earlier year
    found = find(
        "Les familles réclament toujours justice pour la dispersion il y a deux ans d'une "
        "manifestation des enseignants à Korba."
    )
    protest = [m for m in found if m.trigger.event_type == "Protests"]
    assert protest and all(m.modality != "asserted" for m in protest), _summary(found)
