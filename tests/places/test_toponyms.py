"""Toponyms resolved in context: real sentences for each ambiguity (issue 5)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwatch import Document

from ..helpers import place_at

pytestmark = pytest.mark.issue(5)

Code = Callable[..., Document]


def test_document_countries_put_mitrovica_in_kosovo(code: Code) -> None:
    doc = code(
        "Tensions between Serbia and Kosovo rose again. Police said two cars were set on "
        "fire in Mitrovica overnight."
    )
    assert place_at(doc, "Mitrovica").country == "XKX"


def test_washington_is_the_capital_in_federal_politics(code: Code) -> None:
    doc = code("Washington said on Tuesday that the White House would ask Congress for more aid.")
    washington = place_at(doc, "Washington")
    assert washington.country == "USA"
    assert washington.lat is not None and abs(washington.lat - 38.9) < 0.5


def test_demonyms_are_country_places_never_locations(code: Code) -> None:
    doc = code("Serbian forces and Kosovar police exchanged fire near the village.")
    serbian = place_at(doc, "Serbian")
    assert (serbian.country, serbian.feature) == ("SRB", "demonym")
    assert all(e.location is None or e.location.feature != "demonym" for e in doc.events)


def test_place_inside_an_organisation_name_is_found(code: Code) -> None:
    doc = code(
        "Kelly Schlissberg, a spokeswoman for the Ohio Department of Development, said "
        "the company had met its obligations."
    )
    assert place_at(doc, "Ohio").feature == "ADM1"


def test_a_town_word_inside_an_organisation_name_is_no_place(code: Code) -> None:
    # the parser labels the name a location; only a prominent place inside one counts
    doc = code("The garden is funded by a grant from the Bluegrass Rain Garden Alliance.")
    assert [p.text for p in doc.places] == []
    assert place_at(code("The Kosovo Police Union protested."), "Kosovo").country == "XKX"


def test_first_name_and_street_name_are_not_places(code: Code) -> None:
    doc = code(
        "Antony Blinken met the mayor. Neighbours said the fire began in a garage on "
        "Cooper Street late on Friday."
    )
    assert not [p for p in doc.places if p.text in {"Antony", "Cooper"}]


def test_nearby_places_choose_each_other(code: Code) -> None:
    doc = code(
        "Councillors in Woodstock and Tillsonburg said the provincial budget left Oxford "
        "County short of money for roads."
    )
    woodstock = place_at(doc, "Woodstock")
    assert woodstock.country == "CAN"


def test_state_context_picks_the_american_town(code: Code) -> None:
    doc = code("A fire destroyed two homes in Paris, Texas, on Monday, the sheriff said.")
    paris = place_at(doc, "Paris")
    assert (paris.country, paris.admin1) == ("USA", "Texas")
    assert any(c["country"] == "FRA" for c in paris.candidates)


def test_country_context_picks_the_country_georgia(code: Code) -> None:
    doc = code("Russian troops moved closer to Tbilisi, and Georgia asked the EU for help.")
    assert place_at(doc, "Georgia").country == "GEO"


def test_us_context_picks_the_state_georgia(code: Code) -> None:
    doc = code("The storm hit Atlanta and Savannah before moving across Georgia and Alabama.")
    georgia = place_at(doc, "Georgia")
    assert (georgia.country, georgia.feature) == ("USA", "ADM1")


def test_direction_is_kept_as_qualifier(code: Code) -> None:
    doc = code("Gunmen attacked a police patrol in northern Kosovo on Sunday.")
    place = next(p for p in doc.places if "Kosovo" in p.text)
    assert (place.country, place.qualifier) == ("XKX", "north")


def test_city_acting_is_not_its_government(code: Code) -> None:
    doc = code(
        "London can get to work on its airport plan, the mayor said, after Toronto and "
        "Ottawa won money from the Canadian government."
    )
    assert place_at(doc, "London").country == "CAN"


def test_city_beats_the_subdivision_of_the_same_name(code: Code) -> None:
    doc = code("Thousands of protesters marched in Paris and Lyon on Saturday.")
    paris = place_at(doc, "Paris")
    assert (paris.country, paris.feature) == ("FRA", "PPL")


def test_dateline_with_a_news_agency_is_a_place(code: Code) -> None:
    doc = code(
        "COLUMBUS, Ohio (AP) — Gov. Ted Strickland's budget proposal shortchanges special "
        "education, advocates said."
    )
    assert (place_at(doc, "COLUMBUS").admin1, place_at(doc, "Ohio").feature) == ("Ohio", "ADM1")


def test_listed_institution_is_not_a_place(code: Code) -> None:
    doc = code("The turkey is pardoned in a ceremony at the White House before Thanksgiving.")
    assert not [p for p in doc.places if p.text == "White House"]


def test_place_after_of_in_an_organisation_name(code: Code) -> None:
    doc = code(
        "Three officers were taken to the Hospital of the University of Pennsylvania, "
        "said a professor at the University of Rochester."
    )
    assert place_at(doc, "Pennsylvania").feature == "ADM1"
    assert place_at(doc, "Rochester").country == "USA"


def test_names_before_counties_are_counties(code: Code) -> None:
    doc = code("Enrollment has slowed in places like Jackson and Barrow counties, officials said.")
    assert place_at(doc, "Jackson").feature == "ADM2"
    assert (place_at(doc, "Barrow").feature, place_at(doc, "Barrow").admin1) == ("ADM2", "Georgia")


def test_lawmakers_home_town_after_party_letter(code: Code) -> None:
    doc = code("House Minority Leader Marty Seifert, R-Marshall, joined the motion.")
    assert place_at(doc, "Marshall").country == "USA"


def test_town_lies_in_the_county_the_document_names(code: Code) -> None:
    doc = code(
        "The Athens Police Department arrested a 33-year-old man Monday. He was arraigned "
        "at the Henderson County Jail Tuesday morning."
    )
    assert place_at(doc, "Athens").admin1 == "Texas"
    assert place_at(doc, "Henderson County").admin1 == "Texas"


def test_constituent_country_is_its_own_place(code: Code) -> None:
    doc = code("The band toured England before returning to Dublin.")
    england = place_at(doc, "England")
    assert (england.name, england.feature) == ("England", "ADM1")


def test_a_place_once_is_a_place_wherever_it_recurs(code: Code) -> None:
    doc = code(
        "The council met in Gainesville on Monday. Many Gainesville business owners say "
        "the new parking rules hurt them."
    )
    gainesville = [p for p in doc.places if p.text == "Gainesville"]
    assert len(gainesville) == 2
    assert len({(p.lat, p.lon) for p in gainesville}) == 1


def test_surname_of_a_person_named_in_full_is_no_place(code: Code) -> None:
    doc = code(
        "Sheriff Bob Denton drove to Denton, Texas. Denton said the suspect had fled, "
        "and Michael Jordan agreed."
    )
    denton = [p.start for p in doc.places if p.text == "Denton"]
    assert denton == [doc.text.index("to Denton") + 3]
    assert not [p for p in doc.places if p.text == "Jordan"]


def test_two_word_demonym_is_one_country_place(code: Code) -> None:
    doc = code("Sri Lankan troops pushed north on Friday, the army said.")
    demonym = place_at(doc, "Sri Lankan")
    assert (demonym.country, demonym.feature) == ("LKA", "demonym")
    assert not [p for p in doc.places if p.text == "Sri"]


def test_capital_named_organisation_does_not_pull_towns_abroad(code: Code) -> None:
    doc = code(
        "Residents of Paris and Henry County will receive a letter from the Paris-Henry "
        "County Rescue Squad. The squad asks for donations every spring."
    )
    assert place_at(doc, "Paris").admin1 == "Tennessee"


def test_demonyms_set_the_country_of_a_famous_name(code: Code) -> None:
    doc = code(
        "Russian artists who emigrated to America are on display in New York. Many of "
        "them had trained in Moscow before the revolution."
    )
    assert place_at(doc, "Moscow").country == "RUS"


def test_people_of_a_region_name_the_region(code: Code) -> None:
    doc = code("Texans and Europeans flocked to the fair, and many Ontarians came too.")
    texans, ontarians = place_at(doc, "Texans"), place_at(doc, "Ontarians")
    assert (texans.name, texans.country, texans.feature) == ("Texas", "USA", "demonym")
    assert (ontarians.name, ontarians.country) == ("Ontario", "CAN")
    assert place_at(doc, "Europeans").name == "Europe"


def test_country_or_large_city_anywhere_in_an_organisation_name(code: Code) -> None:
    doc = code(
        "Forecasters at Environment Canada warned of snow, and Metro Vancouver closed two parks."
    )
    assert place_at(doc, "Vancouver").admin1 == "British Columbia"
    assert not [p for p in doc.places if p.text == "Metro"]


def test_breakaway_territory_is_a_place_as_well_as_an_actor(code: Code) -> None:
    doc = code("Russia signed treaties with the breakaway regions of Abkhazia and South Ossetia.")
    assert (place_at(doc, "South Ossetia").country, place_at(doc, "Abkhazia").country) == (
        "GEO",
        "GEO",
    )


def test_news_short_form_of_a_city(code: Code) -> None:
    doc = code("Traffic in L.A. was snarled for hours after the crash.")
    assert place_at(doc, "L.A.").name == "Los Angeles"


def test_a_subdivision_named_once_keeps_its_towns_in_it(code: Code) -> None:
    doc = code(
        "London city council will hire outside experts to defend its rejection of a clinic. "
        "The developers appealed to the Ontario Municipal Board, said Jane Doe, a London lawyer."
    )
    assert {p.admin1 for p in doc.places if p.text == "London"} == {"Ontario"}


def test_dollar_prices_make_the_american_namesake_likelier(code: Code) -> None:
    priced = code("The Mansfield city council approved a $2 million budget on Monday.")
    plain = code("The Mansfield city council approved a budget on Monday.")
    assert (place_at(priced, "Mansfield").country, place_at(plain, "Mansfield").country) == (
        "USA",
        "GBR",
    )


def test_lone_town_read_as_a_person_is_a_place_unless_it_acts(code: Code) -> None:
    homes = code(
        "Police are asking the public to be alert after four Twickenham homes were burglarized."
    )
    assert place_at(homes, "Twickenham").country == "GBR"
    said = code("President Obama signed the bill on Monday.")
    assert not [p for p in said.places if p.text == "Obama"]


def test_town_before_its_own_service_is_a_place(code: Code) -> None:
    doc = code("Huntsville Fire Chief Tom Ross said the blaze at the Alabama plant began at noon.")
    huntsville = place_at(doc, "Huntsville")
    assert (huntsville.country, huntsville.admin1) == ("USA", "Alabama")
    assert not [p for p in doc.places if p.text in {"Tom", "Ross"}]


def test_common_words_that_name_some_place_are_no_places(code: Code) -> None:
    doc = code(
        "Southern Baptist leaders met Federal investigators near the Airport on Tuesday in Dallas."
    )
    assert [p.text for p in doc.places] == ["Dallas"]
    base = code("Troops returned to Fort Benning on Monday.")
    assert not [p for p in base.places if p.text == "Fort"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "London's entrenched crystal meth crisis has prompted the city's homeless "
            "coalition to launch a campaign.",
            id="lower-case word, even labelled LOC",
        ),
        pytest.param(
            "The coalition fears a crystal meth crisis in London. "
            "Crystal methamphetamine addiction began to rise last year.",
            id="sentence-opening word the text also writes in lower case",
        ),
    ],
)
def test_common_words_written_as_such_are_no_places(code: Code, text: str) -> None:
    assert [p.text for p in code(text).places] == ["London"]


def test_a_state_before_counties_is_the_state(code: Code) -> None:
    doc = code("At 7.7 percent, Boone County is near the middle of Indiana counties.")
    indiana = place_at(doc, "Indiana")
    assert (indiana.feature, indiana.admin1) == ("ADM1", "Indiana")


def test_dollars_beside_a_canadian_province_are_no_american_evidence(code: Code) -> None:
    doc = code(
        "Woodstock city council approved a $2 million plan for a new arena. "
        "Ontario's housing minister praised the Woodstock plan."
    )
    assert {p.country for p in doc.places if p.text in {"Woodstock", "Ontario"}} == {"CAN"}


def test_abbreviated_names_in_a_capitals_dateline(code: Code) -> None:
    doc = code("ST. PAUL, Minn. — Gov. Tim Pawlenty signed the bill on Monday.")
    assert (place_at(doc, "ST. PAUL").name, place_at(doc, "ST. PAUL").admin1) == (
        "Saint Paul",
        "Minnesota",
    )
    palms = code("ISLE OF PALMS — The city council met on Monday.")
    assert place_at(palms, "ISLE OF PALMS").admin1 == "South Carolina"


def test_abbreviated_mount_reads_every_town_of_the_full_name(code: Code) -> None:
    doc = code("Two men were arrested in Mt. Pleasant, Iowa, on Friday.")
    assert place_at(doc, "Mt. Pleasant").admin1 == "Iowa"


def test_a_capital_alone_in_a_dateline_is_the_capital(code: Code) -> None:
    doc = code("WASHINGTON (AP) — The bill passed on Monday after a long debate.")
    assert place_at(doc, "WASHINGTON").admin1 == "Washington, D.C."
    ottawa = code("OTTAWA — The prime minister spoke to reporters on Monday.")
    assert place_at(ottawa, "OTTAWA").country == "CAN"


def test_a_language_is_no_evidence_of_the_country(code: Code) -> None:
    doc = code(
        "The gap between minorities and English language learners came up at the "
        "Alexandria school board debate."
    )
    assert not [p for p in doc.places if p.text == "English"]


def test_country_names_the_parser_mistakes_are_still_found(code: Code) -> None:
    doc = code(
        "Refugees from Ethiopia, the Philippines, Sudan and Syria arrived. Realists like "
        "Sri Lanka's former president spoke. Fans came from across U.S.. It was fun."
    )
    found = {p.text: p.country for p in doc.places}
    assert (found["Philippines"], found["Sri Lanka"], found["U.S"]) == ("PHL", "LKA", "USA")


def test_common_word_after_in_is_a_town(code: Code) -> None:
    doc = code("He found the men early Saturday in Independence, but one of them fled.")
    assert place_at(doc, "Independence").admin1 == "Missouri"
    london = code("The clinic will open in North London next year.")
    assert place_at(london, "North London").name == "London"


def test_the_eu_is_a_place_at_its_seat_but_no_event_location(code: Code) -> None:
    doc = code("The EU imposed sanctions on Russia on Monday.")
    eu = place_at(doc, "EU")
    assert (eu.name, round(eu.lat), round(eu.lon)) == ("European Union", 51, 4)
    assert doc.events and all(e.location is None or e.location.text != "EU" for e in doc.events)


def test_a_village_of_local_news_is_found_in_its_state(code: Code) -> None:
    doc = code("Slide forces closure of W.Va. 61 in East Bank. Kanawha County crews worked.")
    assert place_at(doc, "East Bank").admin1 == "West Virginia"


def test_the_people_of_a_country_by_their_own_name_name_it(code: Code) -> None:
    doc = code("Sinhalese mobs attacked homes in the capital on Monday.")
    assert place_at(doc, "Sinhalese").country == "LKA"


# issue 17: person names, acronyms, foreign articles and institutions are not places


@pytest.mark.issue(17)
def test_a_persons_surname_is_no_town(code: Code) -> None:
    doc = code(
        "A judge jailed the journalist Jose Ruben Zamora in Guatemala City. "
        "Zamora on Monday returned to prison."
    )
    assert "Zamora" not in [p.text for p in doc.places]
    assert "Guatemala City" in [p.text for p in doc.places]


@pytest.mark.issue(17)
def test_a_surname_that_the_text_also_places_stays_a_place(code: Code) -> None:
    doc = code("Mayor Bob Greer opened the fair. Greer, South Carolina, has grown fast.")
    assert "Greer" in [p.text for p in doc.places]


@pytest.mark.issue(17)
@pytest.mark.parametrize("text", ["Fighters of IS attacked the town.", "NATO troops arrived."])
def test_an_acronym_is_no_village(code: Code, text: str) -> None:
    assert [p for p in code(text).places if p.feature == "PPL"] == []


@pytest.mark.issue(17)
def test_french_articles_and_phrases_are_no_places(code: Code) -> None:
    doc = code("Officials of the ministère de la Défense met in Paris. Les Bleus won again.")
    assert [p.text for p in doc.places if p.feature != "UNRESOLVED"] == ["Paris"]


@pytest.mark.issue(17)
def test_a_word_of_a_listed_institution_is_no_town(code: Code) -> None:
    doc = code("The White House said the U.S. Senate would vote.")
    assert [p.text for p in doc.places] == ["U.S."]
