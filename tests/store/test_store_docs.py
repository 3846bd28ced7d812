"""The store's docs name every column and table the code writes."""

from __future__ import annotations

import re

import pytest

from eventwatch.store import FLAT_COLUMNS
from eventwatch.store._layouts import GDELT_COLUMNS, POLECAT_COLUMNS
from eventwatch.store._schema import MIGRATIONS, _statements

from ..conftest import ROOT

pytestmark = pytest.mark.issue(14)

EXPORT_DOC = (ROOT / "docs" / "export.md").read_text("utf-8")
STORE_DOC = (ROOT / "docs" / "store.md").read_text("utf-8")


def test_every_flat_column_is_documented() -> None:
    for name, _ in FLAT_COLUMNS:
        assert f"`{name}`" in EXPORT_DOC, name


def test_every_gdelt_column_is_documented_in_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    rows = re.findall(r"^\| (\d+)(?:–(\d+))? \| ([^|]+) \|", EXPORT_DOC, flags=re.M)
    covered = set()
    for first, last, _ in rows:
        covered.update(range(int(first), int(last or first) + 1))
    assert covered == set(range(1, 62))
    for number, name in enumerate(GDELT_COLUMNS, start=1):
        single = re.search(rf"^\| {number} \| ([^|]+) \|", EXPORT_DOC, flags=re.M)
        if single:
            assert single.group(1).strip() == name


def test_every_polecat_column_is_documented() -> None:
    assert len(POLECAT_COLUMNS) == 40
    section = EXPORT_DOC.split("## POLECAT", 1)[1]
    for name in POLECAT_COLUMNS:
        assert name in section, name


def test_every_table_is_documented() -> None:
    tables = {
        match
        for version in MIGRATIONS
        for statement in _statements(version, "sqlite")
        for match in re.findall(r"CREATE (?:VIRTUAL )?TABLE (\w+)", statement)
    }
    assert "documents" in tables and "alerts" in tables
    for table in tables:
        assert f"`{table}`" in STORE_DOC, table
