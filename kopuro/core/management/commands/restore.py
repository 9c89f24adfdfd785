"""`manage.py restore BACKUP --into NAME`: a backup into a named database, then a row-count check.

Refuses to overwrite the live database, or a database that already holds tables, without
--force (kopuro/core/backup.py).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kopuro.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup (a folder made by `manage.py backup`, or a folder of them: the newest) "
        "into the database named by --into, and compare its row counts with the backup's."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup folder, or the folder of backups.")
        parser.add_argument(
            "--into",
            required=True,
            help="PostgreSQL: a database name on the live server (created when missing). "
            "SQLite: a file path.",
        )
        parser.add_argument(
            "--media-root", help="Also unpack the media into this folder (default: not restored)."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Allow overwriting the live database or a database that holds tables.",
        )

    def handle(self, *args, backup: str, into: str, media_root: str | None, force: bool, **opts):
        try:
            report = backup_restore(
                source=Path(backup),
                into=into,
                media_root=Path(media_root) if media_root else None,
                force=force,
            )
        except BackupError as e:
            raise CommandError(str(e)) from e
        rows = sum(report.counts.values())
        self.stdout.write(
            f"Restored into {report.target}: {len(report.counts)} tables, {rows} rows"
            + (f", {report.media_files} media files" if media_root else "")
        )
        if not report.ok:
            for table, (expected, found) in report.mismatches.items():
                self.stderr.write(f"  {table}: {expected} in the backup, {found} restored")
            raise CommandError("The restored row counts differ from the backup's manifest.")
        self.stdout.write(self.style.SUCCESS("Row counts match the backup's manifest."))
