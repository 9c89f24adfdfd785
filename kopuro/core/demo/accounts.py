"""The two fixed demo logins, made through the real account services.

- aida@demo.kopuro.org: a member with a full profile (photo, vocabularies, links), listed in the
  directory and done with onboarding.
- editor@demo.kopuro.org: a staff editor (superuser) for the Wagtail admin.

Both use the published demo password. Existing accounts are left as they are, except that a
demo profile still empty (from an older seed) is filled in once.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from kopuro.accounts.models import Term, User
from kopuro.core.demo.people import DEMO_PASSWORD
from kopuro.core.demo.photos import draw_avatar

MEMBER_EMAIL = "aida@demo.kopuro.org"
EDITOR_EMAIL = "editor@demo.kopuro.org"

AIDA = {
    "headline": "Civil engineer in Almaty, mentor for young engineers",
    "bio": (
        "I design earthquake-resistant schools and clinics. I grew up in Naryn, studied "
        "construction in Bishkek and moved to Almaty in 2014. I mentor young engineers from "
        "Kyrgyzstan, especially women starting out on building sites, and I am looking for "
        "partners to bring solar heating to village schools in Naryn Region."
    ),
    "origin_country": "KG",
    "origin_region": "Naryn",
    "residence_country": "KZ",
    "residence_city": "Almaty",
    "website": "https://aida-toktogulova.example.com/",
    "linkedin": "https://www.linkedin.com/in/aida-toktogulova-demo",
    "in_directory": True,
    "photo_visibility": "public",
    "headline_visibility": "public",
    "bio_visibility": "public",
    "origin_visibility": "members",
    "residence_visibility": "public",
    "languages_visibility": "members",
    "expertise_visibility": "public",
    "offers_visibility": "public",
    "links_visibility": "members",
}
AIDA_TERMS = {
    "languages": (Term.Vocabulary.LANGUAGE, ["ky", "ru", "en", "kk"]),
    "expertise": (Term.Vocabulary.EXPERTISE, ["engineering", "renewable-energy"]),
    "interests": (Term.Vocabulary.EXPERTISE, ["education", "environment"]),
    "offers": (Term.Vocabulary.CONTRIBUTION, ["mentoring", "skills-transfer", "networking"]),
    "seeks": (Term.Vocabulary.CONTRIBUTION, ["partnerships", "investment"]),
}
AIDA_TAGS = ["green building", "seismic design", "women in engineering", "hiking"]


def demo_account(
    email: str, display_name: str, *, staff: bool, superuser: bool | None = None
) -> tuple[User, bool]:
    """A verified demo login with the published demo password (superuser if staff, unless
    told otherwise); an existing account is returned as it is."""
    from allauth.account.models import EmailAddress

    from kopuro.accounts.services import member_sign_up

    superuser = staff if superuser is None else superuser
    user, created = User.objects.get_or_create(
        email=email, defaults={"is_staff": staff, "is_superuser": superuser}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if not hasattr(user, "profile"):
        member_sign_up(user=user, display_name=display_name)
        user.refresh_from_db()
    return user, created


@transaction.atomic
def demo_accounts_seed() -> int:
    """Make the two demo logins; returns how many accounts were created."""
    from kopuro.accounts.services import (
        profile_finish_onboarding,
        profile_set_photo,
        profile_update,
    )

    _editor, editor_created = demo_account(EDITOR_EMAIL, "Demo Editor", staff=True)
    aida, aida_created = demo_account(MEMBER_EMAIL, "Aida Toktogulova", staff=False)
    profile = aida.profile
    if not profile.headline:  # never filled in: give Aida her full profile
        data = dict(AIDA)
        for field, (vocabulary, slugs) in AIDA_TERMS.items():
            data[field] = list(Term.objects.filter(vocabulary=vocabulary, slug__in=slugs))
        data["tags"] = AIDA_TAGS
        profile_update(profile=profile, data=data)
        if not profile.photo:
            picture = draw_avatar(style="portrait", seed=7, sex="f", initials="AT")
            profile_set_photo(profile=profile, upload=ContentFile(picture, name="aida.jpg"))
        profile_finish_onboarding(profile=profile)
    return int(editor_created) + int(aida_created)
