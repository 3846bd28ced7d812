"""Sources only where the text makes them so, and counts on the event they qualify
(issue 16, items 5 and 6), in sentences of our own."""

from __future__ import annotations

import pytest

from tests.conftest import Code

pytestmark = pytest.mark.issue(16)


def _event(doc, word: str):
    found = [e for e in doc.events if word in {m.trigger.text for m in e.mentions or [e.evidence]}]
    assert found, f"no event at {word!r}: {[e.evidence.trigger.text for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a passive with no agent: the one who deplores is not the one who shot
        ("The envoy deplored the violence, as six marchers were shot dead in Dakar.", "shot dead"),
        # nor does a judging verb make its subject the author of what it judges
        ("The envoy deplored the violence, as six marchers were shot dead in Dakar.", "violence"),
        ("The minister condemned the crackdown on students.", "crackdown"),
        # the speaker of a passive killing is not the killer
        ("A man was shot dead on Friday, police said.", "shot dead"),
        # an event told as the setting of another is not the clause subject's
        ("Settlers burned the homes of farmers following the killing of a shepherd.", "killing"),
        ("Two people died after a shooting near the stadium.", "shooting"),
        # a participle after its noun is a passive: the clause's subject did not do it
        ("Villagers are relieved after 30 pupils kidnapped in Kano were freed.", "kidnapped"),
        ("Residents mourned the soldiers killed in the ambush.", "killed"),
        # a copula describes its subject; the victims are not the attackers
        ("The French nurses were victims of an attack in Gao.", "attack"),
        # who asks for, blames or backs something does not do it
        ("The French envoy called for an end to the violence in Mali.", "violence"),
        ("The Kenyan minister backed the airstrike on the camp.", "airstrike"),
        # a report between the trigger and the main verb: the teller did not do it
        (
            "Police have few clues but said it does not appear the kids were the target of "
            "the shooting.",
            "shooting",
        ),
        ("The victim called 911 and reported a shooting on the freeway.", "shooting"),
    ],
)
def test_a_speaker_or_judge_is_not_the_source(code: Code, text: str, word: str) -> None:
    assert _event(code(text), word).source == []


def test_the_agent_of_a_participle_after_its_noun_is_the_source(code: Code) -> None:
    doc = code("The governor said French soldiers backed by Malian troops held the town.")
    backing = _event(doc, "backed")
    assert [a.country for a in backing.source] == ["MLI"]
    assert [a.country for a in backing.target] == ["FRA"]


def test_a_relative_clause_after_x_of_y_tells_of_x_not_y(code: Code) -> None:
    # the shelling killed the soldiers; the outpost is its target, not the killer
    doc = code("The shelling of a Turkish outpost that killed four soldiers angered Ankara.")
    killing = _event(doc, "killed")
    assert [a.country for a in killing.source if a.country] == []
    assert killing.killed == 4


@pytest.mark.parametrize(
    "setting", ["following the arrest of a French businessman", "after talks with French officials"]
)
def test_who_a_scene_setting_phrase_names_is_no_fallback_target(code: Code, setting: str) -> None:
    # the clause names no one acted upon; the last-resort target is not taken from
    # the event told as its setting
    arson = _event(code(f"Villagers set fire to warehouses {setting}."), "set fire")
    assert arson.target == []
    # an owner the clause itself names still is the target
    owned = _event(code("Villagers set fire to the warehouses of a French company."), "set fire")
    assert [a.country for a in owned.target] == ["FRA"]


def test_the_police_reporting_a_passive_arrest_made_it(code: Code) -> None:
    arrest = _event(code("A local man was arrested on Friday, police said."), "arrested")
    assert [a.text for a in arrest.source] == ["police"]


