"""Backups of the database and the uploaded media, and their restore into another database.

`manage.py backup` and `manage.py restore` are thin wrappers around `backup_create` and
`backup_restore`. A backup is a directory `kopuro-YYYYMMDD-HHMMSS/` holding:

- `database.dump`: PostgreSQL's custom format (`pg_dump -Fc`), restored with `pg_restore`; or
  `database.sqlite3`: a consistent copy made with SQLite's online backup API;
- `media.tar.gz`: every file under MEDIA_ROOT (left out when media live in object storage,
  whose own versioning or replication is their backup; see docs/deployment.md);
- `manifest.json`: when, from which database, the row count of every table *as dumped*, and
  the size and SHA-256 of each file.

On PostgreSQL the counts and the dump come from one snapshot: a repeatable-read transaction
exports its snapshot (`pg_export_snapshot()`), counts every table, and `pg_dump --snapshot`
dumps exactly what was counted, while the site keeps serving. A restore compares the restored
database's counts with the manifest, so "the restore gives the same counts" is checked every
time, not assumed.

A restore goes into a named database (a scratch one, to check a backup or to pick data out of
it) and refuses to overwrite the live database, or any database that already holds tables,
unless it is forced.

See https://www.postgresql.org/docs/15/app-pgdump.html and
https://docs.python.org/3/library/sqlite3.html#sqlite3.Connection.backup
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_TARBALL = "media.tar.gz"
FORMAT_VERSION = 1
PG_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$")  # never a connection string


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class RestoreReport:
    target: str
    counts: dict[str, int]
    expected: dict[str, int]
    media_files: int = 0
    mismatches: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.mismatches


# --- Backup -------------------------------------------------------------------------------------


def backup_create(
    *,
    directory: Path,
    media: bool = True,
    keep: int = 0,
    alias: str = "default",
    database: dict | None = None,
) -> Path:
    """Write a backup of the database (and media) into a new timestamped folder of `directory`.

    `keep` > 0 removes the oldest backups beyond that many afterwards. `database` is a settings
    dict (ENGINE, NAME, HOST...) to back up instead of DATABASES[alias]. Returns the new folder.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    target = directory / f"kopuro-{stamp}"
    suffix = 1
    while target.exists():
        suffix += 1
        target = directory / f"kopuro-{stamp}-{suffix}"
    partial = target.with_name(target.name + ".partial")
    partial.mkdir()
    db = database or settings.DATABASES[alias]
    try:
        if _is_postgres(db):
            counts, tool = _pg_dump(db, partial / PG_DUMP)
            db_info = {"engine": "postgresql", "name": db["NAME"], "dump": PG_DUMP, "tool": tool}
        elif _is_sqlite(db):
            counts = _sqlite_copy(Path(db["NAME"]), partial / SQLITE_COPY)
            db_info = {"engine": "sqlite", "name": str(db["NAME"]), "dump": SQLITE_COPY}
        else:
            raise BackupError(f"No backup method for the database engine {db['ENGINE']}.")
        media_info = _media_archive(partial / MEDIA_TARBALL) if media else {"skipped": "--no-media"}
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": db_info,
            "counts": counts,
            "media": media_info,
            "files": {
                p.name: {"bytes": p.stat().st_size, "sha256": _sha256(p)}
                for p in sorted(partial.iterdir())
            },
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if keep > 0:
        backups = sorted(p for p in directory.glob("kopuro-*") if (p / MANIFEST).exists())
        for old in backups[:-keep]:
            shutil.rmtree(old)
    return target


def _is_postgres(db: dict) -> bool:
    return "postgresql" in db["ENGINE"]


def _is_sqlite(db: dict) -> bool:
    return "sqlite3" in db["ENGINE"]


