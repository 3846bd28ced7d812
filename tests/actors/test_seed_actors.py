"""The seed report's actors, as issue 3 lists them."""

import pytest

pytestmark = pytest.mark.issue(3)


def _codes(seed_doc, text):
    found = {(a.name, a.country, a.sector) for a in seed_doc.actors if a.text == text}
    assert found, f"no mention {text!r}"
    return found


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Serbian President Aleksandar Vucic", "Aleksandar Vucic", "SRB", "GOV"),
        ("Defense Minister Milos Vucevic", "Milos Vucevic", "SRB", "GOV"),
        ("General Milan Mojsilovic", "Milan Mojsilovic", "SRB", "MIL"),
        ("Antony Blinken", "Antony Blinken", "USA", "GOV"),
        ("John Kirby", "John Kirby", "USA", "GOV"),
        ("American national security adviser Jake Sullivan", "Jake Sullivan", "USA", "GOV"),
        ("Kosovar Prime Minister Albin Kurti", "Albin Kurti", "XKX", "GOV"),
        ("Washington", "United States", "USA", "GOV"),
        ("Serbian president", "Aleksandar Vucic", "SRB", "GOV"),
        ("military alliance", "NATO", "IGO", "IGO"),
        ("KFOR", "NATO", "IGO", "MIL"),
    ],
)
def test_named_actors(seed_doc, text, name, country, sector) -> None:
    assert (name, country, sector) in _codes(seed_doc, text)


def test_pronouns_follow_the_text(seed_doc) -> None:
    he = [a for a in seed_doc.actors if a.text == "He"]
    assert [a.name for a in he] == [
        "Aleksandar Vucic",
        "John Kirby",
    ]  # "He indicated…", "He did not wish…"


def test_the_commando_is_an_armed_group_not_the_serbian_army(seed_doc) -> None:
    [commando] = {
        (a.country, a.sector) for a in seed_doc.actors if a.text == "heavily armed commando"
    }
    assert commando[1] in {"UAF", "REB"} and commando[0] != "SRB"
