"""What Kopuro answers while its database is unreachable: a clear 503, never a traceback.

Django turns an exception that escapes a view or a middleware into `handler500`
(`kopuro.core.views.server_error`) while the exception is still being handled, so the handler can
tell a lost database apart from a bug. For a lost database it answers 503 with `Retry-After`:
the `503.html` page (rendered without the database, in English, Russian and Kyrgyz), or JSON for
`/healthz`, `/api/` and clients that ask for JSON. nginx then tries the other app server
(`proxy_next_upstream ... http_503` in deploy/nginx), which answers the same while the database
is down, and a balancer reading `/healthz` sees 503 too.

Anonymous pages already in the page cache (Redis) are still served during the outage, and a form
POSTed while the database is down is answered with this page: its transaction never committed,
so nothing is half-saved (`make resilience` checks both).

The log gets one line per such request (`DatabaseUnavailableLog`) instead of a traceback each.
"""

from __future__ import annotations

import logging
import re
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse

RETRY_AFTER_SECONDS = 30
# The API (with or without a language prefix) and the health check answer JSON.
JSON_PATHS = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?api/|^/healthz")


def database_unavailable(exc: BaseException | None) -> bool:
    """Whether `exc` (or what caused it) says the database cannot be reached, as opposed to a
    bad query: a connection refused, dropped or shut down."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        try:
            import psycopg

            if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
                return True
        except ImportError:  # pragma: no cover - psycopg is a dependency
            pass
        if isinstance(exc, DatabaseError):
            return False
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def wants_json(request) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return bool(JSON_PATHS.match(request.path)) or (
        "application/json" in accept and "text/html" not in accept
    )


def unavailable_response(request) -> HttpResponse:
    """The 503 answer: JSON for the API and health checks, the 503 page for everyone else."""
    if wants_json(request):
        response: HttpResponse = JsonResponse(
            {
                "status": "unavailable",
                "error": "database_unavailable",
                "detail": "The database cannot be reached. Try again shortly.",
            },
            status=503,
        )
    else:
        from django.template import loader

        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def response_for_current_exception(request) -> HttpResponse | None:
    """The 503 answer when the exception being handled means the database is unreachable."""
    if database_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return None


class DatabaseUnavailableLog(logging.Filter):
    """On `django.request`: a 503 for a lost database is logged as one line, no traceback (a
    minute of outage under load would otherwise write thousands of identical tracebacks)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and database_unavailable(record.exc_info[1]):
            record.msg = f"{record.msg} (database unavailable: %s)"
            record.args = (
                *(record.args or ()),
                (str(record.exc_info[1]).strip().splitlines() or [""])[0],
            )
            record.exc_info = None
            record.exc_text = None
        return True


class CacheUnavailableLog(logging.Filter):
    """On `django_redis.cache`: while Redis is down every cache call fails (and is ignored, so
    pages are still served). Log that as one line every `every` seconds per process, with the
    number of calls since, instead of a traceback per call: thousands of tracebacks a minute
    would cost more time than the outage itself."""

    def __init__(self, every: float = 10.0):
        super().__init__()
        self.every = every
        self.last = float("-inf")
        self.suppressed = 0

    def filter(self, record: logging.LogRecord) -> bool:
        import time

        now = time.monotonic()
        if now - self.last < self.every:
            self.suppressed += 1
            return False
        cause = record.exc_info[1] if record.exc_info else None
        first_line = (str(cause).strip().splitlines() or [""])[0] if cause else record.getMessage()
        record.msg = "Cache unavailable, serving without it: %s (%d similar since the last report)"
        record.args = (first_line, self.suppressed)
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        self.last, self.suppressed = now, 0
        return True
