"""Fixtures for Connect's tests: members with known vocabularies, signed-in clients."""

import pytest
from django.test import Client

from kopuro.accounts import services as account_services
from kopuro.accounts.models import Term
from kopuro.accounts.tests.factories import ProfileFactory


def term(vocabulary: str, slug: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, slug=slug)


def make_member(**kwargs):
    """A listed member; `expertise=["it"]`, `offers=["mentoring"]`… take vocabulary slugs."""
    m2m = {}
    for name, vocabulary in (
        ("expertise", "expertise"),
        ("interests", "expertise"),
        ("offers", "contribution"),
        ("seeks", "contribution"),
        ("languages", "language"),
    ):
        if name in kwargs:
            m2m[name] = [term(vocabulary, s) for s in kwargs.pop(name)]
    profile = ProfileFactory(**kwargs)
    if m2m:
        account_services.profile_update(profile=profile, data=m2m)
    profile.refresh_from_db()
    return profile


def client_for(profile) -> Client:
    c = Client()
    c.force_login(profile.user)
    return c


@pytest.fixture
def alice(db):
    return make_member(
        display_name="Alice Asanova",
        headline="Solar engineer",
        expertise=["renewable-energy"],
        seeks=["mentoring"],
        residence_country="DE",
        residence_city="Berlin",
        origin_region="Osh",
    )


@pytest.fixture
def bob(db):
    return make_member(
        display_name="Bolot Bekov",
        headline="Finance mentor",
        expertise=["renewable-energy", "finance"],
        offers=["mentoring"],
        residence_country="DE",
        residence_city="Berlin",
        origin_region="Osh",
    )


@pytest.fixture
def alice_client(alice):
    return client_for(alice)


@pytest.fixture
def bob_client(bob):
    return client_for(bob)
