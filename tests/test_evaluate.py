"""Scoring against the shared gold format."""

import json

from typer.testing import CliRunner

from eventwatch import Actor
from eventwatch.cli import app
from eventwatch.scoring.plover import score_plover

from .helpers import coded, make_event


def _event(type_: str, confidence: float, source: str | None, target: str | None):
    return make_event(type_, confidence=confidence, source=source, target=target)


def _gold(type_: str, source: str, target: str) -> dict:
    return {
        "events": [
            {
                "type": type_,
                "source": [{"country": source, "sector": "GOV"}],
                "target": [{"country": target}],
            }
        ]
    }


def test_recall_top1_and_actor_accuracy() -> None:
    doc1 = coded(
        "x",
        id="1",
        events=[_event("ASSAULT", 0.9, "ISR", "PSE"), _event("COERCE", 0.2, None, None)],
    )
    doc2 = coded(
        "x", id="2", events=[_event("AGREE", 0.9, "USA", None), _event("REJECT", 0.5, "USA", "IRN")]
    )
    doc3 = coded("x", id="3")
    report = score_plover(
        [
            (_gold("ASSAULT", "ISR", "PSE"), doc1),
            (_gold("REJECT", "USA", "IRQ"), doc2),
            (_gold("PROTEST", "EGY", "EGY"), doc3),
        ]
    )
    assert (report.type_recall.hit, report.type_recall.total) == (2, 3)
    assert (report.top1.hit, report.top1.total) == (1, 3)
    assert (report.source_country.hit, report.target_country.hit) == (2, 1)
    assert report.per_type_precision["AGREE"].value == 0.0
    assert report.no_event == 1


def test_evaluate_command_prints_the_figures(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "text": "Israeli soldiers arrested more than 100 Palestinians on Saturday.",
                "pub_date": "2000-01-01",
                "events": [
                    {
                        "type": "COERCE",
                        "source": [{"text": "Israeli soldiers", "country": "ISR", "sector": "MIL"}],
                        "target": [{"text": "Palestinians", "country": "PSE"}],
                    }
                ],
            }
        )
        + "\n"
    )
    result = CliRunner().invoke(app, ["evaluate", str(gold)])
    assert result.exit_code == 0, result.output
    rows = {
        line.split("│")[1].strip(): line
        for line in result.stdout.splitlines()
        if line.count("│") >= 3
    }
    for measure in ("type recall", "top-1 type accuracy", "source country", "target country"):
        assert "1.000" in rows[measure] and "1/1" in rows[measure], rows


def test_stateless_actors_match_cameo_codes_in_the_country_slot() -> None:
    ngo = Actor("Amnesty International", 0, 1, "Amnesty International", None, "NGO", ("NGO",))
    event = _event("ACCUSE", 0.9, None, "USA")
    event.source = [ngo]
    doc = coded("x", id="1", events=[event])
    gold = {
        "events": [
            {"type": "ACCUSE", "source": [{"country": "IGO"}], "target": [{"country": "USA"}]}
        ]
    }
    report = score_plover([(gold, doc)])
    assert report.source_country.hit == 1
    rebel = Actor("al-Qaeda", 0, 1, "al-Qaeda", None, "REB", ("REB",))
    event.source = [rebel]
    assert score_plover([(gold, doc)]).source_country.hit == 0


def test_halves_split_by_id_alone_and_cover_the_file(tmp_path) -> None:
    from eventwatch.scoring import Selection, read_gold, split_of

    ids = [f"item-{n}" for n in range(200)]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": i, "text": "x"}) + "\n" for i in ids))
    tune = [r["id"] for r in read_gold(gold, Selection("tune"), ("text",))]
    check = [r["id"] for r in read_gold(gold, Selection("check"), ("text",))]
    assert sorted(tune + check) == sorted(ids) and not set(tune) & set(check)
    assert 70 <= len(tune) <= 130  # about half each
    assert all(split_of(i) == "tune" for i in tune)
    # an item keeps its half whatever else the file holds
    gold.write_text(json.dumps({"id": tune[0], "text": "x"}) + "\n")
    assert [r["id"] for r in read_gold(gold, Selection("tune"), ("text",))] == [tune[0]]
    assert read_gold(gold, Selection("check"), ("text",)) == []


def test_evaluate_both_prints_the_halves_side_by_side(tmp_path) -> None:
    from eventwatch.scoring import split_of

    ids = [f"c{n}" for n in range(40)]
    ids = [i for i in ids if split_of(i) == "tune"][:3] + [
        i for i in ids if split_of(i) == "check"
    ][:2]
    cases = [
        {"id": i, "expr": "last Friday", "ref": "2023-09-29", "start": "2023-09-22"} for i in ids
    ]
    gold = tmp_path / "dates.jsonl"
    gold.write_text("".join(json.dumps(c) + "\n" for c in cases))
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--task", "dates", "--split", "both"])
    assert result.exit_code == 0, result.output
    assert "[tune | check]" in result.output
    assert "│ cases right │ 1.000 │ 3/3 │ 1.000 │ 2/2 │" in result.output
