"""Profile addresses made from names in Latin and Cyrillic script, unique per member."""

import pytest

from kopuro.accounts.services import profile_create
from kopuro.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("Aida Toktogulova", "aida-toktogulova"),
        ("Айгүл Токтогулова", "aygul-toktogulova"),
        ("Нурлан Шаршенович", "nurlan-sharshenovich"),
        ("Өмүрбек Ңаа", "omurbek-ngaa"),
        ("aida.t_2", "aida-t-2"),
        ("李雷", "member"),
        ("A" * 60, "a" * 30),
    ],
)
def test_handle_from_name(name, handle):
    assert profile_create(user=UserFactory(), display_name=name).handle == handle


def test_same_name_gets_a_number():
    handles = [
        profile_create(user=UserFactory(), display_name="Aida Toktogulova").handle for _ in range(3)
    ]
    assert handles == ["aida-toktogulova", "aida-toktogulova-2", "aida-toktogulova-3"]


def test_profile_create_is_idempotent():
    user = UserFactory()
    first = profile_create(user=user, display_name="One")
    assert profile_create(user=user, display_name="Two") == first


@pytest.mark.parametrize("name", ["Map", "For You"])
def test_a_name_that_is_a_page_under_members_gets_a_number(name):
    handle = profile_create(user=UserFactory(), display_name=name).handle
    assert handle.endswith("-2")


def test_every_page_under_members_is_a_reserved_handle():
    """A new literal /members/<word>/ page must be added to RESERVED_HANDLES, or a member whose
    name makes that word would lose their profile address to it."""
    from django.urls import URLResolver, get_resolver
    from django.urls.resolvers import LocalePrefixPattern

    from kopuro.accounts.handles import RESERVED_HANDLES

    def routes(patterns, prefix=""):
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                yield from routes(p.url_patterns, route)
            else:
                yield route

    site = next(
        r
        for r in get_resolver().url_patterns
        if isinstance(getattr(r, "pattern", None), LocalePrefixPattern)
    )
    words = {
        route.removeprefix("members/").split("/")[0]
        for route in routes(site.url_patterns)
        if route.startswith("members/")
        and route != "members/"
        and not route.startswith("members/<")
    }
    assert words == {"map", "for-you"}
    assert words <= RESERVED_HANDLES
