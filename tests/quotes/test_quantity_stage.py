"""Quantities on events and document casualty counts (issue 6)."""

from __future__ import annotations

import pytest

from eventwatch.stages.quantities import parse_quantity

from ..helpers import event_at


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("500 to 650", 500, 650, None),
        ("approximately 500 to 650", 500, 650, "approximately"),
        ("more than 30", 30, None, "more than"),
        ("up to 12", None, 12, "up to"),
        ("three", 3, 3, None),
        ("twenty-five", 25, 25, None),
        ("1,200", 1200, 1200, None),
        ("dozens", 24, 99, "approximate"),
    ],
)
def test_parse_quantity(
    text: str, low: int | None, high: int | None, qualifier: str | None
) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert (quantity.min, quantity.max, quantity.qualifier) == (low, high, qualifier)


def test_clock_times_are_not_numbers() -> None:
    assert parse_quantity("18:58") is None


@pytest.mark.parametrize(
    ("text", "trigger", "key", "low"),
    [
        ("Soldiers killed 46 civilians in the village.", "killed", "killed", 46),
        ("One police officer was killed in the ambush.", "killed", "killed", 1),
        ("Police arrested three Kosovar police officers on Monday.", "arrested", "arrested", 3),
        ("The bombing injured dozens of people.", "injured", "injured", 24),
    ],
)
def test_quantity_on_event(code, text: str, trigger: str, key: str, low: int) -> None:
    event = event_at(code(text), trigger)
    assert event.quantities[key].min == low


def test_killed_figure_is_best_estimate(code) -> None:
    event = event_at(code("Gunmen killed more than 20 villagers."), "killed")
    assert event.killed == 20 and event.quantities["killed"].qualifier == "more than"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A man was shot and killed Tuesday night, police said.", 1, 0),
        ("Two people were wounded in the shooting.", 0, 2),
        ("A teenager was shot in the leg and taken to a hospital.", 0, 1),
        ("No one was hurt in the robbery, she said.", 0, 0),
    ],
)
def test_document_casualties(code, text: str, killed: int, injured: int) -> None:
    assert code(text).casualties == {"killed": killed, "injured": injured}


def test_seed_quantities(seed_doc) -> None:
    killed = event_at(seed_doc, "killed")
    assert killed.type == "ASSAULT" and killed.killed == 1
    injured = event_at(seed_doc, "injured")
    assert injured.injured is not None and injured.injured >= 30
    assert injured.quantities["injured"].qualifier == "more than"
    assert event_at(seed_doc, "arrest").quantities["arrested"].min == 3
    personnel = event_at(seed_doc, "made available").quantities["personnel"]
    assert (personnel.min, personnel.max) == (500, 650)


@pytest.mark.issue(6)
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "struck" by a projectile or in the body is read as a shooting
        ("In that shooting, a teenager was struck by gunfire, Cleveland said.", 0, 1),
        ("One of the bullets struck the driver in the shoulder, authorities said.", 0, 1),
        # different victims of one story add up
        ("A man was struck in the leg and a woman was struck in the arm, said police.", 0, 2),
        ("One man was critically wounded and a second man was shot in the arm, police said.", 0, 2),
        # "another man" is the one the shooter shot, not a second victim
        ("The men shot another man in the home, then left.", 0, 1),
        # shooting at someone, threats and conditionals hit nobody
        ("A suspect tried to run over an officer and was shot at by the cop.", 0, 0),
        ("He warned that he would shoot the person who came through the door.", 0, 0),
        ("When he denied being involved in a gang, the man in the van started shooting.", 0, 0),
        ("Neither victim was injured.", 0, 0),
        ("Police said the clerk did not appear to be injured.", 0, 0),
        # "the injured man" names a victim who may since have died
        ("A man was shot Friday night. The injured man died at the scene.", 1, 0),
        # a dateline parsed as a second subject is not a victim
        ("FLINT, MI -- A man was shot in the left arm when he was being robbed in his home.", 0, 1),
        ("The victim turned to run and was shot once in the back, Perkins said.", 0, 1),
        ("A 17-year-old was shot in the leg around 8 at Myrtle Avenue.", 0, 1),
        ("First responders found a woman with a gunshot wound to the arm.", 0, 1),
        ("A woman was found suffering from a gunshot wound.", 0, 1),
    ],
)
def test_document_casualties_rules(code, text: str, killed: int, injured: int) -> None:
    assert code(text).casualties == {"killed": killed, "injured": injured}
