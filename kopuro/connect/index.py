"""The directory's search index: one DirectoryEntry per profile, rebuilt from the profile.

Only what an audience may read goes into that audience's text (kopuro.accounts decides through
each group's visibility): a word in an "only me" bio can never make a member turn up in a search.
Terms are indexed in all three interface languages, so "энергетика" finds a member whose
expertise is Renewable energy.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Prefetch

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


def entry_texts(profile: Profile) -> dict[str, str]:
    words = _group_words(profile)
    texts = {}
    for audience, allowed in AUDIENCES.items():
        parts = [profile.display_name]
        for group, values in words.items():
            if getattr(profile, f"{group}_visibility") in allowed:
                parts.extend(v for v in values if v)
        texts[audience] = " ".join(parts).lower()
    return texts


def indexing_queryset():
    terms = Term.objects.all()
    return Profile.objects.prefetch_related(
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
            DirectoryEntry(
                profile_id=profile.pk,
                text_public=texts["public"],
                text_members=texts["members"],
                completeness=profile_completeness(profile).percent,
            )
        )
    if not rows:
        return 0
    DirectoryEntry.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["profile"],
        update_fields=["text_public", "text_members", "completeness", "updated_at"],
    )
    if connection.vendor == "postgresql":
        ids = [r.profile_id for r in rows]
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE connect_directoryentry SET "
                "vector_public = to_tsvector('simple', text_public), "
                "vector_members = to_tsvector('simple', text_members) "
                "WHERE profile_id = ANY(%s)",
                [ids],
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
    return written
