"""A throw-away PostgreSQL cluster from the Debian package, for tests and benchmarks.

``initdb`` into a temporary folder, ``pg_ctl start`` on a free port with the
socket in that folder (no TCP), a database per caller, and everything stopped
and deleted at the end. PostgreSQL refuses to run as root, so under root the
cluster runs as the ``postgres`` system user the Debian package creates.

Not used by the store itself; tests (``tests/store/conftest.py``) and
``benchmarks/store_bench.py`` share it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..exceptions import ResourceError

__all__ = ["TemporaryCluster", "find_pg_bin"]


def find_pg_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` holding ``initdb`` and ``pg_ctl``, or None."""
    found = []
    for folder in glob.glob("/usr/lib/postgresql/*/bin"):
        path = Path(folder)
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            version = path.parent.name
            found.append((int(version) if version.isdigit() else 0, path))
    return max(found)[1] if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TemporaryCluster:
    """One PostgreSQL server in a temporary folder; ``url(dbname)`` after :meth:`start`."""

    def __init__(self, bin_dir: Path | None = None, *, durable: bool = False) -> None:
        found = bin_dir or find_pg_bin()
        if found is None:
            raise ResourceError(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                "apt-get install -y postgresql"
            )
        self.bin = found
        self.root = Path(tempfile.mkdtemp(prefix="eventwatch-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._user: dict[str, Any] = {}
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                raise ResourceError("running as root needs the 'postgres' user") from None
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self._user = {"user": account.pw_uid, "group": account.pw_gid}
        self._databases = 0
        #: False (tests): fsync off, as a crash of a test machine loses nothing of value
        self.durable = durable

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=self.root,
            check=False,
            **self._user,
        )
        if result.returncode != 0:
            raise ResourceError(f"{args[0]} failed: {result.stderr.strip() or result.stdout}")

    def start(self) -> TemporaryCluster:
        if not (self.data / "PG_VERSION").exists():
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        options = f"-p {self.port} -k {self.root} -c listen_addresses=''"
        if not self.durable:
            options += " -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "-t", "60", "start")  # fmt: skip
        return self

    def stop(self, *, mode: str = "fast") -> None:
        """Stop the server (``mode="immediate"`` is a crash: the server just goes away)."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.root}&port={self.port}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; its URL."""
        import psycopg

        self._databases += 1
        name = name or f"db{self._databases}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def cleanup(self) -> None:
        try:
            self.stop(mode="immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> TemporaryCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.cleanup()
