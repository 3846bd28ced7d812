"""An event names a participant, a place or a count (issue 15: say what happened;
issue 16: texts with no political event code none), in sentences of our own."""

from __future__ import annotations

import pytest

from eventwatch.pipeline.config import StageConfig
from eventwatch.pipeline.runner import Pipeline
from tests.conftest import Code

pytestmark = [pytest.mark.issue(15), pytest.mark.issue(16)]

#: triggers alone: no one acts or is acted upon, nowhere, no number
BARE = [
    "Storm warnings were issued and the weekend matches were cancelled.",
    "Conditions eased on Saturday.",
    "Everyone agrees on the need for dialogue.",
    "Such regions see bombings and kidnappings every year.",  # a habit, not an incident
    "He warned of the dangers of kidnapping.",  # a kind, not an incident
]


@pytest.fixture(scope="module")
def keep_all(pipeline: Pipeline) -> Pipeline:
    stages = [
        StageConfig(name=s.name, settings={"keep_unanchored": True})
        if s.name == "eventwatch.event_anchors.v1"
        else s
        for s in pipeline.config.stages
    ]
    config = pipeline.config.model_copy(update={"stages": stages})
    return Pipeline(config, parser=pipeline.parser, resources=pipeline.resources)


@pytest.mark.parametrize("text", BARE)
def test_a_trigger_that_names_nothing_is_no_event(
    code: Code, keep_all: Pipeline, text: str
) -> None:
    assert keep_all.code_text(text).events, "the detector still finds the trigger"
    assert not code(text).events


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels attacked.", "attacked"),  # a source
        ("Four soldiers were killed.", "killed"),  # a count
        ("A bomb exploded in Mosul.", "exploded"),  # a place
        ("A man said he was detained.", "detained"),  # someone the text does not identify
        ("The farmers were detained.", "detained"),
        ("Two men were arrested.", "arrested"),
        ("A shooting was reported.", "shooting"),  # an attack, told by its own word
        ("Airstrikes hit the town.", "Airstrikes"),  # plural, but these ones
        ("Witnesses reported an attack.", "attack"),  # one, though no one is named
        ("Kidnapping suspected, police say.", "Kidnapping"),  # a subject tells of one
    ],
)
def test_an_event_with_an_anchor_is_kept(code: Code, text: str, trigger: str) -> None:
    triggers = [m.trigger.text for e in code(text).events for m in e.mentions or [e.evidence]]
    assert any(trigger in t for t in triggers), triggers


def test_a_bare_mention_of_a_told_event_lives_on_in_it(code: Code) -> None:
    # the second mention names nothing itself; coreference has made it a mention of
    # the first, so it is kept as part of that event rather than dropped
    doc = code("Rebels attacked a convoy near Gao on Monday. The attack lasted an hour.")
    [attack] = [e for e in doc.events if e.type == "ASSAULT"]
    assert [m.trigger.text for m in attack.mentions] == ["attacked", "attack"]


def test_the_crime_a_charge_names_is_no_second_incident(code: Code) -> None:
    # the charge is an accusation against her; "aggravated assault" names its kind
    doc = code("She was charged with aggravated assault.")
    assert [e.type for e in doc.events] == ["ACCUSE"]


def test_a_toll_of_no_one_told_alone_is_no_event(code: Code) -> None:
    # "No one was injured" on its own says nothing befell anyone
    assert not code("A man robbed the store on Main Street. No one was injured.").events
    # after an attack it is the attack's toll: one event, injured 0
    doc = code("Gunmen fired on a bus near Quetta on Monday. No one was injured in the attack.")
    [attack] = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.injured == 0
    assert [m.trigger.text for m in attack.mentions] == ["fired on", "injured"]
