"""Reads for the home page: live content from each part of Kopuro that exists.

Each app adds what it has by registering a section provider; a section with nothing to show is
left out (never a placeholder).
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Count

K_ANONYMITY = 5  # an aggregate shown to anyone never describes a group smaller than this

_providers: list[Callable[..., dict[str, Any]]] = []


def register_home_section(fn: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    _providers.append(fn)
    return fn


def home_sections(*, viewer) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for provider in _providers:
        context.update(provider(viewer=viewer))
    return context


@register_home_section
def community_section(*, viewer) -> dict[str, Any]:
    """Newest members who are in the directory, and a k-anonymous count of countries.

    The same for every viewer, and the two counts scan the whole directory (the costliest part
    of the home page with 100,000 members): kept in the cache until a profile changes.
    """
    from kopuro.core.cache import cached_data

    return cached_data("home:community", _community, seconds=120, local=True)


def _community() -> dict[str, Any]:
    from kopuro.accounts.models import Profile, Visibility

    listed = Profile.objects.filter(in_directory=True, user__is_active=True)
    newest = list(
        listed.filter(headline_visibility=Visibility.PUBLIC)
        .select_related("user")
        .order_by("-created_at")[:6]
    )
    member_count = listed.count()
    countries = (
        listed.filter(residence_visibility=Visibility.PUBLIC)
        .exclude(residence_country="")
        .values("residence_country")
        .annotate(n=Count("id"))
        .filter(n__gte=K_ANONYMITY)
        .count()
    )
    return {
        "newest_members": newest,
        "member_count": member_count if member_count >= K_ANONYMITY else None,
        "country_count": countries or None,
    }
