"""Demo members as database rows: built with the factories, written in bulk.

For the benchmark helper (and anyone who needs many members fast)::

    from kopuro.core.demo.members import bulk_insert_members
    bulk_insert_members(100_000, seed=2026, batch=2000)   # returns how many were added

Each member gets a User (the demo password, a verified e-mail address, accepted terms), a
Profile with vocabularies and free tags, but no photo. Idempotent: members whose e-mail address
already exists are skipped, so a rerun, or a larger `n` after a smaller one, only adds what is
missing. Member `i` is the same person for any `n` (see `kopuro.core.demo.people`).

`build_members(n, seed)` yields the unsaved rows, for callers that write them their own way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import NamedTuple

from django.conf import settings
from django.db import transaction

from kopuro.accounts.models import Consent, Profile, TaggedProfile, Term, User
from kopuro.core.demo.people import DEMO_EMAIL_DOMAIN, DEMO_SEED, Persona, make_persona

M2M_FIELDS = ("languages", "expertise", "interests", "offers", "seeks")
_VOCABULARY_OF = {
    "languages": Term.Vocabulary.LANGUAGE,
    "expertise": Term.Vocabulary.EXPERTISE,
    "interests": Term.Vocabulary.EXPERTISE,
    "offers": Term.Vocabulary.CONTRIBUTION,
    "seeks": Term.Vocabulary.CONTRIBUTION,
}


class BuiltMember(NamedTuple):
    """One unsaved demo member.

    user, profile: unsaved model instances (profile.user is user).
    m2m: {"languages" | "expertise" | "interests" | "offers" | "seeks": [Term ids]}.
    tags: free tag names.
    persona: what they were made from (photo style, etc.).
    """

    user: User
    profile: Profile
    m2m: dict[str, list[int]]
    tags: list[str]
    persona: Persona


def term_ids() -> dict[str, dict[str, int]]:
    """{m2m field: {slug: Term id}} for the profile fields that draw on vocabularies."""
    by_vocabulary: dict[str, dict[str, int]] = {}
    for vocabulary, slug, pk in Term.objects.values_list("vocabulary", "slug", "id"):
        by_vocabulary.setdefault(vocabulary, {})[slug] = pk
    return {name: by_vocabulary.get(v, {}) for name, v in _VOCABULARY_OF.items()}


def build_members(
    n: int,
    seed: int = DEMO_SEED,
    *,
    start: int = 0,
    taken_handles: set[str] | None = None,
    skip_emails: set[str] | None = None,
) -> Iterator[BuiltMember]:
    """Yield members `start` .. `start + n - 1` for `seed`, unsaved, built with the factories.

    Handles (profile addresses) are made unique within the run and against `taken_handles`
    (updated in place); members whose e-mail is in `skip_emails` are not built. Needs the
    database only to look up vocabulary term ids, once. About 1 ms per member.
    """
    from kopuro.accounts.tests.factories import DemoProfileFactory

    ids = term_ids()
    taken = taken_handles if taken_handles is not None else set()
    skip = skip_emails or set()
    next_suffix: dict[str, int] = {}
    for index in range(start, start + n):
        persona = make_persona(index, seed)
        if persona.email in skip:
            continue
        base = persona.handle_base
        handle = base
        while handle in taken:
            next_suffix[base] = next_suffix.get(base, 1) + 1
            handle = f"{base}-{next_suffix[base]}"
        taken.add(handle)
        profile = DemoProfileFactory.build(persona=persona, handle=handle)
        m2m = {
            name: [ids[name][slug] for slug in getattr(persona, name) if slug in ids[name]]
            for name in M2M_FIELDS
        }
        yield BuiltMember(profile.user, profile, m2m, list(persona.tags), persona)


@contextlib.contextmanager
def keep_timestamps(*models):
    """Let bulk_create keep the `created_at`/`updated_at` we set, instead of "now".

    Works around `auto_now`/`auto_now_add`, which overwrite any value on insert: demo members
    joined over two years, not all in the same second. Not thread-safe: for commands only.
    """
    saved = []
    for model in models:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                saved.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def insert_members(members: Iterable[BuiltMember], *, batch: int = 2000) -> Iterator[BuiltMember]:
    """Write members in batches with bulk_create; yield the ones added (now with ids).

    Skips members whose e-mail address is already taken. Each batch is one transaction.
    """
    from allauth.account.models import EmailAddress
    from taggit.models import Tag

    existing = demo_emails()
    tag_ids: dict[str, int] = {}
    iterator = iter(members)
    while chunk := list(islice(iterator, batch)):
        new = [m for m in chunk if m.user.email not in existing]
        if not new:
            continue
        with transaction.atomic(), keep_timestamps(Profile):
            User.objects.bulk_create([m.user for m in new], batch_size=batch)
            for m in new:
                m.profile.user = m.user
                m.profile.updated_at = m.profile.created_at
            Profile.objects.bulk_create([m.profile for m in new], batch_size=batch)
            for name in M2M_FIELDS:
                through = getattr(Profile, name).through
                column = through._meta.get_field("term").attname
                rows = [
                    through(profile_id=m.profile.pk, **{column: term})
                    for m in new
                    for term in m.m2m[name]
                ]
                through.objects.bulk_create(rows, batch_size=5000)
            names = {t for m in new for t in m.tags} - tag_ids.keys()
            if names:
                tag_ids.update(_tag_ids(Tag, names))
            TaggedProfile.objects.bulk_create(
                [
                    TaggedProfile(content_object_id=m.profile.pk, tag_id=tag_ids[t])
                    for m in new
                    for t in m.tags
                ],
                batch_size=5000,
            )
            EmailAddress.objects.bulk_create(
                [
                    EmailAddress(user=m.user, email=m.user.email, verified=True, primary=True)
                    for m in new
                ],
                batch_size=batch,
            )
            Consent.objects.bulk_create(
                [
                    Consent(
                        user=m.user,
                        kind=Consent.Kind.TERMS,
                        version=settings.KOPURO_TERMS_VERSION,
                        accepted_at=m.user.date_joined,
                    )
                    for m in new
                ],
                batch_size=batch,
            )
        existing.update(m.user.email for m in new)
        yield from new


def demo_emails() -> set[str]:
    """E-mail addresses of the demo members already in the database."""
    demo = User.objects.filter(email__iendswith=f"@{DEMO_EMAIL_DOMAIN}")
    return set(demo.values_list("email", flat=True))


def _tag_ids(tag_model, names: set[str]) -> dict[str, int]:
    found = dict(tag_model.objects.filter(name__in=names).values_list("name", "id"))
    for name in sorted(names - found.keys()):
        found[name] = tag_model.objects.create(name=name).pk  # taggit makes the slug
    return found


def bulk_insert_members(n: int, seed: int = DEMO_SEED, batch: int = 2000) -> int:
    """Add demo members 0 .. n-1 for `seed` (without photos) in bulk; returns how many were new.

    About n x 13 rows: user, profile, e-mail address, consent, ~9 vocabulary links, ~2 tags.
    Measured on SQLite on a busy 2-core machine: 10,000 members in about 50 s.
    """
    taken = set(Profile.objects.values_list("handle", flat=True))
    members = build_members(n, seed, taken_handles=taken, skip_emails=demo_emails())
    added = 0
    for _member in insert_members(members, batch=batch):
        added += 1
    return added


def seed_members(n: int, seed: int = DEMO_SEED, *, photos: bool = True) -> tuple[int, int]:
    """The demo community for seed_demo: `n` members, about 60% with a drawn photo stored through
    the real upload service (so it passes the upload policy). Returns (members added, photos)."""
    from django.core.files.base import ContentFile

    from kopuro.accounts.services import profile_set_photo
    from kopuro.core.demo.photos import draw_avatar

    taken = set(Profile.objects.values_list("handle", flat=True))
    members = build_members(n, seed, taken_handles=taken, skip_emails=demo_emails())
    added = with_photo = 0
    for m in insert_members(members, batch=500):
        added += 1
        persona = m.persona
        if photos and persona.photo_style:
            picture = draw_avatar(
                style=persona.photo_style,
                seed=persona.photo_seed,
                sex=persona.sex,
                initials=persona.initials,
            )
            profile_set_photo(profile=m.profile, upload=ContentFile(picture, name="photo.jpg"))
            with_photo += 1
    return added, with_photo
