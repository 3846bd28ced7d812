"""The project's dictionaries converted from Phoenix/PETRARCH2 and NGEC's lists (issue 16)."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import sys
import types
from pathlib import Path

import pytest

from eventwatch import Pipeline
from eventwatch.stages.actors.dictionary import ActorDictionary

from ..helpers import actor_at

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "eventwatch" / "stages" / "actors" / "data"
pytestmark = pytest.mark.issue(16)


@pytest.mark.parametrize("name", ["actors.tsv", "agents.tsv", "cameo_countries.tsv"])
def test_converted_files_keep_the_attribution_and_licence(name) -> None:
    head = (DATA / name).read_text("utf-8")[:600]
    assert "scripts/convert_dictionaries.py" in head and "MIT licence" in head
    assert "Open Event Data Alliance" in head
    assert (ROOT / "docs" / "licences" / "MIT-dictionaries.txt").is_file()


def test_the_converted_actors_load_as_people_groups_and_aliases() -> None:
    converted = ActorDictionary.converted()
    assert converted.folded and len(converted.entries) > 20_000
    people = [e for e in converted.entries if e.person]
    assert len(people) > 15_000 and all(" " in e.name for e in people)
    assert all(" " in form for e in people for form in e.aliases)  # no bare surnames
    assert converted.aliases  # more forms of actors the project's own tables name


@pytest.mark.parametrize(
    ("pub_date", "sectors"),
    [(dt.date(1999, 6, 1), ("GOV",)), (dt.date(2010, 6, 1), ("ELI",))],
)
def test_a_dictionary_person_takes_the_office_of_the_date(code, pub_date, sectors) -> None:
    # Petar Stoyanov, president of Bulgaria 1997-2002, is in Phoenix's country file only
    doc = code("Petur Stoyanov spoke to reporters.", pub_date=pub_date)
    actor = actor_at(doc, "Petur Stoyanov")
    assert (actor.name, actor.country, actor.sectors) == ("Petur Stoyanov", "BGR", sectors)


def test_dictionary_names_match_capitalised_text_only(code) -> None:
    assert actor_at(code("PETUR STOYANOV spoke."), "PETUR STOYANOV").country == "BGR"
    assert all(a.country != "BGR" for a in code("petur stoyanov spoke.").actors)


@pytest.mark.parametrize(("words", "country"), [("", "IND"), ("Burmese ", "MMR")])
def test_the_text_names_the_country_of_a_dictionary_group(code, words, country) -> None:
    # the dictionary's Kuki Revolutionary Army is India's; a text may say otherwise
    doc = code(f"The {words}Kuki Revolutionary Army attacked the town.")
    actor = actor_at(doc, f"{words}Kuki Revolutionary Army")
    assert (actor.country, actor.sector) == (country, "REB")


def test_a_name_of_common_words_names_no_group(code) -> None:
    doc = code("Human Rights groups and the National Front protested on Black Friday.")
    assert all(a.sector != "REB" and a.name != "Human Rights" for a in doc.actors)


@pytest.mark.parametrize(
    ("sentence", "mention", "sectors"),
    [
        ("Three sharecroppers were arrested.", "Three sharecroppers", ("AGR",)),
        ("The dissenters marched.", "dissenters", ("CVL", "OPP")),
    ],
)
def test_converted_agent_nouns_give_sectors(code, sentence, mention, sectors) -> None:
    assert actor_at(code(sentence), mention).sectors == sectors


def test_the_converted_dictionaries_can_be_left_out() -> None:
    pipeline = Pipeline.load(
        overrides={
            "eventwatch.actor_mentions.v1": {"converted_actors": False, "agent_nouns": False}
        }
    )
    doc = pipeline.code_text("Petur Stoyanov met three sharecroppers.", id="t")
    assert all(a.country != "BGR" and "AGR" not in a.sectors for a in doc.actors)


@functools.cache
def _converter() -> types.ModuleType:
    """``scripts/convert_dictionaries.py`` as a module (it is a script, not a package's)."""
    spec = importlib.util.spec_from_file_location(
        "convert_dictionaries", ROOT / "scripts" / "convert_dictionaries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("form", "untitled"),
    [
        ("US President Barack Obama", "Barack Obama"),
        ("Former Defense Secretary Donald H. Rumsfeld", "Donald H. Rumsfeld"),
        ("President Reagan", "Reagan"),
        ("Secretary of State John Kerry", "John Kerry"),
        ("Bank of Canada", "Bank of Canada"),
        ("Hamid Karzai", "Hamid Karzai"),
    ],
)
def test_the_converter_cuts_titles_off_names(form, untitled) -> None:
    titles = {"president", "us", "former", "defense secretary", "secretary of state", "bank"}
    assert _converter()._without_title(form, titles) == untitled


def test_the_converter_expands_agent_substitutions_and_plurals(tmp_path) -> None:
    agents = tmp_path / "agents.txt"
    agents.write_text(
        "!PERSON! = MAN, WOMAN\n# comment\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL "
        "{ATTORNEYS_GENERAL} [~JUD] # note\n",
        "utf-8",
    )
    rows = [(form, code) for form, code, _line in _converter().agent_rows(agents)]
    assert rows == [
        ("CONGRESSMAN", "~LEG"),
        ("CONGRESSWOMAN", "~LEG"),
        ("ATTORNEY_GENERAL", "~JUD"),
        ("ATTORNEYS_GENERAL", "~JUD"),
    ]


def test_an_unidentified_actor_is_listed_but_is_no_source(code) -> None:
    doc = code("Two men attacked the police station.")
    assert actor_at(doc, "Two men").sectors == ("UNK",)
    [event] = [e for e in doc.events if e.type == "ASSAULT"]
    assert not event.source


def test_unk_gives_way_and_the_group_is_the_one_named_last(code) -> None:
    militia = actor_at(code("Members of the militia attacked the post."), "Members of the militia")
    assert militia.sectors == ("UAF",)
    doc = code("The Taliban said the group would not talk.")
    assert (actor_at(doc, "group").name, actor_at(doc, "group").sector) == ("Taliban", "REB")


@pytest.mark.parametrize(
    ("sentence", "mention", "sectors"),
    [
        (
            "An official Syrian newspaper criticised the plan.",
            "official Syrian newspaper",
            ("GOV", "JRN"),
        ),
        ("The independent newspaper criticised the plan.", "independent newspaper", ("JRN",)),
    ],
)
def test_state_media_are_the_states(code, sentence, mention, sectors) -> None:
    assert actor_at(code(sentence), mention).sectors == sectors
