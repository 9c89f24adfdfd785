"""Writes for accounts and profiles. Views and forms parse input and call one of these."""

from __future__ import annotations

import io
import json
import secrets
import zipfile
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from kopuro.accounts.handles import RESERVED_HANDLES, handle_base
from kopuro.accounts.models import Consent, Profile
from kopuro.core.audit import log_action
from kopuro.core.uploads import clean_image, rendition

User = get_user_model()

PROFILE_M2M = ("languages", "expertise", "interests", "offers", "seeks")


def _unique_handle(display_name: str) -> str:
    base = handle_base(display_name)
    handle = base
    n = 1
    while handle in RESERVED_HANDLES or Profile.objects.filter(handle=handle).exists():
        n += 1
        handle = f"{base}-{n}" if n < 50 else f"{base}-{secrets.token_hex(3)}"
    return handle


@transaction.atomic
def profile_create(*, user: User, display_name: str) -> Profile:
    """Create the member's profile with private-leaning defaults; idempotent per user."""
    existing = Profile.objects.filter(user=user).first()
    if existing:
        return existing
    display_name = display_name.strip() or user.email.split("@")[0]
    return Profile.objects.create(
        user=user, display_name=display_name, handle=_unique_handle(display_name)
    )


def consent_record(*, user: User, kind: str = Consent.Kind.TERMS, version: str = "") -> Consent:
    return Consent.objects.create(
        user=user, kind=kind, version=version or settings.KOPURO_TERMS_VERSION
    )


@transaction.atomic
def member_sign_up(*, user: User, display_name: str) -> Profile:
    """What Kopuro adds to allauth's sign-up: the profile and the accepted terms, together."""
    profile = profile_create(user=user, display_name=display_name)
    consent_record(user=user)
    return profile


@transaction.atomic
def profile_update(*, profile: Profile, data: dict[str, Any]) -> Profile:
    """Save the given fields (plain and many-to-many, `tags` as a list of names)."""
    plain = {k: v for k, v in data.items() if k not in (*PROFILE_M2M, "tags")}
    for field, value in plain.items():
        setattr(profile, field, value)
    if plain:
        profile.save(update_fields=[*plain.keys(), "updated_at"])
    for field in PROFILE_M2M:
        if field in data:
            getattr(profile, field).set(data[field])
    if "tags" in data:
        profile.tags.set(list(data["tags"]), clear=True)
    return profile


def profile_finish_onboarding(*, profile: Profile) -> None:
    if profile.onboarded_at is None:
        profile.onboarded_at = timezone.now()
        profile.save(update_fields=["onboarded_at", "updated_at"])


def _delete_photo_files(profile: Profile) -> None:
    for field in (profile.photo, profile.photo_small):
        if field:
            field.storage.delete(field.name)


@transaction.atomic
def profile_set_photo(*, profile: Profile, upload=None, visibility: str | None = None) -> Profile:
    """Store a checked, re-encoded copy of the photo (no EXIF) and a small square rendition,
    and/or change who may see it. The files replaced are deleted once the change commits."""
    fields = ["updated_at"]
    if visibility is not None:
        profile.photo_visibility = visibility
        fields.append("photo_visibility")
    if upload is None:
        profile.save(update_fields=fields)
        return profile
    cleaned = clean_image(upload, max_side=1024)
    small = rendition(cleaned.read(), side=192)
    cleaned.seek(0)
    old = (profile.photo.name, profile.photo_small.name)
    profile.photo.save(cleaned.name, cleaned, save=False)
    profile.photo_small.save(small.name, small, save=False)
    profile.save(update_fields=[*fields, "photo", "photo_small"])
    storage = profile.photo.storage

    def remove_old():
        for name in old:
            if name:
                storage.delete(name)

    transaction.on_commit(remove_old)
    return profile


@transaction.atomic
def profile_remove_photo(*, profile: Profile) -> Profile:
    files = [(f.storage, f.name) for f in (profile.photo, profile.photo_small) if f]
    profile.photo = ""
    profile.photo_small = ""
    profile.save(update_fields=["photo", "photo_small", "updated_at"])
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return profile


def account_export(*, user: User) -> bytes:
    """Everything Kopuro holds about `user` as one zip: data.json plus their files."""
    from allauth.account.models import EmailAddress

    profile = getattr(user, "profile", None)
    data: dict[str, Any] = {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "language": user.language,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "social_accounts": [
                {"provider": s.provider, "uid": s.uid} for s in user.socialaccount_set.all()
            ],
            "two_factor_methods": [a.type for a in user.authenticator_set.all()],
        },
        "consents": [
            {"kind": c.kind, "version": c.version, "accepted_at": c.accepted_at}
            for c in user.consents.all()
        ],
    }
    files: list[tuple[str, Any]] = []
    if profile is not None:
        plain = {
            f.name: getattr(profile, f.name)
            for f in Profile._meta.concrete_fields
            if f.name not in ("id", "user", "photo", "photo_small")
        }
        for key in ("origin_country", "residence_country"):
            plain[key] = str(plain[key] or "")
        for field in PROFILE_M2M:
            plain[field] = [t.slug for t in getattr(profile, field).all()]
        plain["tags"] = sorted(t.name for t in profile.tags.all())
        if profile.photo:
            plain["photo"] = "files/" + profile.photo.name.rsplit("/", 1)[-1]
            files.append((plain["photo"], profile.photo))
        data["profile"] = plain
    # Other apps add their sections here as they land (connections, messages, contributions).
    from kopuro.accounts.export import export_sections

    for name, section in export_sections(user):
        data[name] = section

    blobs: list[tuple[str, bytes]] = []
    for arcname, field in files:
        try:
            with field.open("rb") as fh:
                blobs.append((arcname, fh.read()))
        except OSError:
            # Gone from storage (a restored backup, a manual clean-up): say so, do not fail.
            data.setdefault("missing_files", []).append(arcname)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for arcname, content in blobs:
            zf.writestr(arcname, content)
        zf.writestr(
            "README.txt",
            "This archive holds everything Kopuro keeps about your account.\n"
            "data.json: your account, consents and profile; files/: your uploads.\n",
        )
    log_action("account.exported", actor=user, target=user)
    return buffer.getvalue()


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the member's personal data and keep what they wrote, anonymised.

    The User row stays as a tombstone (no e-mail, no password, inactive), so content written
    by the member keeps its foreign keys and shows as "Deleted member"; the profile, consents,
    e-mail addresses, social logins and authenticators go, and every app's registered erasure
    runs (kopuro.accounts.export.register_erasure). An audit entry records the deletion.
    """
    from allauth.account.models import EmailAddress

    from kopuro.accounts.export import run_erasures

    profile = getattr(user, "profile", None)
    if profile is not None:
        _files = [(f.storage, f.name) for f in (profile.photo, profile.photo_small) if f]
        transaction.on_commit(lambda: [s.delete(n) for s, n in _files])
        profile.delete()
    EmailAddress.objects.filter(user=user).delete()
    user.socialaccount_set.all().delete()
    user.authenticator_set.all().delete()
    user.consents.all().delete()
    run_erasures(user)
    log_action("account.deleted", actor=None, target=user, data={"user_id": user.pk})
    user.email = f"deleted-{user.pk}-{secrets.token_hex(4)}@deleted.invalid"
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.deleted_at = timezone.now()
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
