"""Words that look like triggers but play another role: a participle that describes, a
deployment of peacekeepers, the infinitive's "to", and the act inside a promise."""

from __future__ import annotations

import pytest

from tests.conftest import Code

pytestmark = pytest.mark.issue(16)


def _types(doc) -> dict[str, str]:
    """Each coded word's type, over every mention (an outcome merges into its act)."""
    return {m.trigger.text.lower(): e.type for e in doc.events for m in e.mentions or [e.evidence]}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Volunteers carried the wounded to a field clinic.", "wounded"),
        ("Doctors at the clinic prepared to receive the injured on Tuesday.", "injured"),
        ("Residents of besieged Mariupol ran out of water.", "besieged"),
        ("Gunmen armed with rifles stormed a bank in the capital.", "armed"),
        ("The opposition called for free elections in the spring.", "free"),
        ("Police detained two members of a banned group in Dhaka.", "banned"),
        ("The new embassy is largely free from the city's congestion.", "free"),  # a state
    ],
)
def test_a_participle_that_describes_is_no_event(code: Code, text: str, word: str) -> None:
    assert word not in _types(code(text))


@pytest.mark.parametrize(
    ("text", "word", "type_"),
    [
        ("Rebels attacked the town, and wounded villagers fled.", "attacked", "ASSAULT"),
        ("Soldiers wounded three protesters in Lagos on Monday.", "wounded", "ASSAULT"),
        ("Police freed the hostages held in the embassy.", "freed the hostages", "RETREAT"),
        ("The French minister talked with his Malian counterpart.", "talked with", "CONSULT"),
        ("The two rebel groups held talks in Doha.", "held talks", "CONSULT"),
        ("The government acceded to the strikers' demands.", "acceded to", "CONCEDE"),
        ("Ukraine renewed its request for air defence systems.", "request", "REQUEST"),
        ("Trump blocked the Turkish sale.", "blocked the turkish sale", "REJECT"),  # a veto
        ("A terrorist cell was dismantled in Seville.", "cell was dismantled", "COERCE"),
        ("Protesters blocked the road to the airport.", "blocked the road", "PROTEST"),
        ("NATO seeks more troops for the mission.", "seeks", "REQUEST"),
        ("Thousands of cabin crew workers are preparing to strike.", "strike", "PROTEST"),
        ("Nurses struck for a week over pay.", "struck", "PROTEST"),  # a labour strike
        ("Israeli jets struck Gaza overnight.", "struck", "ASSAULT"),
    ],
)
def test_the_reported_verb_stays_an_event(code: Code, text: str, word: str, type_: str) -> None:
    assert _types(code(text)).get(word) == type_


def test_a_deployment_of_peacekeepers_is_aid_with_the_deployments_roles(code: Code) -> None:
    doc = code("The deployment of African Union peacekeeping troops in Somalia began in March.")
    aid = [e for e in doc.events if e.type == "AID"]
    assert aid and aid[0].cameo == "074" and "peacekeeping" in aid[0].context
    assert not [e for e in doc.events if e.type == "MOBILIZE"]
    plain = code("The deployment of Russian troops near the border began in March.")
    assert "MOBILIZE" in {e.type for e in plain.events}


def test_the_infinitives_to_is_no_preposition_of_the_pattern(code: Code) -> None:
    """ "protest to" (complain to someone) is ACCUSE; "gathered to protest" is no "protest to"."""
    told = code("The foreign ministry protested to the Chinese ambassador about the incursion.")
    assert "ACCUSE" in {e.type for e in told.events}
    rally = code("Thousands gathered in the square to protest the new tax law.")
    assert "ACCUSE" not in {e.type for e in rally.events}


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Germany said it would send humanitarian aid to Gaza.", "AID"),
        # the act scores as high as the promise here, on its own
        ("The European Union will send humanitarian aid to earthquake survivors in Turkey.", "AID"),
        ("Canada will deliver medical supplies to Haiti.", "AID"),
        ("The government said it would release 300 prisoners next week.", "RETREAT"),
    ],
)
def test_the_promise_outranks_the_act_it_promises(code: Code, text: str, act: str) -> None:
    doc = code(text)
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.type == "AGREE"
    acts = [e for e in doc.events if e.type == act]
    assert acts and acts[0].hypothetical and acts[0].confidence < top.confidence


