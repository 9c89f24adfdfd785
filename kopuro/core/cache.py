"""Anonymous full-page cache: pages rendered for a visitor without a session, kept briefly.

Most traffic is anonymous and sees the same HTML, so an anonymous GET or HEAD request that
carries no session (and no pending flash message) is answered from the Django cache (Redis in
production) when a fresh copy is there. Everyone else, members above all, always gets a page
rendered for them, and what is rendered for a member is never stored.

Why not Django's `UpdateCacheMiddleware`/`FetchFromCacheMiddleware`: they store whatever is
cacheable by its headers, for everyone, and cannot be cleared when a page is published. This
cache stores only what an anonymous visitor got, and is cleared on publication (see
`page_cache_clear`). See https://docs.djangoproject.com/en/5.2/topics/cache/ and Wagtail's
"Performance" guide (https://docs.wagtail.org/en/stable/advanced_topics/performance.html).

Correctness rules, each with a test in kopuro/core/tests/test_cache.py:
- Served only to GET/HEAD requests without a query string, without a session cookie, without
  the messages cookie and without an Authorization header.
- Keyed by scheme, host, path and language (the language from the path, else the language
  cookie or Accept-Language, as LocaleMiddleware would choose it).
- Stored only from a GET that answered 200 with a complete body, that sets no cookie (so never
  a page that used a CSRF token, since using one sets the CSRF cookie, nor one that started a
  session), that used no CSP nonce (the nonce would be replayed), whose Cache-Control does not
  forbid it (`never_cache`, `private`, `no-store`, `max-age=0`), and whose `Vary` names nothing
  beyond `Cookie` and `Accept-Language` (both covered by the rules above). The stored headers,
  `Vary` included, are replayed so a proxy in front still sees what the page varies on.
- Cleared by bumping a version token: Wagtail publication, unpublication, moves and deletions,
  site settings, and profile changes (a member who hides a field must not stay visible).
  Entries remember the version they were rendered under, so a render that raced a bump is
  never served, and a hit costs one cache round trip (MGET of the version and the entry).

Other apps whose changes show on anonymous pages call `page_cache_clear()` from their services.
Views that must never be stored use `never_cache`.

The same version token guards `cached_data()`: data that every request needs and that rarely
changes (the branding settings, the home page's community figures, a profile with its
vocabularies) is read from the cache instead of the database, for members too. The token is read
once per request; data marked `local=True` is also kept in the worker's memory, so it costs no
round trip at all while the version holds.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_request

VERSION_KEY = "pagecache:version"
HEADER = "X-Kopuro-Cache"
# Never looked up or stored: the admin, served files, the API and the benchmark's floor view
# (the floor must stay a bare Django request, without even the cache lookup).
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/api/", "/bench/", "/healthz")
# Vary headers the key already covers: Cookie (only requests without a session are served, and
# only their responses are stored) and Accept-Language (the language is part of the key).
COVERED_VARY = {"cookie", "accept-language"}
MAX_BYTES = 512 * 1024  # a page bigger than this is not worth the cache's memory
BYPASS_COOKIES = ("messages",)  # django.contrib.messages' cookie: a flash message is personal


def _cache():
    return caches[getattr(settings, "KOPURO_PAGE_CACHE_ALIAS", "default")]


def page_cache_clear() -> None:
    """Make every stored page and `cached_data` entry stale: now, and again at commit.

    Now, so the rest of this transaction reads fresh data; again once the transaction commits,
    so a request that rendered the old content between the two is not kept.
    """
    _bump_version()
    transaction.on_commit(_bump_version)


def _bump_version() -> None:
    version = secrets.token_hex(8)
    _cache().set(VERSION_KEY, version, None)
    if _request_version.get() is not None:
        _request_version.set(version)


# The version token as read by the current request (the middleware resets it per request).
_request_version: ContextVar[str | None] = ContextVar("kopuro_content_version", default=None)
_local: dict[str, tuple[str, float, object]] = {}
LOCAL_MAX_ENTRIES = 256
_MISSING = object()
T = TypeVar("T")


def content_version() -> str:
    """The site-wide content version: read from the cache once per request."""
    version = _request_version.get()
    if version is None:
        cache = _cache()
        version = _current_version(cache, cache.get(VERSION_KEY))
        _request_version.set(version)
    return version


def cached_data(
    key: str, compute: Callable[[], T], *, seconds: int = 300, local: bool = False
) -> T:
    """`compute()`'s value, kept until the content version changes (or `seconds` pass).

    For reads that every request repeats and that only change through something that bumps
    the version (page publication, site settings, profile changes). `local=True` also keeps
    the value in this worker's memory: use it only for a few small values, not per-row data.
    Off (always computed) when settings.KOPURO_DATA_CACHE_SECONDS is 0, as in tests.
    """
    if getattr(settings, "KOPURO_DATA_CACHE_SECONDS", 0) <= 0:
        return compute()
    seconds = min(seconds, settings.KOPURO_DATA_CACHE_SECONDS)
    cache = _cache()
    full_key = data_key(key)
    now = time.monotonic()
    version = _request_version.get()
    stored = None
    if version is None and local:
        version = content_version()
    elif version is None:
        # First read of this request: the version and the value in one round trip.
        found = cache.get_many([VERSION_KEY, full_key])
        version = _current_version(cache, found.get(VERSION_KEY))
        _request_version.set(version)
        stored = found.get(full_key, _MISSING)
    if local:
        held = _local.get(key)
        if held is not None and held[0] == version and held[1] > now:
            return held[2]  # type: ignore[return-value]
    if stored is None:
        stored = cache_get(full_key)
    if stored is not None and stored is not _MISSING and stored[0] == version:
        value = stored[1]
    else:
        value = compute()
        cache_set(full_key, (version, value), seconds)
    if local:
        if len(_local) >= LOCAL_MAX_ENTRIES:
            _local.clear()
        _local[key] = (version, now + seconds, value)
    return value


def cached_fragment(parts: list[str], render: Callable[[], str], *, local: bool = False) -> str:
    """HTML that `render()` makes, shared by every viewer for whom `parts` are the same.

    Backs the `{% cachefragment %}` template tag: the caller names in `parts` everything the
    HTML depends on besides the content version (language and time zone are added here). A
    fragment holding a CSRF token or a CSP nonce is never stored: both belong to one visitor.
    `local=True` keeps it in the worker's memory instead of the shared cache: for small
    fragments with few variants (no round trip at all while the content version holds).
    """
    from django.utils.safestring import mark_safe

    if getattr(settings, "KOPURO_DATA_CACHE_SECONDS", 0) <= 0:
        return render()
    key = fragment_key(parts)
    version = content_version()
    if local:
        held = _local.get(key)
        stored = held[2] if held is not None and held[1] > time.monotonic() else None
    else:
        stored = cache_get(key)
    if stored is not None and stored[0] == version:
        return mark_safe(stored[1])  # noqa: S308 - HTML this template rendered earlier
    html = render()
    if "csrfmiddlewaretoken" not in html and not _holds_nonce(html):
        seconds = settings.KOPURO_DATA_CACHE_SECONDS
        if local:
            if len(_local) >= LOCAL_MAX_ENTRIES:
                _local.clear()
            _local[key] = (version, time.monotonic() + seconds, (version, str(html)))
        else:
            cache_set(key, (version, str(html)), seconds)
    return html


def fragment_key(parts: list[str]) -> str:
    """The cache key of the fragment named by `parts` in the active language and time zone."""
    from django.utils import timezone, translation

    where = "|".join(
        [*parts, translation.get_language() or "", timezone.get_current_timezone_name()]
    )
    return "fragment:" + hashlib.sha256(where.encode()).hexdigest()[:32]


def data_key(key: str) -> str:
    """The cache key under which `cached_data(key, ...)` keeps its value."""
    return f"data:{key}"


# --- Read-ahead: a request's cache reads in one round trip -------------------------------------
#
# A member's page reads several small entries (their account, block list and header counts, the
# content version, the header fragment, the page's own data): one Redis round trip
# each is most of what such a page costs beyond Django itself. `ReadAheadMiddleware` fetches
# the keys a request is known to need with one MGET before the view runs; `cache_get` then
# answers from what was fetched. A key that was not read ahead is simply read as before.

# What this request has read ahead: key -> value, _ABSENT for a miss; None outside a request.
_request_reads: ContextVar[dict[str, object] | None] = ContextVar("kopuro_reads", default=None)
_ABSENT = object()
# Functions that name, for a signed-in member's id, the keys every page they open reads.
_member_keys: list[Callable[[int], list[str]]] = []


def register_member_read_ahead(keys_for: Callable[[int], list[str]]) -> None:
    """Have every page a member opens read `keys_for(user_id)` ahead (from an app's ready())."""
    if keys_for not in _member_keys:
        _member_keys.append(keys_for)


def read_ahead(keys: list[str]) -> None:
    """Fetch `keys` (and the content version) for this request in one round trip."""
    held = _request_reads.get()
    if held is None:
        return
    wanted = [k for k in dict.fromkeys(keys) if k not in held]
    version_known = _request_version.get() is not None
    if not version_known:
        wanted.append(VERSION_KEY)
    if not wanted:
        return
    cache = _cache()
    found = cache.get_many(wanted)
    if not version_known:
        _request_version.set(_current_version(cache, found.pop(VERSION_KEY, None)))
        wanted.pop()
    for key in wanted:
        held[key] = found.get(key, _ABSENT)


def cache_get(key: str):
    """`cache.get(key)`, answered from the request's read-ahead when the key was in it."""
    held = _request_reads.get()
    if held is not None:
        value = held.get(key, _MISSING)
        if value is not _MISSING:
            return None if value is _ABSENT else value
    return _cache().get(key)


def cache_set(key: str, value, seconds: int | None) -> None:
    """`cache.set`, keeping the request's read-ahead in step."""
    _cache().set(key, value, seconds)
    held = _request_reads.get()
    if held is not None and key in held:
        held[key] = value


def cache_forget(keys: list[str]) -> None:
    """Delete `keys` now and again when the transaction commits (so a page rendered meanwhile
    from the old rows cannot keep them)."""
    if not keys:
        return
    cache = _cache()
    cache.delete_many(keys)
    held = _request_reads.get()
    if held is not None:
        for key in keys:
            held.pop(key, None)
    transaction.on_commit(lambda: cache.delete_many(keys))


class ReadAheadMiddleware:
    """Before the view runs, fetch in one round trip what the request will read from the cache:

    - the content version and the header for this address (every page);
    - for a signed-in member (their id from the session, before the account is loaded), the
      keys registered with `register_member_read_ahead` (their account, blocks, header counts);
    - what the view names itself: a view function with a `read_ahead(request, **kwargs)`
      attribute returns its own keys (the profile page: the profile and its content).

    Off with the data cache (settings.KOPURO_DATA_CACHE_SECONDS = 0). Place it last, followed
    only by `CachedSiteMiddleware`: nothing below it may read the cache before its
    `process_view`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_reads.set({})
        try:
            return self.get_response(request)
        finally:
            _request_reads.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(settings, "KOPURO_DATA_CACHE_SECONDS", 0) <= 0 or request.path.startswith(
            EXCLUDED_PREFIXES
        ):
            return None
        session = getattr(request, "session", None)
        user_id = _session_user_id(session) if session is not None else None
        # base.html's header, as a member who is not staff sees it (or a visitor).
        header = ["header", request.get_host(), request.path, str(user_id is not None), "False"]
        keys = [fragment_key(header)]
        if user_id is not None:
            for keys_for in _member_keys:
                keys += keys_for(user_id)
        own = getattr(view_func, "read_ahead", None)
        if own is not None:
            keys += own(request, *view_args, **view_kwargs)
        read_ahead(keys)
        return None


def _session_user_id(session) -> int | None:
    from django.contrib.auth import SESSION_KEY

    if not session.session_key:
        return None  # no session cookie: nothing to look up
    try:
        return int(session.get(SESSION_KEY))
    except (TypeError, ValueError):
        return None


def _holds_nonce(html: str) -> bool:
    return 'nonce="' in html or "nonce='" in html


def _current_version(cache, found: str | None) -> str:
    if found is not None:
        return found
    # First use, or the version key was evicted: start a new version (old entries go stale).
    version = secrets.token_hex(8)
    if not cache.add(VERSION_KEY, version, None):
        version = cache.get(VERSION_KEY) or version
    return version


def _request_is_cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES) or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies:
        return False
    return not any(name in cookies for name in BYPASS_COOKIES)


def _key(request) -> str:
    language = get_language_from_request(request, check_path=True)
    where = f"{request.scheme}://{request.get_host()}{request.path}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"pagecache:{digest}:{language}"


def _response_is_cacheable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False  # the page holds a CSP nonce, which must be new on every response
    if response.has_header("Cache-Control"):
        directives = {
            d.strip().split("=", 1)[0].lower(): d
            for d in cc_delim_re.split(response["Cache-Control"])
        }
        if directives.keys() & {"private", "no-store", "no-cache"}:
            return False
        if "max-age" in directives and directives["max-age"].strip().lower() == "max-age=0":
            return False
    if response.has_header("Vary"):
        vary = {v.strip().lower() for v in cc_delim_re.split(response["Vary"]) if v.strip()}
        if not vary <= COVERED_VARY:
            return False
    return len(response.content) <= MAX_BYTES


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous pages. Place it right after WhiteNoise, before sessions:

    a hit then skips everything below it (sessions, locale, CSRF, auth, messages...), while the
    security headers set by `SecurityMiddleware` above it are still added to every answer, and
    the headers set below it (CSP, X-Frame-Options, Content-Language, Vary) are stored with
    the page and replayed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(None)  # each request reads the content version afresh
        try:
            return self._respond(request)
        finally:
            _request_version.reset(token)

    def _respond(self, request):
        seconds = getattr(settings, "KOPURO_PAGE_CACHE_SECONDS", 0)
        if seconds <= 0 or not _request_is_cacheable(request):
            return self.get_response(request)
        cache = _cache()
        key = _key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = _current_version(cache, found.get(VERSION_KEY))
        _request_version.set(version)
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            _version, status, headers, content = entry
            response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            headers = [(k, v) for k, v in response.items() if k != HEADER]
            cache.set(key, (version, response.status_code, headers, response.content), seconds)
            response[HEADER] = "miss"
        return response


class CachedSiteMiddleware:
    """Find the request's Wagtail Site from the cache instead of a query on every page.

    Wagtail looks the site up once per request (`Site.find_for_request`, one query with a
    CASE ranking) and keeps it on `request._wagtail_site`; this fills that attribute first, by
    the same rules, from the list of sites kept with `cached_data` (cleared when a site is
    saved). It does so just before the view, after `ReadAheadMiddleware` (place it right after
    that one), so the content version it needs comes with the request's other reads.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            getattr(settings, "KOPURO_DATA_CACHE_SECONDS", 0) > 0
            and not request.path.startswith(EXCLUDED_PREFIXES)
            and not hasattr(request, "_wagtail_site")
        ):
            try:
                request._wagtail_site = find_site(request)
            except DatabaseError:
                # The list of sites was not cached and the database is down: leave the lookup
                # to Wagtail (views that need no site, such as /healthz, still answer).
                pass
        return None


