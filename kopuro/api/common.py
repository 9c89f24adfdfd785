"""What every public endpoint shares: the `lang` parameter, bounded pagination, the page schema.

Pagination is limit/offset with both ends bounded (django-ninja validates them and answers 422
JSON when they are out of range), so a client can never ask for an unbounded page.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import QuerySet
from ninja import Query, Schema

Lang = Literal["en", "ru", "ky"]
MAX_LIMIT = 50
MAX_OFFSET = 10_000

LANG = Query("en", description="Language of the content and labels: en, ru or ky.")
LIMIT = Query(20, ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
# Slugs and codes are matched by pattern, so no control character ever reaches the database.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,100}$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"


class PageMeta(Schema):
    count: int
    limit: int
    offset: int


def paginate(items: QuerySet | list, *, limit: int, offset: int) -> tuple[dict, list]:
    """({count, limit, offset}, the page's items) for a queryset or a list."""
    if isinstance(items, QuerySet):
        count = items.count()
        page = list(items[offset : offset + limit]) if offset < count else []
    else:
        count = len(items)
        page = items[offset : offset + limit]
    return {"count": count, "limit": limit, "offset": offset}, page


class ErrorOut(Schema):
    """Every 4xx: `detail` is a message, or for 422 the list of invalid parameters."""

    detail: str | list[dict[str, Any]]


def responses(ok: type[Schema]) -> dict:
    """The documented answers of a public listing: the page, 401 for a bad token, 422 for
    invalid parameters, 429 over the rate limit (kopuro/api/auth.py)."""
    return {200: ok, 401: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def detail_responses(ok: type[Schema]) -> dict:
    """The documented answers of one public item: 404 when it is not (or no longer) public."""
    return {200: ok, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


ANY = Query(None, description="Leave out for any.")
