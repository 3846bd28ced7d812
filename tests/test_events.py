"""Event coding on real sentences: types, roles, flags, reported speech."""

import datetime as dt

import pytest


def _types(doc):
    return [e.type for e in doc.events]


def _top(doc):
    return max(doc.events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Israeli soldiers arrested more than 100 Palestinians on Saturday.", "COERCE"),
        ("Sudanese rebels shelled the southern city of Juba on Sunday.", "ASSAULT"),
        ("Thousands of students demonstrated in the capital against the government.", "PROTEST"),
        ("The United States suspended military aid to Bosnia.", "SANCTION"),
        ("Yemen has rejected a U.S. request to interrogate the detainees.", "REJECT"),
        ("The PRC demanded that the US cancel plans to sell weapons to Taiwan.", "REQUEST"),
        ("Iraqi President Saddam Hussein arrived in Amman on a visit on Wednesday.", "CONSULT"),
        ("Georgian President Eduard Shevardnadze resigned on Sunday.", "RETREAT"),
        ("The government accused the opposition of plotting a coup.", "ACCUSE"),
        ("Russia threatened to cut gas supplies to Ukraine.", "THREATEN"),
    ],
)
def test_main_event_type(code, sentence, type_) -> None:
    assert _top(code(sentence)).type == type_


def test_source_acts_and_target_is_acted_upon(code) -> None:
    event = _top(code("Israeli tanks fired shells at targets in Jericho."))
    assert {a.country for a in event.source} == {"ISR"}
    passive = _top(code("Three Kosovar police officers were arrested by Serbian police."))
    assert {a.country for a in passive.source} == {"SRB"}
    assert {a.country for a in passive.target} == {"XKX"}


def test_one_sentence_several_events(code) -> None:
    doc = code("A riot by Serbian demonstrators left more than 30 KFOR soldiers injured.")
    assert {"PROTEST", "ASSAULT"} <= set(_types(doc))


def test_reported_speech_is_the_event_not_the_saying(code) -> None:
    doc = code("The minister said rebels attacked the convoy near Goma.")
    assert _types(doc) == ["ASSAULT"]
    assert doc.events[0].reported_by is not None
    assert doc.events[0].reported_by.text == "minister"


def test_negated_denied_and_refused_acts(code) -> None:
    assert code("The army did not attack the village.").events[0].negated
    refused = [
        e for e in code("Belgrade refuses to recognize Kosovo.").events if e.type == "SUPPORT"
    ]
    assert refused and refused[0].negated


def test_no_before_another_noun_denies_that_noun_only(code) -> None:
    shooting = code("There is no known motive for the deadly shooting.").events
    assert shooting and not shooting[0].negated
    attack = code("There was no sign of an attack.").events
    assert attack and attack[0].negated


def test_hypothetical_acts(code) -> None:
    doc = code("NATO said it was ready to deploy more troops.")
    deploy = [e for e in doc.events if e.type == "MOBILIZE"]
    assert deploy and deploy[0].hypothetical
    invasion = [
        e for e in code("Officials warned of a possible invasion.").events if e.type == "ASSAULT"
    ]
    assert invasion and invasion[0].hypothetical
    threat = [
        e for e in code("Russia threatened to invade Georgia.").events if e.type == "THREATEN"
    ]
    assert threat and not threat[0].hypothetical


def test_a_verb_coordinated_under_a_modal_shares_it(code) -> None:
    doc = code("The envoy said the villagers could still be attacked or kidnapped.")
    flags = {e.evidence.trigger.text: e.hypothetical for e in doc.events}
    assert flags.get("kidnapped") is True and flags.get("attacked") is True
    doc = code("The group fights on, aiming to topple the government and impose its law.")
    assert {e.evidence.trigger.text: e.hypothetical for e in doc.events}.get(
        "impose its law"
    ) is True
    # a conjoined verb with its own subject says what did happen
    doc = code("Rebels may attack the town, and they killed two guards on Monday.")
    assert {e.evidence.trigger.text: e.hypothetical for e in doc.events}.get("killed") is False


def test_historical_background(code) -> None:
    doc = code(
        "Relations remain poor two decades after a war between guerrillas and Serbian forces.",
        pub_date=dt.date(2023, 9, 29),
    )
    war = [e for e in doc.events if e.type == "ASSAULT"]
    assert war and war[0].historical