@pytest.mark.parametrize(
    ("text", "holder", "act"),
    [
        ("The guerrillas ignored a plea from the archbishop to surrender their weapons.",
         "REJECT", "RETREAT"),
        ("The opposition called on the army to release the detained students.",
         "REQUEST", "RETREAT"),
        ("Hamas rejected a proposal to free the hostages in stages.", "REJECT", "RETREAT"),
    ],
)  # fmt: skip
def test_the_act_asked_for_or_refused_is_hypothetical_and_ranks_below(
    code: Code, text: str, holder: str, act: str
) -> None:
    doc = code(text)
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.type == holder
    inner = [e for e in doc.events if e.type == act]
    assert inner and all(e.hypothetical and e.confidence < top.confidence for e in inner)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of farmers staged mass rallies in Delhi on Monday to demand higher prices.",
        "Hundreds of nurses held demonstrations in Accra on Sunday to demand unpaid wages "
        "from the health ministry.",
    ],
)
def test_a_protests_aim_ranks_below_the_protest(code: Code, text: str) -> None:
    doc = code(text)
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.type == "PROTEST"
    demand = [e for e in doc.events if e.type == "REQUEST"]
    assert demand and not demand[0].hypothetical  # the protesters did demand it


def test_the_refusal_outranks_the_demand_it_refuses(code: Code) -> None:
    doc = code("The junta ignored a demand from the United Nations to release political prisoners.")
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.type == "REJECT"
    assert any(e.type == "REQUEST" and not e.hypothetical for e in doc.events)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Police arrested the two men in March after a long investigation.", "PROTEST"),
        ("The trial is set to begin March 3 in federal court.", "PROTEST"),
        ("The 24-year-old pleaded guilty to second-degree murder on Tuesday.", "REQUEST"),
    ],
)
def test_a_months_name_and_a_plea_in_court_are_no_events(code: Code, text: str, gone: str) -> None:
    assert gone not in {e.type for e in code(text).events}


