"""The directory's search index: one DirectoryEntry per profile, rebuilt from the profile.

Only what an audience may read goes into that audience's text (kopuro.accounts decides through
each group's visibility): a word in an "only me" bio can never make a member turn up in a search.
Terms are indexed in all three interface languages, so "энергетика" finds a member whose
expertise is Renewable energy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Prefetch

from kopuro.accounts.models import Profile, Term, Visibility
from kopuro.accounts.selectors import profile_completeness
from kopuro.connect.models import DirectoryEntry

AUDIENCES = {
    "public": {Visibility.PUBLIC},
    "members": {Visibility.PUBLIC, Visibility.MEMBERS},
}


def _term_words(terms) -> list[str]:
    return [w for t in terms for w in (t.label_en, t.label_ru, t.label_ky)]


def _group_words(profile: Profile) -> dict[str, list[str]]:
    return {
        "headline": [profile.headline],
        "bio": [profile.bio],
        "origin": [
            profile.origin_region,
            profile.origin_country.name if profile.origin_country else "",
        ],
        "residence": [
            profile.residence_city,
            profile.residence_country.name if profile.residence_country else "",
        ],
        "languages": _term_words(profile.languages.all()),
        "expertise": [
            *_term_words(profile.expertise.all()),
            *_term_words(profile.interests.all()),
            *(t.name for t in profile.tags.all()),
        ],
        "offers": [*_term_words(profile.offers.all()), *_term_words(profile.seeks.all())],
    }


# Filters are words too: each filterable value becomes a marker word ("zqrc" + country code…)
# in the text of the audiences that may see its group, so a search with filters is one
# full-text match (one GIN lookup on PostgreSQL) and a filter can never reach a hidden field.
MARK = "zq"
_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
_MARKER_LIKE = re.compile(rf"\b{MARK}\w*", re.UNICODE | re.IGNORECASE)


def squash(value: str) -> str:
    """A value as one word: lower case, letters and digits only ("Saint Petersburg" →
    "saintpetersburg")."""
    return _NOT_ALNUM.sub("", (value or "").lower())


def filter_token(name: str, value) -> str:
    return f"{MARK}{name}{squash(str(value))}"


def _group_tokens(profile: Profile) -> dict[str, list[str]]:
    from kopuro.connect.cities import locate

    place = locate(profile.residence_country, profile.residence_city)
    cities = {squash(profile.residence_city), squash(place[0]) if place else ""} - {""}
    return {
        "origin": [
            filter_token("oc", profile.origin_country) if profile.origin_country else "",
            filter_token("or", profile.origin_region) if squash(profile.origin_region) else "",
        ],
        "residence": [
            filter_token("rc", profile.residence_country) if profile.residence_country else "",
            *(filter_token("ci", c) for c in cities),
        ],
        "languages": [filter_token("la", t.pk) for t in profile.languages.all()],
        "expertise": [filter_token("ex", t.pk) for t in profile.expertise.all()],
        "offers": [
            *(filter_token("of", t.pk) for t in profile.offers.all()),
            *(filter_token("se", t.pk) for t in profile.seeks.all()),
        ],
    }


def entry_texts(profile: Profile) -> dict[str, str]:
    words = _group_words(profile)
    tokens = _group_tokens(profile)
    texts = {}
    for audience, allowed in AUDIENCES.items():
        parts = [profile.display_name]
        marks = []
        for group, values in words.items():
            if getattr(profile, f"{group}_visibility") in allowed:
                parts.extend(v for v in values if v)
                marks.extend(t for t in tokens.get(group, []) if t)
        # A member cannot pose as a filter value by typing a marker word.
        text = _MARKER_LIKE.sub(" ", " ".join(parts).lower())
        texts[audience] = f" {text} {' '.join(marks)} "
    return texts


def indexing_queryset():
    terms = Term.objects.all()
    # The account's is_active only (the account row itself is not loaded).
    return Profile.objects.annotate(account_active=F("user__is_active")).prefetch_related(
        Prefetch("languages", queryset=terms),
        Prefetch("expertise", queryset=terms),
        Prefetch("interests", queryset=terms),
        Prefetch("offers", queryset=terms),
        Prefetch("seeks", queryset=terms),
        "tags",
    )


def _write(profiles: Iterable[Profile]) -> int:
    rows = []
    for profile in profiles:
        texts = entry_texts(profile)
        rows.append(
            (
                profile.pk,
                texts["public"],
                texts["members"],
                profile_completeness(profile).percent,
                bool(profile.in_directory and profile.account_active),
                profile.created_at,
            )
        )
    if not rows:
        return 0
    if connection.vendor == "postgresql":
        # Only the tsvectors are kept (the text columns stay empty), without word positions
        # (strip): a narrow row keeps the table, and what a search reads of it, small.
        ids, publics, members, done, listed, joined = (
            list(column) for column in zip(*rows, strict=True)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO connect_directoryentry (profile_id, text_public, text_members, "
                "vector_public, vector_members, completeness, listed, joined_at, updated_at) "
                "SELECT id, '', '', strip(to_tsvector('simple', pub)), "
                "strip(to_tsvector('simple', mem)), done, listed, joined, now() "
                "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::int[], %s::boolean[], "
                "%s::timestamptz[]) AS t(id, pub, mem, done, listed, joined) "
                "ON CONFLICT (profile_id) DO UPDATE SET vector_public = EXCLUDED.vector_public, "
                "vector_members = EXCLUDED.vector_members, completeness = EXCLUDED.completeness, "
                "listed = EXCLUDED.listed, joined_at = EXCLUDED.joined_at, "
                "updated_at = EXCLUDED.updated_at",
                [ids, publics, members, done, listed, joined],
            )
        return len(rows)
    DirectoryEntry.objects.bulk_create(
        [
            DirectoryEntry(
                profile_id=pk,
                text_public=public,
                text_members=members,
                completeness=done,
                listed=listed,
                joined_at=joined,
            )
            for pk, public, members, done, listed, joined in rows
        ],
        update_conflicts=True,
        unique_fields=["profile"],
        update_fields=[
            "text_public",
            "text_members",
            "completeness",
            "listed",
            "joined_at",
            "updated_at",
        ],
    )
    return len(rows)


def directory_entry_refresh(*, profile_id: int) -> None:
    """Rebuild one profile's entry (a few queries; called when the profile changes)."""
    profile = indexing_queryset().filter(pk=profile_id).first()
    if profile is not None:
        _write([profile])


def directory_reindex(*, only_missing: bool = False, batch: int = 1000) -> int:
    """Rebuild every entry (or only the missing ones, e.g. after a bulk insert). Returns how
    many were written."""
    qs = indexing_queryset().order_by("pk")
    if only_missing:
        qs = qs.filter(directory_entry__isnull=True)
    written = 0
    last = 0
    while True:
        chunk = list(qs.filter(pk__gt=last)[:batch])
        if not chunk:
            break
        with transaction.atomic():
            written += _write(chunk)
        last = chunk[-1].pk
    if written and connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:  # fresh statistics for the planner
            cursor.execute("ANALYZE connect_directoryentry")
    return written


def directory_entry_relist(*, user_id: int) -> None:
    """Set `listed` again on the member's entry from the profile and the account (one query;
    called when an account is saved: deactivated, reactivated)."""
    DirectoryEntry.objects.filter(profile__user_id=user_id).update(
        listed=Exists(
            Profile.objects.filter(
                pk=OuterRef("profile_id"), in_directory=True, user__is_active=True
            )
        )
    )