def _pg_env(db: dict) -> dict[str, str]:
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_tool(name: str, server_major: int) -> str:
    """`pg_dump`/`pg_restore` of the server's major version when installed beside it (Debian
    keeps one per version in /usr/lib/postgresql/N/bin), else the one on PATH, if it is not
    older than the server (an older pg_dump refuses a newer server)."""
    candidates = [f"/usr/lib/postgresql/{server_major}/bin/{name}", shutil.which(name) or ""]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            out = subprocess.run(  # noqa: S603 - PostgreSQL's own tool, found above
                [path, "--version"], capture_output=True, text=True
            ).stdout
            found = re.search(r"(\d+)(?:\.\d+)?", out)
            if found and int(found.group(1)) >= server_major:
                return path
    raise BackupError(
        f"{name} for PostgreSQL {server_major} (or newer) is not installed. "
        f"On Debian: apt-get install postgresql-client-{server_major}"
    )


def _pg_connect(db: dict, name: str | None = None, **kwargs):
    import psycopg

    params = {
        "dbname": name or db["NAME"],
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "connect_timeout": 10,
    }
    return psycopg.connect(**{k: v for k, v in params.items() if v is not None}, **kwargs)


def _pg_counts(conn) -> dict[str, int]:
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    from psycopg import sql

    return {
        t: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
        for t in tables
    }


def _pg_dump(db: dict, out: Path) -> tuple[dict[str, int], str]:
    with _pg_connect(db) as conn:
        major = conn.info.server_version // 10000
        tool = _pg_tool("pg_dump", major)
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = _pg_counts(conn)
        # The transaction stays open while pg_dump reads the same snapshot.
        result = subprocess.run(  # noqa: S603 - pg_dump with arguments built here
            [
                tool,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={out}",
                db["NAME"],
            ],
            env=_pg_env(db),
            capture_output=True,
            text=True,
        )
        conn.execute("COMMIT")
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return counts, Path(tool).name + " " + _tool_version(tool)


def _tool_version(tool: str) -> str:
    out = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout  # noqa: S603
    found = re.search(r"\d+(\.\d+)*", out)
    return found.group(0) if found else "?"


def _sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    counts = {}
    for t in tables:
        # FTS shadow tables and the like are counted too: they are part of the copy.
        quoted = '"' + t.replace('"', '""') + '"'
        counts[t] = conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]  # noqa: S608
    return counts


def _sqlite_copy(source: Path, out: Path) -> dict[str, int]:
    if not source.exists():
        raise BackupError(f"The SQLite database {source} does not exist.")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=20)
    dst = sqlite3.connect(out)
    try:
        src.backup(dst)  # consistent even while others write
    finally:
        src.close()
    try:
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        return _sqlite_counts(dst)
    finally:
        dst.close()


def _media_root_is_local() -> bool:
    from django.core.files.storage import FileSystemStorage, default_storage

    return isinstance(default_storage, FileSystemStorage)


def _media_archive(out: Path) -> dict:
    if not _media_root_is_local():
        return {"skipped": "media are in object storage (back up the bucket with its own tools)"}
    root = Path(settings.MEDIA_ROOT)
    files = 0
    with tarfile.open(out, "w:gz") as tar:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    tar.add(path, arcname=str(path.relative_to(root)), recursive=False)
                    files += 1
    return {"archive": MEDIA_TARBALL, "files": files, "root": str(root)}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- Restore ------------------------------------------------------------------------------------


def backup_read(path: Path) -> dict:
    """The manifest of the backup in `path` (a backup folder, or a folder of backups: the
    newest), after checking every file's checksum."""
    path = Path(path)
    if not (path / MANIFEST).exists():
        found = sorted(p for p in path.glob("kopuro-*") if (p / MANIFEST).exists())
        if not found:
            raise BackupError(f"No backup in {path} (no {MANIFEST}).")
        path = found[-1]
    manifest = json.loads((path / MANIFEST).read_text())
    for name, info in manifest["files"].items():
        if not (path / name).exists():
            raise BackupError(f"The backup {path} lacks {name}.")
        if _sha256(path / name) != info["sha256"]:
            raise BackupError(f"{path / name} does not match its checksum: the backup is damaged.")
    manifest["path"] = str(path)
    return manifest