def test_the_march_itself_is_still_a_protest(code: Code) -> None:
    doc = code("Thousands joined the March on Washington to demand civil rights.")
    assert "PROTEST" in {e.type for e in doc.events}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Government forces liberated the district capital after a week of fighting.", "liberated"),
        ("The army conquered the northern valley in 1920.", "conquered"),
        ("Militias wrested the airport from rival fighters on Sunday.", "wrested"),
        ("The liberation of the port by marines ended the siege.", "liberation"),
    ],
)
def test_taking_ground_by_force_is_an_assault(code: Code, text: str, word: str) -> None:
    # the CAMEO 19 family of verbs that take territory (capture, retake, overrun, ...)
    assert _types(code(text)).get(word) == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Dozens of wildfires continue to burn across the province.", "burn"),
        ("Volunteers battled the blazes for three days.", "battled"),
        ("The senator died last year after a long battle with cancer.", "battle"),
        ("A kitchen fire killed an elderly man on Sunday.", "killed"),
        ("Five people had likely been killed in the crash.", "killed"),
        ("Two people died in the floods near the river.", "died"),
        ("The plane crashed in Ghazni, resulting in all crew members killed.", "killed"),
        ("The helicopter crashed near Kabul, killing all 12 soldiers on board.", "killing"),
    ],
)
def test_what_a_hazard_does_or_what_is_fought_against_it_is_no_event(
    code: Code, text: str, word: str
) -> None:
    # harm in a hazard or a mishap (a crash, a flood) is no attack
    assert word not in _types(code(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Three soldiers were killed by sniper fire in Donetsk.", "killed"),
        ("Five soldiers were killed in the attack on the base.", "killed"),
        ("Militants shot down a helicopter near Kabul on Monday.", "shot down"),
        ("Militants planted a bomb near the market.", "planted a bomb"),
        ("Iran executed two prisoners on Tuesday.", "executed"),
    ],
)
def test_harm_by_fire_or_in_an_attack_stays_an_attack(code: Code, text: str, word: str) -> None:
    assert _types(code(text)).get(word) == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministry released a statement on the floods.", "released"),
        ("The report's release was put off until June.", "release"),
        ("In a video released on Friday, the commander urged calm.", "released"),
        ("Villagers expressed relief when the water receded.", "relief"),
        ("The verdict came as a relief to the families.", "relief"),
        ("Residents breathed a sigh of relief.", "relief"),
        ("The driver was treated and released from the hospital.", "released"),
        ("The mayor received a bravery award on Monday.", "received"),  # a thing, no visitor
        ("The mayor called the verdict a disgrace.", "called"),  # a label, no call
        ("Two former ministers were called as witnesses.", "called"),  # a summons
        ("Neighbors spoke with CBS3 Eyewitness News as the search began.", "spoke with"),
        ("The minister talked with journalists after the vote.", "talked with"),  # interviews
        ("He did not want to hear any talk of the murders being God's plan.", "talk"),  # hearsay
        ("Anyone with information is asked to call police at 555-123-4567.", "call"),
        (
            "For more information, call the Bob Wills Museum at 806-423-1253 or the City "
            "of Turkey at 806-423-1033.",
            "for more information, call",
        ),
        ("When deputies arrived, they found a wounded man.", "arrived"),  # no visit
        ("The officer returned to his car.", "returned"),  # going back returns nothing
        ("In exchange for his guilty plea, prosecutors dropped two counts.", "exchange"),
        ("In exchange for his guilty plea, prosecutors dropped two counts.", "plea"),
        ("Farmers are battling the worst recession in decades.", "battling"),
        ("Officials said the new missiles pose a threat to shipping.", "threat"),  # a danger
        ("Analysts said Algeria is facing an increasing threat.", "threat"),  # one faced
        ("Police found an IED near the bridge.", "ied"),  # a device found, not used
        ("Officers executed a search warrant at the house.", "executed"),  # carried out
        ("'Thank you so much for coming,' he told one woman.", "thank"),  # a courtesy
        ("He has occupied the clerk's seat since 1985.", "occupied"),  # an office held
        ("The Norwegian skier captured gold in the downhill.", "captured"),  # a prize won
        ("The party captured 40 percent of the vote.", "captured"),
        ("The champion seized the lead in the second set.", "seized"),
        ("She said the battle is not won while children are at risk.", "battle"),  # a figure
        ("The drive aims to fight corruption and promote democracy.", "fight"),  # an ill
        ("Two intruders came charging at him on Friday.", "charging"),  # a rush
        ("The teen had shot himself at his home.", "shot"),  # harm to oneself
        ("The museum offers guided tours on weekends.", "offers"),  # goods offered
        ("The spokesman offered no evidence for his claims.", "offered"),  # something said
        ("The security of the border has been compromised, officials said.", "compromised"),
        ("Hackers compromised the ministry's network.", "compromised"),
        ("He will retire effective today, march 31, after 35 years with the police.", "march"),
        ("Police say 1,901 people were killed by opioids in New Jersey last year.", "killed"),
        ("Five people were killed by the floods in Kenya on Monday.", "killed"),  # a hazard
        (
            "People with information are encouraged to call Crimestoppers at 504.822.1111.",
            "encouraged",
        ),  # a notice to readers
        ("Police urged anyone with information to contact police.", "urged"),
        ("The victim said two men entered his home armed with a handgun.", "armed"),  # a state
        ("The CHP is asking for the public's assistance to identify the passenger.", "asking for"),
        ("Police are seeking help from the community in finding the gunman.", "seeking help"),
        (
            "For more information about the classes, call the council; or visit the Web site.",
            "visit",
        ),
        ("Police arrested a man, according to a release from the department.", "release"),
        ("The cell was making remote-controlled bombs in a garage.", "bombs"),
        ("Exporters fear a trade war with Brazil.", "war"),  # a rivalry
        ("The two families fought a long custody battle.", "battle"),
        ("His relatives in Miami have fought to keep the boy.", "fought"),  # a striving
        ("She says an officer recognized her at the checkpoint.", "recognized"),  # a face
        ("This is an attack on our sovereignty, the minister said.", "attack"),  # a judgement
        ("Forty detainees were flown to Louisiana on Tuesday.", "flown to"),  # a transfer
        ("Rebels described the raid as a massacre.", "massacre"),  # a label
        ("The mayors all agreed that some lights should stay off.", "agreed"),  # a view
        ("Police had amassed 100 pages of reports on him.", "amassed"),  # no force
        ("The clinic hosted a fundraising dinner.", "hosted"),
        ("The ministry did not respond to a request for comment.", "request"),  # the press's
        ("The country acceded to independence in 1968.", "acceded to"),  # a standing attained
        ("He had planned to go target shooting.", "shooting"),  # a sport
        ("WFP has prepositioned food supplies and search and rescue boats.", "rescue"),  # boats
        ("Police are seeking a gunman who fled the scene.", "seeking"),  # a manhunt
    ],
)
def test_a_published_release_and_a_felt_relief_are_no_events(
    code: Code, text: str, word: str
) -> None:
    assert word not in _types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured 40 percent of the territory.",
        "Rebels seized the seat of the provincial government.",
        "Ukraine lost the battle for Bakhmut.",
        "He was charged with terrorism.",
        "The rebels offered a ceasefire.",
        "A suicide bomber blew himself up at a market.",
        "Two soldiers were killed by sniper fire in Kenya.",
        "Charged with impaired driving, the man was wearing bright green.",
        "Kurdish fighters fought to retake the town.",
        "Rebels fought with soldiers to control the bridge.",
        "It was an attack on the base, officials said.",
    ],
)
def test_ground_taken_a_battle_for_ground_a_charge_and_a_truce_offered_are_still_events(
    code: Code, text: str
) -> None:
    assert set(_types(code(text)).values()) & {"ASSAULT", "COERCE", "ACCUSE", "AGREE"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The militia frequently raids border villages.", "raids"),  # a habit
        ("Smugglers routinely bribe the guards and often attack patrols.", "attack"),
        ("Officers of the Ohio State Highway Patrol arrived at noon.", "patrol"),  # a name
        ("The Office for the Coordination of Relief said so.", "coordination"),
    ],
)
def test_a_habit_and_a_word_of_a_name_are_no_events(code: Code, text: str, word: str) -> None:
    assert word not in _types(code(text))