@pytest.mark.parametrize(
    ("text", "word", "killed", "injured"),
    [
        ("Officials said 12 insurgents had been killed.", "killed", 12, None),
        ("Gunmen stabbed a guard to death, wounding three others.", "stabbed", 1, 3),
        ("The ambush killed a Canadian engineer and six Malian soldiers.", "killed", 7, None),
    ],
)
def test_counts_sit_on_the_event_they_qualify(
    code: Code, text: str, word: str, killed: int | None, injured: int | None
) -> None:
    event = _event(code(text), word)
    assert (event.killed, event.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Georgian troops were deployed along the boundary on Monday.", "deployed", "GEO"),
        ("Turkish soldiers were withdrawn from the hills overnight.", "withdrawn", "TUR"),
    ],
)
def test_the_forces_a_passive_deploys_or_withdraws_are_its_source(
    code: Code, text: str, word: str, country: str
) -> None:
    moved = next(e for e in code(text).events if word in e.evidence.trigger.text)
    assert [a.country for a in moved.source] == [country]
    assert country not in {a.country for a in moved.target}


def test_a_release_told_by_a_rights_group_is_not_its_doing(code: Code) -> None:
    # the one released is the target; the group that reports it released no one
    doc = code("A rights group said the blogger was released on Monday.")
    release = _event(doc, "released")
    assert release.source == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The blogger's detention angered his supporters.", "detention"),
        ("Senators moved to halt the journalist's deportation.", "deportation"),
        ("The minister confirmed the commander's killing on Friday.", "killing"),
        ("The activist's beating drew condemnation from the embassy.", "beating"),
    ],
)
def test_the_possessor_of_what_is_done_to_someone_undergoes_it(
    code: Code, text: str, word: str
) -> None:
    event = _event(code(text), word)
    assert event.source == []
    assert event.target, "the possessor is the one it is done to"


def test_the_one_a_release_frees_is_its_target(code: Code) -> None:
    doc = code("Villagers welcomed the release of two Kenyan engineers.")
    assert [a.country for a in _event(doc, "release").target] == ["KEN"]
    # an agent's own act of releasing still has the agent as its source
    doc = code("Serbia's release of three Kosovo policemen eased tensions.")
    release = _event(doc, "release")
    assert [a.country for a in release.source] == ["SRB"]


@pytest.mark.parametrize(
    "text",
    [
        "HESPERIA, Calif. (VVNG.com) — A driver fired several rounds into a car on Tuesday.",
        "NEWARK — Police arrested a man on Tuesday.",
    ],
)
def test_the_dateline_is_where_the_report_was_filed_not_an_actor(code: Code, text: str) -> None:
    doc = code(text)
    assert doc.blocks and doc.blocks[0].kind == "dateline"
    dateline = doc.blocks[0]
    for event in doc.events:
        for actor in [*event.source, *event.target]:
            assert not (dateline.start <= actor.start < dateline.end), actor


def test_a_coordinated_participle_shares_the_passive_subject_as_its_target(code: Code) -> None:
    doc = code("The Kenyan journalist was arrested and charged with sedition.")
    charge = _event(doc, "charged")
    assert charge.source == []
    assert [a.country for a in charge.target] == ["KEN"]


def test_a_teller_speaking_of_their_own_deed_stays_its_source(code: Code) -> None:
    doc = code("Lawyers for the family said they were prepared to file an appeal with the court.")
    assert [a.text for a in _event(doc, "appeal").source] in (["they"], ["Lawyers"])


@pytest.mark.parametrize(
    ("text", "word", "undergoer"),
    [
        ("Charged with assault, the Kenyan officer was suspended on Friday.", "Charged", "KEN"),
        ("Wounded in the ambush, a Malian soldier was flown to Bamako.", "Wounded", "MLI"),
    ],
)
def test_a_bare_participle_clause_befalls_the_clauses_subject(
    code: Code, text: str, word: str, undergoer: str
) -> None:
    event = _event(code(text), word)
    assert event.source == []
    assert undergoer in {a.country for a in event.target}


def test_the_agent_of_a_bare_participle_clause_is_its_source(code: Code) -> None:
    event = _event(code("Rescued by Cuban fishermen, the migrants reached Florida."), "Rescued")
    assert [a.text for a in event.source] == ["Cuban fishermen"]


