"""Django's and allauth's authentication backends, with the signed-in member's account row
from the cache.

Every page a member opens loads their account (`request.user`): with the database that is a
query, plus a health check of the connection, on pages that need nothing else from it (a
profile, a guide, the news). Here the row's values are kept in the cache per member and read
with the request's other cache reads in one round trip (kopuro.core.cache read-ahead); saving
or deleting the account forgets it, as does any `update()` of it in our code (`user_forget`).

The row holds the password hash: Django's sign-in check compares the session's hash of it. The
cache (Redis) already holds the sessions themselves, which are worth more than the hash, and is
reachable only by the application (see docs/deployment.md).
"""

from __future__ import annotations

import functools
import hashlib

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.conf import settings
from django.contrib.auth import backends, get_user_model

from kopuro.core.cache import cache_forget, cache_get, cache_set

USER_SECONDS = 300


@functools.cache
def _fields() -> tuple[list[str], str]:
    names = [f.attname for f in get_user_model()._meta.concrete_fields]
    # A schema change (a new column) gives new keys, so an old entry is never read as a row.
    return names, hashlib.sha256("|".join(names).encode()).hexdigest()[:8]


def user_key(user_id: int) -> str:
    return f"accounts:user:{_fields()[1]}:{user_id}"


def user_forget(*user_ids: int) -> None:
    """Forget the cached account rows of these members, now and at commit."""
    cache_forget([user_key(pk) for pk in user_ids if pk])


def member_read_ahead_keys(user_id: int) -> list[str]:
    return [user_key(user_id)]


class CachedUserMixin:
    """`get_user` (the account of the session's member) from the cache when the data cache is
    on (settings.KOPURO_DATA_CACHE_SECONDS), with the same checks as Django's."""

    def get_user(self, user_id):
        if getattr(settings, "KOPURO_DATA_CACHE_SECONDS", 0) <= 0:
            return super().get_user(user_id)
        try:
            user_id = int(user_id)
        except (TypeError, ValueError):
            return None
        names, _signature = _fields()
        key = user_key(user_id)
        values = cache_get(key)
        if values is not None and len(values) == len(names):
            user = get_user_model().from_db("default", names, values)
            return user if self.user_can_authenticate(user) else None
        user = super().get_user(user_id)
        if user is not None:
            cache_set(key, tuple(getattr(user, name) for name in names), USER_SECONDS)
        return user


class ModelBackend(CachedUserMixin, backends.ModelBackend):
    """Django's: it signs in with the e-mail address and password (allauth's form calls
    `authenticate`, and this backend answers first), and `force_login` uses it."""


class AuthenticationBackend(CachedUserMixin, AllauthBackend):
    """allauth's: what its own flows (e-mail codes, social accounts, MFA) record."""
