"""factory_boy factories for accounts: used by tests, the demo data and the benchmark generator."""

import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from kopuro.accounts.models import Profile, Term, User, Visibility

TEST_PASSWORD = "a-Long-test-passphrase-42"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Members can sign in: a verified primary e-mail address, as allauth requires."""
        if create and extracted is not False:
            obj.save()
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class ProfileFactory(DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    display_name = factory.Faker("name")
    handle = factory.Sequence(lambda n: f"member-{n}")
    headline = factory.Faker("job")
    bio = factory.Faker("paragraph")
    origin_country = "KG"
    origin_region = "Osh"
    residence_country = "RU"
    residence_city = "Moscow"
    in_directory = True
    photo_visibility = Visibility.PUBLIC
    headline_visibility = Visibility.PUBLIC
    bio_visibility = Visibility.MEMBERS
    origin_visibility = Visibility.MEMBERS
    residence_visibility = Visibility.MEMBERS


class TermFactory(DjangoModelFactory):
    """An extra vocabulary term (the real vocabularies are loaded by a data migration)."""

    class Meta:
        model = Term

    vocabulary = Term.Vocabulary.EXPERTISE
    slug = factory.Sequence(lambda n: f"extra-term-{n}")
    label_en = factory.Sequence(lambda n: f"Extra field {n}")
    label_ru = factory.Sequence(lambda n: f"Доп. область {n}")
    label_ky = factory.Sequence(lambda n: f"Кошумча тармак {n}")
    position = 100


# --- Demo members (seed_demo and the benchmark generator) ---------------------------------------


def _demo_password_hash() -> str:
    """One hash of the demo password for every demo member: hashing is slow on purpose, and the
    demo logins all share the published password."""
    global _DEMO_HASH
    if _DEMO_HASH is None:
        from django.contrib.auth.hashers import make_password

        from kopuro.core.demo.people import DEMO_PASSWORD

        _DEMO_HASH = make_password(DEMO_PASSWORD)
    return _DEMO_HASH


_DEMO_HASH: str | None = None


def _demo_persona(n: int):
    from kopuro.core.demo.people import DEMO_SEED, make_persona

    # Far above any index seed_demo uses, so factory members never collide with seeded ones.
    return make_persona(1_000_000 + n, seed=DEMO_SEED)


def _joined(o):
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() - timedelta(days=o.persona.joined_days_ago)


class DemoUserFactory(UserFactory):
    """The account of a realistic member, from a demo persona (kopuro.core.demo.people).

    Signs in with the demo password. Pass `persona=make_persona(i, seed)` to choose who.
    """

    class Params:
        persona = factory.Sequence(_demo_persona)

    email = factory.LazyAttribute(lambda o: o.persona.email)
    password = factory.LazyFunction(_demo_password_hash)
    date_joined = factory.LazyAttribute(_joined)


def _visibility(group: str):
    return factory.LazyAttribute(lambda o: o.persona.visibility[group])


class DemoProfileFactory(ProfileFactory):
    """A realistic member's profile: names, places, occupation, bio in English or Russian and
    visibility choices come from a seeded persona; many-to-many fields (vocabulary slugs) are
    set on create, and left to the caller on build (see kopuro.core.demo.members).

    `DemoProfileFactory()` in a test gives a varied, directory-ready member.
    """

    class Meta:
        skip_postgeneration_save = True

    class Params:
        persona = factory.Sequence(_demo_persona)

    user = factory.SubFactory(DemoUserFactory, persona=factory.SelfAttribute("..persona"))
    display_name = factory.LazyAttribute(lambda o: o.persona.display_name)
    handle = factory.LazyAttribute(lambda o: f"{o.persona.handle_base}-{o.persona.index}")
    headline = factory.LazyAttribute(lambda o: o.persona.headline)
    bio = factory.LazyAttribute(lambda o: o.persona.bio)
    origin_country = factory.LazyAttribute(lambda o: o.persona.origin_country)
    origin_region = factory.LazyAttribute(lambda o: o.persona.origin_region)
    residence_country = factory.LazyAttribute(lambda o: o.persona.residence_country)
    residence_city = factory.LazyAttribute(lambda o: o.persona.residence_city)
    website = factory.LazyAttribute(lambda o: o.persona.website)
    linkedin = factory.LazyAttribute(lambda o: o.persona.linkedin)
    in_directory = factory.LazyAttribute(lambda o: o.persona.in_directory)
    onboarded_at = factory.LazyAttribute(lambda o: _joined(o) if o.persona.onboarded else None)
    created_at = factory.LazyAttribute(_joined)
    updated_at = factory.SelfAttribute("created_at")
    photo_visibility = _visibility("photo")
    headline_visibility = _visibility("headline")
    bio_visibility = _visibility("bio")
    origin_visibility = _visibility("origin")
    residence_visibility = _visibility("residence")
    languages_visibility = _visibility("languages")
    expertise_visibility = _visibility("expertise")
    offers_visibility = _visibility("offers")
    links_visibility = _visibility("links")

    @factory.post_generation
    def vocabularies(obj, create, extracted, persona=None, **kwargs):
        """On create: the persona's languages, expertise, interests, offers, seeks and tags."""
        if not create or extracted is False:
            return
        from kopuro.core.demo.members import term_ids

        ids = term_ids()
        for name in ("languages", "expertise", "interests", "offers", "seeks"):
            getattr(obj, name).set([ids[name][slug] for slug in getattr(persona, name)])
        if persona.tags:
            obj.tags.set(persona.tags)

    vocabularies__persona = factory.SelfAttribute("..persona")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from kopuro.core.demo.members import keep_timestamps

        with keep_timestamps(model_class):  # joined when the persona says, not "now"
            return super()._create(model_class, *args, **kwargs)