def test_a_persons_kin_are_not_that_person(code: Code) -> None:
    doc = code("Francis' sister, a 32-year-old woman, was arrested on Tuesday in Gretna.")
    assert "Francis" not in {a.text for a in _event(doc, "arrested").target}


def test_who_acts_alongside_the_source_is_not_the_target(code: Code) -> None:
    doc = code("Detectives, along with the FBI and the Renton Police Department, arrested a man.")
    arrest = _event(doc, "arrested")
    assert [a.text for a in arrest.source] == ["Detectives"]
    assert not any("FBI" in a.text or "Renton" in a.text for a in arrest.target)


@pytest.mark.parametrize(
    ("text", "word", "doer"),
    [
        # whom one accuses or blames of an act did it, not the accuser
        (
            "Activists have accused YChina of supporting government propaganda.",
            "supporting",
            "YChina",
        ),
        ("Afghan officials accused the Taliban of plotting the attack.", "attack", "Taliban"),
        # "from" names who threatens
        ("Britain warned of a growing threat from China in the region.", "threat", "China"),
        ("Malaysia wants more financial aid from China.", "aid", "China"),  # the donor
    ],
)
def test_the_one_accused_or_named_with_from_is_the_source(
    code: Code, text: str, word: str, doer: str
) -> None:
    assert [a.text for a in _event(code(text), word).source] == [doer]


@pytest.mark.parametrize(
    ("text", "word", "undergoer"),
    [
        ("Lai's national security trial resumed in Hong Kong.", "trial", "Lai"),
        ("The minister received widespread praise and recognition.", "recognition", "minister"),
    ],
)
def test_who_is_tried_or_receives_is_the_target(
    code: Code, text: str, word: str, undergoer: str
) -> None:
    event = _event(code(text), word)
    assert event.source == []
    assert any(undergoer in a.text for a in event.target)


def test_the_sources_own_words_are_not_the_last_resort_target(code: Code) -> None:
    text = "A spokesman for President Ghani rejected the accusations made by the Taliban chief."
    rejection = _event(code(text), "rejected the accusations")
    assert not any("Ghani" in a.text for a in rejection.target)


def test_who_cites_a_threat_does_not_make_it(code: Code) -> None:
    doc = code("The minister stressed maritime security, citing threats such as piracy.")
    assert not any(
        e.type == "THREATEN" and any("minister" in a.text for a in e.source) for e in doc.events
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Unless the U.S. puts concessions on the table, North Korea will not talk.",
            "concessions",
        ),
        ("Bennett called for the Taliban to lift the ban and establish a dialogue.", "dialogue"),
    ],
)
def test_an_event_a_hypothetical_verb_would_bring_about_is_hypothetical(
    code: Code, text: str, word: str
) -> None:
    assert _event(code(text), word).hypothetical


@pytest.mark.parametrize(
    "text",
    ["Saudi-led airstrikes killed 20 civilians in Sanaa.", "Saudi-led airstrikes pounded Sanaa."],
)
def test_who_leads_an_act_does_it(code: Code, text: str) -> None:
    event = next(e for e in code(text).events if e.type == "ASSAULT")
    assert [a.country for a in event.source] == ["SAU"]


def test_a_participle_adjunct_shares_its_clause_modal(code: Code) -> None:
    doc = code("They may impose trade sanctions on Somalia, cutting foreign aid to the country.")
    assert doc.events and all(e.hypothetical for e in doc.events if e.type == "SANCTION")


@pytest.mark.parametrize(
    ("text", "word", "hypothetical"),
    [
        ("Demonstrators demanded that Elian be allowed to stay.", "allowed", True),
        ("The UN asked that Israel withdraw its troops.", "withdraw its troops", True),
        ("He insisted that the prisoners were freed.", "prisoners were freed", False),
    ],
)
def test_a_subjunctive_demand_is_not_told_as_done(
    code: Code, text: str, word: str, hypothetical: bool
) -> None:
    assert _event(code(text), word).hypothetical is hypothetical
