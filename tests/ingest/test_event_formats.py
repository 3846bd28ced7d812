"""Event rows without text: eventwatch jsonl, GDELT 2.0, ICEWS and POLECAT (issue 19).

The sample rows are written by hand from the formats' published codebooks (GDELT 2.0 Event
Codebook, the ICEWS and POLECAT Dataverse column lists); none is copied from a data file.
"""

import json
from pathlib import Path

import pytest

from eventwatch import InputError
from eventwatch.analytics import units_from_events
from eventwatch.ingest import cameo_to_plover, parse_event_lines, read_event_file

pytestmark = pytest.mark.issue(19)

GDELT_FIELDS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip


def gdelt_row(**fields: str) -> str:
    """A GDELT 2.0 export row: 61 tab-separated fields, named as the codebook names them."""
    assert len(GDELT_FIELDS) == 61 and set(fields) <= set(GDELT_FIELDS)
    return "\t".join(fields.get(name, "") for name in GDELT_FIELDS)


#: an armed group from Serbia fights Kosovo police: CAMEO 190, QuadClass 4, Goldstein -10
FIGHT = gdelt_row(
    GLOBALEVENTID="1128301234", SQLDATE="20230924", MonthYear="202309", Year="2023",
    FractionDate="2023.7288", Actor1Code="SRBUAF", Actor1Name="SERBIA", Actor1CountryCode="SRB",
    Actor1Type1Code="UAF", Actor2Code="KSVCOP", Actor2Name="KOSOVO", Actor2CountryCode="KSV",
    Actor2Type1Code="COP", IsRootEvent="1", EventCode="190", EventBaseCode="190",
    EventRootCode="19", QuadClass="4", GoldsteinScale="-10.0", NumMentions="12",
    NumSources="3", NumArticles="12", AvgTone="-7.9", ActionGeo_Type="4",
    ActionGeo_FullName="Banjska, Kosovo (general), Kosovo", ActionGeo_CountryCode="KV",
    ActionGeo_Lat="42.9592", ActionGeo_Long="20.7878", DATEADDED="20230924153000",
    SOURCEURL="https://news.example/banjska",
)  # fmt: skip
#: the EU calls for restraint: CAMEO 1056 (demand de-escalation), Goldstein -5.0
DEMAND = gdelt_row(
    GLOBALEVENTID="1128301299", SQLDATE="20230925", Actor1Code="IGOEUREEC",
    Actor1Name="EUROPEAN UNION", Actor1Type1Code="IGO", Actor2Code="SRBGOV",
    Actor2Name="SERBIA", Actor2CountryCode="SRB", Actor2Type1Code="GOV", IsRootEvent="0",
    EventCode="1056", EventBaseCode="105", EventRootCode="10", QuadClass="3",
    GoldsteinScale="-5.0", DATEADDED="20230925081500", SOURCEURL="https://news.example/eu",
)  # fmt: skip
#: a statement: CAMEO 010, which PLOVER drops
STATEMENT = gdelt_row(
    GLOBALEVENTID="1128301300", SQLDATE="20230925", Actor1Code="SRBGOV", EventCode="010",
    EventBaseCode="010", EventRootCode="01", QuadClass="1", GoldsteinScale="0.0",
    DATEADDED="20230925081500",
)  # fmt: skip


def test_gdelt_rows_keep_goldstein_and_quadclass() -> None:
    result = parse_event_lines([FIGHT, DEMAND, STATEMENT], format="gdelt")
    assert result.problems == []
    assert result.skipped == {"CAMEO 01/02 (statements, appeals): no PLOVER category": 1}
    fight, demand = result.rows
    assert (fight["type"], fight["mode"], fight["cameo"]) == ("ASSAULT", None, "190")
    assert (fight["goldstein"], fight["quad_class"]) == (-10.0, 4)
    assert fight["day"] == "2023-09-24" and fight["date"] == "2023-09-24"
    assert fight["source"] == [
        {"country": "SRB", "sector": "UAF", "name": "SERBIA", "code": "SRBUAF"}
    ]
    assert fight["target"][0]["country"] == "XKX"  # CAMEO KSV
    assert fight["target"][0]["sector"] == "COP"
    assert fight["url"] == fight["doc_id"] == "https://news.example/banjska"
    assert (demand["type"], demand["mode"]) == ("REQUEST", "yield")
    assert demand["source"][0]["country"] == "IGO" and demand["source"][0]["sector"] == "IGO"
    assert (demand["goldstein"], demand["quad_class"]) == (-5.0, 3)
    units = units_from_events(result.rows)
    assert units.frame["goldstein"].tolist() == [-10.0, -5.0]
    assert units.frame["quad_given"].tolist() == [4, 3]


