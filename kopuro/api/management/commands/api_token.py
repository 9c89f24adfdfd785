"""Issue or revoke an API token from the command line (partner integrations, scripts).

    manage.py api_token issue --email partner@example.org --name "Bishkek jobs board" \
        --kind partner --organisation bishkek-jobs --scope opportunities:read \
        --scope opportunities:write --per-minute 600
    manage.py api_token issue --email aida@demo.kopuro.org --name test --scope profile:read
    manage.py api_token revoke kp_AbCd12      # by the hint shown in lists (first 10 chars)

A partner token identifies an organisation's integration: on the public endpoints with a rate
limit of its own, and, bound to an organisation (`--organisation`, its slug or id) that the
account administers, on /api/v1/partner/… with its scopes. Member endpoints accept only personal
tokens. The token is printed once.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kopuro.api.models import PARTNER_SCOPES, PERSONAL_SCOPES, ApiToken, Scope


class Command(BaseCommand):
    help = "Issue or revoke an API token."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        issue = sub.add_parser("issue")
        issue.add_argument("--email", required=True)
        issue.add_argument("--name", required=True)
        issue.add_argument("--kind", choices=ApiToken.Kind.values, default="personal")
        issue.add_argument("--scope", action="append", choices=Scope.values, default=[])
        issue.add_argument("--per-minute", type=int, default=60)
        issue.add_argument(
            "--organisation", help="Partner tokens: the organisation's slug or id it acts for."
        )
        revoke = sub.add_parser("revoke")
        revoke.add_argument("hint")

    def handle(self, *args, **options):
        if options["action"] == "revoke":
            n = ApiToken.objects.filter(hint=options["hint"], revoked_at=None).update(
                revoked_at=timezone.now()
            )
            if not n:
                raise CommandError(f"No token in use starts with {options['hint']}.")
            self.stdout.write(f"Revoked {n} token(s).")
            return
        if not 1 <= options["per_minute"] <= 100_000:
            raise CommandError("--per-minute must be between 1 and 100000.")
        user = get_user_model().objects.filter(email__iexact=options["email"]).first()
        if user is None:
            raise CommandError(f"No account with the e-mail {options['email']}.")
        organisation = self._organisation(options, user)
        allowed = PARTNER_SCOPES if options["kind"] == ApiToken.Kind.PARTNER else PERSONAL_SCOPES
        wrong = sorted(set(options["scope"]) - {s.value for s in allowed})
        if wrong:
            raise CommandError(f"A {options['kind']} token cannot have: {', '.join(wrong)}.")
        _row, token = ApiToken.issue(
            user=user,
            name=options["name"],
            kind=options["kind"],
            scopes=options["scope"],
            per_minute=options["per_minute"],
            organisation=organisation,
        )
        self.stdout.write(token)

    def _organisation(self, options, user):
        from kopuro.contribute.models import Organisation
        from kopuro.contribute.services import is_admin

        given = options["organisation"]
        if not given:
            if options["scope"] and options["kind"] == ApiToken.Kind.PARTNER:
                raise CommandError("A partner token with scopes needs --organisation.")
            return None
        if options["kind"] != ApiToken.Kind.PARTNER:
            raise CommandError("Only a partner token is bound to an organisation.")
        found = Organisation.objects.filter(slug=given).first()
        if found is None and given.isdigit():
            found = Organisation.objects.filter(pk=int(given)).first()
        if found is None:
            raise CommandError(f"No organisation {given!r} (give its slug or id).")
        if not user.is_staff and not is_admin(user, found):
            raise CommandError(f"{user.email} does not administer {found.slug}.")
        return found
