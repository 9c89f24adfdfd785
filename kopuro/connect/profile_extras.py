"""Connect on a member's profile page (kopuro.accounts.profile_hooks): a profile held by
moderation, or on the other side of a block, does not open; a visitor finds how to connect,
write or report right there."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kopuro.accounts.profile_hooks import ProfileAction
from kopuro.connect.models import Block, ProfileHold


def profile_gate(profile, viewer) -> bool:
    """No while reports hold the profile (or a moderator upheld one), or when either member
    blocked the other. One query."""
    blocked = Block.objects.none()
    if viewer is not None and viewer.is_authenticated:
        blocked = Block.objects.filter(
            Q(blocker=viewer, blocked_id=OuterRef("pk"))
            | Q(blocker_id=OuterRef("pk"), blocked=viewer)
        )
    return not (
        get_user_model()
        .objects.filter(pk=profile.user_id)
        .filter(Exists(ProfileHold.objects.filter(user_id=OuterRef("pk"))) | Exists(blocked))
        .exists()
    )


def profile_actions(request, profile) -> list[ProfileAction]:
    handle = profile.handle
    if not request.user.is_authenticated:
        login = reverse("account_login") + "?" + urlencode({"next": request.get_full_path()})
        return [ProfileAction(_("Sign in to connect"), login, primary=True)]
    return [
        ProfileAction(
            _("Connect or write"), reverse("connect:member", kwargs={"handle": handle}), True
        ),
        ProfileAction(
            _("Report this profile"), reverse("connect:report", kwargs={"handle": handle})
        ),
    ]


def connect_signals() -> None:
    """A hold placed or lifted changes what anonymous visitors may open: the cached pages go."""
    from django.db.models.signals import post_delete, post_save

    from kopuro.core.cache import page_cache_clear

    def clear(**kwargs):
        page_cache_clear()

    post_save.connect(clear, sender=ProfileHold, dispatch_uid="connect_hold_saved", weak=False)
    post_delete.connect(clear, sender=ProfileHold, dispatch_uid="connect_hold_deleted", weak=False)
