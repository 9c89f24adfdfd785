"""Queue the daily digest e-mails (run once a day: cron, a systemd timer)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Queue the daily notification digests (one e-mail per member with waiting notifications)."
    )

    def handle(self, *args, **options):
        from kopuro.connect.tasks import send_digests

        result = send_digests.enqueue()
        self.stdout.write(f"Digest task queued ({result.id}).")
