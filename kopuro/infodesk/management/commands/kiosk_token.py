"""Issue (or revoke) a terminal's token from the command line; the token is printed once."""

from django.core.management.base import BaseCommand, CommandError

from kopuro.infodesk.models import Terminal
from kopuro.infodesk.services import terminal_issue_token, terminal_revoke_token


class Command(BaseCommand):
    help = "Issue a new secret token for a terminal (printed once), or revoke it with --revoke."

    def add_arguments(self, parser):
        parser.add_argument("code", help="The terminal's code, e.g. FRU-AIRPORT.")
        parser.add_argument("--revoke", action="store_true", help="Revoke the current token.")

    def handle(self, *args, code: str, revoke: bool, **options):
        terminal = Terminal.objects.filter(code=code).first()
        if terminal is None:
            raise CommandError(f"No terminal with the code {code!r}.")
        if revoke:
            terminal_revoke_token(terminal=terminal)
            self.stdout.write(f"The token of {code} is revoked.")
            return
        self.stdout.write(terminal_issue_token(terminal=terminal))