@pytest.mark.parametrize(
    ("text", "word", "type_"),
    [
        ("Militias raided border villages on Monday.", "raided", "COERCE"),
        ("Talks broke down at the Geneva Summit in March.", "summit", "CONSULT"),
        # a clause of its own after a habit still tells what happened
        (
            "Moscow always says it respects borders, but its army has invaded Georgia.",
            "invaded",
            "ASSAULT",
        ),
    ],
)
def test_an_incident_and_a_named_gathering_stay_events(
    code: Code, text: str, word: str, type_: str
) -> None:
    assert _types(code(text)).get(word) == type_


@pytest.mark.parametrize(
    ("text", "word", "type_"),
    [
        ("Militants released the two aid workers on Sunday.", "released", "RETREAT"),
        ("The agency flew relief to the flooded districts of Sindh.", "relief", "AID"),
        ("The king received the French envoy at the palace.", "received", "CONSULT"),
        ("Erdogan called Putin on Sunday.", "called", "CONSULT"),  # "on Sunday": no "call on"
        ("The Chinese premier arrived in Moscow on Monday.", "arrived", "CONSULT"),
        ("Russia returned the seized tanker to Greece.", "returned", "RETREAT"),
        ("The bishop made a plea for calm after the riots.", "plea", "REQUEST"),
        ("The militia issued a threat against the village.", "threat", "THREATEN"),
    ],
)
def test_freeing_people_and_sending_relief_stay_events(
    code: Code, text: str, word: str, type_: str
) -> None:
    assert _types(code(text)).get(word) == type_


@pytest.mark.parametrize(
    ("text", "word", "type_"),
    [
        ("Rebels burned the village before dawn.", "burned", "COERCE"),
        ("Protesters set fire to a police car.", "set fire", "COERCE"),
        ("Officers returned fire and wounded the gunman.", "returned fire", "ASSAULT"),
    ],
)
def test_fire_set_or_returned_by_people_stays_an_event(
    code: Code, text: str, word: str, type_: str
) -> None:
    assert _types(code(text)).get(word) == type_


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan officers asked the residents if they knew the driver.",
        "French reporters asked the minister why Paris had waited.",
    ],
)
def test_a_question_is_no_request(code: Code, text: str) -> None:
    assert [e.type for e in code(text).events if e.type == "REQUEST"] == []


