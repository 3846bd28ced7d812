"""PETRARCH/TABARI actor dictionaries: CAMEO codes, the .actors format, user files (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch import DictionaryError, Pipeline
from eventwatch.cli import app
from eventwatch.resources.countries import read_countries
from eventwatch.stages.actors._cameo import CameoCodes, CameoError, CameoReading
from eventwatch.stages.actors._tabari import display_form, parse_actors, sniff_tabari
from eventwatch.stages.actors.dictionary import ActorDictionary

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "actors.actors"
pytestmark = pytest.mark.issue(16)


@pytest.fixture(scope="module")
def cameo() -> CameoCodes:
    return CameoCodes.load(read_countries())


@pytest.mark.parametrize(
    ("code", "country", "sectors"),
    [
        ("AFGGOV", "AFG", ("GOV",)),
        ("AFG", "AFG", ()),
        ("USAGOVEDU", "USA", ("GOV", "EDU")),
        ("USAGOVLEG", "USA", ("LEG", "GOV")),  # a legislature is PLOVER's LEG
        ("SYRMED", "SYR", ("JRN",)),  # CAMEO's media
        ("CHEHLH", "CHE", ("MED",)),  # CAMEO's health
        ("IRQINS", "IRQ", ("REB",)),
        ("IGOUNOJUDICJ", "IGO", ("IGO", "JUD")),
        ("NGOHRIAMN", None, ("NGO",)),
        ("PSEHRI", "PSE", ("NGO",)),  # human rights, with no other role
        ("MNCUSA", None, ("BUS",)),
        ("IMGMUSALQ", None, ("REB",)),
        ("MEAREB", None, ("REB",)),  # a region: no country
        ("USRARM", "ARM", ()),  # Soviet Armenia: the part after the state is the country
        ("YUGGOV", "SRB", ("GOV",)),  # a historical CAMEO state
        ("ANGREB", "AGO", ("REB",)),  # a Correlates-of-War letter code
        ("IRQMUSSHI", "IRQ", ("REL",)),  # a religion alone
        ("ELI", None, ("ELI",)),
        ("MDAUNR", "MDA", ("PRE",)),  # unrecognised: PLOVER's partially recognised
    ],
)
def test_cameo_codes_read_as_countries_and_plover_sectors(cameo, code, country, sectors) -> None:
    assert cameo.read(code) == CameoReading(country, sectors)


def test_the_null_code_is_no_actor_and_bad_codes_are_refused(cameo) -> None:
    assert cameo.read("---") is None
    for bad in ("usagov", "USAG", "ZZZGOV", "US4GOV"):
        with pytest.raises(CameoError):
            cameo.read(bad)


ACTORS = """\
# a comment
HAMID_KARZAI_            # one actor, three forms
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
HEZBOLLAH_ [LBNREB]
THE_SHINING_PATH_(SL)_ [PERREB] <!-- a group and its acronym -->

