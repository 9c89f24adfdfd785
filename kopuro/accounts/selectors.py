"""Reads for accounts and profiles: what a viewer may see of a profile, and how complete it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from kopuro.accounts.models import Profile, Term, Visibility

VISIBLE_TO = {
    # viewer kind -> visibilities that viewer may see
    "anonymous": {Visibility.PUBLIC},
    "member": {Visibility.PUBLIC, Visibility.MEMBERS},
    "owner": {Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE},
}


def viewer_kind(profile: Profile, viewer) -> str:
    if viewer is None or not viewer.is_authenticated:
        return "anonymous"
    if viewer.pk == profile.user_id:
        return "owner"
    return "member"


def visible_groups(profile: Profile, viewer) -> set[str]:
    """The field groups of `profile` that `viewer` may see, by each group's visibility."""
    allowed = VISIBLE_TO[viewer_kind(profile, viewer)]
    return {g for g in Profile.VISIBILITY_GROUPS if getattr(profile, f"{g}_visibility") in allowed}


def profile_queryset() -> QuerySet[Profile]:
    """Profiles of live accounts with their vocabularies and tags, ready for a page.

    The account row is deliberately not loaded (no select_related("user")): profiles read here
    are kept in the shared cache, and the account holds the e-mail address and password hash.
    """
    terms = Term.objects.order_by("position", "label_en")
    return Profile.objects.filter(user__is_active=True).prefetch_related(
        Prefetch("languages", queryset=terms),
        Prefetch("expertise", queryset=terms),
        Prefetch("interests", queryset=terms),
        Prefetch("offers", queryset=terms),
        Prefetch("seeks", queryset=terms),
        "tags",
    )


def profile_can_be_opened(profile: Profile, viewer) -> bool:
    """The owner always; anyone else only while the member is listed in the directory and no
    other app's gate says no (kopuro.accounts.profile_hooks: Connect's holds and blocks)."""
    from kopuro.accounts.profile_hooks import gates_allow

    if viewer_kind(profile, viewer) == "owner":
        return True
    return profile.in_directory and gates_allow(profile, viewer)


def profile_get_for_viewer(*, handle: str, viewer, details: bool = True) -> Profile | None:
    """The profile at `handle` if `viewer` may open it.

    With `details`, with its vocabularies and tags (seven queries; `profile_details`); without,
    only the profile's own columns (one query), for a page whose content comes from the
    fragment cache. Either is read from the cache until any profile or account changes
    (kopuro.core.cache clears it), and who may see what is still decided here for each viewer.
    """
    from kopuro.core.cache import cached_data

    if details:
        profile = profile_details(handle)
    else:
        profile = cached_data(
            profile_cache_key(handle, details=False),
            lambda: Profile.objects.filter(user__is_active=True, handle=handle).first(),
        )
    if profile is None or not profile_can_be_opened(profile, viewer):
        return None
    return profile


def profile_details(handle: str) -> Profile | None:
    """The live profile at `handle` with its vocabularies and tags, from the cache; whether a
    viewer may open it is `profile_get_for_viewer`'s question."""
    from kopuro.core.cache import cached_data

    return cached_data(
        profile_cache_key(handle), lambda: profile_queryset().filter(handle=handle).first()
    )


def profile_cache_key(handle: str, *, details: bool = True) -> str:
    return f"profile:{handle}" if details else f"profile-columns:{handle}"


@dataclass
class Completeness:
    percent: int
    missing: list[str] = field(default_factory=list)


# (label, test) pairs; labels are shown to the member as "still to add".
def profile_completeness(profile: Profile) -> Completeness:
    from django.utils.translation import gettext as _

    checks = [
        (_("a photo"), bool(profile.photo)),
        (_("a headline"), bool(profile.headline)),
        (_("a few words about you"), bool(profile.bio)),
        (_("where you are from"), bool(profile.origin_country)),
        (_("where you live"), bool(profile.residence_country)),
        (_("languages you speak"), bool(_ids(profile, "languages"))),
        (_("fields of expertise"), bool(_ids(profile, "expertise"))),
        (_("interests"), bool(_ids(profile, "interests"))),
        (_("what you offer or seek"), bool(_ids(profile, "offers") or _ids(profile, "seeks"))),
    ]
    done = sum(1 for _label, ok in checks if ok)
    return Completeness(
        percent=round(100 * done / len(checks)),
        missing=[label for label, ok in checks if not ok],
    )


def _ids(profile: Profile, name: str) -> list:
    # Uses the prefetch cache when the profile came from profile_queryset().
    return list(getattr(profile, name).all())
