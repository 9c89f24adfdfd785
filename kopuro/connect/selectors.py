"""Reads for Connect: the directory, the map, suggestions, connections, conversations and
notifications, each already shaped for what one viewer may see.

What a viewer may see of a profile is kopuro.accounts' decision (`VISIBLE_TO`,
`visible_groups`); every filter here is paired with the visibility of the group it reads, so a
filter can never find a member through a field hidden from the viewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection as db_connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Lower

from kopuro.accounts.models import Profile, Term
from kopuro.accounts.selectors import VISIBLE_TO, visible_groups
from kopuro.connect.cities import locate
from kopuro.connect.models import (
    Block,
    Connection,
    Conversation,
    DirectoryEntry,
    Dismissal,
    Message,
    Notification,
    ProfileHold,
    Suggestion,
)
from kopuro.core.cache import cache_forget, cache_get, cache_set
from kopuro.core.selectors import K_ANONYMITY

PAGE_SIZE = 24
# k-anonymity (docs/data-protection.md): a smaller group is never shown on the map or its list.
MAP_MIN_GROUP = K_ANONYMITY


def _allowed(viewer) -> set[str]:
    authenticated = viewer is not None and viewer.is_authenticated
    return VISIBLE_TO["member" if authenticated else "anonymous"]


def _audience(viewer) -> str:
    return "members" if viewer is not None and viewer.is_authenticated else "public"


# --- Blocks --------------------------------------------------------------------------------------


def no_block_with(viewer, field: str) -> Q:
    """A filter: no block either way between `viewer` and the user id in `field`."""
    return ~Exists(Block.objects.filter(blocker=viewer, blocked_id=OuterRef(field))) & ~Exists(
        Block.objects.filter(blocked=viewer, blocker_id=OuterRef(field))
    )


BLOCKS_SECONDS = 300


def _blocks_key(user_id: int) -> str:
    return f"connect:blocks:{user_id}"


def _blocked_user_ids_query(user_id: int) -> frozenset[int]:
    ids = set()
    for a, b in Block.objects.filter(Q(blocker_id=user_id) | Q(blocked_id=user_id)).values_list(
        "blocker_id", "blocked_id"
    ):
        ids.add(b if a == user_id else a)
    return frozenset(ids)


def blocked_user_ids(viewer) -> frozenset[int]:
    """Members on the other side of a block with `viewer`, either way.

    Read on every profile page a member opens, so kept in the cache per member; a block made or
    removed forgets both members' entries (`blocks_forget`, from the Block signals). Always
    read from the database when the data cache is off (settings.KOPURO_DATA_CACHE_SECONDS)."""
    if viewer is None or not viewer.is_authenticated:
        return frozenset()
    if getattr(settings, "KOPURO_DATA_CACHE_SECONDS", 0) <= 0:
        return _blocked_user_ids_query(viewer.pk)
    key = _blocks_key(viewer.pk)
    ids = cache_get(key)
    if ids is None:
        ids = _blocked_user_ids_query(viewer.pk)
        cache_set(key, ids, BLOCKS_SECONDS)
    return ids


def blocks_forget(*user_ids: int) -> None:
    """Drop the cached block lists of these members, now and at commit."""
    cache_forget([_blocks_key(pk) for pk in user_ids if pk])


def member_read_ahead_keys(user_id: int) -> list[str]:
    """What every page a member opens reads of Connect's cache (kopuro.core.cache read-ahead):
    the header counts, and the block list (profile pages)."""
    return [_header_counts_key(user_id), _blocks_key(user_id)]


def held_user_ids() -> frozenset[int]:
    """Members whose profile moderation holds (few): from the data cache, which a hold placed
    or lifted clears (kopuro.connect.profile_extras.connect_signals)."""
    from kopuro.core.cache import cached_data

    return cached_data(
        "connect:held-users",
        lambda: frozenset(ProfileHold.objects.values_list("user_id", flat=True)),
        local=True,
    )


def is_blocked_between(a, b) -> bool:
    return Block.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


def listed_profiles(viewer) -> QuerySet[Profile]:
    """Profiles that may appear in Connect for `viewer`: listed in the directory, live account,
    not held by moderation, no block either way."""
    qs = Profile.objects.filter(in_directory=True, user__is_active=True).exclude(
        Exists(ProfileHold.objects.filter(user_id=OuterRef("user_id")))
    )
    if viewer is not None and viewer.is_authenticated:
        qs = qs.filter(no_block_with(viewer, "user_id"))
    return qs


# --- Directory ----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)

SORTS = ("relevance", "newest", "complete")


def search_words(q: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(q or "")][:8]


FILTER_TOKENS = {
    "residence_country": "rc",
    "origin_country": "oc",
    "origin_region": "or",
    "expertise": "ex",
    "language": "la",
    "offers": "of",
    "seeks": "se",
}


def filter_tokens(filters: dict) -> list[str]:
    """The marker words (kopuro.connect.index) a member must have for `filters` to match."""
    from kopuro.connect.index import filter_token, squash

    tokens = []
    for name, code in FILTER_TOKENS.items():
        value = filters.get(name)
        if value in (None, ""):
            continue
        value = getattr(value, "pk", value)
        if squash(str(value)):
            tokens.append(filter_token(code, value))
    if city := (filters.get("residence_city") or "").strip():
        place = locate(filters.get("residence_country", ""), city)
        token = filter_token("ci", place[0] if place else city)
        if squash(city):
            tokens.append(token)
    return tokens


def _text_match(qs, words, tokens, audience: str, sort: str, entry: str = ""):
    """(`qs` narrowed to the entries whose audience text has every word and filter token,
    whether it is ranked). `entry` is the path to the DirectoryEntry ("" on entries,
    "directory_entry__" on profiles). PostgreSQL: a prefix tsquery on the audience's GIN-indexed
    vector, ranked when sorting by relevance with words; SQLite: substring matches."""
    if db_connection.vendor != "postgresql":
        for w in words:
            qs = qs.filter(**{f"{entry}text_{audience}__contains": w})
        for t in tokens:
            qs = qs.filter(**{f"{entry}text_{audience}__contains": f" {t} "})
        return qs, False
    terms = [f"{w}:*" for w in words] + tokens
    query = SearchQuery(" & ".join(terms), search_type="raw", config="simple")
    vector = f"{entry}vector_{audience}"
    qs = qs.filter(**{vector: query})
    if sort == "relevance" and words:
        return qs.annotate(rank=SearchRank(F(vector), query)), True
    return qs, False


def rank_is_constant(words: list[str], tokens: list[str]) -> bool:
    """Whether `ts_rank` gives every match of the search the same value, so that sorting by
    relevance is sorting by what breaks its ties (PostgreSQL; the entries' vectors are stripped,
    kopuro.connect.index).

    On a stripped vector each lexeme counts once with the same weight, and for an AND of two or
    more terms `ts_rank` (PostgreSQL's calc_rank_and) adds one equal share per pair (a term, any
    lexeme matching it; a term sorted before it that the vector holds). The terms are sorted by
    their bytes. A match holds every term, and a filter token (an exact marker word) matches one
    lexeme; only a word, matched by prefix, can match several. So when the search has exactly one
    word and it sorts before every filter token, the word pairs with nothing before it, each
    token pairs with the terms before it, and the sum is the same for every match: the rank is a
    constant and need not be computed (it would read every match's vector). Checked against
    `ts_rank` itself by kopuro/connect/tests/test_directory_search_index.py."""
    if len(words) != 1 or not tokens:
        return False
    # Only a word that PostgreSQL's parser keeps as one term: ASCII letters and digits ("foo_bar"
    # becomes 'foo' <-> 'bar', "x²" becomes 'x').
    if not (words[0].isascii() and words[0].isalnum()):
        return False
    word = words[0].encode()
    return all(word < token.encode() for token in tokens)


def directory_search(*, viewer, filters: dict) -> QuerySet[Profile]:
    """The directory for `viewer`, narrowed by `filters` (a cleaned DirectoryForm's data).

    Words and filters are one full-text match on the entry of the viewer's audience
    (kopuro.connect.index): on PostgreSQL a tsquery on a GIN index, words matched by prefix;
    on the embedded SQLite each word and filter must appear in that audience's text. A filter
    matches only where the member lets the viewer see that group: its marker word is in the
    audience's text only then.
    """
    qs = listed_profiles(viewer)
    audience = _audience(viewer)
    words = search_words(filters.get("q", ""))
    tokens = filter_tokens(filters)
    sort = filters.get("sort") or "relevance"
    ranked = False
    if words or tokens:
        qs, ranked = _text_match(qs, words, tokens, audience, sort, "directory_entry__")
    if sort == "newest":
        qs = qs.order_by("-created_at", "-pk")
    elif ranked:
        qs = qs.order_by("-rank", "-directory_entry__completeness", "-pk")
    else:  # "complete", and relevance without words
        qs = qs.order_by("-directory_entry__completeness", "-created_at", "-pk")
    return qs


@dataclass
class Card:
    """A directory card: only what the viewer may see of the member."""

    profile: Profile
    show_photo: bool
    headline: str
    location: str
    expertise: list = field(default_factory=list)
    status: str = (
        ""  # the viewer's connection with the member: "", pending_out, pending_in, accepted
    )
    reasons: list = field(default_factory=list)
    score: int = 0
    # What the card's HTML depends on besides the profile (kopuro.core.cache fragments): the
    # profile, the viewer's audience, the connection and whether it is the viewer's own card.
    cache_key: str = ""

    @property
    def url(self) -> str:
        """The member's profile page (Profile.get_absolute_url)."""
        return _member_url("accounts:profile", self.profile.handle)

    @property
    def member_url(self) -> str:
        """Where the viewer connects with, writes to, blocks or reports the member."""
        return _member_url("connect:member", self.profile.handle)


_HANDLE = "0handle0"  # a valid handle that no address holds elsewhere
_url_patterns: dict[tuple[str, str, str], str] = {}


def _member_url(name: str, handle: str) -> str:
    """reverse(name, handle=handle), the address reversed once per language (24 cards a page,
    two addresses each). A handle is a slug: nothing in it needs quoting."""
    from django.urls import get_script_prefix, reverse
    from django.utils.translation import get_language

    key = (name, get_language() or "", get_script_prefix())
    pattern = _url_patterns.get(key)
    if pattern is None:
        pattern = _url_patterns[key] = reverse(name, kwargs={"handle": _HANDLE})
    return pattern.replace(_HANDLE, handle, 1)


_COUNTRY_NAMES: dict[str, dict[str, str]] = {}


def _country_name(country) -> str:
    """The country's name in the active language, from a dict kept per language and worker
    (django_countries translates the name on every read)."""
    from django.utils.translation import get_language
    from django_countries import countries

    names = _COUNTRY_NAMES.get(get_language() or "")
    if names is None:
        names = _COUNTRY_NAMES[get_language() or ""] = {c: str(n) for c, n in countries}
    return names.get(country.code) or str(country.name)


def _location(profile: Profile, visible: set[str]) -> str:
    if "residence" not in visible or not profile.residence_country:
        return ""
    city = profile.residence_city
    name = _country_name(profile.residence_country)
    return f"{city}, {name}" if city else name


def connection_statuses(viewer, user_ids) -> dict[int, str]:
    """{other user id: "accepted" | "pending_out" | "pending_in"} for `viewer` (one query)."""
    if viewer is None or not viewer.is_authenticated or not user_ids:
        return {}
    out: dict[int, str] = {}
    # Written out (a page of cards asks this every time; the ORM's Q objects cost more to
    # build than the query takes); the model's order (newest first), as before.
    marks = ", ".join(["%s"] * len(user_ids))
    with db_connection.cursor() as cursor:
        cursor.execute(
            "SELECT sender_id, recipient_id, status FROM connect_connection "  # noqa: S608 - fixed names, values in params
            f"WHERE status IN (%s, %s) AND ((sender_id = %s AND recipient_id IN ({marks})) "
            f"OR (recipient_id = %s AND sender_id IN ({marks}))) ORDER BY created_at DESC",
            [*map(str, Connection.ACTIVE), viewer.pk, *user_ids, viewer.pk, *user_ids],
        )
        rows = cursor.fetchall()
    for sender_id, recipient_id, status in rows:
        other = recipient_id if sender_id == viewer.pk else sender_id
        if status == Connection.Status.ACCEPTED:
            out[other] = "accepted"
        else:
            out[other] = "pending_out" if sender_id == viewer.pk else "pending_in"
    return out


def cards_for(profiles, viewer, *, expertise=None) -> list[Card]:
    """Cards for `profiles`; `expertise` ({profile id: terms in order}, from `card_expertise`,
    or a function that returns it, called only when a card's expertise is read) saves reading
    each profile's expertise."""
    from django.utils.functional import SimpleLazyObject

    if callable(expertise):
        load, found = expertise, {}

        def expertise_of(pk: int) -> list[Term]:
            if "all" not in found:
                found["all"] = load()
            return found["all"].get(pk, [])[:3]

    profiles = list(profiles)
    statuses = connection_statuses(viewer, [p.user_id for p in profiles])
    audience = _audience(viewer)
    viewer_id = viewer.pk if viewer is not None and viewer.is_authenticated else None
    cards = []
    for p in profiles:
        visible = visible_groups(p, viewer)
        if "expertise" not in visible:
            terms = []
        elif callable(expertise):
            # Read only if the card is rendered (its HTML is usually in the fragment cache).
            terms = SimpleLazyObject(lambda pk=p.pk: expertise_of(pk))
        elif expertise is not None:
            terms = expertise.get(p.pk, [])[:3]
        else:
            terms = list(p.expertise.all())[:3]
        cards.append(
            Card(
                profile=p,
                show_photo="photo" in visible,
                headline=p.headline if "headline" in visible else "",
                location=_location(p, visible),
                expertise=terms,
                status=statuses.get(p.user_id, ""),
                cache_key=(
                    f"{p.pk}:{audience}:{statuses.get(p.user_id, '')}:{int(p.user_id == viewer_id)}"
                ),
            )
        )
    return cards


def card_fragment_keys(cards: list[Card]) -> list[str]:
    """The cache keys of the cards' HTML (connect/includes/directory_results.html), to read
    them ahead in one round trip."""
    from kopuro.core.cache import fragment_key

    return [fragment_key(["card", card.cache_key]) for card in cards]


def _load_terms() -> dict[str, list[Term]]:
    by_vocabulary: dict[str, list[Term]] = {v: [] for v in Term.Vocabulary.values}
    for t in Term.objects.order_by("position", "label_en", "pk"):
        by_vocabulary.setdefault(t.vocabulary, []).append(t)
    return by_vocabulary


def directory_terms(vocabulary: str | None = None) -> list[Term]:
    """The terms of a vocabulary (all when None) in the filters' and cards' order (position,
    English label, id), from the data cache: one read for every vocabulary, kept in the worker while
    the content version holds (a saved or deleted term bumps it, kopuro.core.cache)."""
    from kopuro.core.cache import cached_data

    found = cached_data("connect:directory-terms", _load_terms, local=True)
    if vocabulary is None:
        return [t for terms in found.values() for t in terms]
    return found.get(vocabulary, [])


def card_expertise(profile_ids) -> dict[int, list[Term]]:
    """{profile id: expertise terms in order} for the cards: the links in one narrow query, the
    terms from the cache (`directory_terms`)."""
    order = {t.pk: (i, t) for i, t in enumerate(directory_terms())}
    found: dict[int, list[tuple[int, Term]]] = {}
    links = Profile.expertise.through.objects.filter(profile_id__in=profile_ids)
    for profile_id, term_id in links.values_list("profile_id", "term_id"):
        if term_id in order:
            found.setdefault(profile_id, []).append(order[term_id])
    return {pk: [t for _i, t in sorted(terms, key=lambda x: x[0])] for pk, terms in found.items()}


def _card_profiles(viewer, ids) -> dict[int, Profile]:
    """{id: profile} for those of `ids` that `listed_profiles(viewer)` holds, with only the
    columns a card reads: the same conditions written out as one query (building it through
    the ORM, with its subqueries, cost more than running it)."""
    columns = ", ".join(f"p.{Profile._meta.get_field(name).column}" for name in CARD_FIELDS)
    marks = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT p.id, {columns} FROM accounts_profile p "  # noqa: S608 - fixed names, values in params
        "JOIN accounts_user u ON u.id = p.user_id "
        f"WHERE p.id IN ({marks}) AND p.in_directory AND u.is_active "
        "AND NOT EXISTS (SELECT 1 FROM connect_profilehold h WHERE h.user_id = p.user_id)"
    )
    params = list(ids)
    if viewer is not None and viewer.is_authenticated:
        sql += (
            " AND NOT EXISTS (SELECT 1 FROM connect_block b WHERE "
            "(b.blocker_id = %s AND b.blocked_id = p.user_id) "
            "OR (b.blocked_id = %s AND b.blocker_id = p.user_id))"
        )
        params += [viewer.pk, viewer.pk]
    return {p.pk: p for p in Profile.objects.raw(sql, params)}


# What a card reads of a profile (visible_groups reads every visibility).
CARD_FIELDS = (
    "user_id",
    "handle",
    "display_name",
    "photo_small",
    "headline",
    "residence_country",
    "residence_city",
    "in_directory",
    *(f"{group}_visibility" for group in Profile.VISIBILITY_GROUPS),
)


def matching_entries(*, viewer, filters: dict) -> QuerySet[DirectoryEntry] | None:
    """The directory entries that match the words and filters of `filters`, in the directory's
    order (the same members, in the same order, as `directory_search`); None when there are no
    words or filters (then every listed member matches: `directory_search` lists them).

    One table is read: the audience's text or tsvector (a GIN index on PostgreSQL), `listed`
    (in the directory, live account; copied into the entry) and what the sorts need
    (`completeness`, `joined_at`). Moderation holds and blocks, both rare, are checked live
    against the profiles they name. Only `profile_id` needs to be read from the result.
    """
    words = search_words(filters.get("q", ""))
    tokens = filter_tokens(filters)
    if not (words or tokens):
        return None
    audience = _audience(viewer)
    sort = filters.get("sort") or "relevance"
    held = Profile.objects.filter(user_id__in=ProfileHold.objects.values("user_id")).values("pk")
    qs = DirectoryEntry.objects.filter(listed=True).exclude(profile_id__in=held)
    if viewer is not None and viewer.is_authenticated:
        # One exclusion per direction: each looks profiles up by user id (an OR of the two
        # would read every profile).
        for blocks in (
            Block.objects.filter(blocker=viewer).values("blocked_id"),
            Block.objects.filter(blocked=viewer).values("blocker_id"),
        ):
            qs = qs.exclude(profile_id__in=Profile.objects.filter(user_id__in=blocks).values("pk"))
    if (
        sort == "relevance"
        and db_connection.vendor == "postgresql"
        and rank_is_constant(words, tokens)
    ):
        # The same order as by (-rank, -completeness, -id), the rank being equal for all.
        qs, _ranked = _text_match(qs, words, tokens, audience, "")
        return qs.order_by("-completeness", "-profile_id")
    qs, ranked = _text_match(qs, words, tokens, audience, sort)
    if sort == "newest":
        return qs.order_by("-joined_at", "-profile_id")
    if ranked:
        return qs.order_by("-rank", "-completeness", "-profile_id")
    return qs.order_by("-completeness", "-joined_at", "-profile_id")


def _page_ids_and_total(*, viewer, filters: dict, number: int):
    """([profile ids of page `number`], number of matches) in one scan of the entries
    (PostgreSQL): the same rows in the same order as `matching_entries`, written out as SQL
    (building that query through the ORM, with its subqueries, took longer than PostgreSQL
    took to run it; a test compares the two). The matches' narrow rows (id and sort keys, the
    rank computed there) are counted by a window and sorted top-k. The inner query is kept
    apart (OFFSET 0), so the window holds those narrow rows, not the tsvectors. None when the
    page is past the end (the caller counts, then shows the last page)."""
    words = search_words(filters.get("q", ""))
    tokens = filter_tokens(filters)
    vector = {"public": "vector_public", "members": "vector_members"}[_audience(viewer)]
    sort = filters.get("sort") or "relevance"
    query = " & ".join([f"{w}:*" for w in words] + tokens)
    params: list = []
    if sort == "newest":
        keys = ["joined_at"]
    elif sort == "relevance" and words and not rank_is_constant(words, tokens):
        keys = [f"ts_rank({vector}, to_tsquery('simple'::regconfig, %s))", "completeness"]
        params.append(query)
    elif sort == "relevance" and words:  # every match has the same rank
        keys = ["completeness"]
    else:  # "complete", and relevance without words
        keys = ["completeness", "joined_at"]
    where = [
        "listed",
        "profile_id NOT IN (SELECT p.id FROM accounts_profile p WHERE p.user_id IN "
        "(SELECT h.user_id FROM connect_profilehold h))",
    ]
    if viewer is not None and viewer.is_authenticated:
        # One exclusion per direction (as in matching_entries).
        where += [
            "profile_id NOT IN (SELECT p.id FROM accounts_profile p WHERE p.user_id IN "
            "(SELECT b.blocked_id FROM connect_block b WHERE b.blocker_id = %s))",
            "profile_id NOT IN (SELECT p.id FROM accounts_profile p WHERE p.user_id IN "
            "(SELECT b.blocker_id FROM connect_block b WHERE b.blocked_id = %s))",
        ]
        params += [viewer.pk, viewer.pk]
    where.append(f"{vector} @@ to_tsquery('simple'::regconfig, %s)")
    params.append(query)
    order = ", ".join(f"{i} DESC" for i in [*range(2, len(keys) + 2), 1])
    sql = (
        f"SELECT m.*, COUNT(*) OVER () FROM (SELECT profile_id, {', '.join(keys)} "  # noqa: S608 - fixed names, values in params
        f"FROM connect_directoryentry WHERE {' AND '.join(where)} OFFSET 0) m "
        f"ORDER BY {order} LIMIT %s OFFSET %s"
    )
    with db_connection.cursor() as cursor:
        cursor.execute(sql, [*params, PAGE_SIZE, (number - 1) * PAGE_SIZE])
        rows = cursor.fetchall()
    if not rows:
        return None if number > 1 else ([], 0)
    return [row[0] for row in rows], rows[0][-1]


def directory_page(*, viewer, filters: dict, page: int | str = 1):
    """(page object, cards) for the directory.

    With words or filters, in two steps (pk first): the number of matches and the page's
    profile ids, both read from the directory entries alone (`matching_entries`: narrow rows,
    only the page's rows kept by a top-k sort; one query on PostgreSQL, `_page_ids_and_total`,
    a count and the ids on SQLite), then the page's profiles with only what a card reads
    (`_card_profiles`) and the viewer's connections with them: three queries for a member on
    PostgreSQL (the account comes from the cache). Their expertise (`card_expertise`) is read
    only when a card's HTML is not in the fragment cache (a fourth query). The
    page's profiles are checked against the conditions of `listed_profiles` again, so an entry
    that lags behind its account can never show a member who may not be listed. Without
    words or filters, every listed member: their number, then the page (the same two steps on
    the profiles)."""
    try:
        number = max(1, int(page))
    except (TypeError, ValueError):
        number = 1
    counted = None
    searched = bool(search_words(filters.get("q", "")) or filter_tokens(filters))
    if searched and db_connection.vendor == "postgresql":
        counted = _page_ids_and_total(viewer=viewer, filters=filters, number=number)
    if counted is not None:
        ids, total = counted
    else:  # SQLite, no words or filters, or past the end
        entries = matching_entries(viewer=viewer, filters=filters)
        if entries is None:
            ordered = directory_search(viewer=viewer, filters=filters)
            ids_qs = ordered.values_list("pk", flat=True)
        else:
            ids_qs = entries.values_list("profile_id", flat=True)
        total = ids_qs.count()
        last = max(1, -(-total // PAGE_SIZE))
        number = min(number, last)  # past the end: show the last page
        ids = list(ids_qs[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]) if total else []
    rows = []
    if ids:
        by_pk = _card_profiles(viewer, ids)
        rows = [by_pk[pk] for pk in ids if pk in by_pk]
    page_obj = Paginator(range(total), PAGE_SIZE).get_page(number)
    return page_obj, cards_for(rows, viewer, expertise=lambda: card_expertise([p.pk for p in rows]))


# --- Map ----------------------------------------------------------------------------------------


@dataclass
class CityGroup:
    country: str
    country_name: str
    city: str
    count: int
    lat: float | None = None
    lng: float | None = None


def map_groups(*, viewer) -> list[CityGroup]:
    """Members per city, among those who let the viewer see where they live; groups under
    MAP_MIN_GROUP are left out entirely (never shown, never summed into a visible figure)."""
    from django_countries import countries

    rows = (
        listed_profiles(viewer)
        .filter(residence_visibility__in=_allowed(viewer))
        .exclude(residence_city="")
        .exclude(residence_country="")
        .annotate(city_key=Lower("residence_city"))
        .values("residence_country", "city_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups: dict[tuple[str, str], CityGroup] = {}
    for row in rows:
        country = row["residence_country"]
        place = locate(country, row["city_key"])
        name = place[0] if place else row["city_key"].title()
        key = (country, name.lower())
        g = groups.get(key)
        if g is None:
            g = groups[key] = CityGroup(
                country=country,
                country_name=str(countries.name(country)),
                city=name,
                count=0,
                lat=place[1] if place else None,
                lng=place[2] if place else None,
            )
        g.count += row["n"]
    shown = [g for g in groups.values() if g.count >= MAP_MIN_GROUP]
    return sorted(shown, key=lambda g: (-g.count, g.country_name, g.city))


def map_tile_url() -> str:
    return settings.KOPURO_MAP_TILE_URL


# --- Suggestions ----------------------------------------------------------------------------------


def suggestions_for(*, viewer, limit: int = 12) -> list[Card]:
    """The viewer's stored suggestions still worth showing: listed, not blocked, not dismissed,
    not already connected or asked; reasons limited to what the member still lets members see."""
    from kopuro.connect.suggestions import reasons_for_display

    listed = listed_profiles(viewer).filter(user_id=OuterRef("suggested_id"))
    active = Connection.objects.filter(status__in=Connection.ACTIVE).filter(
        Q(sender=viewer, recipient_id=OuterRef("suggested_id"))
        | Q(recipient=viewer, sender_id=OuterRef("suggested_id"))
    )
    rows = list(
        Suggestion.objects.filter(user=viewer)
        .filter(Exists(listed))
        .exclude(Exists(active))
        .exclude(
            Exists(Dismissal.objects.filter(user=viewer, dismissed_id=OuterRef("suggested_id")))
        )
        .select_related("suggested__profile")
        .order_by("-score", "suggested_id")[:limit]
    )
    terms = {t.pk: t for t in directory_terms()} if rows else {}
    expertise = card_expertise([s.suggested.profile.pk for s in rows]) if rows else {}
    cards = []
    for s in rows:
        profile = s.suggested.profile
        visible = visible_groups(profile, viewer)
        card = Card(
            profile=profile,
            show_photo="photo" in visible,
            headline=profile.headline if "headline" in visible else "",
            location=_location(profile, visible),
            expertise=expertise.get(profile.pk, [])[:3] if "expertise" in visible else [],
        )
        card.reasons = reasons_for_display(s.reasons, profile=profile, visible=visible, terms=terms)
        card.score = sum(r["points"] for r in card.reasons)
        if card.reasons:
            cards.append(card)
    return cards


# --- Connections -----------------------------------------------------------------------------------


def connections_overview(*, viewer) -> dict:
    """Requests waiting for the viewer, requests they sent, and their connections."""
    base = Connection.objects.select_related("sender__profile", "recipient__profile")
    incoming = list(
        base.filter(recipient=viewer, status=Connection.Status.PENDING)
        .filter(no_block_with(viewer, "sender_id"))
        .filter(sender__is_active=True)
    )
    outgoing = list(
        base.filter(sender=viewer, status=Connection.Status.PENDING)
        .filter(no_block_with(viewer, "recipient_id"))
        .filter(recipient__is_active=True)
    )
    accepted = list(
        base.filter(status=Connection.Status.ACCEPTED)
        .filter(Q(sender=viewer) | Q(recipient=viewer))
        .filter(no_block_with(viewer, "sender_id"), no_block_with(viewer, "recipient_id"))
        .filter(sender__is_active=True, recipient__is_active=True)
        .order_by("-answered_at")
    )
    return {"incoming": incoming, "outgoing": outgoing, "accepted": accepted}


def connection_between(a, b) -> Connection | None:
    return (
        Connection.objects.filter(status__in=Connection.ACTIVE)
        .filter(Q(sender=a, recipient=b) | Q(sender=b, recipient=a))
        .first()
    )


def are_connected(a, b) -> bool:
    return (
        Connection.objects.filter(status=Connection.Status.ACCEPTED)
        .filter(Q(sender=a, recipient=b) | Q(sender=b, recipient=a))
        .exists()
    )


def requests_sent_today(user) -> int:
    from datetime import timedelta

    from django.utils import timezone

    since = timezone.now() - timedelta(days=1)
    return Connection.objects.filter(sender=user, created_at__gte=since).count()


# --- Conversations -------------------------------------------------------------------------------


@dataclass
class ConversationRow:
    conversation: Conversation
    other: object  # the other member's User (with profile)
    unread: int
    last: Message | None


def conversations_for(*, viewer) -> list[ConversationRow]:
    """The viewer's conversations, newest first, without those with a blocked member; the last
    message of each in one more query."""
    convs = list(
        Conversation.objects.filter(Q(user_a=viewer) | Q(user_b=viewer))
        .filter(no_block_with(viewer, "user_a_id"), no_block_with(viewer, "user_b_id"))
        .filter(last_message_at__isnull=False)
        .select_related("user_a__profile", "user_b__profile")
        .order_by("-last_message_at", "-pk")
    )
    last_ids = {}
    if convs:
        from django.db.models import Max

        last_ids = dict(
            Message.objects.filter(conversation__in=convs, hidden_at__isnull=True)
            .values("conversation_id")
            .annotate(last=Max("id"))
            .values_list("conversation_id", "last")
        )
    lasts = Message.objects.in_bulk(list(last_ids.values())) if last_ids else {}
    rows = []
    for c in convs:
        other = c.user_b if c.user_a_id == viewer.pk else c.user_a
        rows.append(
            ConversationRow(
                conversation=c,
                other=other,
                unread=c.unread_for(viewer),
                last=lasts.get(last_ids.get(c.pk)),
            )
        )
    return rows


def conversation_for(*, viewer, pk: int) -> Conversation | None:
    """The conversation if `viewer` is one of its two members and no block stands between them."""
    conv = (
        Conversation.objects.filter(pk=pk)
        .filter(Q(user_a=viewer) | Q(user_b=viewer))
        .select_related("user_a__profile", "user_b__profile")
        .first()
    )
    if conv is None or is_blocked_between(conv.user_a, conv.user_b):
        return None
    return conv


def conversation_messages(conversation: Conversation, *, limit: int = 200) -> list[Message]:
    """The last `limit` messages, oldest first; held or removed ones are left out."""
    recent = list(
        conversation.messages.filter(hidden_at__isnull=True).order_by("-created_at", "-id")[:limit]
    )
    return recent[::-1]


def conversation_between(a, b) -> Conversation | None:
    lo, hi = sorted([a.pk, b.pk])
    return Conversation.objects.filter(user_a_id=lo, user_b_id=hi).first()


def can_message(sender, recipient) -> bool:
    """Connected members may write to each other; anyone may write to a member who accepts
    messages from anyone. Never across a block, never to a deleted account."""
    from kopuro.connect.models import MemberSettings

    if (
        sender.pk == recipient.pk
        or not recipient.is_active
        or is_blocked_between(sender, recipient)
    ):
        return False
    if are_connected(sender, recipient):
        return True
    return MemberSettings.objects.filter(user=recipient, messages_from_anyone=True).exists()


# --- Counts for the header, notifications -------------------------------------------------------


HEADER_COUNTS_SECONDS = 300


def _header_counts_key(user_id: int) -> str:
    return f"connect:header-counts:{user_id}"


def header_counts(user) -> dict[str, int]:
    """Unread messages and notifications for the header of every page a member sees: from the
    cache, computed (one query) when missing. The services that change them (a message sent or
    read, a notification, a block) forget the member's entry (header_counts_forget), so the
    numbers move at once; the expiry only covers changes made outside them."""
    key = _header_counts_key(user.pk)
    counts = cache_get(key)
    if counts is None:
        counts = _header_counts_query(user)
        cache_set(key, counts, HEADER_COUNTS_SECONDS)
    return counts


def header_counts_forget(*user_ids: int) -> None:
    """Drop the cached header counts of these members, now and at commit."""
    cache_forget([_header_counts_key(pk) for pk in user_ids if pk])


def _header_counts_query(user) -> dict[str, int]:
    """Unread messages (in conversations without a block) and unread notifications, one query."""
    from django.db.models import IntegerField, Subquery, Value
    from django.db.models.functions import Coalesce

    from kopuro.accounts.models import User

    a = (
        Conversation.objects.filter(user_a=user)
        .filter(no_block_with(user, "user_b_id"))
        .values("user_a")
        .annotate(s=Sum("a_unread"))
        .values("s")
    )
    b = (
        Conversation.objects.filter(user_b=user)
        .filter(no_block_with(user, "user_a_id"))
        .values("user_b")
        .annotate(s=Sum("b_unread"))
        .values("s")
    )
    n = (
        Notification.objects.filter(user=user, read_at__isnull=True)
        .values("user")
        .annotate(c=Count("id"))
        .values("c")
    )
    zero = Value(0)
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            ma=Coalesce(Subquery(a, output_field=IntegerField()), zero),
            mb=Coalesce(Subquery(b, output_field=IntegerField()), zero),
            nn=Coalesce(Subquery(n, output_field=IntegerField()), zero),
        )
        .values_list("ma", "mb", "nn")
        .first()
    ) or (0, 0, 0)
    return {"messages": row[0] + row[1], "notifications": row[2]}


def notifications_page(*, viewer, page: int | str = 1):
    qs = Notification.objects.filter(user=viewer).select_related("actor__profile")
    return Paginator(qs, 30).get_page(page)