def test_bad_gdelt_rows_are_reported_by_line_and_skipped() -> None:
    short = "\t".join(FIGHT.split("\t")[:58])
    bad_code = FIGHT.replace("\t190\t190\t19\t", "\tXYZ\t190\t19\t")
    bad_quad = FIGHT.replace("\t4\t-10.0\t", "\t7\t-10.0\t")
    result = parse_event_lines([FIGHT, short, "", bad_code, bad_quad, DEMAND], format="gdelt")
    assert [r["id"] for r in result.rows] == ["1128301234", "1128301299"]
    assert [(p.line, p.reason) for p in result.problems] == [
        (2, "expected 61 tab-separated fields, found 58"),
        (4, "CAMEO code 'XYZ' is not a number"),
        (5, "QuadClass '7' is not 1-4"),
    ]


ICEWS_HEADER = (
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
    "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\t"
    "Publisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude"
)
ICEWS_ROWS = [
    # police in Kosovo detain a Serbian citizen: CAMEO 173, intensity -5
    "34567890\t2018-05-28\tPolice (Kosovo)\tPolice,Government\tKosovo\tArrest, detain, or "
    "charge with legal action\t173\t-5.0\tCitizen (Serbia)\t\tSerbia\t48123456\t2\tExample Wire"
    "\tPristina\t\tPristina\tKosovo\t42.6727\t21.1669",
    # the Serbian foreign ministry criticises Kosovo: 111, the leading zero kept
    "34567891\t2018-05-29\tMinistry of Foreign Affairs (Serbia)\tGovernment,Executive\tSerbia\t"
    "Criticize or denounce\t111\t-2.0\tKosovo\t\tKosovo\t48123460\t1\tExample Wire\tBelgrade\t\t"
    "Belgrade\tSerbia\t44.8040\t20.4651",
    # a consultation written without the leading zero (42 for 042)
    "34567892\t2018-05-30\tAlbania\t\tAlbania\tMake a visit\t42\t1.9\tKosovo\t\tKosovo\t48123470\t1"
    "\tExample Wire\tPristina\t\tPristina\tKosovo\t42.6727\t21.1669",
    "34567893\t30 May 2018\tAlbania\t\tAlbania\tMake a visit\t042\t1.9\tKosovo\t\tKosovo\t1\t1\tx"
    "\t\t\t\t\t\t",
]


def test_icews_rows_map_names_sectors_and_cameo() -> None:
    result = parse_event_lines([ICEWS_HEADER, *ICEWS_ROWS], format="icews")
    arrest, criticism, visit = result.rows
    assert (arrest["type"], arrest["mode"], arrest["goldstein"]) == ("COERCE", "arrest", -5.0)
    assert arrest["source"] == [{"country": "XKX", "sector": "COP", "name": "Police (Kosovo)"}]
    assert arrest["target"][0]["country"] == "SRB" and arrest["doc_id"] == "48123456"
    assert (criticism["type"], criticism["mode"]) == ("ACCUSE", "disapprove")
    assert criticism["source"][0]["sector"] == "GOV"
    assert (visit["type"], visit["mode"], visit["day"]) == ("CONSULT", "visit", "2018-05-30")
    assert [(p.line, p.reason) for p in result.problems] == [
        (5, "Event Date '30 May 2018' is not a date")
    ]


POLECAT_HEADER = (
    "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\t"
    "Actor Country\tActor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\t"
    "Wikipedia Actor ID\tRecipient Name\tRecipient Country\tRecipient COW\t"
    "Primary Recipient Sector\tRecipient Sectors\tRecipient Title\tRecipient Name Raw\t"
    "Wikipedia Recipient ID\tPlacename\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\t"
    "GeoNames ID\tRaw Placename\tFeature Type\tSource\tPublication Date\tStory People\t"
    "Story Organizations\tStory Locations\tLanguage\tVersion"
)


