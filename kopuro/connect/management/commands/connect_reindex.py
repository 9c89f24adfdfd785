"""Rebuild the member directory's search index (after a bulk import, or to repair it)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Rebuild the directory's search index (--missing: only profiles without an entry)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="Only profiles without one.")

    def handle(self, *args, missing: bool = False, **options):
        from kopuro.connect.index import directory_reindex

        n = directory_reindex(only_missing=missing)
        self.stdout.write(self.style.SUCCESS(f"{n} directory entries written."))
