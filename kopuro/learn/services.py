"""Writes for Learn: contributing, moderating, bookmarking and counting downloads."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kopuro.core.audit import log_action
from kopuro.core.cache import page_cache_clear
from kopuro.core.uploads import check_image, clean_image
from kopuro.learn.models import Bookmark, Resource, ResourceRevision

M2M = ("languages", "topics")
FIELDS = (
    "title",
    "summary",
    "kind",
    "countries",
    "publisher",
    "year",
    "licence",
    "external_url",
    "provider",
    "duration",
    "level",
    "certificate",
    "enrolment_url",
)

error_messages = {
    "not_yours": _("You can change only resources you contributed, until they are published."),
    "reason_required": _("Say why the resource is returned, so the contributor can fix it."),
}


class LearnError(Exception):
    pass


def _unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = (slugify(title, allow_unicode=False) or "resource")[:60].strip("-") or "resource"
    slug, n = base, 1
    qs = Resource.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _snapshot(resource: Resource) -> dict[str, Any]:
    data = {name: getattr(resource, name) for name in FIELDS}
    data["countries"] = [str(c) for c in resource.countries]
    data["languages"] = sorted(resource.languages.values_list("slug", flat=True))
    data["topics"] = sorted(resource.topics.values_list("slug", flat=True))
    data["file"] = resource.file.name or ""
    data["status"] = resource.status
    return data


def _revision(resource: Resource, *, by, action: str, note: str = "") -> ResourceRevision:
    author = by if by is not None and getattr(by, "is_authenticated", False) else None
    return ResourceRevision.objects.create(
        resource=resource, author=author, action=action, note=note, data=_snapshot(resource)
    )


def _store_files(resource: Resource, *, upload=None, cover=None, remove_file=False) -> list:
    """Put checked files on the resource; returns the storage names they replace."""
    old = []
    if upload is not None:
        if resource.file:
            old.append(resource.file.name)
        name = getattr(upload, "name", "") or "file"
        try:
            check_image(upload)
            is_image = True
        except Exception:
            is_image = False
        if is_image:
            # Re-encoded: an image's metadata (camera, GPS position) is never published.
            cleaned = clean_image(upload, max_side=3000, quality=88)
            stem = name.rsplit(".", 1)[0] or "image"
            resource.file.save(f"{stem}.{cleaned.name.rsplit('.', 1)[-1]}", cleaned, save=False)
            resource.file_kind = "image"
        else:
            from kopuro.core.uploads import check_document

            resource.file_kind = check_document(upload)
            upload.seek(0)
            resource.file.save(name, upload, save=False)
        resource.file_size = resource.file.size
    elif remove_file and resource.file:
        old.append(resource.file.name)
        resource.file = ""
        resource.file_kind = ""
        resource.file_size = 0
    if cover is not None:
        if resource.cover:
            old.append(resource.cover.name)
        cleaned = clean_image(cover, max_side=900)
        resource.cover.save(cleaned.name, cleaned, save=False)
    return old


def _delete_later(storage, names):
    names = [n for n in names if n]
    if names:
        transaction.on_commit(lambda: [storage.delete(n) for n in names])


def _apply(resource: Resource, data: dict) -> None:
    for name in FIELDS:
        if name in data:
            value = data[name]
            if value is None and name not in ("year",):
                value = "" if name != "certificate" else False
            setattr(resource, name, value)
    if resource.kind != Resource.Kind.COURSE:
        resource.provider = resource.duration = resource.level = resource.enrolment_url = ""
        resource.certificate = False


@transaction.atomic
def resource_create(*, by, data: dict, upload=None, cover=None) -> Resource:
    """Add a resource. Staff publish directly; a member's resource waits for moderation."""
    resource = Resource(contributor=by)
    _apply(resource, data)
    resource.slug = _unique_slug(resource.title)
    staff = bool(getattr(by, "is_staff", False))
    resource.status = Resource.Status.PUBLISHED if staff else Resource.Status.SUBMITTED
    if staff:
        resource.published_at = timezone.now()
    _store_files(resource, upload=upload, cover=cover)
    resource.save()
    for name in M2M:
        if name in data:
            getattr(resource, name).set(data[name])
    _revision(resource, by=by, action="published" if staff else "submitted")
    log_action("resource.published" if staff else "resource.submitted", actor=by, target=resource)
    if staff:
        transaction.on_commit(page_cache_clear)
    return resource


