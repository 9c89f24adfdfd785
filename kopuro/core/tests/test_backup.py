"""`manage.py backup` and `manage.py restore` (kopuro/core/backup.py), on SQLite and PostgreSQL.

SQLite: a small database file of its own (the test database lives in memory). PostgreSQL (when
DATABASE_URL points at it): the test database itself, as pg_dump sees it (what migrations
committed), restored into a scratch database that is dropped afterwards.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from kopuro.core.backup import BackupError, backup_create, backup_read, backup_restore


def sqlite_db(path: Path, rows: int = 3) -> dict:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE member (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO member (name) VALUES (?)", [(f"m{i}",) for i in range(rows)])
    conn.execute("INSERT INTO note (body) VALUES ('hello')")
    conn.commit()
    conn.close()
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}


@pytest.fixture
def media(tmp_path):
    root = tmp_path / "media"
    (root / "photos").mkdir(parents=True)
    (root / "photos" / "a.jpg").write_bytes(b"\xff\xd8jpeg")
    (root / "documents").mkdir()
    (root / "documents" / "terms.pdf").write_bytes(b"%PDF-1.4")
    with override_settings(MEDIA_ROOT=str(root)):
        yield root


def test_sqlite_backup_and_restore_give_the_same_rows_and_files(tmp_path, media):
    db = sqlite_db(tmp_path / "live.sqlite3", rows=5)
    folder = backup_create(directory=tmp_path / "backups", database=db)

    assert folder.name.startswith("kopuro-")
    assert {p.name for p in folder.iterdir()} == {
        "database.sqlite3",
        "media.tar.gz",
        "manifest.json",
    }
    manifest = backup_read(folder)
    assert manifest["counts"] == {"member": 5, "note": 1}
    assert manifest["media"]["files"] == 2

    report = backup_restore(
        source=folder,
        into=str(tmp_path / "scratch.sqlite3"),
        media_root=tmp_path / "restored-media",
        database=db,
    )
    assert report.ok, report.mismatches
    assert report.counts == {"member": 5, "note": 1}
    assert report.media_files == 2
    assert (tmp_path / "restored-media" / "photos" / "a.jpg").read_bytes() == b"\xff\xd8jpeg"
    names = sqlite3.connect(tmp_path / "scratch.sqlite3").execute("SELECT name FROM member")
    assert sorted(n for (n,) in names) == [f"m{i}" for i in range(5)]


def test_restore_refuses_the_live_database_and_a_full_one_without_force(tmp_path, media):
    db = sqlite_db(tmp_path / "live.sqlite3")
    folder = backup_create(directory=tmp_path / "backups", database=db)
    sqlite3.connect(db["NAME"]).execute("DELETE FROM note").connection.commit()

    with pytest.raises(BackupError, match="live database"):
        backup_restore(source=folder, into=db["NAME"], database=db)
    other = tmp_path / "other.sqlite3"
    sqlite_db(other)
    with pytest.raises(BackupError, match="already holds 2 tables"):
        backup_restore(source=folder, into=str(other), database=db)

    report = backup_restore(source=folder, into=db["NAME"], force=True, database=db)
    assert report.ok
    assert report.counts["note"] == 1  # the deleted row is back


def test_a_damaged_backup_is_refused(tmp_path, media):
    db = sqlite_db(tmp_path / "live.sqlite3")
    folder = backup_create(directory=tmp_path / "backups", database=db)
    with (folder / "database.sqlite3").open("ab") as f:
        f.write(b"garbage")
    with pytest.raises(BackupError, match="checksum"):
        backup_restore(source=folder, into=str(tmp_path / "x.sqlite3"), database=db)


def test_a_folder_of_backups_restores_the_newest_and_keep_prunes(tmp_path, media):
    db = sqlite_db(tmp_path / "live.sqlite3", rows=1)
    backups = tmp_path / "backups"
    backup_create(directory=backups, database=db, keep=2)
    sqlite3.connect(db["NAME"]).execute(
        "INSERT INTO member (name) VALUES ('x')"
    ).connection.commit()
    backup_create(directory=backups, database=db, keep=2)
    sqlite3.connect(db["NAME"]).execute(
        "INSERT INTO member (name) VALUES ('y')"
    ).connection.commit()
    newest = backup_create(directory=backups, database=db, keep=2, media=False)

    assert len(list(backups.glob("kopuro-*"))) == 2
    assert backup_read(backups)["path"] == str(newest)
    report = backup_restore(source=backups, into=str(tmp_path / "n.sqlite3"), database=db)
    assert report.counts["member"] == 3
    assert "media.tar.gz" not in backup_read(newest)["files"]


def test_the_commands_back_up_and_restore_the_live_database(tmp_path, media, db):
    """Through manage.py on whichever database the suite runs on."""
    if connection.vendor == "sqlite":
        pytest.skip("the SQLite test database is in memory; the tests above cover SQLite files")
    call_command("backup", dir=str(tmp_path / "b"), verbosity=0)
    folder = next((tmp_path / "b").glob("kopuro-*"))
    with pytest.raises(CommandError, match="live database"):
        call_command("restore", str(folder), into=connection.settings_dict["NAME"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs DATABASE_URL on PostgreSQL")
def test_postgresql_dump_restores_into_a_scratch_database_with_the_same_counts(tmp_path, media, db):
    import psycopg

    folder = backup_create(directory=tmp_path / "backups")
    manifest = backup_read(folder)
    assert manifest["database"]["engine"] == "postgresql"
    assert manifest["database"]["tool"].startswith("pg_dump 15")
    assert manifest["counts"]["wagtailcore_page"] >= 1  # the root page, made by migrations
    assert len(manifest["counts"]) > 50

    settings_dict = connection.settings_dict
    scratch = f"{settings_dict['NAME'][:40]}_restore_{uuid.uuid4().hex[:8]}"
    try:
        report = backup_restore(source=folder, into=scratch, media_root=tmp_path / "restored-media")
        assert report.ok, report.mismatches
        assert report.counts == manifest["counts"]
        assert report.media_files == 2
        with pytest.raises(BackupError, match="already holds"):
            backup_restore(source=folder, into=scratch)
        with pytest.raises(BackupError, match="not a plain database name"):
            backup_restore(source=folder, into="host=elsewhere dbname=x")
    finally:
        with psycopg.connect(
            host=settings_dict["HOST"] or None,
            port=settings_dict["PORT"] or None,
            user=settings_dict["USER"] or None,
            password=settings_dict["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
