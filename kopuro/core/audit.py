"""Write audit-log entries: `log_action("account.deleted", actor=user, target=profile)`."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from kopuro.core.models import AuditLogEntry


def log_action(
    action: str,
    *,
    actor=None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditLogEntry:
    """Record `action` (a dotted code such as "account.deleted") by `actor` on `target`."""
    label = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = f"user #{actor.pk}"
    else:
        actor = None
    return AuditLogEntry.objects.create(
        action=action,
        actor=actor,
        actor_label=label,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