def can_edit(resource: Resource, user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return resource.contributor_id == user.pk and resource.status in (
        Resource.Status.SUBMITTED,
        Resource.Status.RETURNED,
    )


@transaction.atomic
def resource_update(
    *, resource: Resource, by, data: dict, upload=None, cover=None, remove_file=False
) -> Resource:
    """Change a resource. A contributor's change sends it back to the moderation queue; a
    staff member's change to a published resource stays published."""
    if not can_edit(resource, by):
        raise LearnError(error_messages["not_yours"])
    _apply(resource, data)
    old = _store_files(resource, upload=upload, cover=cover, remove_file=remove_file)
    resubmitted = False
    if not by.is_staff and resource.status == Resource.Status.RETURNED:
        resource.status = Resource.Status.SUBMITTED
        resubmitted = True
    resource.save()
    for name in M2M:
        if name in data:
            getattr(resource, name).set(data[name])
    _revision(resource, by=by, action="resubmitted" if resubmitted else "edited")
    log_action("resource.edited", actor=by, target=resource)
    _delete_later(resource.file.storage, old)
    if resource.is_published:
        transaction.on_commit(page_cache_clear)
    return resource


@transaction.atomic
def resource_publish(*, resource: Resource, moderator) -> Resource:
    """Approve a resource: it shows in the library and the contributor is told."""
    from kopuro.connect.notifications import notify

    resource.status = Resource.Status.PUBLISHED
    resource.return_reason = ""
    resource.published_at = resource.published_at or timezone.now()
    resource.save(update_fields=["status", "return_reason", "published_at", "updated_at"])
    _revision(resource, by=moderator, action="published")
    log_action("resource.published", actor=moderator, target=resource)
    if resource.contributor_id and resource.contributor_id != getattr(moderator, "pk", None):
        notify(
            user=resource.contributor,
            kind="resource.published",
            actor=None,
            url=resource.get_absolute_url(),
            data={"title": resource.title},
        )
    transaction.on_commit(page_cache_clear)
    return resource


@transaction.atomic
def resource_return(*, resource: Resource, moderator, reason: str) -> Resource:
    """Send a resource back to its contributor with the reason; they can fix and resubmit."""
    from kopuro.connect.notifications import notify

    reason = (reason or "").strip()
    if not reason:
        raise LearnError(error_messages["reason_required"])
    was_published = resource.is_published
    resource.status = Resource.Status.RETURNED
    resource.return_reason = reason
    resource.save(update_fields=["status", "return_reason", "updated_at"])
    _revision(resource, by=moderator, action="returned", note=reason)
    log_action("resource.returned", actor=moderator, target=resource, data={"reason": reason})
    if resource.contributor_id and resource.contributor_id != getattr(moderator, "pk", None):
        notify(
            user=resource.contributor,
            kind="resource.returned",
            url=reverse("learn:edit", kwargs={"slug": resource.slug}),
            data={"title": resource.title, "reason": reason},
        )
    if was_published:
        transaction.on_commit(page_cache_clear)
    return resource


@transaction.atomic
def bookmark_set(*, user, resource: Resource, saved: bool) -> bool:
    """Put the resource in the member's library or take it out; keeps the save count."""
    if saved:
        _obj, created = Bookmark.objects.get_or_create(user=user, resource=resource)
        if created:
            Resource.objects.filter(pk=resource.pk).update(save_count=F("save_count") + 1)
        return True
    deleted, _rows = Bookmark.objects.filter(user=user, resource=resource).delete()
    if deleted:
        Resource.objects.filter(pk=resource.pk, save_count__gt=0).update(
            save_count=F("save_count") - 1
        )
    return False


def download_count(*, resource: Resource, client: str) -> bool:
    """Count a download once per client and resource within KOPURO_DOWNLOAD_WINDOW_SECONDS.

    No cookie and nothing stored about the reader: `client` (their address and browser) is
    hashed with the secret key and the day, and the hash only lives in the cache for the
    window. Returns True when counted.
    """
    day = timezone.now().strftime("%Y%m%d")
    digest = hashlib.sha256(
        f"{settings.SECRET_KEY}|{day}|{resource.pk}|{client}".encode()
    ).hexdigest()[:32]
    window = settings.KOPURO_DOWNLOAD_WINDOW_SECONDS
    if window > 0 and not cache.add(f"learn:dl:{digest}", 1, timeout=window):
        return False
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)
    return True


# --- Data rights --------------------------------------------------------------------------------


def export_learn(user) -> dict:
    """The member's library and the resources they contributed, for the my-data archive."""
    return {
        "library": [
            {
                "title": b.resource.title,
                "url": b.resource.get_absolute_url(),
                "saved_at": b.created_at,
            }
            for b in Bookmark.objects.filter(user=user).select_related("resource")
        ],
        "resources_contributed": [
            {
                "title": r.title,
                "status": r.status,
                "summary": r.summary,
                "created_at": r.created_at,
                "return_reason": r.return_reason,
                "file": r.file.name or "",
                "link": r.external_url,
            }
            for r in Resource.objects.filter(contributor=user).order_by("created_at")
        ],
    }


def erase_learn(user) -> None:
    """Account deletion: the library goes, and so do resources never published (drafts are
    the member's own); published resources stay, pointing at the tombstone."""
    for resource in Resource.objects.filter(contributor=user).exclude(
        status=Resource.Status.PUBLISHED
    ):
        names = [resource.file.name, resource.cover.name]
        _delete_later(resource.file.storage, names)
        resource.delete()
    bookmarked = list(Bookmark.objects.filter(user=user).values_list("resource_id", flat=True))
    Bookmark.objects.filter(user=user).delete()
    Resource.objects.filter(pk__in=bookmarked, save_count__gt=0).update(
        save_count=F("save_count") - 1
    )
    ResourceRevision.objects.filter(author=user).update(author=None)
