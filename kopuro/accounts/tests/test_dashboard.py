"""The member's own page: the completeness meter and what is still to add."""

import re

import pytest

from kopuro.accounts import services
from kopuro.accounts.models import Term
from kopuro.accounts.tests.conftest import jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def meter(html):
    value = re.search(r'<meter id="completeness"[^>]*value="(\d+)"', html).group(1)
    shown = re.search(r"<strong>(\d+)%</strong>", html).group(1)
    assert value == shown
    return int(value)


def still_to_add(html):
    m = re.search(r"Still to add:\s*(.*?)</p>", html, re.S)
    return m.group(1).strip() if m else ""


def t(vocabulary, slug):
    return Term.objects.get(vocabulary=vocabulary, slug=slug)


def test_completeness_grows_as_the_profile_fills(client, bare_member):
    client.force_login(bare_member.user)
    html = client.get("/en/me/").content.decode()
    assert meter(html) == 0
    assert still_to_add(html) == (
        "a photo, a headline, a few words about you, where you are from, where you live, "
        "languages you speak, fields of expertise, interests, what you offer or seek"
    )

    services.profile_update(profile=bare_member, data={"headline": "Chef", "bio": "I cook."})
    html = client.get("/en/me/").content.decode()
    assert meter(html) == 22  # 2 of 9
    assert still_to_add(html).startswith("a photo, where you are from,")

    services.profile_update(
        profile=bare_member,
        data={
            "origin_country": "KG",
            "residence_country": "TR",
            "languages": [t("language", "tr")],
            "expertise": [t("expertise", "tourism")],
            "interests": [t("expertise", "culture")],
            "seeks": [t("contribution", "partnerships")],
        },
    )
    html = client.get("/en/me/").content.decode()
    assert meter(html) == 89  # 8 of 9
    assert still_to_add(html) == "a photo"

    services.profile_set_photo(profile=bare_member, upload=upload("me.jpg", jpeg_bytes()))
    html = client.get("/en/me/").content.decode()
    assert meter(html) == 100
    assert "Still to add" not in html


def test_dashboard_links_and_directory_status(client, bare_member):
    client.force_login(bare_member.user)
    html = client.get("/en/me/").content.decode()
    assert "Not listed in the directory" in html
    for href in ("/en/me/profile/", "/en/me/photo/", "/en/me/data/", "/en/accounts/2fa/"):
        assert f'href="{href}"' in html
    assert f'href="/en/members/{bare_member.handle}/"' in html
    services.profile_update(profile=bare_member, data={"in_directory": True})
    assert "Listed in the member directory" in client.get("/en/me/").content.decode()


def test_member_without_profile_gets_one(client, db):
    """Accounts made outside sign-up (createsuperuser, the shell) get a profile on first visit."""
    from kopuro.accounts.tests.factories import UserFactory

    user = UserFactory(email="made.in.shell@example.org")
    client.force_login(user)
    html = client.get("/en/me/").content.decode()
    assert "made.in.shell" in html
    user.refresh_from_db()
    assert user.profile.handle == "made-in-shell"


def test_dashboard_query_count_is_small(client, bare_member, django_assert_max_num_queries):
    client.force_login(bare_member.user)
    client.get("/en/me/")
    with django_assert_max_num_queries(14):
        client.get("/en/me/")
