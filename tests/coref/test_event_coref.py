"""One event per event: repeated mentions in one report are merged, distinct events kept (issue 15)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ..conftest import SHARED

pytestmark = pytest.mark.issue(15)

DAY = dt.date(2025, 3, 14)


def _voa(doc_id: str) -> dict:
    with (SHARED / "corpus" / "voa_2025.jsonl").open(encoding="utf-8") as handle:
        return next(r for r in map(json.loads, handle) if r["id"] == doc_id)


def test_a_headline_and_its_body_are_one_event(code) -> None:
    text = (
        "Airstrikes kill 50 militants in northern Syria\n\n"
        "Airstrikes killed 50 militants near Idlib on Tuesday, the army said. "
        "The strikes hit a training camp."
    )
    doc = code(text, pub_date=DAY)
    assert [b.kind for b in doc.blocks] == ["headline"]
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    with_fifty = [e for e in assaults if (e.killed or 0) == 50]
    assert len(with_fifty) == 1
    [event] = with_fifty
    assert [m.trigger.text for m in event.mentions][:2] == ["kill", "killed"]
    assert event.evidence.trigger.text == "killed"  # the body mention, dated and located


def test_the_attack_said_again_is_the_same_attack(code) -> None:
    text = (
        "Gunmen attacked a police post in Mardan on Monday, killing three officers. "
        "Police said the attack began before dawn. "
        "No group claimed the attack, which officials blamed on militants."
    )
    doc = code(text, pub_date=DAY)
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1, [(e.evidence.trigger.text, e.evidence.sentence) for e in attacks]
    assert [m.trigger.text for m in attacks[0].mentions] == [
        "attacked",
        "killing",
        "attack",
        "attack",
    ]
    assert attacks[0].killed == 3


def test_two_attacks_on_two_days_in_two_towns_stay_two(code) -> None:
    text = (
        "Gunmen attacked a checkpoint in Quetta on Monday. "
        "On Thursday, militants attacked a market in Peshawar. "
        "The attack in Peshawar wounded ten people."
    )
    doc = code(text, pub_date=DAY)
    attacks = sorted(
        (e for e in doc.events if e.type == "ASSAULT"), key=lambda e: e.evidence.trigger.start
    )
    assert len(attacks) == 2
    assert {e.location.name for e in attacks if e.location} == {"Quetta", "Peshawar"}
    assert len(attacks[1].mentions) == 2  # "the attack in Peshawar" is Thursday's


def test_a_credit_line_is_no_event(code) -> None:
    text = (
        "Protesters marched through Nairobi on Saturday.\n"
        "Reuters and The Associated Press contributed to this report."
    )
    doc = code(text, pub_date=DAY)
    assert [b.kind for b in doc.blocks] == ["credit"]
    assert all("contributed" not in e.evidence.text for e in doc.events)


def test_a_credit_after_the_lines_sentences_takes_only_its_own_sentence(code) -> None:
    # a one-line report: the credit at its end is no event, and the report's sentences
    # before it keep theirs ("contributed" with an e-mail address is a credit too)
    for credit in (
        "Tribune reporter Liam Ford contributed chicagobreaking@tribune.com",
        "AP writer Jane Doe contributed to this report.",
    ):
        doc = code(f"Police arrested two men in Chicago on Friday. {credit}", pub_date=DAY)
        assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
            ("credit", credit.rstrip())
        ]
        assert [e.type for e in doc.events] == ["COERCE"], credit


def test_an_ap_dateline_with_an_underscore_is_no_actor(code) -> None:
    text = "  NAIROBI, Kenya (AP) _  The U.S. ambassador met Kenya's trade minister on Wednesday."
    doc = code(text, pub_date=DAY)
    assert [b.kind for b in doc.blocks] == ["dateline"]
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert {a.country for a in meeting.source} == {"USA"}


def test_the_hijacking_story_names_its_hijacking_once(code) -> None:
    story = _voa("voa-8011076")
    doc = code(story["text"], id=story["id"], pub_date=dt.date.fromisoformat(story["pub_date"]))
    hijackings = [e for e in doc.events if any("hijacking" in m.trigger.text for m in e.mentions)]
    assert len(hijackings) == 1
    mentions = [(m.trigger.text, m.text[:22]) for m in hijackings[0].mentions]
    # "31 people … lost their lives in Tuesday's train hijacking", then its toll: "those
    # killed in the initial attack", "five … were also killed in the attack"
    assert [word for word, _ in mentions] == [
        "hijacking",
        "killed",
        "killed",
        "attack",
        "hijacking",
    ]
    assert mentions[3][1] == "Blaming neighbors Tues"  # "Tuesday's attack marked …": the main event
    assert hijackings[0].killed == 5  # the one toll the parse counts on a killing verb
    kinds = {doc.text[b.start : b.end]: b.kind for b in doc.blocks}
    assert kinds.get("Intelligence failure?") == "subhead"


def test_the_seed_keeps_its_events(seed_doc) -> None:
    assert [b.kind for b in seed_doc.blocks] == ["dateline", "subhead"]
    # 29 coded events, less one that names no one, nowhere and no number: "the need
    # for ... a return to dialogue"
    assert len(seed_doc.events) == 28


def _mention_words(doc, type_: str) -> list[str]:
    """The trigger words of the one event of ``type_`` the document codes."""
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, [(e.evidence.trigger.text, e.evidence.sentence) for e in found]
    return [m.trigger.text for m in found[0].mentions]


def test_another_word_for_the_same_act_is_the_same_event(code) -> None:
    # "freed", "were released" and "their release" set the same pupils free (one CAMEO
    # code); "their release" is definite, so it points back
    text = (
        "Gunmen freed 30 pupils in Kaduna on Tuesday. "
        "Officials said their release followed talks with elders."
    )
    assert _mention_words(code(text, pub_date=DAY), "RETREAT") == ["freed", "release"]


def test_the_second_attack_is_not_the_first(code) -> None:
    text = (
        "Gunmen attacked a checkpoint in Quetta on Monday. "
        "The second attack, on a bus, wounded ten people."
    )
    doc = code(text, pub_date=DAY)
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 2


def test_a_passive_that_tells_again_what_befell_the_named_is_the_same_event(code) -> None:
    # "the pupils were released" retells the freeing: its subject is definite
    text = (
        "Gunmen freed 30 pupils in Kaduna on Tuesday. "
        "The pupils were released near a forest, officials said."
    )
    assert _mention_words(code(text, pub_date=DAY), "RETREAT") == ["freed", "released"]
    # an indefinite subject tells of others: "two men were released" is a new release
    other = code(
        "Gunmen freed 30 pupils in Kaduna on Tuesday. Two teachers were released in Zaria.",
        pub_date=DAY,
    )
    assert len([e for e in other.events if e.type == "RETREAT"]) == 2


def test_an_act_told_again_on_a_named_object_is_the_same_event(code) -> None:
    text = (
        "Gunmen stormed a hotel in Beledweyne on Tuesday. "
        "Witnesses said the gunmen stormed it after a blast."
    )
    doc = code(text, pub_date=DAY)
    storms = [e for e in doc.events if e.type == "ASSAULT" and "stormed" in e.evidence.trigger.text]
    assert len(storms) == 1
    assert [m.trigger.text for m in storms[0].mentions] == ["stormed", "stormed"]


def test_a_name_told_again_is_the_same_event_only_where_it_was_named(code) -> None:
    doc = code(
        "Police freed the journalist Mech Dara in Phnom Penh on Thursday. "
        "His lawyer said Dara was released on bail.",
        pub_date=DAY,
    )
    assert len([e for e in doc.events if e.type == "RETREAT"]) == 1
    other = code("Police arrested Smith in Ohio. Jones was arrested later.", pub_date=DAY)
    assert len([e for e in other.events if e.type == "COERCE"]) == 2


def test_an_attacks_toll_is_that_attack(code) -> None:
    # the toll in the next sentence, and the dead and hurt told together, are the
    # attack's outcome: one event that carries both counts
    doc = code(
        "A suicide bomber attacked a market in Kabul on Friday. "
        "Seven people were killed and 20 others were wounded.",
        pub_date=DAY,
    )
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert [m.trigger.text for m in attack.mentions] == ["attacked", "killed", "wounded"]
    assert (attack.killed, attack.injured) == (7, 20)
    assert [a.text for a in attack.source] == ["suicide bomber"]


def test_a_toll_told_as_another_incident_stays_its_own(code) -> None:
    doc = code(
        "A suicide bomber attacked a market in Kabul on Friday. "
        "Separately, two soldiers were killed in Kandahar.",
        pub_date=DAY,
    )
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 2
    # a count that differs from the attack's own is another toll
    other = code(
        "A suicide bomber attacked a market in Kabul on Friday, killing seven. "
        "Nine people were killed.",
        pub_date=DAY,
    )
    assert len([e for e in other.events if e.type == "ASSAULT"]) == 2


def test_the_dead_an_attack_leaves_are_its_count(code) -> None:
    doc = code(
        "Gunmen stormed a hotel in Beledweyne on Tuesday, leaving at least five people dead. "
        "They attacked the hotel at dawn, witnesses said.",
        pub_date=DAY,
    )
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.killed == 5
    assert attack.quantities["killed"].text == "at least five people"
    # "they attacked the hotel": the general verb of the class, on the hotel named before
    assert [m.trigger.text for m in attack.mentions] == ["stormed", "attacked"]


def test_the_killed_in_the_attack_are_its_toll(code) -> None:
    doc = code(
        "Militants hijacked a train near Sibi on Tuesday. "
        "Officials said 18 soldiers were among those killed in the attack.",
        pub_date=DAY,
    )
    assert _mention_words(doc, "ASSAULT") == ["hijacked", "killed"]


def test_the_raid_or_siege_an_attack_happens_in_is_that_attack(code) -> None:
    # the raid is the occasion of the kidnapping, the siege what the storming set off
    doc = code("The girls were kidnapped last Friday during an overnight raid at their school.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert [m.trigger.text for m in doc.events[0].mentions] == ["kidnapped", "raid"]
    doc = code(
        "Gunmen stormed a hotel in Beledweyne on Tuesday, leaving five people dead and "
        "triggering an ongoing siege. The siege continued, witnesses said.",
        pub_date=DAY,
    )
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert [m.trigger.text for m in doc.events[0].mentions] == ["stormed", "siege", "siege"]
    doc = code("Some militants are still resisting and fighting with the security forces.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    # a raid told on its own is its own event
    alone = code("Police raided a school in Jangebe on Friday. Gunmen kidnapped a pupil.")
    assert sorted(e.type for e in alone.events) == ["ASSAULT", "COERCE"]


def test_a_date_borrowed_from_the_sentence_before_does_not_part_two_mentions(code) -> None:
    doc = code(
        "Journalist Mech Dara was freed on Thursday. Last year, he received an award. "
        "CamboJA said Mech Dara was released after apologizing to Hun Manet.",
        pub_date=dt.date(2024, 10, 25),
    )
    assert _mention_words(doc, "RETREAT") == ["freed", "released"]
    # a date of the mention's own sentence still does
    doc = code(
        "Journalist Mech Dara was freed on Thursday. "
        "Last year, Mech Dara was released after apologizing to Hun Manet.",
        pub_date=dt.date(2024, 10, 25),
    )
    assert len([e for e in doc.events if e.type == "RETREAT"]) == 2


def test_a_definite_subject_that_names_no_act_points_back_to_nothing(code) -> None:
    doc = code(
        "Militants hijacked a train near Sibi on Tuesday. In the clearance operation that "
        "lasted more than 30 hours, the Pakistan military said it killed 33 BLA terrorists. "
        "In 2024, the BLA and other Baloch separatist groups killed nearly 400 people in "
        "over 500 attacks.",
        pub_date=dt.date(2025, 3, 14),
    )
    killings = [e for e in doc.events if e.type == "ASSAULT" and e.killed]
    assert sorted(e.killed for e in killings) == [33, 400]
    # the same act told again by whoever did it before is the same event
    doc = code(
        "An officer shot a driver in Lancaster after being struck by the vehicle. "
        "The driver was pronounced dead. The officer fired shots at the vehicle, "
        "striking the driver.",
        pub_date=dt.date(2018, 3, 18),
    )
    shootings = [e for e in doc.events if e.evidence.trigger.text in {"shot", "fired shots at"}]
    assert [[m.trigger.text for m in e.mentions][:2] for e in shootings] == [
        ["shot", "fired shots at"]
    ]
