"""Fixtures for Contribute's tests."""

import pytest
from django.test import Client

from kopuro.accounts.models import Term
from kopuro.accounts.tests.factories import ProfileFactory, UserFactory
from kopuro.connect.tests.conftest import make_member  # noqa: F401
from kopuro.contribute import services


def client_for(who) -> Client:
    """A signed-in client for a profile or a user."""
    c = Client()
    c.force_login(getattr(who, "user", who))
    return c


def term_ids(vocabulary, *slugs) -> list[str]:
    return [
        str(pk)
        for pk in Term.objects.filter(vocabulary=vocabulary, slug__in=slugs).values_list(
            "pk", flat=True
        )
    ]


def org_data(**overrides) -> dict:
    data = {
        "name": "Naryn Solar Fund",
        "kind": "ngo",
        "description": "Solar heating for village schools.",
        "sectors": list(Term.objects.filter(vocabulary="expertise", slug="renewable-energy")),
        "countries": ["KG"],
        "country": "KG",
        "city": "Naryn",
    }
    data.update(overrides)
    return data


@pytest.fixture
def staff(db):
    user = UserFactory(is_staff=True, is_superuser=True)
    ProfileFactory(user=user, display_name="Office Staff")
    return user


@pytest.fixture
def poster(db):
    return make_member(display_name="Poster Person")


@pytest.fixture
def org(poster):
    return services.organisation_create(by=poster.user, data=org_data())


@pytest.fixture
def applicant(db):
    return make_member(display_name="Helpful Member", headline="Energy engineer")
