"""Notifications any app can send: a registry of kinds and one `notify()` service.

An app registers its kinds once, in its AppConfig.ready()::

    from kopuro.connect.notifications import register_kind

    register_kind(
        "opportunity.new",
        label=_("New opportunities matching my skills"),
        text=lambda n: _("%(name)s posted an opportunity") % {"name": n.data["name"]},
        default="digest",
    )

and sends with ``notify(user=member, kind="opportunity.new", actor=..., url=..., data={...})``.
The notification shows in the member's notifications centre at once; the e-mail follows the
member's choice for that kind (immediately, in the daily digest, or not at all), queued as a
task after the transaction commits. `send_digests` (a task, run daily) sends the digests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kopuro.connect.models import Notification, NotificationPreference

Delivery = NotificationPreference.Delivery


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: Any  # lazy text: what the preference row says ("Someone asks to connect")
    text: Callable[[Notification], str]  # the line in the centre and the e-mail
    default: str = Delivery.IMMEDIATE


_kinds: dict[str, NotificationKind] = {}


def register_kind(
    key: str, *, label, text: Callable[[Notification], str], default: str = "immediate"
):
    _kinds[key] = NotificationKind(key=key, label=label, text=text, default=default)
    return _kinds[key]


def kinds() -> list[NotificationKind]:
    return list(_kinds.values())


def get_kind(key: str) -> NotificationKind | None:
    return _kinds.get(key)


def notification_text(notification: Notification) -> str:
    kind = _kinds.get(notification.kind)
    if kind is None:
        return ""
    try:
        return str(kind.text(notification))
    except (KeyError, TypeError, AttributeError):
        return str(kind.label)


def preferences_for(user) -> dict[str, str]:
    """{kind: delivery} for every registered kind, the member's choice or the kind's default."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {k.key: chosen.get(k.key, k.default) for k in kinds()}


@transaction.atomic
def preferences_set(*, user, choices: dict[str, str]) -> None:
    for key, delivery in choices.items():
        if key in _kinds and delivery in Delivery.values:
            NotificationPreference.objects.update_or_create(
                user=user, kind=key, defaults={"delivery": delivery}
            )


def notify(
    *, user, kind: str, actor=None, url: str = "", data: dict | None = None
) -> Notification | None:
    """Record a notification for `user` and queue its e-mail as they chose. Returns None for
    an inactive (deleted) account or an unregistered kind."""
    if kind not in _kinds:
        raise ValueError(f"Unknown notification kind {kind!r}: register_kind() it first")
    if not user.is_active:
        return None
    delivery = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("delivery", flat=True)
        .first()
        or _kinds[kind].default
    )
    notification = Notification.objects.create(
        user=user,
        kind=kind,
        actor=actor,
        url=url,
        data=data or {},
        digest_pending=delivery == Delivery.DIGEST,
    )
    from kopuro.connect.selectors import header_counts_forget

    header_counts_forget(user.pk)
    if delivery == Delivery.IMMEDIATE:
        from kopuro.connect import tasks

        pk = notification.pk
        transaction.on_commit(lambda: tasks.send_notification_email.enqueue(pk))
    return notification


def _language_for(user) -> str:
    """The interface language the member last used (kopuro.accounts MemberLanguageMiddleware),
    or the office's default for a member who has not been back since it was recorded."""
    known = {code for code, _name in settings.LANGUAGES}
    return user.language if user.language in known else settings.LANGUAGE_CODE


def email_notification(notification_id: int) -> bool:
    """Send one notification's e-mail now (the task's body). False when there is nothing to send."""
    n = (
        Notification.objects.select_related("user", "actor__profile")
        .filter(pk=notification_id)
        .first()
    )
    if n is None or n.emailed_at or not n.user.is_active:
        return False
    with translation.override(_language_for(n.user)):
        text = notification_text(n)
        body = render_to_string(
            "connect/email/notification.txt",
            {"text": text, "url": _absolute(n.url), "settings_url": _absolute(_settings_path())},
        )
        send_mail(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{text}"[:150],
            message=body,
            from_email=None,
            recipient_list=[n.user.email],
        )
    Notification.objects.filter(pk=n.pk).update(emailed_at=timezone.now())
    return True


def send_digests() -> int:
    """One e-mail per member with every notification waiting for their digest. Returns how many
    e-mails went out."""
    sent = 0
    waiting = (
        Notification.objects.filter(digest_pending=True, emailed_at=None)
        .select_related("user", "actor__profile")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for n in waiting:
        by_user.setdefault(n.user_id, []).append(n)
    for items in by_user.values():
        user = items[0].user
        if user.is_active:
            with translation.override(_language_for(user)):
                lines = [(notification_text(n), _absolute(n.url)) for n in items]
                body = render_to_string(
                    "connect/email/digest.txt",
                    {"lines": lines, "settings_url": _absolute(_settings_path())},
                )
                from django.utils.translation import gettext as _

                send_mail(
                    subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}"
                    + _("Your daily summary: %(n)s new") % {"n": len(items)},
                    message=body,
                    from_email=None,
                    recipient_list=[user.email],
                )
                sent += 1
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(
            emailed_at=timezone.now(), digest_pending=False
        )
    return sent


def _settings_path() -> str:
    """In the language active now: the e-mail's own (called inside its override)."""
    from django.urls import reverse

    return reverse("connect:notification_settings")


def _absolute(path: str) -> str:
    if not path or path.startswith("http"):
        return path
    return settings.SITE_URL.rstrip("/") + path