MIKHAIL_GORBACHEV
PRESIDENT_GORBACHEV
\t[SUNGOV 19850311-19911225]
"""


def test_the_format_forms_codes_dates_and_runs_of_names(cameo) -> None:
    karzai, hezbollah, path, gorbachev = parse_actors(ACTORS, path="x.actors", cameo=cameo)
    assert karzai.forms == ["HAMID KARZAI", "KARZAI", "PRESIDENT KARZAI"]
    assert [(c.reading, c.start, c.end) for c in karzai.codes] == [
        (CameoReading("AFG", ("ELI",)), dt.date(1975, 1, 1), dt.date(2000, 1, 1)),
        (CameoReading("AFG", ("GOV",)), dt.date(2001, 12, 22), None),
        (CameoReading("AFG", ("ELI",)), None, None),
    ]
    assert (hezbollah.forms, hezbollah.line) == (["HEZBOLLAH"], 8)
    assert path.forms == ["SHINING PATH"]  # "(SL)" is too short to be a form
    # name lines with no code between them share the codes that follow
    assert gorbachev.forms == ["MIKHAIL GORBACHEV", "PRESIDENT GORBACHEV"]
    assert gorbachev.codes[0].reading == CameoReading("RUS", ("GOV",))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("\t[USAGOV]\n", 1, "a form or code before any actor name"),
        ("+OBAMA\n", 1, "a form or code before any actor name"),
        ("A_B\n\t[USAGOV 0101\n", 2, "an unclosed '[' among the codes"),
        ("A_B [USAGOV] junk\n", 1, "stray text 'junk' among the codes"),
        ("A_B\n\t[USAGOV 2010-2011]\n", 2, "dates are YYMMDD or YYYYMMDD, got '2010'"),
        ("A_B\n\t[USAGOV 20100230]\n", 2, "no such date: '20100230'"),
        ("A_B\n\t[USAGOV 120101-110101]\n", 2, "the range 120101-110101 ends before it starts"),
        ("A_B\n\t[usagov]\n", 2, "'usagov' is not a CAMEO code"),
        ("A_B\n\t[ZZZGOV]\n", 2, "'ZZZGOV': ZZZ is no CAMEO country"),
        ("A_B\n\nC_D [USAGOV]\n", 1, "A B: no [CODE] follows"),
        ("123_ [USAGOV]\n", 1, "'123_' is no name"),
    ],
)
def test_a_malformed_line_is_an_error_naming_file_and_line(cameo, text, line, message) -> None:
    with pytest.raises(DictionaryError) as caught:
        ActorDictionary.from_tabari(text, path="mine.actors", cameo=cameo)
    assert (caught.value.path, caught.value.line) == ("mine.actors", line)
    assert caught.value.message.startswith(f"mine.actors:{line}: {message}")


def test_a_lenient_read_collects_the_problems_and_keeps_the_rest(cameo) -> None:
    problems: list[DictionaryError] = []
    actors = parse_actors(
        "A_B\n\t[ZZZGOV]\nC_D [USAGOV]\n", path="x.actors", cameo=cameo, problems=problems
    )
    assert [a.forms for a in actors] == [["C D"]]
    assert [p.line for p in problems] == [2, 1]


def test_entries_take_dated_offices_and_elite_status_after_them(cameo) -> None:
    karzai, hezbollah, *_ = ActorDictionary.from_tabari(ACTORS, path="x", cameo=cameo).entries
    assert (karzai.name, karzai.aliases, karzai.person) == (
        "Hamid Karzai",
        ("Karzai", "President Karzai"),
        True,
    )
    assert karzai.at(dt.date(2005, 1, 1)) == ("AFG", "GOV")
    assert karzai.at(dt.date(1990, 1, 1)) == ("AFG", "ELI")
    assert karzai.at(None) == ("AFG", "ELI")
    assert (hezbollah.name, hezbollah.person, hezbollah.at(None)) == (
        "Hezbollah",
        False,
        ("LBN", "REB"),
    )


def test_display_forms_keep_particles_acronyms_and_initials() -> None:
    assert display_form("BAN KI-MOON") == "Ban Ki-Moon"
    assert display_form("ABU BAKR AL-BAGHDADI") == "Abu Bakr Al-Baghdadi"
    assert display_form("PARTY OF GOD") == "Party of God"
    assert display_form("U.N. MONITOR") == "U.N. Monitor"
    assert display_form("IAEA", acronym=True) == "IAEA"
    assert display_form("JOHN MCCAIN") == "John McCain"


def test_files_are_read_by_extension_or_content(tmp_path, cameo) -> None:
    assert ActorDictionary.load(EXAMPLE, cameo=cameo).folded
    sniffed = tmp_path / "mine.txt"
    sniffed.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    assert sniff_tabari(sniffed.read_text("utf-8"))
    assert [e.name for e in ActorDictionary.load(sniffed, cameo=cameo).entries][:1] == [
        "Albin Kurti"
    ]
    yaml = ROOT / "examples" / "actors.yaml"
    assert not sniff_tabari(yaml.read_text("utf-8"))
    assert not ActorDictionary.load(yaml, cameo=cameo).folded


def test_the_example_file_teaches_the_pipeline_in_any_capitalised_case() -> None:
    pipeline = Pipeline.load(
        overrides={"eventwatch.actor_mentions.v1": {"dictionary": str(EXAMPLE)}}
    )
    doc = pipeline.code_text(
        "SRPSKA LISTA criticised Albin Kurti.", id="t", pub_date=dt.date(2023, 9, 29)
    )
    found = {(a.text, a.name, a.country, a.sector) for a in doc.actors}
    assert ("SRPSKA LISTA", "Srpska Lista", "XKX", "PTY") in found
    assert ("Albin Kurti", "Albin Kurti", "XKX", "GOV") in found
    lower = pipeline.code_text("the serbian list met.", id="u")
    assert all(a.name != "Srpska Lista" for a in lower.actors)


def test_the_cli_reports_a_malformed_actors_file(tmp_path) -> None:
    bad = tmp_path / "bad.actors"
    bad.write_text("ZORAN_TESTIC_\n\t[MNEREB 2010]\n", "utf-8")
    result = CliRunner().invoke(
        app, ["code", "-", "--actors", str(bad)], input="Police arrested two men."
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, DictionaryError)
    assert "bad.actors:2: dates are YYMMDD or YYYYMMDD, got '2010'" in str(result.exception)


def test_yaml_with_flow_lists_is_not_taken_for_an_actors_file() -> None:
    assert not sniff_tabari("actors:\n  - [Kurti, Albin Kurti]\n")
    assert sniff_tabari("KURTI_\n\t[KSVGOV >20210322]\n")