def test_commitments_from_modals(code) -> None:
    demand = code("Russia said on Tuesday that Sudan must return the helicopter.")
    request = [e for e in demand.events if e.type == "REQUEST"]
    assert request and {a.country for a in request[0].source} == {"RUS"}
    assert {a.country for a in request[0].target} == {"SDN"}
    promise = code("France is ready to contribute 4,000 troops to a force in Liberia.")
    assert _top(promise).type == "AGREE"


def test_a_sentence_without_a_trigger_has_no_event(code) -> None:
    assert code("Around 120,000 Serbs live in Kosovo, a third of them in the north.").events == ()


def test_an_aim_is_hypothetical(code) -> None:
    # an infinitive of purpose tells what someone meant to do, not what was done
    doc = code("Police said the group was making bombs to carry out attacks in the country.")
    assert all(e.hypothetical for e in doc.events if e.evidence.trigger.text == "attacks")
    doc = code("Police fired shots to disperse the crowd.")
    assert [e.hypothetical for e in doc.events if e.evidence.trigger.text == "disperse"] == [True]
    doc = code("A plane used to help troops on the battlefield crashed.")
    assert [e.hypothetical for e in doc.events if e.type == "AID"] == [True]
    # an act the report knows of ("the release") is no mere aim, and a gathering does
    # what it gathers for
    doc = code("No ransom was paid to secure the release of the girls.")
    assert [e.hypothetical for e in doc.events if e.type == "RETREAT"] == [False]
    doc = code("About 1,000 people gathered Sunday at a Calgary rally to demand a new vote.")
    assert [e.hypothetical for e in doc.events if e.type == "REQUEST"] == [False]


def test_what_is_in_danger_of_happening_is_hypothetical(code) -> None:
    doc = code("The dangers of kidnapping, abductions and killings by bandits are still lurking.")
    flags = {e.evidence.trigger.text: e.hypothetical for e in doc.events}
    assert flags and all(flags.values()), flags
    doc = code("Bandits carried out kidnappings, abductions and killings in the town.")
    assert not any(e.hypothetical for e in doc.events)


def test_an_obligation_the_speakers_lay_on_themselves_requests_nothing(code) -> None:
    doc = code('"We must see the continuous attacks on our schools as a trend," Odumakin said.')
    assert not [e for e in doc.events if e.type == "REQUEST"]
    doc = code("Odumakin said authorities should declare a state of emergency.")
    assert [e.type for e in doc.events if e.type == "REQUEST"] == ["REQUEST"]


def test_the_aim_of_an_effort_is_hypothetical(code) -> None:
    doc = code("Qatar did everything to help the rebels release the hostages.")
    assert [e.hypothetical for e in doc.events if e.type == "RETREAT"] == [True]
    # "help" in the past says the act was done
    doc = code("Elders helped the rebels release the hostages.")
    assert [e.hypothetical for e in doc.events if e.type == "RETREAT"] == [False]


def test_a_denied_participant_negates_the_act(code) -> None:
    for text in ("No shots were fired.", "Police fired no shots at the crowd."):
        events = [e for e in code(text).events if e.type == "ASSAULT"]
        assert events and all(e.negated for e in events), text
    # a toll of no one counts zero (see test_anchors), and "no" on a noun the act is
    # only told about leaves the act asserted
    shooting = code("There is no known motive for the deadly shooting.").events
    assert shooting and not shooting[0].negated


def test_a_demand_to_get_in_touch_between_parties_is_still_a_demand(code) -> None:
    doc = code("The UN urged both sides to contact each other.")
    assert [e.type for e in doc.events if e.type == "REQUEST"] == ["REQUEST"]


def test_help_asked_of_another_party_is_still_a_request(code) -> None:
    doc = code("Haiti asked for assistance from the United States.")
    assert [e.type for e in doc.events] == ["REQUEST"]
    doc = code("The UN sent assistance to Haiti.")
    assert [e.type for e in doc.events] == ["AID"]


def test_a_subhead_run_on_or_a_demanded_denial_negates_nothing(code) -> None:
    doc = code("No claim of responsibility The attack targeted a church for Copts.")
    assert [e.negated for e in doc.events if e.type == "ASSAULT"] == [False]
    doc = code('"No one should be detained at Guantanamo," Sepulveda added.')
    assert [e.negated for e in doc.events if e.type == "REQUEST"] == [False]
