from django.core.management.base import BaseCommand

from kopuro.core.services import site_ensure_home


class Command(BaseCommand):
    help = (
        "Create what a fresh install needs (idempotent): the content locales, the home page, the "
        "newsroom's index pages and its approval workflow."
    )

    def handle(self, *args, **options):
        from kopuro.newsroom.services import newsroom_ensure_indexes

        home = site_ensure_home()
        self.stdout.write(f"Home page: {home.title} (#{home.pk})")
        indexes = newsroom_ensure_indexes(home=home)
        self.stdout.write("Newsroom: " + ", ".join(f"/{slug}/" for slug in indexes))
