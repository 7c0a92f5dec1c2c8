"""Each modality and each hard coding rule, in French and English (issue 4).

Sentences are written for these tests. Real spaCy models, loaded once per module.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import find_mentions


def mentions(text: str, lang: str):
    return find_mentions(text, lang)


def only(text: str, lang: str):
    found = mentions(text, lang)
    assert len(found) == 1, [(m.trigger.span.text, m.modality) for m in found]
    return found[0]


# --- modality ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "modality"),
    [
        ("fr", "Des hommes armés ont attaqué mardi le village de Kerou.", "asserted"),
        # a pronominal verb's compound past takes "être": a past, not a present habit
        ("fr", "Le rapport a été publié.\n\nL'armée et les rebelles se sont affrontés près de Kerou.", "asserted"),
        ("en", "Gunmen attacked the village of Kerou on Tuesday.", "asserted"),
        ("fr", "Le groupe a revendiqué l'attaque contre le poste de police.", "claimed"),
        (
            "en",
            "The movement claimed responsibility for the raid on the customs office.",
            "claimed",
        ),
        (
            "fr",
            "Selon des témoins, des soldats auraient tué trois bergers près du puits.",
            "alleged",
        ),
        ("en", "Soldiers reportedly killed three herders near the well.", "alleged"),
        # doubt on who acted is not doubt on the incident
        (
            "en",
            "Suspected militants ambushed a police patrol near the well on Tuesday.",
            "asserted",
        ),
        (
            "fr",
            "Des présumés jihadistes ont attaqué mardi un poste de police près du puits.",
            "asserted",
        ),
        ("fr", "Le gouverneur a démenti toute attaque contre la prison.", "denied"),
        ("en", "The army denied that its troops attacked the market.", "denied"),
        (
            "fr",
            "Les rebelles ont menacé d'attaquer la ville si l'armée ne se retire pas.",
            "threat",
        ),
        ("en", "The militants threatened to attack the town.", "threat"),
        ("fr", "L'armée attaquera les positions rebelles la semaine prochaine.", "plan"),
        ("en", "The army will attack the rebel positions next week.", "plan"),
        ("fr", "Aucune attaque n'a été signalée dans la région depuis lundi.", "negated"),
        ("en", "No attack was reported in the area on Monday.", "negated"),
        (
            "fr",
            "Les convois étaient régulièrement la cible d'embuscades sur cette route.",
            "habitual",
        ),
        ("en", "Convoys were frequently ambushed on this road.", "habitual"),
        ("fr", "En 2019, des jihadistes avaient attaqué ce camp militaire.", "background"),
        ("en", "In 2019, jihadists attacked this military camp.", "background"),
        (
            "fr",
            "Ces violences surviennent au lendemain d'une attaque contre un marché de Gao.",
            "context",
        ),
        ("en", "The clashes came a day after an attack on a market in Gao.", "context"),
        # the report that carries the incident is said to be false
        (
            "fr",
            "De fausses informations se propagent sur Internet affirmant qu'un convoi est tombé dans une embuscade près de Gao.",
            "denied",
        ),
        (
            "en",
            "False reports circulated on social media saying that a convoy was ambushed near Gao.",
            "denied",
        ),
        # an adjective inside a prepositional phrase describes the setting, not the incident
        (
            "en",
            "Herders hacked two farmers to death near the river as part of an ongoing feud over land.",
            "asserted",
        ),
        # a recent span is not background
        (
            "en",
            "Gunmen abducted a village chief near Gao in the past 72 hours, officials said.",
            "asserted",
        ),
        ("en", "In the past, gunmen abducted village chiefs near Gao.", "background"),
        # "an" is the English article, not the French "an" (year): no time gap, one incident
        (
            "en",
            "Police opened an investigation after a rocket hit a base near Gao on Sunday.",
            "asserted",
        ),
        (
            "fr",
            "Ces violences surviennent deux jours après une attaque contre un marché de Gao.",
            "context",
        ),
        # the toll is feared, the attack is not: a fact clause under a hedged main clause
        ("en", "Four people are feared dead after bandits raided a minibus near Gao.", "asserted"),
        # a reaction to an incident told elsewhere, with no figure or place of its own
        (
            "fr",
            "Le représentant de l'ONU se dit choqué et profondément peiné par ce massacre.",
            "reaction",
        ),
        (
            "fr",
            "Plusieurs associations de juristes déplorent des arrestations arbitraires.",
            "reaction",
        ),
        ("en", "The army made no immediate comment on Friday's raid.", "reaction"),
        ("en", "The governor condemned the attack on Kidal that killed five soldiers.", "asserted"),
        ("en", "The latest attacks raised concerns that the violence would spread.", "reaction"),
        # an incident verb carried along by a verb of continuation in the present is ongoing
        (
            "fr",
            "Les rebelles continuent, eux, à attaquer et se sont étendus vers l'est du pays.",
            "habitual",
        ),
        ("en", "The militants continue to attack villages in the region.", "habitual"),
        ("fr", "Les jihadistes ont continué à attaquer le village lundi.", "asserted"),
        # what came before a past date is past too
        ("fr", "Ils ont combattu l'armée avant de signer un accord de paix en 2015.", "background"),
        # a trend told by a plural incident noun and a verb of the `trend` class
        (
            "fr",
            "Les attaques meurtrières des jihadistes ont considérablement diminué dans la région.",
            "habitual",
        ),
        ("en", "Deadly attacks by the militants have declined in the region.", "habitual"),
        # what happens in most cases is habitual; before the ceasefire is background
        (
            "fr",
            "Dans la plupart des cas, des rançons sont réclamées aux familles des otages.",
            "habitual",
        ),
        ("en", "In most cases, gunmen abduct travellers on this road.", "habitual"),
        (
            "fr",
            "Son échoppe avait été détruite par une frappe aérienne avant le cessez-le-feu.",
            "background",
        ),
        # an anaphor set against something else by a framing verb adds nothing of its own
        (
            "fr",
            "Cette énième attaque intervient dix jours après le scrutin présidentiel.",
            "context",
        ),
        # a habitual cue inside a prepositional phrase tells the cause, not the incident's modality
        (
            "en",
            "Residents of Marsabit protested on Monday against a surge in insecurity.",
            "asserted",
        ),
        (
            "en",
            "Hundreds of traders protested in Marsabit on Monday over a series of arrests.",
            "asserted",
        ),
        # a simple present with a duration is a state of affairs, not an incident
        ("fr", "Ce district est depuis des années visé par les rebelles.", "habitual"),
        # a security operation is an incident only when its sentence tells what it met
        (
            "fr",
            "Les soldats ont ensuite procédé au ratissage de la zone autour du village.",
            "context",
        ),
        ("en", "Soldiers began an operation in the hills outside the town on Sunday.", "context"),
        (
            "fr",
            "Dix terroristes ont été tués lors d'un ratissage de l'armée près du village.",
            "asserted",
        ),
        (
            "en",
            "Six rebels were killed during an operation in the hills outside the town.",
            "asserted",
        ),
        # damage from earlier strikes is background
        (
            "fr",
            "Des habitants inspectaient leurs maisons endommagées dans de précédents bombardements.",
            "background",
        ),
        ("en", "Residents were inspecting homes damaged in previous strikes.", "background"),
        # a preposition heading a phrase that holds the trigger scopes it
        (
            "fr",
            "La province de Tazor est la proie depuis le début de l'été d'une offensive rebelle.",
            "background",
        ),
        # a sentence opening on "after" and an incident noun sets it before its own news
        (
            "fr",
            "Après la mort jeudi de cinquante manifestants, c'est l'inquiétude dans plusieurs familles.",
            "context",
        ),
        (
            "en",
            "After the killing of fifty protesters on Thursday, many families are worried.",
            "context",
        ),
    ],
)
def test_classify_modality_in_both_languages(lang, text, modality):
    found = mentions(text, lang)
    assert found, text
    assert modality in {m.modality for m in found}, [(m.trigger.span.text, m.modality) for m in found]


def test_hypothetical_is_not_an_event_fr():
    found = mentions("Si les rebelles attaquent la ville, l'armée pourrait bombarder leurs positions.", "fr")
    assert found and all(m.modality in {"hypothetical", "plan"} for m in found), [
        (m.trigger.span.text, m.modality) for m in found
    ]


def test_hypothetical_is_not_an_event_en():
    found = mentions("If the rebels attack the town, the army could bomb their positions.", "en")
    assert found and all(m.modality in {"hypothetical", "plan"} for m in found), [
        (m.trigger.span.text, m.modality) for m in found
    ]


def test_month_may_is_not_a_modal():
    m = only("On 5 May, gunmen attacked a village in the north.", "en")
    assert m.modality == "asserted"


# --- hard rules (CODING_RULES.md) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # drones shot down / strikes intercepted / bombs defused -> Disrupted weapons use
        (
            "fr",
            "Deux drones ont été abattus par la défense antiaérienne près de la base.",
            "Disrupted weapons use",
        ),
        ("en", "Air defences shot down two drones near the base.", "Disrupted weapons use"),
        (
            "fr",
            "Les démineurs ont désamorcé un engin explosif sur la route de Gao.",
            "Disrupted weapons use",
        ),
        (
            "en",
            "Soldiers defused an improvised explosive device on the road.",
            "Disrupted weapons use",
        ),
        # rockets, mortars, RPGs -> Shelling/artillery/missile attack
        (
            "fr",
            "Des obus de mortier sont tombés sur le camp dans la nuit.",
            "Shelling/artillery/missile attack",
        ),
        ("en", "Rockets hit the airport on Sunday night.", "Shelling/artillery/missile attack"),
        # suicide car bomb -> Suicide bomb
        ("fr", "Un kamikaze a fait exploser sa voiture piégée devant la caserne.", "Suicide bomb"),
        ("en", "A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
        # armed actors killing unarmed civilians -> Violence against civilians
        ("fr", "Des hommes armés ont tué douze civils dans le village.", "Attack"),
        ("en", "Gunmen killed twelve civilians in the village.", "Attack"),
        (
            "en",
            "Masked gunmen assassinated the director of a transport firm in the city.",
            "Attack",
        ),
        # protest vs riot vs excessive force
        (
            "fr",
            "Des centaines de manifestants ont défilé pacifiquement dans la capitale.",
            "Peaceful protest",
        ),
        (
            "en",
            "Hundreds of protesters marched peacefully through the capital.",
            "Peaceful protest",
        ),
        (
            "fr",
            "La police a dispersé la manifestation à coups de gaz lacrymogène.",
            "Protest with intervention",
        ),
        (
            "en",
            "Police used tear gas on Monday to disperse the protest.",
            "Protest with intervention",
        ),
        (
            "fr",
            "Des émeutiers ont saccagé la mairie et incendié des voitures.",
            "Violent demonstration",
        ),
        ("en", "Rioters torched cars and vandalised the town hall.", "Violent demonstration"),
        (
            "fr",
            "Les forces de l'ordre ont tiré à balles réelles sur les manifestants, tuant deux personnes.",
            "Excessive force against protesters",
        ),
        (
            "en",
            "Security forces opened fire on protesters, killing two people.",
            "Excessive force against protesters",
        ),
        # demonstrators clashing with the police riot; unarmed crowds fighting each other are a mob
        (
            "en",
            "Protesters clashed with police outside the electoral commission.",
            "Violent demonstration",
        ),
        (
            "fr",
            "Des manifestants se sont affrontés avec la police devant la mairie.",
            "Violent demonstration",
        ),
        ("en", "Rival supporters of the two candidates clashed outside the court.", "Mob violence"),
        (
            "fr",
            "Des partisans des deux candidats se sont affrontés devant le tribunal.",
            "Mob violence",
        ),
        # the police against an unarmed crowd that is not protesting: a mob, not a battle
        ("en", "Police clashed with traders at the market on Monday.", "Mob violence"),
        ("fr", "La police s'est affrontée lundi avec des commerçants au marché.", "Mob violence"),
        # what a protest is against is not an incident of the sentence
        (
            "en",
            "Activists staged a protest in the capital against the murder of a student.",
            "Peaceful protest",
        ),
        (
            "fr",
            "Des manifestants ont marché dans la capitale contre les tueries de civils.",
            "Peaceful protest",
        ),
        (
            "en",
            "Students went on the rampage after the exam was cancelled.",
            "Violent demonstration",
        ),
        (
            "en",
            "Residents protested in the town after a student was killed by thugs.",
            "Peaceful protest",
        ),
        (
            "en",
            "Market vendors held a protest in the city after a colleague was stabbed by a robber.",
            "Peaceful protest",
        ),
        (
            "en",
            "A protest was held in the city by friends of the driver beaten to death by guards last month.",
            "Peaceful protest",
        ),
        (
            "en",
            "Teachers held a peaceful procession through the city demanding justice for a fellow teacher, who was found dead near the river.",
            "Peaceful protest",
        ),
        (
            "en",
            "Parents staged a silent march through the capital to commemorate the victims of road crashes.",
            "Peaceful protest",
        ),
        (
            "en",
            "Protesters of the herder community manifested in the capital against the killings of villagers.",
            "Peaceful protest",
        ),
        (
            "en",
            "Women demonstrated in the city calling for justice for a boy who had been kidnapped and murdered.",
            "Peaceful protest",
        ),
        (
            "fr",
            "Des jeunes ont manifesté dans la ville pour dénoncer l'assassinat d'un étudiant.",
            "Peaceful protest",
        ),
        # an unarmed crowd acting: Mob violence
        ("en", "Residents beat to death a suspected thief in the village.", "Mob violence"),
        ("fr", "Des habitants en colère ont battu à mort un voleur présumé.", "Mob violence"),
        # a blockade (barricades) is a violent demonstration in ACLED's coding; a road blocked
        # with nothing more is a demonstration, peaceful (issue 16, session 14)
        (
            "en",
            "Workers blockaded roads around the factory to protest unpaid salaries.",
            "Violent demonstration",
        ),
        (
            "fr",
            "Des manifestants ont bloqué la route nationale pour protester contre les coupures d'eau.",
            "Peaceful protest",
        ),
        (
            "en",
            "Minibus crews blocked the busy highway to protest harassment by county officers.",
            "Peaceful protest",
        ),
        ("en", "Police blocked protesters from reaching the parliament.", "Peaceful protest"),
        (
            "en",
            "Residents blocked the Gao-Bourem road for three hours on Wednesday.",
            "Peaceful protest",
        ),
        (
            "en",
            "Supporters of the candidate damaged property in the town during the vote count.",
            "Violent demonstration",
        ),
        # armed men shooting at anyone not named as a force
        (
            "en",
            "Masked gunmen opened fire on a convoy of party officials, wounding three.",
            "Attack",
        ),
        ("en", "Unidentified attackers shot into a crowd at the bus station.", "Attack"),
        (
            "en",
            "Supporters of two rival candidates broke into fistfights at the polling centre.",
            "Mob violence",
        ),
        ("en", "Militants whipped two women in the village for not wearing veils.", "Attack"),
        ("en", "A senior prison warder shot and injured two inmates.", "Attack"),
        # security forces harming civilians, no armed group named: an Attack
        ("en", "Police officers assaulted and wounded a journalist at the trial.", "Attack"),
        (
            "fr",
            "Des policiers ont agressé et blessé un journaliste qui couvrait l'audience.",
            "Attack",
        ),
        ("en", "A soldier opened fire on two schoolboys, killing one.", "Attack"),
        # who is on the receiving end decides: security forces or armed men fight back, civilians do not
        (
            "en",
            "A man posing as a motorcycle taxi rider shot and injured a police officer in the town.",
            "Armed clash",
        ),
        (
            "fr",
            "Un homme se faisant passer pour un chauffeur de taxi-moto a blessé par balle un policier.",
            "Armed clash",
        ),
        ("en", "Gunmen attacked a militia checkpoint, killing one militiaman.", "Armed clash"),
        ("en", "Police shot dead a teenager during a search of his house.", "Attack"),
        (
            "fr",
            "Des policiers ont abattu un jeune homme lors d'une perquisition à son domicile.",
            "Attack",
        ),
        # crowds fighting, no demonstration: Mob violence even when the police disperse "the rioters"
        (
            "en",
            "Rival youth groups fought in the town over a land dispute before police dispersed the rioters.",
            "Mob violence",
        ),
        (
            "en",
            "Traders blocked the main road with burning tyres in a demo against land grabbing.",
            "Violent demonstration",
        ),
        # protesters damaging property: a Violent demonstration, also when the police step in
        (
            "en",
            "Demonstrators damaged cars during the march and were dispersed by police with tear gas.",
            "Violent demonstration",
        ),
        (
            "fr",
            "Des manifestants ont endommagé des voitures avant d'être dispersés par la police.",
            "Violent demonstration",
        ),
        # fists, not weapons; rival political groups, not armed ones: Mob violence
        (
            "en",
            "Two candidates' supporters got into a brawl outside the polling station in the town.",
            "Mob violence",
        ),
        (
            "fr",
            "Une bagarre a éclaté entre des partisans de deux candidats devant le bureau de vote.",
            "Mob violence",
        ),
        ("en", "Rival political groups clashed in the town on Friday.", "Mob violence"),
        # shot dead during a demonstration, nobody named as the killer: a violent demonstration
        (
            "en",
            "Three men were shot dead during anti-government protests in the city on Sunday.",
            "Violent demonstration",
        ),
        # the agent of an English passive is the object of "by"
        (
            "en",
            "A suspected burglar was beaten to death by villagers near the bus park.",
            "Mob violence",
        ),
        # supporters fighting at a political rally, crowds stoning each other: Mob violence; a riot
        # at a rally stays a violent demonstration
        (
            "en",
            "Supporters of two rival candidates clashed during a campaign rally in the town.",
            "Mob violence",
        ),
        (
            "en",
            "Youths from two villages threw stones at each other near the market.",
            "Mob violence",
        ),
        (
            "en",
            "Youth rioted at the governor's campaign rally in the town.",
            "Violent demonstration",
        ),
        (
            "en",
            "The demonstrators lit fires and blocked traffic on the ring road.",
            "Violent demonstration",
        ),
        (
            "en",
            "Students were violently protesting new examination fees in the town.",
            "Violent demonstration",
        ),
        (
            "en",
            "Voters in the town beat up an official who was trying to buy votes.",
            "Mob violence",
        ),
        (
            "en",
            "Angry traders killed two men suspected of being members of a robbery gang.",
            "Mob violence",
        ),
        ("en", "Youths tried to attack the MP at a funeral on Saturday.", "Mob violence"),
        # demonstrators who clash with the police riot, even when shots are fired
        (
            "en",
            "Demonstrators clashed with police in the town, and one of them suffered gunshot wounds.",
            "Violent demonstration",
        ),
        (
            "en",
            "A clerk was beaten as a mob tried to halt the vote count in the city.",
            "Mob violence",
        ),
        # an unarmed crowd turning on the police is Mob violence, not a battle
        (
            "en",
            "Angry villagers attacked and injured two police officers at the market.",
            "Mob violence",
        ),
        ("fr", "Des villageois en colère ont attaqué deux policiers au marché.", "Mob violence"),
        # who another verb of the sentence harms is on the receiving end too
        (
            "en",
            "Armed herders grazing on the estate shoot and wound a police officer near the village.",
            "Armed clash",
        ),
        ("en", "Three youths were beaten and injured by the police in the city.", "Attack"),
        # a named force or armed group (data/actors.tsv) on the receiving end fights back
        (
            "en",
            "Unidentified gunmen on a motorbike targeted MINUSMA peacekeepers with gunfire near the airport.",
            "Armed clash",
        ),
        (
            "fr",
            "Des hommes armés ont attaqué un poste de la MINUSMA près de la ville.",
            "Armed clash",
        ),
        # an assault on a person, or an attack on aid workers, is an Attack
        (
            "en",
            "A union leader was attacked with acid by unknown men in the city centre.",
            "Attack",
        ),
        ("en", "An aid convoy of the Red Cross was attacked near the village.", "Attack"),
        ("en", "In the shootout, three of the alleged smugglers were killed.", "Armed clash"),
        # communities and clans fighting each other are communal militias: a battle
        (
            "en",
            "Two neighbouring communities clashed over a boundary dispute near the town.",
            "Armed clash",
        ),
        # a battle needs an armed side on the receiving end
        ("en", "Two policemen were shot dead by gunmen while on patrol.", "Armed clash"),
        (
            "fr",
            "Deux policiers ont été abattus par des hommes armés lors d'une patrouille.",
            "Armed clash",
        ),
        ("en", "Unidentified assailants attacked a vehicle of the health department.", "Attack"),
        (
            "fr",
            "Des assaillants non identifiés ont attaqué un véhicule du service de santé.",
            "Attack",
        ),
        # battles
        (
            "fr",
            "De violents combats ont opposé l'armée aux rebelles près de la ville.",
            "Armed clash",
        ),
        (
            "en",
            "Heavy fighting broke out between the army and rebels near the town.",
            "Armed clash",
        ),
        # air strike
        ("fr", "Une frappe aérienne a visé un rassemblement de combattants.", "Air/drone strike"),
        ("en", "An airstrike hit a gathering of fighters.", "Air/drone strike"),
        # a force leaving its base hands the place over (verb and object apart)
        (
            "fr",
            "Les soldats étrangers ont définitivement quitté ce mardi la base militaire de Tazor.",
            "Non-violent transfer of territory",
        ),
        (
            "en",
            "Foreign troops left the military base in Tazor on Tuesday.",
            "Non-violent transfer of territory",
        ),
        # armed men "neutralised" by state forces are killed, as object or passive subject; a
        # device "neutralised" is an interception
        ("fr", "L'armée a neutralisé onze terroristes près de la ville.", "Armed clash"),
        ("en", "Eleven militants were neutralised by troops near the town.", "Armed clash"),
        ("fr", "Les soldats ont neutralisé un drone près de la ville.", "Disrupted weapons use"),
        # seizing things is looting, seizing people abducting them; looting during a fight is the fight
        (
            "en",
            "Armed men seized a truck belonging to the aid agency in the town.",
            "Looting/property destruction",
        ),
        (
            "en",
            "Gunmen seized two civilians on the road to the market.",
            "Abduction/forced disappearance",
        ),
        (
            "en",
            "Rebels killed a border guard and seized his motorbike near the town.",
            "Armed clash",
        ),
        ("en", "Gunmen killed a trader and looted his shop in the town.", "Attack"),
        # abduction, arrests
        (
            "fr",
            "Des hommes armés ont enlevé cinq passagers sur la route.",
            "Abduction/forced disappearance",
        ),
        ("en", "Gunmen abducted five passengers on the highway.", "Abduction/forced disappearance"),
        ("fr", "La police a arrêté trois opposants à leur domicile.", "Arrests"),
        ("en", "Police arrested three opposition activists at their homes.", "Arrests"),
    ],
)
def test_hard_rules_in_both_languages(lang, text, sub_event_type):
    found = [m for m in mentions(text, lang) if m.modality in {"asserted", "claimed", "alleged"}]
    assert found, text
    assert found[0].trigger.sub_event_type == sub_event_type, [
        (m.trigger.span.text, m.trigger.sub_event_type) for m in found
    ]


def test_one_sentence_two_clauses_keeps_the_attributed_speaker():
    m = only("« Les forces ont détruit un drone », a indiqué le Centcom.", "fr")
    assert m.attributed_to is not None and "Centcom" in m.attributed_to.text


def test_the_main_verb_is_the_incident_when_a_participle_recalls_the_past():
    # "ayant combattu l'armée par le passé" describes the groups; they merged on Thursday
    (m,) = mentions("Deux groupes armés du sud ayant combattu l'armée par le passé ont fusionné jeudi.", "fr")
    assert m.trigger.span.text == "fusionné" and m.modality == "asserted"
    assert m.trigger.sub_event_type == "Change to group/activity"


def test_a_protest_whose_organisers_deplore_attacks_is_the_protest():
    (m,) = mentions(
        "Des centaines de personnes ont manifesté samedi place de la Nation, à l'appel des "
        "syndicats, qui déplorent les attaques meurtrières des rebelles.",
        "fr",
    )
    assert m.trigger.span.text == "manifesté" and m.modality == "asserted"
    assert m.trigger.event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        # gunmen firing at a named force: both sides armed (closed gaps of session 12)
        "Unidentified gunmen on motorbikes fired at MINUSMA peacekeepers near the airport.",
        # armed poachers wounding an officer: a shot officer makes the fight a clash
        "Armed poachers entering the reserve shoot and wound a police officer near the river.",
    ],
)
def test_armed_men_firing_at_a_force_is_an_armed_clash(text):
    found = [m for m in mentions(text, "en") if m.modality in {"asserted", "claimed", "alleged"}]
    assert found and found[0].trigger.sub_event_type == "Armed clash"


# --- known gaps -------------------------------------------------------------------------------
# Invented variants of the rules above that the pipeline does not yet generalize to (found when
# the tests' sentences were rewritten, issue 16). They state the codebook's answer; xfail until
# the lexicon or the rule covers them.


@pytest.mark.xfail(reason="generalization gap: variant wording of a covered rule", strict=False)
@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # "reporter" is not yet a civilian word (data/triggers/en.yaml P_CIVILIAN has "journalist")
        (
            "en",
            "Police officers assaulted and injured a reporter covering the court hearing.",
            "Attack",
        ),
        # students hurt by the police read as a battle
        ("en", "Three students were attacked and injured by the police in the town.", "Attack"),
        # "set tyres ablaze" is not yet a riot cue ("lit fires" is)
        (
            "en",
            "Demonstrators set tyres ablaze and disrupted traffic on the ring road.",
            "Violent demonstration",
        ),
        # the cause of a protest, told with "boy … last week", turns it into excessive force
        (
            "en",
            "A protest was held in the city by friends of the boy beaten to death by guards last week.",
            "Peaceful protest",
        ),
    ],
)
def test_known_gaps_hard_rules(lang, text, sub_event_type):
    found = [m for m in mentions(text, lang) if m.modality in {"asserted", "claimed", "alleged"}]
    assert found and found[0].trigger.sub_event_type == sub_event_type


@pytest.mark.xfail(reason="generalization gap: a synonym of a listed modality cue", strict=False)
@pytest.mark.parametrize(
    ("lang", "text", "modality"),
    [
        # "fausses nouvelles" beside the listed "fausses informations"
        (
            "fr",
            "De fausses nouvelles se propagent sur Internet affirmant qu'un convoi est tombé dans une embuscade près de Gao.",
            "denied",
        ),
        # "indigné" beside the listed "choqué"
        (
            "fr",
            "Le représentant de l'ONU se dit indigné et profondément peiné par ce massacre.",
            "reaction",
        ),
        # "depuis la fin du mois" beside "depuis le début du mois"
        (
            "fr",
            "La province de Tazor est la proie depuis la fin du mois de juin d'une offensive rebelle.",
            "background",
        ),
    ],
)
def test_known_gaps_modality(lang, text, modality):
    assert modality in {m.modality for m in mentions(text, lang)}


def test_find_cues_matches_forms_lemmas_and_wildcards_longest_per_class():
    from eventwire.extract.lexicon import _indexed, find_cues

    phrases = _indexed(
        "invented",
        {
            "A_ONE": (("tir",), ("tir", "de", "obus*")),
            "A_TWO": (("bomb*", "run"),),
            "P_X": (("de",),),
        },
    )
    # (folded form, folded lemma) per token: "tirs de obusiers" then "bombers run", "bomb* ran"
    keys = [("tirs", "tir"), ("de", "de"), ("obusiers", "obusier"), ("bombers", "bomber"), ("run", "run")]
    keys += [("bomb*", "bomb*"), ("ran", "run"), ("*", "*")]
    found = [(c.cls, c.start, c.end) for c in find_cues(keys, phrases)]
    assert found == [("A_ONE", 0, 3), ("P_X", 1, 2), ("A_TWO", 3, 5), ("A_TWO", 5, 7)]
    # the range cuts the longer phrase: the one-word cue is kept
    assert [(c.cls, c.start, c.end) for c in find_cues(keys, phrases, start=0, end=2)] == [
        ("A_ONE", 0, 1),
        ("P_X", 1, 2),
    ]


# --- a chronology entry headed by a dateline (issue 16) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a log entry headed by a bare day tells its incident in the present: asserted
        ("14 March. Traders protest in Kerou town over new market fees.", "asserted"),
        ("Unrest: 3 May. Herders attack two farmers near the Kerou river.", "asserted"),
        # without the dateline, the undated present of the narration tells a habit
        ("The market is busy. Traders protest in Kerou town over new market fees.", "habitual"),
    ],
)
def test_dateline_dates_a_present_log_entry(text: str, modality: str) -> None:
    found = [m for m in mentions(text, "en") if m.trigger.span.text in {"protest", "attack"}]
    assert [m.modality for m in found] == [modality]


def test_tense_flags_are_read_once_per_token():
    # invented: the second reading of a verb is the remembered one, and the same
    from eventwire.extract.modality import tense_flags
    from eventwire.nlp.doc_cache import doc_cache
    from eventwire.nlp.pipelines import load_pipeline

    doc = load_pipeline("fr")("Des militants attaqueront le camp demain.")
    verb = next(t for t in doc if t.pos_ in {"VERB", "AUX"} and t.dep_ == "ROOT")
    first = tense_flags(verb)
    assert doc_cache(doc)["tense_flags"][verb.i] == first
    assert tense_flags(verb) == first and first[0]  # the future
