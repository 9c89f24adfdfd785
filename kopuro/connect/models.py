"""Connect: the directory's search index, suggestions, connections, conversations, notifications,
blocks and reports.

Who may see what of a profile is decided by kopuro.accounts (each group's visibility); the rows
here never copy a hidden field: the directory index holds, per audience, only the text that
audience may read.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kopuro.accounts.models import Profile

USER = settings.AUTH_USER_MODEL


class DirectoryEntry(models.Model):
    """What the directory's full-text search reads for one profile, per audience.

    `text_public` holds what everyone may read (display name and public groups), `text_members`
    adds the members-only groups; "only me" groups are never here. The text is lower-cased (the
    embedded default matches words with LIKE); on PostgreSQL the `vector_*` columns hold it as
    tsvectors with GIN indexes (migration 0002) and the text columns are left empty. Rebuilt whenever the profile
    changes (kopuro.connect.signals) and by `manage.py connect_reindex`; `listed` also follows
    the account (deactivated, reactivated).
    """

    profile = models.OneToOneField(
        Profile, on_delete=models.CASCADE, related_name="directory_entry", primary_key=True
    )
    text_public = models.TextField(blank=True)
    text_members = models.TextField(blank=True)
    vector_public = SearchVectorField(null=True)
    vector_members = SearchVectorField(null=True)
    completeness = models.PositiveSmallIntegerField(default=0)
    # Copied from the profile and its account, so that a search reads this one table (one GIN
    # scan, counted and ranked there): listed = in the directory with a live account (kept in
    # step by kopuro.connect.signals; holds and blocks are still checked live by the search),
    # joined_at = the profile's created_at (the "newest" sort).
    listed = models.BooleanField(default=False)
    joined_at = models.DateTimeField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")
        indexes = [models.Index(fields=["completeness"])]

    def __str__(self) -> str:
        return f"entry {self.profile_id}"


class Suggestion(models.Model):
    """A member suggested to `user`, with the score and the reasons that made it.

    `reasons` is a list of {"code", "group", "points", ...} dicts; they are turned into words at
    display time (in the reader's language), and a reason whose profile group the suggested
    member has since hidden is dropped then (kopuro.connect.suggestions.reasons_for_display).
    """

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="suggestions")
    suggested = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField()
    reasons = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-score", "suggested_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "suggested"], name="suggestion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.suggested_id} ({self.score})"


class Dismissal(models.Model):
    """A suggestion the member dismissed: that person is never suggested to them again."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="dismissals")
    dismissed = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "dismissed"], name="dismissal_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ✕ {self.dismissed_id}"


class Connection(models.Model):
    """A request to connect and what became of it. At most one pending or accepted row per
    pair in either direction (the service checks both directions)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Connected")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REMOVED = "removed", _("Removed")

    ACTIVE = (Status.PENDING, Status.ACCEPTED)

    sender = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="connections_sent")
    recipient = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="connections_received"
    )
    note = models.TextField(_("note"), max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("connection")
        verbose_name_plural = _("connections")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "recipient"],
                condition=Q(status__in=["pending", "accepted"]),
                name="connection_one_active_per_direction",
            )
        ]
        indexes = [
            models.Index(fields=["sender", "created_at"]),
            models.Index(fields=["recipient", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.sender_id} → {self.recipient_id} ({self.status})"

    def other(self, user):
        return self.recipient if user.pk == self.sender_id else self.sender


class MemberSettings(models.Model):
    """A member's choices about contact: who may start a conversation with them."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="connect_settings")
    messages_from_anyone = models.BooleanField(
        _("members I am not connected with may write to me"), default=False
    )

    def __str__(self) -> str:
        return f"settings {self.user_id}"


class Conversation(models.Model):
    """A one-to-one thread. `user_a` has the smaller id; each side has an unread counter and
    the time they last read, kept by the services (no counting on every page)."""

    user_a = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    user_b = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    a_unread = models.PositiveIntegerField(default=0)
    b_unread = models.PositiveIntegerField(default=0)
    a_read_at = models.DateTimeField(null=True, blank=True)
    b_read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(fields=["user_a", "user_b"], name="conversation_unique_pair"),
            models.CheckConstraint(condition=Q(user_a__lt=models.F("user_b")), name="conv_a_lt_b"),
        ]
        indexes = [
            models.Index(fields=["user_a", "last_message_at"]),
            models.Index(fields=["user_b", "last_message_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_a_id} ↔ {self.user_b_id}"

    def has_member(self, user) -> bool:
        return user.pk in (self.user_a_id, self.user_b_id)

    def other_id(self, user) -> int:
        return self.user_b_id if user.pk == self.user_a_id else self.user_a_id

    def unread_for(self, user) -> int:
        return self.a_unread if user.pk == self.user_a_id else self.b_unread

    def read_at_for(self, user):
        return self.a_read_at if user.pk == self.user_a_id else self.b_read_at


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set while reports hold it for review, or when a moderator upheld a report.
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self) -> str:
        return self.body[:60]


class Block(models.Model):
    """`blocker` no longer sees `blocked`, and neither sees the other anywhere in Connect."""

    blocker = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_unique")]

    def __str__(self) -> str:
        return f"{self.blocker_id} ⊘ {self.blocked_id}"


class Report(models.Model):
    """A member's report of a profile or a message, for the moderators.

    The reported member never learns who reported: no page shows `reporter` except the
    moderation queue.
    """

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        HARASSMENT = "harassment", _("Harassment or hate")
        FRAUD = "fraud", _("Fraud, scam or trafficking risk")
        FAKE = "fake", _("Fake profile or impersonation")
        INAPPROPRIATE = "inappropriate", _("Inappropriate content")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld")
        DISMISSED = "dismissed", _("Dismissed")

    reporter = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="reports_made"
    )
    reported = models.ForeignKey(
        USER,
        verbose_name=_("reported member"),
        on_delete=models.CASCADE,
        related_name="reports_received",
    )
    message = models.ForeignKey(
        Message, verbose_name=_("message"), on_delete=models.CASCADE, null=True, blank=True
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "reported"])]

    def __str__(self) -> str:
        what = _("message") if self.message_id else _("profile")
        return f"{what} · {self.get_reason_display()}"

    @property
    def target_label(self) -> str:
        return str(_("Message")) if self.message_id else str(_("Profile"))


class ProfileHold(models.Model):
    """A profile kept out of the directory, suggestions and the map while reports about it are
    reviewed (reached the threshold), or for good after a moderator upheld a report."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="connect_hold")
    upheld = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"hold {self.user_id}"


class Notification(models.Model):
    """Something that happened for `user`: a kind registered in kopuro.connect.notifications,
    the member who caused it, where to look, and whether it was read and e-mailed."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    url = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When it went out by e-mail (at once or in a digest); null while it waits for a digest.
    emailed_at = models.DateTimeField(null=True, blank=True)
    digest_pending = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["digest_pending", "user"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id}"


class NotificationPreference(models.Model):
    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately")
        DIGEST = "digest", _("In a daily digest")
        OFF = "off", _("No e-mail")

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_pref_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"
