"""Load Kopuro's demo content: reproducible (seeded) and idempotent (a second run adds nothing)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from kopuro.core.services import site_ensure_home

DEMO_PASSWORD = "kopuro-demo"  # noqa: S105 - published in the README on purpose


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=200, help="How many demo members.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed.")

    @transaction.atomic
    def handle(self, *args, members: int, seed: int, **options):
        from allauth.account.models import EmailAddress

        from kopuro.accounts.models import User
        from kopuro.accounts.services import member_sign_up

        site_ensure_home()
        for email, name, staff in [
            ("editor@demo.kopuro.org", "Demo Editor", True),
            ("aida@demo.kopuro.org", "Aida Toktogulova", False),
        ]:
            user, created = User.objects.get_or_create(
                email=email, defaults={"is_staff": staff, "is_superuser": staff}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
                member_sign_up(user=user, display_name=name)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
