"""factory_boy factories for accounts: used by tests, the demo data and the benchmark generator."""

import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from kopuro.accounts.models import Profile, User, Visibility

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
