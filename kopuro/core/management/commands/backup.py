"""`manage.py backup`: the database and the media into a timestamped folder (kopuro/core/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kopuro.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format, or a consistent SQLite copy) and the "
        "media (a tarball) into DIR/kopuro-YYYYMMDD-HHMMSS/ with a manifest of row counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=settings.KOPURO_BACKUP_DIR,
            help="Folder that receives the backup (default: KOPURO_BACKUP_DIR, %(default)s).",
        )
        parser.add_argument("--no-media", action="store_true", help="Leave the media out.")
        parser.add_argument(
            "--keep", type=int, default=0, help="Keep only the newest N backups in DIR (0: all)."
        )

    def handle(self, *args, dir: str, no_media: bool, keep: int, **options):
        try:
            path = backup_create(directory=Path(dir), media=not no_media, keep=keep)
        except BackupError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
        self.stdout.write(str(path))
