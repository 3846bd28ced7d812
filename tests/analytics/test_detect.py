"""Escalation alerts, online: abrupt surges, type-mix shifts, casualty jumps, news surges."""

import datetime as dt

import numpy as np
import pytest

from eventwatch.analytics import (
    Alert,
    DetectorSettings,
    acled_rule,
    alarm_days,
    alert_id,
    detect_alerts,
    units_until,
)

from ._streams import START, poisson, stream

pytestmark = pytest.mark.issue(19)

DAYS = 300
ONSET = 200


def _day(index: int) -> dt.date:
    return (START + np.timedelta64(index, "D")).date()


def _background(rng, rate_coop: float, rate_conflict: float) -> dict:
    return {
        "CONSULT": poisson(rng, rate_coop, DAYS),
        "ACCUSE": poisson(rng, rate_conflict, DAYS),
    }


def _volume(rng) -> np.ndarray:
    return rng.poisson(3000, DAYS).astype(float)


def test_abrupt_surge_is_found_within_three_days_with_its_evidence() -> None:
    rng = np.random.default_rng(1)
    assault = np.zeros(DAYS, dtype=int)
    assault[ONSET : ONSET + 20] = poisson(rng, 2.0, 20)
    units = stream(
        {"SRB:XKX": {**_background(rng, 1.0, 0.2), "ASSAULT": assault},
         "FRA:DEU": _background(rng, 2.0, 0.3)},
        volume=_volume(rng),
    )  # fmt: skip
    alerts = detect_alerts(units)
    found = [a for a in alerts if a.dyad == "SRB:XKX" and a.detected_on >= _day(ONSET)]
    assert len(found) == 1, [a.to_dict() for a in alerts]
    alert = found[0]
    assert alert.detected_on <= _day(ONSET + 3)
    assert _day(ONSET - 3) <= alert.change_date <= alert.detected_on
    assert "material" in alert.streams
    assert alert.summary.startswith("material conflict ")
    assert "against a baseline of" in alert.summary and "first ASSAULT" in alert.summary
    assert alert.incidents and all("ASSAULT" in u for u in alert.incidents[:5])
    assert alert.events[0] == alert.incidents[0] + "-r0"
    # updated while the surge lasts, then ended: one alert, not one a day
    assert alert.updated_on >= _day(ONSET + 10)
    assert alert.ended_on is not None and alert.status == "ended"
    assert not [a for a in alerts if a.dyad == "FRA:DEU" and a.detected_on >= _day(ONSET)]


def test_a_news_surge_that_lifts_every_dyad_raises_no_alert() -> None:
    rng = np.random.default_rng(2)
    shock = np.ones(DAYS)
    shock[ONSET : ONSET + 8] = 3.0  # three times the news for eight days, for every dyad
    dyads = {
        f"{a}:{b}": {"CONSULT": poisson(rng, 1.5 * shock, DAYS),
                     "ACCUSE": poisson(rng, 0.6 * shock, DAYS),
                     "PROTEST": poisson(rng, 0.3 * shock, DAYS)}
        for a, b in (("AAA", "BBB"), ("CCC", "DDD"), ("EEE", "FFF"), ("GGG", "HHH"))
    }  # fmt: skip
    units = stream(dyads, volume=rng.poisson(3000 * shock).astype(float))
    ours = [a for a in detect_alerts(units) if _day(ONSET) <= a.detected_on <= _day(ONSET + 10)]
    assert ours == []
    acled = detect_alerts(units, detector="acled")
    assert [a for a in acled if _day(ONSET) <= a.detected_on <= _day(ONSET + 10)]


def test_cooperation_turning_to_conflict_at_a_steady_volume() -> None:
    rng = np.random.default_rng(3)
    coop, conflict = np.full(DAYS, 6.0), np.full(DAYS, 1.0)
    coop[ONSET:], conflict[ONSET:] = 3.5, 3.5  # same 7 units a day, half of them hostile
    units = stream(
        {
            "IND:PAK": {
                "CONSULT": poisson(rng, coop, DAYS),
                "THREATEN": poisson(rng, conflict, DAYS),
            }
        },
        volume=_volume(rng),
    )
    alert = next(a for a in detect_alerts(units) if a.detected_on >= _day(ONSET))
    assert alert.detected_on <= _day(ONSET + 5)
    assert {"mix", "threats"} & set(alert.streams)


