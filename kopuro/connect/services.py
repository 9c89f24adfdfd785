"""Writes for Connect. Views parse input and call one of these; side effects (e-mail, the
suggestions' recomputation) are queued as tasks once the transaction commits.

Errors a member can cause are `ConnectError`s whose message is shown as it is (translated).
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopuro.connect import selectors
from kopuro.connect.models import (
    Block,
    Connection,
    Conversation,
    Dismissal,
    MemberSettings,
    Message,
    ProfileHold,
    Report,
    Suggestion,
)
from kopuro.connect.notifications import notify
from kopuro.core.audit import log_action


class ConnectError(Exception):
    """A request a member made that cannot be done; the message says why, in their language."""

    messages = {
        "self": _("You cannot do that with yourself."),
        "unavailable": _("This member cannot be reached here."),
        "daily_cap": _(
            "You have sent as many connection requests as one day allows. Please try again tomorrow."
        ),
        "not_allowed": _("You can write to this member once you are connected."),
        "not_pending": _("This request has already been answered."),
        "empty": _("Please write a message."),
        "already_reported": _("You have already reported this."),
    }

    def __init__(self, code: str):
        self.code = code
        super().__init__(str(self.messages[code]))


def _profile_url(user) -> str:
    profile = getattr(user, "profile", None)
    return profile.get_absolute_url() if profile else ""


# --- Connections -----------------------------------------------------------------------------------


@transaction.atomic
def connection_request(*, sender, recipient, note: str = "") -> Connection:
    """Ask `recipient` to connect. Idempotent: a pending or accepted connection between the two
    is returned, not duplicated; a pending request the other way is accepted instead."""
    if sender.pk == recipient.pk:
        raise ConnectError("self")
    if not recipient.is_active or selectors.is_blocked_between(sender, recipient):
        raise ConnectError("unavailable")
    existing = selectors.connection_between(sender, recipient)
    if existing is not None:
        if existing.status == Connection.Status.PENDING and existing.recipient_id == sender.pk:
            return connection_accept(connection=existing, by=sender)
        return existing
    if selectors.requests_sent_today(sender) >= settings.KOPURO_CONNECT_DAILY_REQUESTS:
        raise ConnectError("daily_cap")
    connection = Connection.objects.create(sender=sender, recipient=recipient, note=note.strip())
    notify(
        user=recipient,
        kind="connection.requested",
        actor=sender,
        url=reverse("connect:connections"),
        data={"name": sender.get_full_name(), "note": connection.note[:200]},
    )
    return connection


def _pending_for(connection: Connection, user, *, as_recipient: bool) -> Connection:
    expected = connection.recipient_id if as_recipient else connection.sender_id
    if expected != user.pk:
        raise ConnectError("unavailable")
    if connection.status != Connection.Status.PENDING:
        raise ConnectError("not_pending")
    return connection


@transaction.atomic
def connection_accept(*, connection: Connection, by) -> Connection:
    _pending_for(connection, by, as_recipient=True)
    connection.status = Connection.Status.ACCEPTED
    connection.answered_at = timezone.now()
    connection.save(update_fields=["status", "answered_at"])
    notify(
        user=connection.sender,
        kind="connection.accepted",
        actor=by,
        url=_profile_url(by),
        data={"name": by.get_full_name()},
    )
    return connection


@transaction.atomic
def connection_decline(*, connection: Connection, by) -> Connection:
    """Decline quietly: the sender is not told (the request just stays unanswered to them)."""
    _pending_for(connection, by, as_recipient=True)
    connection.status = Connection.Status.DECLINED
    connection.answered_at = timezone.now()
    connection.save(update_fields=["status", "answered_at"])
    return connection


@transaction.atomic
def connection_withdraw(*, connection: Connection, by) -> Connection:
    _pending_for(connection, by, as_recipient=False)
    connection.status = Connection.Status.WITHDRAWN
    connection.answered_at = timezone.now()
    connection.save(update_fields=["status", "answered_at"])
    return connection


@transaction.atomic
def connection_remove(*, connection: Connection, by) -> Connection:
    if by.pk not in (connection.sender_id, connection.recipient_id):
        raise ConnectError("unavailable")
    if connection.status != Connection.Status.ACCEPTED:
        raise ConnectError("not_pending")
    connection.status = Connection.Status.REMOVED
    connection.save(update_fields=["status"])
    return connection


def member_settings_update(*, user, messages_from_anyone: bool) -> MemberSettings:
    obj, _created = MemberSettings.objects.update_or_create(
        user=user, defaults={"messages_from_anyone": messages_from_anyone}
    )
    return obj


# --- Conversations ---------------------------------------------------------------------------------


@transaction.atomic
def conversation_open(*, sender, recipient) -> Conversation:
    """The conversation between the two, created on first use, if `sender` may write."""
    if sender.pk == recipient.pk:
        raise ConnectError("self")
    existing = selectors.conversation_between(sender, recipient)
    if existing is not None and not selectors.is_blocked_between(sender, recipient):
        return existing
    if not selectors.can_message(sender, recipient):
        if not recipient.is_active or selectors.is_blocked_between(sender, recipient):
            raise ConnectError("unavailable")
        raise ConnectError("not_allowed")
    lo, hi = sorted([sender.pk, recipient.pk])
    try:
        with transaction.atomic():
            return Conversation.objects.create(user_a_id=lo, user_b_id=hi)
    except IntegrityError:  # opened by the other side at the same moment
        return Conversation.objects.get(user_a_id=lo, user_b_id=hi)


@transaction.atomic
def message_send(*, conversation: Conversation, sender, body: str) -> Message:
    """Add a message. The other member's unread count goes up; they get a notification (and
    an e-mail, as they chose) when this is the first message they have not read yet."""
    body = (body or "").strip()
    if not body:
        raise ConnectError("empty")
    if not conversation.has_member(sender):
        raise ConnectError("unavailable")
    other_id = conversation.other_id(sender)
    from kopuro.accounts.models import User

    other = User.objects.get(pk=other_id)
    if not other.is_active or selectors.is_blocked_between(sender, other):
        raise ConnectError("unavailable")
    message = Message.objects.create(conversation=conversation, sender=sender, body=body)
    side = "b" if other_id == conversation.user_b_id else "a"
    before = getattr(conversation, f"{side}_unread")
    Conversation.objects.filter(pk=conversation.pk).update(
        **{f"{side}_unread": F(f"{side}_unread") + 1, "last_message_at": message.created_at}
    )
    # Writing means the sender has read everything so far.
    mine = "a" if side == "b" else "b"
    Conversation.objects.filter(pk=conversation.pk).update(
        **{f"{mine}_unread": 0, f"{mine}_read_at": message.created_at}
    )
    selectors.header_counts_forget(other_id, sender.pk)
    if before == 0:
        notify(
            user=other,
            kind="message.received",
            actor=sender,
            url=reverse("connect:conversation", kwargs={"pk": conversation.pk}),
            data={"name": sender.get_full_name()},
        )
    return message


def conversation_mark_read(*, conversation: Conversation, user) -> None:
    side = "a" if user.pk == conversation.user_a_id else "b"
    now = timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(
        **{f"{side}_unread": 0, f"{side}_read_at": now}
    )
    # The message notifications of this thread are read too.
    from kopuro.connect.models import Notification

    Notification.objects.filter(
        user=user,
        kind="message.received",
        read_at__isnull=True,
        url=reverse("connect:conversation", kwargs={"pk": conversation.pk}),
    ).update(read_at=now)
    selectors.header_counts_forget(user.pk)


# --- Notifications -----------------------------------------------------------------------------


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    from kopuro.connect.models import Notification

    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    selectors.header_counts_forget(user.pk)
    return qs.update(read_at=timezone.now())


# --- Suggestions ----------------------------------------------------------------------------------


def suggestion_dismiss(*, user, dismissed) -> Dismissal:
    obj, _created = Dismissal.objects.get_or_create(user=user, dismissed=dismissed)
    Suggestion.objects.filter(user=user, suggested=dismissed).delete()
    return obj


# --- Safety -------------------------------------------------------------------------------------


@transaction.atomic
def block_create(*, blocker, blocked) -> Block:
    """Each disappears from the other's directory, suggestions, connections and messages. Any
    connection between them ends; the blocked member is not told."""
    if blocker.pk == blocked.pk:
        raise ConnectError("self")
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    pair = Q(sender=blocker, recipient=blocked) | Q(sender=blocked, recipient=blocker)
    Connection.objects.filter(pair, status=Connection.Status.PENDING).update(
        status=Connection.Status.WITHDRAWN, answered_at=timezone.now()
    )
    Connection.objects.filter(pair, status=Connection.Status.ACCEPTED).update(
        status=Connection.Status.REMOVED
    )
    Suggestion.objects.filter(
        Q(user=blocker, suggested=blocked) | Q(user=blocked, suggested=blocker)
    ).delete()
    selectors.header_counts_forget(blocker.pk, blocked.pk)  # their thread's unread no longer counts
    return block


def block_remove(*, blocker, blocked) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    selectors.header_counts_forget(blocker.pk, blocked.pk)


def _open_reports(reported, message) -> int:
    qs = Report.objects.filter(status=Report.Status.OPEN, reported=reported)
    return (
        qs.filter(message=message).count() if message else qs.filter(message__isnull=True).count()
    )


@transaction.atomic
def report_create(*, reporter, reported, reason: str, details: str = "", message=None) -> Report:
    """Report a profile (or one of its member's messages) to the moderators. At
    KOPURO_REPORTS_TO_HIDE open reports the profile or message is held until reviewed."""
    if reporter.pk == reported.pk:
        raise ConnectError("self")
    if message is not None and (
        message.sender_id != reported.pk or not message.conversation.has_member(reporter)
    ):
        raise ConnectError("unavailable")
    if Report.objects.filter(
        reporter=reporter, reported=reported, message=message, status=Report.Status.OPEN
    ).exists():
        raise ConnectError("already_reported")
    report = Report.objects.create(
        reporter=reporter,
        reported=reported,
        message=message,
        reason=reason,
        details=details.strip(),
    )
    log_action(
        "connect.report.created",
        actor=reporter,
        target=report,
        data={"reason": reason, "kind": "message" if message else "profile"},
    )
    if _open_reports(reported, message) >= settings.KOPURO_REPORTS_TO_HIDE:
        if message is not None:
            Message.objects.filter(pk=message.pk, hidden_at__isnull=True).update(
                hidden_at=timezone.now()
            )
        else:
            ProfileHold.objects.get_or_create(user=reported)
        log_action("connect.report.held", actor=None, target=report, data={"threshold": True})
    return report


@transaction.atomic
def report_resolve(*, report: Report, moderator, uphold: bool) -> Report:
    """Uphold (the profile stays out of Connect / the message stays removed) or dismiss
    (released when no other open reports hold it). Every decision is in the audit log."""
    if report.status != Report.Status.OPEN:
        return report
    report.status = Report.Status.UPHELD if uphold else Report.Status.DISMISSED
    report.resolved_at = timezone.now()
    report.resolved_by = moderator
    report.save(update_fields=["status", "resolved_at", "resolved_by"])
    message = report.message
    if uphold:
        if message is not None:
            Message.objects.filter(pk=message.pk, hidden_at__isnull=True).update(
                hidden_at=timezone.now()
            )
        else:
            ProfileHold.objects.update_or_create(user=report.reported, defaults={"upheld": True})
    elif _open_reports(report.reported, message) < settings.KOPURO_REPORTS_TO_HIDE:
        upheld_before = Report.objects.filter(
            reported=report.reported, message=message, status=Report.Status.UPHELD
        ).exists()
        if not upheld_before:
            if message is not None:
                Message.objects.filter(pk=message.pk).update(hidden_at=None)
            else:
                ProfileHold.objects.filter(user=report.reported, upheld=False).delete()
    log_action(
        "connect.report.upheld" if uphold else "connect.report.dismissed",
        actor=moderator,
        target=report,
        data={"kind": "message" if message else "profile", "reported_id": report.reported_id},
    )
    return report


# --- Data rights ----------------------------------------------------------------------------------


def export_connect(user) -> dict:
    """What Connect keeps about `user`, for the my-data archive."""
    from kopuro.connect.models import Notification, NotificationPreference

    def name(u):
        return u.get_full_name() if u.is_active else "Deleted member"

    conns = Connection.objects.filter(Q(sender=user) | Q(recipient=user)).select_related(
        "sender__profile", "recipient__profile"
    )
    convs = Conversation.objects.filter(Q(user_a=user) | Q(user_b=user)).select_related(
        "user_a__profile", "user_b__profile"
    )
    return {
        "connections": [
            {
                "with": name(c.other(user)),
                "direction": "sent" if c.sender_id == user.pk else "received",
                "status": c.status,
                "note": c.note,
                "created_at": c.created_at,
                "answered_at": c.answered_at,
            }
            for c in conns
        ],
        "conversations": [
            {
                "with": name(c.user_b if c.user_a_id == user.pk else c.user_a),
                "messages": [
                    {"from_me": m.sender_id == user.pk, "body": m.body, "sent_at": m.created_at}
                    for m in c.messages.all()
                ],
            }
            for c in convs
        ],
        "blocked_members": [
            name(b.blocked)
            for b in Block.objects.filter(blocker=user).select_related("blocked__profile")
        ],
        "reports_made": [
            {
                "reason": r.reason,
                "details": r.details,
                "status": r.status,
                "created_at": r.created_at,
            }
            for r in Report.objects.filter(reporter=user)
        ],
        "dismissed_suggestions": [
            name(d.dismissed)
            for d in Dismissal.objects.filter(user=user).select_related("dismissed__profile")
        ],
        "notifications": [
            {"kind": n.kind, "created_at": n.created_at, "read_at": n.read_at}
            for n in Notification.objects.filter(user=user)
        ],
        "notification_preferences": dict(
            NotificationPreference.objects.filter(user=user).values_list("kind", "delivery")
        ),
        "messages_from_anyone": MemberSettings.objects.filter(
            user=user, messages_from_anyone=True
        ).exists(),
    }


def erase_connect(user) -> None:
    """Account deletion: connections, blocks, dismissals, suggestions, notifications and
    settings go; messages the member wrote are erased (their text) — the other member keeps the
    thread with "message deleted"; reports they made stay for the moderators, anonymised."""
    from kopuro.connect.models import DirectoryEntry, Notification, NotificationPreference

    Connection.objects.filter(Q(sender=user) | Q(recipient=user)).delete()
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    Dismissal.objects.filter(Q(user=user) | Q(dismissed=user)).delete()
    Suggestion.objects.filter(Q(user=user) | Q(suggested=user)).delete()
    Notification.objects.filter(user=user).delete()
    selectors.header_counts_forget(user.pk)
    Notification.objects.filter(actor=user).update(actor=None, data={})
    NotificationPreference.objects.filter(user=user).delete()
    MemberSettings.objects.filter(user=user).delete()
    DirectoryEntry.objects.filter(profile__user=user).delete()
    Message.objects.filter(sender=user).update(body="", hidden_at=timezone.now())
    Report.objects.filter(reporter=user).update(reporter=None, details="")
    ProfileHold.objects.filter(user=user).delete()
