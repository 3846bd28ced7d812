"""Event dates and temporal expressions in the seed article (issue 4)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwatch import Document, Event, TimeSpan
from eventwatch.stages.dates import DateStage

from ..helpers import event_at


def _date(event: Event) -> TimeSpan:
    assert event.date is not None
    return event.date


def _time(doc: Document, text: str, after: str) -> TimeSpan:
    position = doc.text.index(after)
    return next(t for t in doc.times if t.text == text and t.start > position)


@pytest.mark.issue(4)
@pytest.mark.parametrize("trigger", ["killed", "shootout"])
def test_ambush_and_shootout_are_dated_sunday(seed_doc: Document, trigger: str) -> None:
    date = _date(event_at(seed_doc, trigger))
    assert (date.start_date, date.source, date.date_type) == ("2023-09-24", "text", "exact")


@pytest.mark.issue(4)
def test_vucic_accusation_is_dated_by_the_friday_exchange(seed_doc: Document) -> None:
    for trigger in ("exchange", "accused"):
        assert _date(event_at(seed_doc, trigger)).start_date == "2023-09-29"


@pytest.mark.issue(4)
def test_belgrade_statement_on_wednesday(seed_doc: Document) -> None:
    assert _time(seed_doc, "Wednesday", "brief statement").start_date == "2023-09-27"


@pytest.mark.issue(4)
def test_troop_movements_a_week_ago(seed_doc: Document) -> None:
    date = _date(_troops(seed_doc))
    assert "2023-09-20" <= (date.start_date or "") <= "2023-09-24"


def _troops(doc: Document) -> Event:
    position = doc.text.index("The White House observed")
    return next(e for e in doc.events if e.evidence.trigger.start > position)


@pytest.mark.issue(4)
@pytest.mark.parametrize("trigger", ["violence", "demonstrations", "arrest", "riot"])
def test_spring_events_are_in_spring_2023(seed_doc: Document, trigger: str) -> None:
    date = _date(event_at(seed_doc, trigger))
    assert (date.start_date, date.end_date, date.granularity) == (
        "2023-03-01",
        "2023-05-31",
        "season",
    )


@pytest.mark.issue(4)
@pytest.mark.parametrize("trigger", ["war", "bombing"])
def test_nato_bombing_campaign_is_not_dated_2023(seed_doc: Document, trigger: str) -> None:
    event = event_at(seed_doc, trigger)
    assert event.historical
    date = _date(event)
    assert date.source != "publication"
    assert not (date.start_date or "").startswith("2023")


def test_undated_events_fall_back_to_the_publication_date(seed_doc: Document) -> None:
    date = _date(event_at(seed_doc, "spoke with"))
    assert (date.source, date.date_type, date.text) == ("publication", "unresolved", "")
    assert date.start_date == "2023-09-29"
    assert date.start == date.end == event_at(seed_doc, "spoke with").evidence.trigger.start


def test_every_event_is_dated_and_durations_are_not_times(seed_doc: Document) -> None:
    assert all(e.date is not None for e in seed_doc.events)
    assert "several years" not in {t.text for t in seed_doc.times}
    for time in seed_doc.times:
        assert seed_doc.text[time.start : time.end] == time.text


def test_without_a_publication_date_only_absolute_dates_resolve(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("Police arrested 30 protesters on Sunday. The riot began on 3 May 2021.")
    times = {t.text: t for t in doc.times}
    assert times["Sunday"].start_date is None
    assert times["3 May 2021"].start_date == "2021-05-03"
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.date is not None and arrest.date.start_date is None


def test_future_tense_looks_forward(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("The ministers will meet on Tuesday in Brussels.", pub_date=dt.date(2023, 9, 29))
    assert doc.times[0].start_date == "2023-10-03"


def test_stage_without_parse_is_a_no_op() -> None:
    from eventwatch import Article

    doc = Document(Article(id="x", text="Sunday"))
    assert DateStage()(doc).times == []


PUB = dt.date(2023, 9, 29)


@pytest.mark.issue(17)
def test_anaphora_count_from_the_expression_before_them(code) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested 30 protesters on 3 May 2021. The next day, troops fired on a crowd."
    doc = code(text, pub_date=PUB)
    times = {t.text: t for t in doc.times}
    nxt = times["The next day"]
    assert (nxt.start_date, nxt.anchor) == ("2021-05-04", "text")
    assert nxt.anchor_span is not None
    assert text[nxt.anchor_span[0] : nxt.anchor_span[1]] == "3 May 2021"
    fired = next(e for e in doc.events if e.evidence.trigger.text.startswith("fired"))
    assert fired.date is not None and fired.date.start_date == "2021-05-04"


@pytest.mark.issue(17)
def test_an_anchor_too_coarse_leaves_the_anaphor_unresolved(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("Soldiers killed five protesters in 2019. The next day, troops fired.", pub_date=PUB)
    assert next(t for t in doc.times if t.text == "The next day").start_date is None


@pytest.mark.issue(17)
def test_without_an_earlier_expression_anaphora_count_from_publication(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("The previous day, rebels attacked a convoy near the border.", pub_date=PUB)
    previous = next(t for t in doc.times if t.text == "The previous day")
    assert (previous.start_date, previous.anchor) == ("2023-09-28", "publication")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels claimed the 2004 bombing of the embassy.", "bombing"),
        ("In 2019, soldiers killed five protesters in the capital.", "killed"),
    ],
)
def test_an_event_dated_years_back_is_historical(code, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    event = event_at(code(text, pub_date=PUB), trigger)
    assert event.historical
    assert event.date is not None and event.date.granularity == "year"


@pytest.mark.issue(17)
def test_a_recent_or_borrowed_date_does_not_make_an_event_historical(code) -> None:  # type: ignore[no-untyped-def]
    doc = code(
        "Police arrested 30 protesters on Sunday. Belgrade still refuses to recognize the "
        "independence declared in 2008.",
        pub_date=PUB,
    )
    assert not event_at(doc, "arrested").historical
    assert not event_at(doc, "refuses").historical


@pytest.mark.issue(17)
def test_historical_days_is_a_setting() -> None:
    from eventwatch.stages.dates.stage import DateSettings

    assert DateSettings().historical_days == 365
    with pytest.raises(ValueError):
        DateSettings(historical_days=-1)


@pytest.mark.issue(17)
def test_partial_dates_follow_the_clause(code) -> None:  # type: ignore[no-untyped-def]
    doc = code(
        "Congress reconvenes Oct. 2. Investigators have been searching since the Oct. 23 attack.",
        pub_date=PUB,
    )
    times = {t.text: t.start_date for t in doc.times}
    assert times["Oct. 2"] == "2023-10-02"  # the simple present: the nearest one
    assert times["Oct. 23"] == "2022-10-23"  # the present perfect speaks of the past


@pytest.mark.issue(17)
def test_hours_later_is_found_and_read_from_the_anchor(code) -> None:
    doc = code("Gunmen attacked a bus near Quetta on Monday. Hours later, police arrested two men.",
               pub_date=dt.date(2024, 3, 15))  # fmt: skip
    found = {t.text.lower(): t for t in doc.times}
    assert "hours later" in found
    assert found["hours later"].start_date == "2024-03-11"


@pytest.mark.issue(15)
def test_a_participle_after_its_noun_takes_only_its_own_date(code) -> None:  # type: ignore[no-untyped-def]
    pub = dt.date(2021, 3, 5)
    doc = code("More than 270 schoolgirls kidnapped in Zamfara were freed Tuesday.", pub_date=pub)
    dates = {e.evidence.trigger.text: _date(e) for e in doc.events}
    assert dates["freed"].start_date == "2021-03-02"
    # the kidnapping was before the release: "Tuesday" is the freeing's, not its
    assert (dates["kidnapped"].source, dates["kidnapped"].text) == ("publication", "")
    own = code("Two activists arrested last year were freed on Tuesday.", pub_date=pub)
    arrested = next(e for e in own.events if e.evidence.trigger.text == "arrested")
    assert _date(arrested).text == "last year"


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the incident's own name: the shots were fired when the police were called
        ("On March 15, 2018, officers responded to reports of shots fired.", "fired", "2018-03-15"),
        # the state someone was found in, at the finding
        (
            "Police arrived on Friday to find a man wounded in the driveway.",
            "wounded",
            "2021-03-05",
        ),
    ],
)
def test_a_participle_naming_the_incident_or_a_found_state_takes_the_clause_date(
    code,
    text: str,
    trigger: str,
    day: str,  # type: ignore[no-untyped-def]
) -> None:
    doc = code(text, pub_date=dt.date(2021, 3, 5))
    event = next(e for e in doc.events if e.evidence.trigger.text == trigger)
    assert _date(event).start_date == day


@pytest.mark.issue(17)
def test_a_number_that_numbers_a_block_is_no_year(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("Police got a call in the 1300 block of Main Street.", pub_date=dt.date(2021, 3, 5))
    assert [t.text for t in doc.times] == []
    dated = code("The 2004 bombing killed nine soldiers. In 2022 prices rose.", pub_date=PUB)
    assert [t.start_date for t in dated.times] == ["2004-01-01", "2022-01-01"]


@pytest.mark.issue(17)
def test_a_clause_about_now_borrows_no_date_from_years_back(code) -> None:  # type: ignore[no-untyped-def]
    pub = dt.date(2021, 3, 5)
    doc = code("Kenya gained independence in 1963. Britain will cede the islands.", pub_date=pub)
    cede = next(e for e in doc.events if e.evidence.trigger.text == "cede")
    assert (_date(cede).source, _date(cede).start_date) == ("publication", "2021-03-05")
    # the narrative past still takes the date the story gave before
    past = code("In 2019 he was arrested in Harare. Police charged him with theft.", pub_date=pub)
    charged = next(e for e in past.events if e.evidence.trigger.text == "charged")
    assert _date(charged).start_date == "2019-01-01"


@pytest.mark.issue(15)
def test_a_relative_clause_keeps_its_date_and_an_overnight_raid_dates_nothing(code) -> None:  # type: ignore[no-untyped-def]
    pub = dt.date(2021, 3, 2)  # a Tuesday
    doc = code(
        "More than 270 schoolgirls were freed by their captors on Tuesday. No ransom was "
        "paid to secure the release of the girls, who were kidnapped last Friday during an "
        "overnight raid at their school. Their abduction triggered global condemnation.",
        pub_date=pub,
    )
    assert [t.text for t in doc.times] == ["Tuesday", "last Friday"]
    release = next(e for e in doc.events if e.type == "RETREAT")
    assert [m.trigger.text for m in release.mentions] == ["freed", "release"]
    kidnapping = next(e for e in doc.events if e.type == "ASSAULT")
    assert _date(kidnapping).start_date == "2021-02-26"
    # the raid the girls were kidnapped in is that kidnapping's occasion
    assert [m.trigger.text for m in kidnapping.mentions] == ["kidnapped", "raid", "abduction"]


@pytest.mark.issue(15)
def test_a_date_that_only_compares_or_ranks_the_event_dates_nothing(code) -> None:  # type: ignore[no-untyped-def]
    pub = dt.date(2021, 3, 2)
    doc = code(
        "Their abduction, resembling Boko Haram's 2014 abduction of 276 schoolgirls, "
        "triggered global condemnation.",
        pub_date=pub,
    )
    dates = {e.evidence.trigger.text: _date(e) for e in doc.events}
    assert dates["condemnation"].source == "publication"
    assert [_date(e).start_date for e in doc.events if e.historical] == ["2014-01-01"]
    doc = code(
        "The kidnapping of the girls is the fourth such incident since December.", pub_date=pub
    )
    kidnapping = next(e for e in doc.events if e.type == "ASSAULT")
    assert _date(kidnapping).source == "publication"
    # a participle's own date still dates what it tells
    doc = code("The attack, carried out on Monday, killed five people.", pub_date=pub)
    assert all(_date(e).start_date == "2021-03-01" for e in doc.events)
