"""Keep Connect's derived rows in step with profiles.

A profile's directory entry is rebuilt in the same transaction (a few queries, and search must
never show an old text a member has just hidden); the member's suggestions are recomputed in
the background once the change commits, at most once per transaction.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save

from kopuro.accounts.models import Profile, TaggedProfile


def _recompute_later(user_id: int) -> None:
    connection = transaction.get_connection()
    here = set(connection.savepoint_ids)
    queued = (
        getattr(func, "connect_user_id", None)
        for sids, func, *_robust in connection.run_on_commit
        if sids == here
    )
    if user_id in queued:  # already queued in this (sub)transaction
        return

    def run():
        from kopuro.connect.tasks import recompute_suggestions

        recompute_suggestions.enqueue(user_id)

    run.connect_user_id = user_id
    transaction.on_commit(run)


def profile_changed(profile_id: int, user_id: int) -> None:
    from kopuro.connect.index import directory_entry_refresh

    directory_entry_refresh(profile_id=profile_id)
    _recompute_later(user_id)


def on_profile_saved(sender, instance: Profile, raw=False, **kwargs):
    if raw:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= {"onboarded_at", "updated_at"}:
        return
    profile_changed(instance.pk, instance.user_id)


def on_terms_changed(sender, instance, action, reverse=False, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    if isinstance(instance, Profile):
        profile_changed(instance.pk, instance.user_id)


def on_tag_saved(sender, instance: TaggedProfile, raw=False, **kwargs):
    if raw:
        return
    profile = Profile.objects.filter(pk=instance.content_object_id).only("pk", "user_id").first()
    if profile is not None:
        profile_changed(profile.pk, profile.user_id)


def on_user_saved(sender, instance, raw=False, **kwargs):
    """An account switched off (or on again) leaves (or rejoins) the directory's search at once.
    Saves that cannot change it (a login's last_login) cost nothing."""
    if raw:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "is_active" not in update_fields:
        return
    from kopuro.connect.index import directory_entry_relist

    directory_entry_relist(user_id=instance.pk)


def connect():
    from django.contrib.auth import get_user_model

    post_save.connect(on_user_saved, sender=get_user_model(), dispatch_uid="connect_user_saved")
    post_save.connect(on_profile_saved, sender=Profile, dispatch_uid="connect_profile_saved")
    for name in ("languages", "expertise", "interests", "offers", "seeks"):
        m2m_changed.connect(
            on_terms_changed,
            sender=getattr(Profile, name).through,
            dispatch_uid=f"connect_terms_{name}",
        )
    post_save.connect(on_tag_saved, sender=TaggedProfile, dispatch_uid="connect_tag_saved")