def test_a_casualty_jump_at_a_steady_count_of_attacks() -> None:
    rng = np.random.default_rng(4)
    assault = poisson(rng, 1.5, DAYS)  # one or two attacks a day, before and after
    killed = np.where(rng.uniform(size=DAYS) < 0.05, 1, 0)  # rarely anyone killed...
    killed[ONSET:] = np.where(assault[ONSET:] > 0, 6, 0)  # ...then most days
    units = stream(
        {"NGA:CMR": {"CONSULT": poisson(rng, 1.0, DAYS), "ASSAULT": assault}},
        volume=_volume(rng),
        killed={"NGA:CMR": killed},
    )
    alert = next(a for a in detect_alerts(units) if a.detected_on >= _day(ONSET))
    assert alert.detected_on <= _day(ONSET + 7)
    assert "casualties" in alert.streams and " killed and " in alert.summary


def test_the_decision_for_a_day_ignores_later_data() -> None:
    rng = np.random.default_rng(5)
    assault = np.zeros(DAYS, dtype=int)
    assault[ONSET:] = poisson(rng, 3.0, DAYS - ONSET)
    units = stream(
        {"SRB:XKX": {**_background(rng, 1.0, 0.3), "ASSAULT": assault}}, volume=_volume(rng)
    )
    full = alarm_days(units)
    for cut in (ONSET + 1, ONSET + 4, ONSET + 30):
        early = alarm_days(units_until(units, _day(cut)))
        later = full[full["day"] <= _day(cut)]
        assert early[["dyad", "day", "streams"]].equals(
            later[["dyad", "day", "streams"]].reset_index(drop=True)
        )
        then = {a.id: a for a in detect_alerts(units, as_of=_day(cut))}
        for alert in detect_alerts(units):
            if alert.detected_on <= _day(cut):
                assert then[alert.id].change_date == alert.change_date
                assert then[alert.id].detected_on == alert.detected_on


def test_alert_ids_hash_dyad_and_change_day_and_records_round_trip() -> None:
    assert alert_id("SRB:XKX", dt.date(2023, 9, 24)) == alert_id("SRB:XKX", dt.date(2023, 9, 24))
    assert alert_id("SRB:XKX", dt.date(2023, 9, 24)) != alert_id("SRB:XKX", dt.date(2023, 9, 25))
    alert = Alert(
        id=alert_id("SRB:XKX", dt.date(2023, 9, 24)), dyad="SRB:XKX", detector="cusum",
        detected_on=dt.date(2023, 9, 25), change_date=dt.date(2023, 9, 24),
        updated_on=dt.date(2023, 9, 30), ended_on=None, severity="high", score=1.5,
        streams=("material",), summary="material conflict 9 incidents in 7 days",
        incidents=("i1", "i2"), events=("e1", "e2", "e3"),
    )  # fmt: skip
    data = alert.to_dict()
    assert {
        "id",
        "dyad",
        "detected_on",
        "change_date",
        "severity",
        "summary",
        "incidents",
        "events",
    } <= set(data)
    assert data["status"] == "open" and data["ended_on"] is None
    assert Alert.from_dict(data) == alert


def test_settings_forbid_unknown_fields_and_change_the_decision() -> None:
    with pytest.raises(ValueError):
        DetectorSettings(threshold=3)  # type: ignore[call-arg]
    rng = np.random.default_rng(6)
    assault = np.zeros(DAYS, dtype=int)
    assault[ONSET : ONSET + 10] = 1
    units = stream(
        {"SRB:XKX": {**_background(rng, 1.0, 0.2), "ASSAULT": assault}}, volume=_volume(rng)
    )
    strict = DetectorSettings(threshold_conflict=50, threshold_material=50, threshold_threats=50,
                              threshold_casualties=50, threshold_mix=50)  # fmt: skip
    assert detect_alerts(units, settings=strict) == []
    assert detect_alerts(units)


@pytest.mark.parametrize(
    ("week", "month", "alarm"),
    [(2, 4, True), (1, 4, False), (1, 0, False), (4, 8, True), (3, 8, False)],
)
def test_acled_surge_rule(week: int, month: int, alarm: bool) -> None:
    assert bool(acled_rule([week], [month])[0]) is alarm