def find_site(request):
    """`Site.find_for_request`'s answer (wagtail.models.sites.get_site_for_hostname) from the
    cached list of sites; None when no site matches."""
    from django.http.request import split_domain_port

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    ranked = []
    for site in cached_data("sites", _all_sites, local=True):
        if site.hostname == hostname and str(site.port) == str(port):
            ranked.append((0, site))
        elif site.hostname == hostname and site.is_default_site:
            ranked.append((1, site))
        elif site.is_default_site:
            ranked.append((2, site))
        elif site.hostname == hostname:
            ranked.append((3, site))
    if not ranked:
        return None
    ranked.sort(key=lambda pair: pair[0])
    if len(ranked) == 1 or ranked[0][0] in (0, 1):
        return _own_copy(ranked[0][1])
    if ranked[0][0] == 2:
        return _own_copy(ranked[len(ranked) == 2][1])
    return None


def _own_copy(site):
    """A copy for this request: Wagtail caches things on the site's root page (`specific`),
    and the listed instances are shared by every request this worker serves."""
    import copy

    mine = copy.copy(site)
    mine.root_page = copy.copy(site.root_page)
    return mine


def _all_sites() -> list:
    from wagtail.models import Site

    return list(Site.objects.select_related("root_page").order_by("pk"))


# --- Invalidation ------------------------------------------------------------------------------


