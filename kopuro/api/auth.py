"""Who is asking the API, and how often.

- `Authorization: Bearer kp_…`: an API token (kopuro.api.models.ApiToken). An unknown, revoked
  or expired token is refused with 401 JSON, whatever the endpoint.
- `Authorization: Terminal <code>:<token>`: an information terminal (kopuro.infodesk's Terminal,
  checked by the same service as the kiosk's own endpoints: the code names the terminal, the
  token is compared with its stored hash). A wrong or revoked one is refused with 401 JSON.
- Otherwise a signed-in session (the site's own pages calling the API), or nobody.

Every request counts against a rate limit per minute: the token's own (`per_minute`), the
member's (KOPURO_API_MEMBER_PER_MINUTE) or the address's (KOPURO_API_ANONYMOUS_PER_MINUTE).
Over it: 429 JSON with Retry-After. The counters live in the cache (Redis in production); when
the cache is down the limit is not enforced rather than failing the request.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import APIKeyHeader, HttpBearer, SessionAuth

from kopuro.api.models import ApiToken, digest

log = logging.getLogger(__name__)


TERMINAL_SCHEME = "Terminal"


def credentials(request: HttpRequest, scheme: str) -> str | None:
    """The value of `Authorization: <scheme> <value>`, or None for another scheme or none."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    given, _, value = header.partition(" ")
    if given.lower() != scheme.lower():
        return None
    return value.strip()


def bearer(request: HttpRequest) -> str | None:
    return credentials(request, "Bearer")


def terminal_for(raw: str):
    """The active terminal that `<code>:<token>` names and authenticates, else None."""
    from kopuro.infodesk import services as infodesk

    code, _, token = raw.partition(":")
    if not code or not token or len(raw) > 200:
        return None
    return infodesk.terminal_authenticate(code=code, token=token)


def token_for(raw: str) -> ApiToken | None:
    if not raw or len(raw) > 200:
        return None
    return (
        ApiToken.objects.live()
        .select_related("user", "organisation")
        .filter(key_digest=digest(raw), user__is_active=True)
        .first()
    )


def clock() -> float:
    """Seconds since the epoch (the rate limit's minute windows; tests hold it still)."""
    return time.time()


def seconds_over_limit(key: str, per_minute: int) -> int:
    """Count this request against `key`'s minute: 0 when within the limit, else the seconds
    until the next minute starts."""
    now = clock()
    window = int(now // 60)
    name = f"api-rate:{key}:{window}"
    try:
        cache.add(name, 0, timeout=90)
        count = cache.incr(name)
    except Exception:  # noqa: BLE001 - a cache outage must not take the API down
        log.warning("API rate limit not counted: the cache is unavailable", exc_info=True)
        return 0
    if count > per_minute:
        return max(1, int(60 - now % 60))
    return 0


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def identify(request: HttpRequest) -> tuple[str | None, int]:
    """Attach the token (if any) to the request; (an error message for a bad token, the seconds
    to wait when over the limit)."""
    raw = credentials(request, TERMINAL_SCHEME)
    if raw is not None:
        terminal = terminal_for(raw)
        if terminal is None:
            request.api_challenge = TERMINAL_SCHEME
            return "Unknown terminal, or a wrong or revoked token.", 0
        request.terminal = terminal
        return None, seconds_over_limit(f"k{terminal.pk}", settings.KOPURO_API_TERMINAL_PER_MINUTE)
    raw = bearer(request)
    if raw is not None:
        token = token_for(raw)
        if token is None:
            return "Invalid, revoked or expired token.", 0
        request.api_token = token
        request.user = token.user
        wait = seconds_over_limit(f"t{token.pk}", token.per_minute)
        if not wait and (
            token.last_used_at is None or (timezone.now() - token.last_used_at).total_seconds() > 60
        ):
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return None, wait
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None, seconds_over_limit(f"u{user.pk}", settings.KOPURO_API_MEMBER_PER_MINUTE)
    return None, seconds_over_limit(
        f"a{client_address(request)}", settings.KOPURO_API_ANONYMOUS_PER_MINUTE
    )


class PersonalToken(HttpBearer):
    """A member's personal token (checked and attached by `identify`)."""

    def authenticate(self, request, token):
        found = getattr(request, "api_token", None)
        if found is not None and found.kind == ApiToken.Kind.PERSONAL:
            return found
        return None


class Session(SessionAuth):
    """The member signed in on the site (CSRF is checked for anything but reads); not a caller
    who came with a token (a partner token is no member's session)."""

    def authenticate(self, request, key):
        if getattr(request, "api_token", None) is not None:
            return None
        return super().authenticate(request, key)


MEMBER_AUTH = [PersonalToken(), Session()]


class PartnerToken(HttpBearer):
    """An organisation's integration: a partner token bound to an organisation."""

    def authenticate(self, request, token):
        found = getattr(request, "api_token", None)
        if (
            found is not None
            and found.kind == ApiToken.Kind.PARTNER
            and found.organisation_id is not None
        ):
            return found
        return None


class TerminalToken(APIKeyHeader):
    """An information terminal: `Authorization: Terminal <code>:<token>` (checked and attached
    by `identify`). The request's size is checked here too, before ninja reads the body."""

    param_name = "Authorization"
    openapi_description = (
        "`Terminal <code>:<token>`: the terminal's code and the token issued for it "
        "(manage.py kiosk_token)."
    )

    def authenticate(self, request, key):
        terminal = getattr(request, "terminal", None)
        if terminal is None:
            return None
        length = request.META.get("CONTENT_LENGTH") or "0"
        limit = settings.KOPURO_KIOSK_BATCH_MAX_BYTES
        if not length.isdigit() or int(length) > limit:
            raise HttpError(413, f"The body is larger than {limit} bytes.")
        return terminal


def need_scope(request: HttpRequest, scope: str) -> None:
    """403 when a token without `scope` asks; a signed-in session may read all its own data."""
    token = getattr(request, "api_token", None)
    if token is not None and scope not in token.scopes:
        raise HttpError(403, f"This token does not have the {scope} scope.")
