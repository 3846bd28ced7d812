"""Quotes: direct, split and indirect speech, speakers, reported_by (issue 6)."""

from __future__ import annotations

import pytest

from eventwatch.stages.quotes.stage import quotation_spans


@pytest.mark.parametrize(
    "text",
    [
        "He said: “We will not withdraw.”",
        "He said: « We will not withdraw. »",
        'He said: "We will not withdraw."',
        "He said: ‘We will not withdraw.’",
    ],
)
def test_quotation_marks_of_every_kind(text: str) -> None:
    (start, end), *_ = quotation_spans(text)
    assert text[start:end].strip(" .") == "We will not withdraw"


def test_apostrophes_are_not_quotes() -> None:
    assert quotation_spans("Serbia’s army and Kosovo’s police met.") == []


def test_direct_quote_with_trailing_cue(code) -> None:
    doc = code("“We are ready to send more troops to the border,” said the defence minister.")
    (quote,) = doc.quotes
    assert quote.direct and quote.cue.text == "said"
    assert "ready to send more troops" in quote.content.text
    assert quote.speaker is not None and "minister" in quote.speaker.text


def test_split_quote_is_one_quote(code) -> None:
    doc = code("“The talks failed,” the spokesman said, “and we will leave tomorrow.”")
    (quote,) = doc.quotes
    assert quote.speaker is not None and "spokesman" in quote.speaker.text
    assert quote.direct and quote.content.text.startswith("The talks failed")
    assert quote.content.text.endswith("leave tomorrow.")


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("The minister said that the army had left the town.", "said", "minister", "army"),
        (
            "The rebels withdrew, according to local officials.",
            "according to",
            "officials",
            "rebels",
        ),
        (
            "Police officials indicated that two suspects had fled.",
            "indicated",
            "officials",
            "fled",
        ),
        ("Russia accused Ukraine of shelling the plant.", "accused", "Russia", "shelling"),
    ],
)
def test_indirect_speech(code, text: str, cue: str, speaker: str, content: str) -> None:
    quote = next(q for q in code(text).quotes if q.cue.text == cue)
    assert not quote.direct
    assert quote.speaker is not None and speaker in quote.speaker.text
    assert content in quote.content.text


def test_speaker_without_actor_mention_has_no_country(code) -> None:
    quote = code("Sources said the convoy had turned back.").quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.text == "Sources" and quote.speaker.country is None


def _by_cue(doc, cue: str, words: str):
    return next(q for q in doc.quotes if q.cue.text == cue and words in q.content.text)


def test_seed_white_house_spokesperson(seed_doc) -> None:
    quote = _by_cue(seed_doc, "said", "calls on Serbia")
    assert quote.speaker is not None and quote.speaker.text == "White House spokesperson"
    assert quote.speaker.country == "USA"


def test_seed_vucic_accusation_and_assurance(seed_doc) -> None:
    accusation = _by_cue(seed_doc, "accused", "untruths")
    assurance = _by_cue(seed_doc, "assured", "half the troops")
    indication = _by_cue(seed_doc, "indicated", "not signed")
    for quote in (accusation, assurance, indication):
        assert quote.speaker is not None and quote.speaker.name == "Aleksandar Vucic"
    assert assurance.direct and not accusation.direct


def test_seed_kirby_statements(seed_doc) -> None:
    for cue, words in (("specifying", "a week ago"), ("indicated", "Blinken had called")):
        quote = _by_cue(seed_doc, cue, words)
        assert quote.speaker is not None and quote.speaker.name == "John Kirby"


def test_seed_events_inside_quotes_are_reported(seed_doc) -> None:
    called = next(e for e in seed_doc.events if e.evidence.trigger.text == "called")
    assert called.reported_by is not None and called.reported_by.name == "John Kirby"
    available = next(e for e in seed_doc.events if e.evidence.trigger.text == "made available")
    assert available.reported_by is not None
    assert available.reported_by.text == "British Ministry of Defense"


def _speakers(doc) -> list[str]:
    return [q.speaker.text for q in doc.quotes if q.speaker is not None]


@pytest.mark.issue(6)
def test_passive_subject_is_not_the_speaker(code) -> None:
    doc = code("Lawmakers are expected to approve the bill that the governor proposed.")
    assert "Lawmakers" not in _speakers(doc)


@pytest.mark.issue(6)
def test_passive_agent_speaks_about_the_subject(code) -> None:
    doc = code("The registration issue was first reported by The Washington Post.")
    quote = next(q for q in doc.quotes if q.cue.text == "reported")
    assert quote.speaker is not None and "Washington Post" in quote.speaker.text
    assert "registration issue" in quote.content.text


@pytest.mark.issue(6)
def test_nearest_subject_speaks_across_a_dateline(code) -> None:
    text = (
        "The Latest: Trump's leaked taxes not from Connecticut.\n\n2:45 p.m.\n\n"
        "Connecticut's tax commissioner says an internal review shows no one released them."
    )
    quote = next(q for q in code(text).quotes if q.cue.text == "says")
    assert quote.speaker is not None and "commissioner" in quote.speaker.text


@pytest.mark.issue(6)
def test_speaker_misparsed_into_the_quote(code) -> None:
    text = (
        "“I will just make this promise to you: We will achieve justice in this case,” "
        "Tulsa police Chief Chuck Jordan said Monday."
    )
    quote = next(q for q in code(text).quotes if q.cue.text == "said")
    assert quote.speaker is not None and "Jordan" in quote.speaker.text


@pytest.mark.issue(6)
def test_attitude_cues_from_the_derived_list(code) -> None:
    doc = code("The mayor lamented that the city had lost its best officers.")
    quote = next(q for q in doc.quotes if q.cue.text == "lamented")
    assert quote.speaker is not None and "mayor" in quote.speaker.text
    assert quote.content.text.endswith("its best officers")


@pytest.mark.issue(6)
def test_publisher_labels_are_not_speakers(code) -> None:
    text = "Correction: An earlier version of this article misstated the date of the debate."
    assert "Correction" not in _speakers(code(text))


@pytest.mark.issue(6)
def test_relative_pronoun_speaker_is_written_who_and_names_its_antecedent(code) -> None:
    text = "He refused to pay an architect who said he was stiffed after he designed a clubhouse."
    quote = next(q for q in code(text).quotes if q.cue.text == "said")
    assert quote.speaker is not None and quote.speaker.text == "who"
    assert quote.speaker.name is not None and "architect" in quote.speaker.name