def backup_restore(
    *,
    source: Path,
    into: str,
    media_root: Path | None = None,
    force: bool = False,
    alias: str = "default",
    database: dict | None = None,
) -> RestoreReport:
    """Restore the backup in `source` into the database `into`, then compare row counts.

    PostgreSQL: `into` is a database name on the live database's server (created when
    missing). SQLite: `into` is a file path. Refused without `force` when `into` is the live
    database or already holds tables. `media_root`, when given, receives the media files.
    """
    manifest = backup_read(Path(source))
    path = Path(manifest["path"])
    db = database or settings.DATABASES[alias]
    engine = manifest["database"]["engine"]
    if engine == "postgresql":
        if not PG_NAME.match(into):
            raise BackupError(f"{into!r} is not a plain database name (letters, digits, _ and -).")
        if not _is_postgres(db):
            raise BackupError(
                "This is a PostgreSQL backup: restore it with DATABASE_URL on PostgreSQL."
            )
        if into == db["NAME"] and not force:
            raise BackupError(
                f"{into} is the live database. Restore into a scratch database "
                f"(--into {into}_restore) or add --force to overwrite the live one."
            )
        if database is None:
            connections[alias].close()  # hold nothing open on a database pg_restore may replace
        counts = _pg_restore(db, path / manifest["database"]["dump"], into, force=force)
        target = f"PostgreSQL database {into}"
    elif engine == "sqlite":
        live = Path(db["NAME"]).resolve() if _is_sqlite(db) else None
        target_path = Path(into).resolve()
        if target_path == live and not force:
            raise BackupError(
                f"{into} is the live database. Restore into another file or add --force."
            )
        counts = _sqlite_restore(path / manifest["database"]["dump"], target_path, force=force)
        target = f"SQLite file {target_path}"
    else:
        raise BackupError(f"Unknown backup engine {engine}.")
    media_files = 0
    if media_root is not None and "archive" in manifest["media"]:
        media_files = _media_extract(path / manifest["media"]["archive"], Path(media_root))
    expected = manifest["counts"]
    mismatches = {
        t: (expected.get(t, -1), counts.get(t, -1))
        for t in sorted(set(expected) | set(counts))
        if expected.get(t, -1) != counts.get(t, -1)
    }
    return RestoreReport(
        target=target,
        counts=counts,
        expected=expected,
        media_files=media_files,
        mismatches=mismatches,
    )


def _pg_restore(db: dict, dump: Path, into: str, *, force: bool) -> dict[str, int]:
    from psycopg import sql

    with _pg_connect(db, "postgres", autocommit=True) as admin:
        major = admin.info.server_version // 10000
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [into]).fetchone()
        if not exists:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(into)))
    with _pg_connect(db, into) as conn:
        held = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()[0]
    if held and not force:
        raise BackupError(
            f"The database {into} already holds {held} tables. Name an empty or new database, "
            f"or add --force to replace what it holds."
        )
    args = [_pg_tool("pg_restore", major), "--no-owner", "--no-privileges", "--exit-on-error"]
    if held:
        args += ["--clean", "--if-exists"]
    result = subprocess.run(  # noqa: S603 - pg_restore; `into` is a checked plain name
        [*args, f"--dbname={into}", str(dump)], env=_pg_env(db), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    with _pg_connect(db, into) as conn:
        return _pg_counts(conn)


def _sqlite_restore(copy: Path, target: Path, *, force: bool) -> dict[str, int]:
    if target.exists() and target.stat().st_size:
        existing = sqlite3.connect(target)
        try:
            held = len(_sqlite_counts(existing))
        finally:
            existing.close()
        if held and not force:
            raise BackupError(
                f"{target} already holds {held} tables. Name a new file, or add --force."
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=20)
    try:
        src.backup(dst)  # replaces every page of the target, atomically for its readers
        return _sqlite_counts(dst)
    finally:
        src.close()
        dst.close()


def _media_extract(archive: Path, root: Path) -> int:
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.isfile()]
        tar.extractall(root, members=members, filter="data")  # no paths outside `root`
    return len(members)
