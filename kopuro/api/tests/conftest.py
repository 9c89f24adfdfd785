"""Fixtures for the API's tests: a little of every kind of public content, and makers that the
query-budget tests call to add more rows."""

from datetime import timedelta
from itertools import count

import pytest
from django.utils import timezone

# Members for the member endpoints' tests (kopuro/api/tests/test_members.py).
from kopuro.connect.tests.conftest import alice, alice_client, bob  # noqa: F401

_n = count(1)


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """An empty cache per test (renditions and menus are cached by id; SQLite reuses ids), and no
    espeak-ng run when guides are published."""
    from django.core.cache import cache

    settings.KOPURO_INFODESK_AUDIO = False
    cache.clear()


@pytest.fixture
def newsroom(site):
    from kopuro.newsroom.services import newsroom_ensure_indexes

    return newsroom_ensure_indexes(home=site)


@pytest.fixture
def guides(site, monkeypatch, django_capture_on_commit_callbacks, settings):
    """The guides index with one guide and one topic in en/ru/ky, and the demo service points."""
    from kopuro.core.demo.site import home_seed_english, home_seed_translations
    from kopuro.infodesk import demo_content as C
    from kopuro.infodesk.demo import seed_infodesk_now

    monkeypatch.setattr(C, "GUIDES", C.GUIDES[:1])
    monkeypatch.setattr(C, "TOPICS", C.TOPICS[:1])
    with django_capture_on_commit_callbacks(execute=True):
        home_seed_english(home=site)
        home_seed_translations(home=site)
    with django_capture_on_commit_callbacks(execute=True):
        seed_infodesk_now(home=site)
    return site


@pytest.fixture
def steady_clock(monkeypatch):
    """The rate limit's clock held in the middle of a minute, so that a test's few requests never
    straddle two minute windows (each with its own count) on a slow machine."""
    from kopuro.api import auth

    monkeypatch.setattr(auth, "clock", lambda: 1_800_000_030.0)


def make_organisations(n: int, **fields) -> list:
    from kopuro.accounts.models import Term
    from kopuro.contribute.models import Organisation

    sector = Term.objects.filter(vocabulary="expertise").first()
    made = []
    for _ in range(n):
        i = next(_n)
        defaults = {
            "name": f"Organisation {i}",
            "slug": f"org-{i}",
            "kind": "ngo",
            "description": "Solar heating for village schools.",
            "country": "KG",
            "countries": ["KG", "RU"],
            "city": "Naryn",
        }
        defaults.update(fields)
        org = Organisation.objects.create(**defaults)
        if sector:
            org.sectors.add(sector)
        made.append(org)
    return made


def make_opportunities(n: int, *, organisation=None, **fields) -> list:
    from kopuro.accounts.models import Term
    from kopuro.contribute.models import Opportunity

    sector = Term.objects.filter(vocabulary="expertise").first()
    organisation = organisation or make_organisations(1)[0]
    made = []
    for _ in range(n):
        i = next(_n)
        defaults = {
            "title": f"Opportunity {i}",
            "kind": "volunteering",
            "description": "Teach a weekend class.",
            "organisation": organisation,
            "countries": ["KG"],
            "deadline": timezone.now() + timedelta(days=10),
        }
        defaults.update(fields)
        opp = Opportunity.objects.create(**defaults)
        if sector:
            opp.sectors.add(sector)
        made.append(opp)
    return made


def make_resources(n: int, **fields) -> list:
    from kopuro.learn.tests.factories import ResourceFactory

    return ResourceFactory.create_batch(n, **fields)
