"""Load Kopuro's demo content: reproducible (seeded) and idempotent (a second run adds nothing).

What it makes (see kopuro/core/demo/):
- the vocabularies (re-applied), the locales and the home page (site_ensure_home);
- two logins, password "kopuro-demo": aida@demo.kopuro.org (member with a full profile) and
  editor@demo.kopuro.org (staff editor, superuser);
- `--members` demo members (default 200) across 20+ countries, ~60% with a drawn photo;
- branding footer contacts and tagline, while empty;
- the home page text in English, and its Russian and Kyrgyz translations through
  wagtail-localize, unless an editor has already written or translated it.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from kopuro.core.demo.people import DEMO_PASSWORD, DEMO_SEED

__all__ = ["DEMO_PASSWORD", "Command"]


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=200, help="How many demo members.")
        parser.add_argument("--seed", type=int, default=DEMO_SEED, help="Random seed.")
        parser.add_argument("--no-photos", action="store_true", help="Do not draw photos (faster).")

    def handle(self, *args, members: int, seed: int, no_photos: bool = False, **options):
        started = time.perf_counter()
        with transaction.atomic():
            report = self.seed(members=members, seed=seed, photos=not no_photos)
        elapsed = time.perf_counter() - started
        if report:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content added in {elapsed:.1f} s: {report}.")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Demo content is in place (nothing to add)."))

    def seed(self, *, members: int, seed: int, photos: bool) -> str:
        from wagtail.models import Site

        from kopuro.accounts.models import Term
        from kopuro.accounts.vocabularies import load_vocabularies
        from kopuro.core.cache import page_cache_clear
        from kopuro.core.demo.accounts import demo_accounts_seed
        from kopuro.core.demo.members import seed_members
        from kopuro.core.demo.site import branding_seed, home_seed_english, home_seed_translations
        from kopuro.core.services import site_ensure_home
        from kopuro.newsroom.demo import seed_newsroom

        done = []
        if load_vocabularies(Term):
            done.append("vocabularies")
        home = site_ensure_home()
        if accounts := demo_accounts_seed():
            done.append(f"{accounts} demo login(s)")
        added, with_photo = seed_members(members, seed, photos=photos)
        if added:
            done.append(f"{added} members ({with_photo} with photos)")
        if branding_seed(site=Site.objects.get(is_default_site=True)):
            done.append("branding")
        if home_seed_english(home=home):
            done.append("English home page")
        if languages := home_seed_translations(home=home):
            done.append("home page translations: " + ", ".join(languages))
        if newsroom := seed_newsroom(home=home):
            done.append(f"newsroom: {len(newsroom)} items in English and Russian")
        from kopuro.connect.demo import seed_connect

        if connect := seed_connect():
            done.append(f"connect: {connect}")
        from kopuro.contribute.demo import seed_learn_and_contribute

        if learn := seed_learn_and_contribute():
            done.append(f"learn and contribute: {learn}")
        from kopuro.infodesk.demo import seed_infodesk

        if infodesk := seed_infodesk(home=home):
            done.append(f"information service: {infodesk}")
        from kopuro.insights.demo import seed_insights_demo
        from kopuro.insights.models import Response, Survey

        before = (Survey.objects.count(), Response.objects.count())
        seed_insights_demo()
        surveys, responses = Survey.objects.count(), Response.objects.count()
        if (surveys, responses) != before:
            done.append(f"insights: {surveys} surveys, {responses} demo responses")
        if done:
            page_cache_clear()
        return "; ".join(done)
