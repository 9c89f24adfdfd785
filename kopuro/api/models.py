"""API tokens: a member's personal tokens (their own data, as they see it on the pages) and
partner tokens for organisations' integrations, each with scopes and a rate limit.

Only a SHA-256 of the token is stored; the token itself is shown once, when it is made.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX = "kp_"


class Scope(models.TextChoices):
    PROFILE_READ = "profile:read", _("Read my profile")
    DIRECTORY_READ = "directory:read", _("Search the member directory as me")
    CONNECTIONS_READ = "connections:read", _("Read my connections")
    MESSAGES_READ = "messages:read", _("Read my conversations")
    # Partner tokens only: an organisation's own opportunities (kopuro/api/partner.py).
    OPPORTUNITIES_READ = "opportunities:read", _("Read the organisation's opportunities")
    OPPORTUNITIES_WRITE = (
        "opportunities:write",
        _("Post, edit and close the organisation's opportunities"),
    )


# What a member may give a personal token (their own data), and what a partner token may hold.
PERSONAL_SCOPES = [
    Scope.PROFILE_READ,
    Scope.DIRECTORY_READ,
    Scope.CONNECTIONS_READ,
    Scope.MESSAGES_READ,
]
PARTNER_SCOPES = [Scope.OPPORTUNITIES_READ, Scope.OPPORTUNITIES_WRITE]


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def live(self):
        now = timezone.now()
        return self.filter(revoked_at=None).filter(
            models.Q(expires_at=None) | models.Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    class Kind(models.TextChoices):
        PERSONAL = "personal", _("Personal")
        PARTNER = "partner", _("Partner")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kopuro_api_tokens"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PERSONAL)
    name = models.CharField(_("name"), max_length=80)
    # A partner token acts for this organisation only (and only while its account administers
    # it: the contribute services check that on every write).
    organisation = models.ForeignKey(
        "contribute.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="api_tokens",
    )
    scopes = models.JSONField(_("scopes"), default=list)
    # The first characters, to tell tokens apart in lists; never enough to use one.
    hint = models.CharField(max_length=12)
    key_digest = models.CharField(max_length=64, unique=True)
    per_minute = models.PositiveIntegerField(_("requests per minute"), default=60)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, *, user, name: str, scopes: list[str], **extra) -> tuple[ApiToken, str]:
        """A new token for `user`: (the row, the token to show once)."""
        token = PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(
            user=user,
            name=name,
            scopes=sorted(set(scopes)),
            hint=token[:10],
            key_digest=digest(token),
            **extra,
        )
        return row, token