def test_asking_for_something_is_still_a_request(code: Code) -> None:
    doc = code("Kenya asked Britain for help, if it could spare any.")
    assert "REQUEST" in [e.type for e in doc.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The French minister sought to distance himself from the deal.", "REQUEST"),
        ("The paramedic was there to demonstrate to French students a technique.", "PROTEST"),
        ("Kenyan troops demonstrated their strength in drills.", "PROTEST"),
        ("The wounded Kenyan officer was airlifted to a hospital in Nairobi.", "AID"),
    ],
)
def test_trying_showing_and_taking_to_hospital_are_no_events(
    code: Code, text: str, type_: str
) -> None:
    assert type_ not in [e.type for e in code(text).events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Iran sought Russian help.", "REQUEST"),
        ("Students demonstrated in Tehran on Friday.", "PROTEST"),
        ("The UN airlifted food to Gaza.", "AID"),
    ],
)
def test_seeking_demonstrating_and_airlifting_still_are(code: Code, text: str, type_: str) -> None:
    assert type_ in [e.type for e in code(text).events]


@pytest.mark.parametrize(
    "text",
    [
        "A Kenyan soldier accidentally shot a French colleague in Gao.",
        "Police in Nairobi are investigating an accidental shooting.",
    ],
)
def test_an_accident_is_no_attack(code: Code, text: str) -> None:
    assert "ASSAULT" not in [e.type for e in code(text).events]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Food aid went to refugees fleeing the civil war in Liberia.", "war"),
        ("Their repeated calls on the parties to end the war have gone unanswered.", "war"),
        ("The protests led to more than a decade of civil war.", "war"),
    ],
)
def test_a_conflict_named_as_the_setting_is_no_event(code: Code, text: str, word: str) -> None:
    assert word not in _types(code(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Relations soured after a deadly war between guerrillas and Serbian forces.", "war"),
        ("Rebels waged war on the government in 1990.", "war"),
        ("War broke out in the north in 1991.", "war"),
    ],
)
def test_a_conflict_with_its_sides_or_its_outbreak_is_an_event(
    code: Code, text: str, word: str
) -> None:
    assert _types(code(text)).get(word.lower()) == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The envoy called for the charges to be dropped.", "called for"),
        ("Rights groups asked for the sanctions to be lifted.", "asked for"),
    ],
)
def test_a_call_for_something_to_be_done_is_a_request(code: Code, text: str, word: str) -> None:
    # "for" opens the clause of what is asked ("for the charges to be dropped"), as a
    # preposition opens its object in "called for the release": no phone call
    assert _types(code(text)).get(word) == "REQUEST"


@pytest.mark.parametrize(
    ("text", "word", "type_"),
    [
        ("Zelensky thanked the United States for its support.", "thanked", "SUPPORT"),
        ("Israeli forces occupied the town on Monday.", "occupied", "COERCE"),
    ],
)
def test_thanks_to_a_party_and_ground_occupied_stay_events(
    code: Code, text: str, word: str, type_: str
) -> None:
    assert _types(code(text)).get(word) == type_


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("France recognized the new government in Kabul.", "recognized", "SUPPORT"),
        ("The foreign minister flew to Beijing on Tuesday.", "flew to", "CONSULT"),
        ("Police and the suspect exchanged shots outside the bank.", "exchanged shots", "ASSAULT"),
        ("He was hurt in an exchange of gunfire with officers.", "exchange of gunfire", "ASSAULT"),
        ("Israel and the PLO agreed that elections would be held in July.", "agreed", "AGREE"),
        ("Russia has amassed tanks and troops on the border.", "amassed", "MOBILIZE"),
    ],
)
def test_a_state_recognised_and_a_flight_taken_are_still_events(
    code: Code, text: str, word: str, kind: str
) -> None:
    assert _types(code(text)).get(word) == kind
