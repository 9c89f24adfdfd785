"""Connect on a member's profile page (kopuro.accounts.profile_hooks): a profile held by
moderation, or on the other side of a block, does not open; a visitor finds how to connect,
write or report right there."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kopuro.accounts.profile_hooks import ProfileAction
from kopuro.connect.models import Block, ProfileHold
from kopuro.connect.selectors import blocked_user_ids, blocks_forget, held_user_ids


def profile_gate(profile, viewer) -> bool:
    """No while reports hold the profile (or a moderator upheld one), or when either member
    blocked the other. From the cache: the held members and the viewer's blocks (no query on
    a warm cache; this runs on every profile page a member opens)."""
    if profile.user_id in held_user_ids():
        return False
    return profile.user_id not in blocked_user_ids(viewer)


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
    """A hold placed or lifted changes what anonymous visitors may open: the cached pages (and
    the cached list of held members) go. A block made or removed: both members' cached block
    lists go."""
    from django.db.models.signals import post_delete, post_save

    from kopuro.core.cache import page_cache_clear

    def clear(**kwargs):
        page_cache_clear()

    post_save.connect(clear, sender=ProfileHold, dispatch_uid="connect_hold_saved", weak=False)
    post_delete.connect(clear, sender=ProfileHold, dispatch_uid="connect_hold_deleted", weak=False)

    def forget_blocks(instance, **kwargs):
        blocks_forget(instance.blocker_id, instance.blocked_id)

    post_save.connect(forget_blocks, sender=Block, dispatch_uid="connect_block_saved", weak=False)
    post_delete.connect(
        forget_blocks, sender=Block, dispatch_uid="connect_block_deleted", weak=False
    )