def polecat_row(**fields: str) -> str:
    return "\t".join(fields.get(name, "") for name in POLECAT_HEADER.split("\t"))


def test_polecat_rows_are_plover_already() -> None:
    row = polecat_row(**{
        "Event ID": "20230925-0001", "Event Date": "2023-09-24", "Event Type": "ASSAULT",
        "Event Mode": "firearms", "Intensity": "-9", "Quad Code": "4",
        "Contexts": "military;territory", "Actor Name": "Milan Radoičić",
        "Actor Country": "SRB", "Primary Actor Sector": "UAF",
        "Recipient Name": "Kosovo Police", "Recipient Country": "Kosovo",
        "Primary Recipient Sector": "COP", "Publication Date": "2023-09-25",
    })  # fmt: skip
    bad = polecat_row(**{"Event ID": "x", "Event Date": "2023-09-24", "Event Type": "FIGHT"})
    result = parse_event_lines([POLECAT_HEADER, row, bad], format="polecat")
    (event,) = result.rows
    assert (event["type"], event["mode"], event["quad_class"], event["intensity"]) == (
        "ASSAULT", "firearms", 4, -9.0,
    )  # fmt: skip
    assert event["day"] == "2023-09-25" and event["date"] == "2023-09-24"
    assert event["source"] == [{"country": "SRB", "sector": "UAF", "name": "Milan Radoičić"}]
    assert event["target"][0]["country"] == "XKX"
    assert event["context"] == ["military", "territory"]
    assert [(p.line, p.reason) for p in result.problems] == [
        (3, "Event Type 'FIGHT' is not a PLOVER type")
    ]


def test_eventwatch_rows_take_pub_date_as_the_day(tmp_path: Path) -> None:
    good = {"doc_id": "kosovo-1", "id": "e3", "type": "ASSAULT", "mode": "firearms",
            "source": [{"text": "gunmen", "country": "SRB", "sector": "UAF", "name": None}],
            "target": [{"text": "police", "country": "XKX", "sector": "COP", "name": None}],
            "killed": 1, "date": {"start_date": "2023-09-24"}, "pub_date": "2023-09-29",
            "title": "Kosovo", "url": "https://news.example/k"}  # fmt: skip
    path = tmp_path / "events.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(good),
                "{not json",
                json.dumps({**good, "pub_date": None}),
                json.dumps({**good, "type": "FIGHT"}),
            ]
        )
        + "\n",  # fmt: skip
        "utf-8",
    )
    result = read_event_file(path, format="eventwatch")
    (event,) = result.rows
    assert (event["day"], event["date"], event["killed"], event["title"]) == (
        "2023-09-29", "2023-09-24", 1, "Kosovo",
    )  # fmt: skip
    assert [p.line for p in result.problems] == [2, 3, 4]
    assert "pub_date" in result.problems[1].reason and "PLOVER" in result.problems[2].reason
    assert units_from_events(result.rows).frame["unit_id"].tolist() == ["kosovo-1:e3"]


def test_cameo_codes_fall_back_to_their_parents() -> None:
    assert cameo_to_plover("0841") == ("RETREAT", "release")
    assert cameo_to_plover("1823") == ("ASSAULT", None)
    assert cameo_to_plover("1384") == ("THREATEN", "violence")
    assert cameo_to_plover("0874") == ("RETREAT", "disarm")
    assert cameo_to_plover("1999") == ("ASSAULT", None)  # unknown: its root, 19
    with pytest.raises(ValueError, match="no PLOVER category"):
        cameo_to_plover("0214")


def test_the_cameo_table_agrees_with_the_shared_one() -> None:
    shared = (
        Path(__file__).resolve().parents[3] / "shared" / "data" / "plover" / "cameo2plover-2021.txt"
    )
    if not shared.exists():
        pytest.skip("../shared is not beside the project")
    for line in shared.read_text("utf-8").splitlines():
        code, _, rest = line.partition(":")
        if code.strip().isdigit() and len(code.strip()) >= 3 and code.strip() != "175":
            assert cameo_to_plover(code.strip())[0] == rest.split(",")[0].strip(), line


def test_unknown_format_and_missing_file_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown event format"):
        parse_event_lines([], format="acled")
    with pytest.raises(InputError, match="missing.tsv"):
        read_event_file(tmp_path / "missing.tsv", format="gdelt")
