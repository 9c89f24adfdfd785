"""A member's API tokens in their data export and erasure (kopuro.accounts.export)."""

from kopuro.api.models import ApiToken


def export_tokens(user) -> list[dict]:
    """What each token is (never the token itself: only its digest is kept)."""
    return [
        {
            "name": t.name,
            "kind": t.kind,
            "scopes": t.scopes,
            "hint": t.hint,
            "created_at": t.created_at,
            "last_used_at": t.last_used_at,
            "expires_at": t.expires_at,
            "revoked_at": t.revoked_at,
        }
        for t in ApiToken.objects.filter(user=user)
    ]


def erase_tokens(user) -> None:
    ApiToken.objects.filter(user=user).delete()
