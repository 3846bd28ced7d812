"""PLOVER QuadClass and conflict-cooperation scores, from the manual's tables (issue 19)."""

from importlib.resources import files

import pandas as pd
import pytest

from eventwatch.analytics import PLOVER_TYPES, QUAD_NAMES, plover_score, quad_class, score_table
from eventwatch.analytics._scores import normalise_mode, score_units

pytestmark = pytest.mark.issue(19)


def test_sixteen_types_in_four_quads() -> None:
    assert len(PLOVER_TYPES) == 16
    by_quad = {q: [t for t in PLOVER_TYPES if quad_class(t) == q] for q in QUAD_NAMES}
    assert by_quad[1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert by_quad[2] == ["COOPERATE", "AID", "RETREAT"]
    assert by_quad[3] == ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]
    # chapter 3 gives SANCTION material conflict (Table 7.2 says verbal): the data file says why
    assert by_quad[4] == ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
    assert quad_class("FIGHT") == 0


@pytest.mark.parametrize(
    ("type_", "mode", "score"),
    [
        ("AID", None, 10.0),
        ("CONSULT", "visit", 4.0),
        ("ASSAULT", "heavy-weapons", -9.5),
        ("ASSAULT", "Heavy weapons", -9.5),  # written as text writes it
        ("ASSAULT", "massacre", -9.0),  # not in Table 2.2: scores as its type
        ("COERCE", "martial_law", -7.5),
        ("ACCUSE", None, -3.0),  # printed +3, a misprint (its modes are -2 to -3.5)
        ("ACCUSE", "allege", -3.5),
        ("assault", "firearms", -9.0),
        ("NOTATYPE", None, 0.0),
    ],
)
def test_scores_from_table(type_: str, mode: str | None, score: float) -> None:
    assert plover_score(type_, mode) == score


def test_table_keeps_the_printed_score_and_says_why_it_differs() -> None:
    text = files("eventwatch.analytics").joinpath("data", "plover_scores.tsv").read_text("utf-8")
    assert "Table 2.2" in text and "PLOVER" in text
    accuse = next(line for line in text.splitlines() if line.startswith("ACCUSE\t\t"))
    assert accuse.split("\t")[2:4] == ["3", "-3"] and "misprint" in accuse


def test_every_score_within_the_scale() -> None:
    table = score_table()
    scores = [*table.type_scores.values(), *table.mode_scores.values()]
    assert min(scores) == -10.0 and max(scores) == 10.0
    for type_ in PLOVER_TYPES:  # conflict types score below every cooperation type but REQUEST
        if quad_class(type_) == 4:
            assert table.type_scores[type_] < 0


def test_vectorised_scores_match_one_by_one() -> None:
    types = pd.Series(["ASSAULT", "CONSULT", None, "ASSAULT", "PROTEST"])
    modes = pd.Series(["aerial", "phone", None, None, "Riot"])
    quad, score = score_units(types, modes)
    assert quad.tolist() == [4, 1, 0, 4, 4]
    assert score.tolist() == [-9.5, 1.5, 0.0, -9.0, -7.0]
    assert normalise_mode("  Suicide attack ") == "suicide-attack"