def connect_signals() -> None:
    """Connect the receivers that clear the cache; called once from CoreConfig.ready()."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
    from wagtail import signals as wagtail_signals

    from kopuro.accounts.models import Profile, TaggedProfile, Term

    def clear(**kwargs):
        page_cache_clear()

    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.published,
        wagtail_signals.unpublished,
    ):
        signal.connect(clear, dispatch_uid=f"kopuro_page_cache_{id(signal)}", weak=False)

    # Terms: their labels show on profiles, and the directory's filters keep the list cached.
    for model in (Profile, TaggedProfile, Term):
        post_save.connect(
            clear, sender=model, dispatch_uid=f"kopuro_page_cache_save_{model.__name__}", weak=False
        )
        post_delete.connect(
            clear, sender=model, dispatch_uid=f"kopuro_page_cache_del_{model.__name__}", weak=False
        )
    for name in ("languages", "expertise", "interests", "offers", "seeks"):
        through = getattr(Profile, name).through
        m2m_changed.connect(
            clear, sender=through, dispatch_uid=f"kopuro_page_cache_m2m_{name}", weak=False
        )

    def clear_on_account_change(sender, instance, update_fields=None, **kwargs):
        # Every sign-in saves last_login: that changes nothing anyone else sees.
        if update_fields is None or set(update_fields) - {"last_login"}:
            page_cache_clear()

    post_save.connect(
        clear_on_account_change,
        sender=get_user_model(),
        dispatch_uid="kopuro_page_cache_user",
        weak=False,
    )
    # Cached data holds model instances: a schema change makes them stale.
    post_migrate.connect(
        lambda **kwargs: _bump_version(), dispatch_uid="kopuro_page_cache_migrate", weak=False
    )

    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Page, Site

    site_wide = (Site, BaseSiteSetting, BaseGenericSetting)

    def clear_on_site_change(sender, instance, created=False, **kwargs):
        if isinstance(instance, Site):
            page_cache_clear()
        elif isinstance(instance, (BaseSiteSetting, BaseGenericSetting)) and not created:
            # Wagtail creates a settings row with its defaults on first read: nothing changes.
            page_cache_clear()

    def clear_on_page_delete(sender, instance, **kwargs):
        if isinstance(instance, (Page, *site_wide)):
            page_cache_clear()

    post_save.connect(clear_on_site_change, dispatch_uid="kopuro_page_cache_site_save", weak=False)
    post_delete.connect(clear_on_page_delete, dispatch_uid="kopuro_page_cache_delete", weak=False)
