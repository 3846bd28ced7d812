"""Each event's location: attached place, else the sentence's, never the dateline (issue 5)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwatch import Document

from ..helpers import event_at

pytestmark = pytest.mark.issue(5)

Code = Callable[..., Document]


def test_seed_ambush_is_in_northern_kosovo(seed_doc: Document) -> None:
    location = event_at(seed_doc, "killed", "ASSAULT").location
    assert location is not None
    assert (location.country, location.qualifier) == ("XKX", "north")


def test_seed_shootout_is_in_kosovo(seed_doc: Document) -> None:
    location = event_at(seed_doc, "shootout").location
    assert location is not None and location.country == "XKX"


def test_seed_build_up_is_at_the_border(seed_doc: Document) -> None:
    first_line = seed_doc.text.index("\n")
    event = next(
        e for e in seed_doc.events if e.type == "MOBILIZE" and e.evidence.trigger.start < first_line
    )
    assert event.evidence.trigger.text == "deployment"
    assert event.location is not None
    assert (event.location.name, event.location.feature) == ("Serbia–Kosovo border", "BRDR")


def test_seed_has_no_event_in_washington(seed_doc: Document) -> None:
    located = [e.location for e in seed_doc.events if e.location is not None]
    assert located
    assert not [p for p in located if p.name == "Washington"]


def test_seed_events_lie_where_the_story_is(seed_doc: Document) -> None:
    # "Antony Blinken" (tagged a facility by the small model) is no French town
    countries = {e.location.country for e in seed_doc.events if e.location is not None}
    assert countries <= {"XKX", "SRB"}


def test_dateline_is_not_the_location(code: Code) -> None:
    doc = code("(Washington) Gunmen killed two police officers near Mitrovica on Sunday.")
    location = event_at(doc, "killed").location
    assert location is not None and location.country == "XKX"


def test_speaking_capital_is_not_the_location(code: Code) -> None:
    doc = code("Belgrade accused Kosovo police of attacking Serbs in Zvecan.")
    for event in doc.events:
        assert event.location is None or event.location.text != "Belgrade"


def test_without_a_place_the_location_is_none(code: Code) -> None:
    doc = code("The minister said protesters were arrested on Friday.")
    assert all(e.location is None for e in doc.events)


# issue 17: syntax first, and a place in an actor's role is not where it happened

SPRING = "the arrest of three Kosovar police officers by Serbia"


@pytest.mark.issue(17)
def test_seed_spring_riot_and_arrests_are_not_in_serbia(seed_doc: Document) -> None:
    sentence = seed_doc.text.index(SPRING)
    spring = [e for e in seed_doc.events if e.evidence.trigger.start >= sentence]
    assert {e.evidence.trigger.text for e in spring} >= {"arrest", "riot"}
    assert [e.location for e in spring if e.location is not None] == []


@pytest.mark.issue(17)
def test_seed_no_event_is_in_washington_or_the_us(seed_doc: Document) -> None:
    located = [e.location for e in seed_doc.events if e.location is not None]
    assert not [p for p in located if p.country == "USA" or "Washington" in p.text]


@pytest.mark.issue(17)
def test_seed_shootout_takes_the_ambush_place_of_the_sentence_before(seed_doc: Document) -> None:
    location = event_at(seed_doc, "shootout").location
    assert location is not None and location.text == "northern Kosovo"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police in Belgrade arrested two protesters from Novi Sad.", "arrested"),
        ("Three soldiers were arrested by Serbia on Monday.", "arrested"),
        ("Israel accused Hamas of breaking the truce.", "accused"),
        ("Mexico's army arrested a cartel leader on Friday.", "arrested"),
    ],
)
def test_a_place_in_an_actors_role_is_not_the_location(code: Code, text: str, trigger: str) -> None:
    doc = code(text)
    location = event_at(doc, trigger).location
    assert location is None or location.text not in {"Serbia", "Israel", "Mexico", "Novi Sad"}


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "Rebels attacked a convoy in Iraq's northern city of Mosul on Sunday.",
            "attacked",
            "Mosul",
        ),
        ("Troops captured Kandahar after a week of fighting.", "captured", "Kandahar"),
        ("A soldier was killed by a mine near the Syrian-Turkish border.", "killed", "border"),
        ("Gunmen shot a guard and wounded two others in the city of Peshawar.", "shot", "Peshawar"),
        ("Two men were killed when a bomb exploded near a market in Kabul.", "killed", "Kabul"),
        # a reference point is a fallback, not the place the phrase names
        (
            "Two soldiers were killed when a bomb exploded near their convoy in Anbar "
            "province, west of Baghdad.",
            "killed",
            "Anbar",
        ),
        ("Gunmen killed five villagers 20 miles from Kandahar.", "killed", "Kandahar"),
        # a participle says where its noun was
        (
            "A grenade exploded near a bus passing through the town of Jalalabad.",
            "exploded",
            "Jalalabad",
        ),
        # a town before a site it owns: the town is where, not who
        ("A suicide bomber blew himself up at a Baghdad market.", "blew", "Baghdad"),
        ("Police clashed with protesters in Nairobi's Kibera slum.", "clashed", "Nairobi"),
        ("A car bomb exploded in Baghdad's eastern district of Zayouna.", "exploded", "Zayouna"),
    ],
)
def test_syntax_places_the_event(code: Code, text: str, trigger: str, place: str) -> None:
    location = next(e for e in code(text).events if trigger in e.evidence.trigger.text).location
    assert location is not None and place in location.text


@pytest.mark.issue(17)
def test_a_name_the_gazetteer_lacks_is_placed_by_its_place_noun(code: Code) -> None:
    doc = code("Fighters were killed in clashes in the Zubrakhiya district on Sunday.")
    location = event_at(doc, "killed").location
    assert location is not None
    assert (location.text, location.lat, location.feature) == ("Zubrakhiya", None, "UNRESOLVED")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "trigger", "elsewhere"),
    [
        # the place is the shelling's, which the truce (an event of another type) halted
        (
            "Three villagers have been killed since the truce that halted the shelling in "
            "northern Idlib took effect.",
            "killed",
            "northern Idlib",
        ),
        # the place is where the report's sources are, not where the killing was
        (
            "Three soldiers were killed on Monday, according to security sources in Kandahar.",
            "killed",
            "Kandahar",
        ),
    ],
)
def test_a_place_of_another_event_or_of_a_source_is_not_the_location(
    code: Code, text: str, trigger: str, elsewhere: str
) -> None:
    location = event_at(code(text), trigger).location
    assert location is None or location.text != elsewhere


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text",
    [
        "Somebody fired a gun into a home on Ontario Avenue early on Thursday.",
        "A man was shot on Washington Street late on Friday.",
    ],
)
def test_a_place_that_names_a_street_is_not_the_location(code: Code, text: str) -> None:
    event = next(e for e in code(text).events if e.type == "ASSAULT")
    assert event.location is None


@pytest.mark.issue(17)
def test_a_capitalised_agent_noun_opening_a_sentence_is_an_actor_not_a_place(code: Code) -> None:
    doc = code("Rebels were captured in the hills on Monday.")
    assert [p.text for p in doc.places if p.text == "Rebels"] == []
    assert [(a.text, a.sector) for a in doc.actors] == [("Rebels", "REB")]


@pytest.mark.issue(17)
def test_a_capital_before_an_event_noun_is_its_place_not_its_attacker(code: Code) -> None:
    event = event_at(code("The Kabul attack killed 10 people."), "killed")
    assert event.source == []
    assert event.location is not None and event.location.text == "Kabul"


@pytest.mark.issue(17)
def test_a_capital_before_an_agent_noun_stays_an_actor(code: Code) -> None:
    event = event_at(code("Kabul police arrested two men."), "arrested")
    assert [a.text for a in event.source] == ["Kabul police"]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text",
    [
        "The United States has voiced concern over the violence in Israel.",
        "The U.S. has called for an inclusive government in Syria.",
        "Politicians have expressed concerns over handing the islands to Mauritius.",
        "G7 foreign ministers also discussed China's role in global security.",
    ],
)
def test_what_a_statement_is_about_is_not_where_it_was_made(code: Code, text: str) -> None:
    said = [e for e in code(text).events if e.type in {"ACCUSE", "REQUEST", "CONSULT"}]
    assert said and all(e.location is None for e in said)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "word", "place"),
    [
        ("In Belgrade, Vucic accused Pristina of lying.", "accused", "Belgrade"),
        ("The ministers discussed trade in Brussels on Monday.", "discussed", "Brussels"),
    ],
)
def test_a_statement_is_where_its_own_phrase_puts_it(
    code: Code, text: str, word: str, place: str
) -> None:
    event = event_at(code(text), word)
    assert event.location is not None and event.location.name == place


@pytest.mark.issue(17)
def test_a_companion_along_with_the_actor_is_no_place(code: Code) -> None:
    doc = code("The United States, along with Britain and France, called a meeting of the council.")
    assert all(e.location is None for e in doc.events)
