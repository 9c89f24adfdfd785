from django.core.management.base import BaseCommand

from kopuro.core.services import site_ensure_home


class Command(BaseCommand):
    help = "Create the content locales and the home page a fresh install needs (idempotent)."

    def handle(self, *args, **options):
        home = site_ensure_home()
        self.stdout.write(f"Home page: {home.title} (#{home.pk})")
