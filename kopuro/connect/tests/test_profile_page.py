"""Connect on a member's profile page: what a visitor can do there, and who cannot open it
(a profile held by moderation; a block either way)."""

import pytest
from django.core import mail
from django.test import Client, override_settings

from kopuro.connect import services
from kopuro.connect.tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

# The profile page for a signed-in member with the data cache off (as in every test): the
# profile's columns (1), the profile with its five vocabularies and tags for the page's content
# (7), session, user, site, branding, and two for Connect's gate (the held members; the
# viewer's blocks either way). With the data cache on, as in production, all of it comes from
# the cache (test_the_gate_reads_the_cache..., and kopuro/core/tests/test_cache.py).
GATED_PAGE_QUERIES = 14


def test_a_member_sees_connect_and_report_on_anothers_profile(alice_client, bob):
    page = alice_client.get(f"/en/members/{bob.handle}/").content.decode()
    assert f'href="/en/members/{bob.handle}/connect/"' in page
    assert f'href="/en/members/{bob.handle}/report/"' in page
    assert "Connect or write" in page


def test_a_visitor_is_asked_to_sign_in_to_connect(client, bob):
    page = client.get(f"/en/members/{bob.handle}/").content.decode()
    assert "Sign in to connect" in page
    assert f"/en/accounts/login/?next=%2Fen%2Fmembers%2F{bob.handle}%2F" in page
    assert "/report/" not in page


def test_the_owner_sees_no_actions_on_their_own_profile(alice_client, alice):
    page = alice_client.get(f"/en/members/{alice.handle}/").content.decode()
    assert "Connect or write" not in page
    assert "Report this profile" not in page


def test_the_actions_are_in_russian(alice_client, bob):
    page = alice_client.get(f"/ru/members/{bob.handle}/").content.decode()
    assert f'href="/ru/members/{bob.handle}/connect/"' in page
    assert "Connect or write" not in page


@override_settings(KOPURO_REPORTS_TO_HIDE=1)
def test_a_held_profile_does_not_open_for_others_until_released(
    client, alice_client, bob, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.KOPURO_PAGE_CACHE_SECONDS = 60  # the anonymous page cache on, as in production
    address = f"/en/members/{bob.handle}/"
    assert client.get(address).status_code == 200
    assert client.get(address).status_code == 200  # now from the page cache
    report = services.report_create(reporter=make_member().user, reported=bob.user, reason="fake")
    assert client.get(address).status_code == 404  # the cached page went with the hold
    assert alice_client.get(address).status_code == 404
    assert client_for(bob).get(address).status_code == 200  # the owner still sees it
    from kopuro.accounts.tests.factories import UserFactory

    services.report_resolve(
        report=report, moderator=UserFactory(is_staff=True, is_superuser=True), uphold=False
    )
    assert client.get(address).status_code == 200


def test_a_block_closes_the_profile_both_ways(alice, bob):
    services.block_create(blocker=alice.user, blocked=bob.user)
    assert client_for(alice).get(f"/en/members/{bob.handle}/").status_code == 404
    assert client_for(bob).get(f"/en/members/{alice.handle}/").status_code == 404
    # Strangers are not affected.
    assert Client().get(f"/en/members/{bob.handle}/").status_code == 200


def test_the_profile_page_adds_one_query_for_the_gate(
    alice_client, bob, django_assert_max_num_queries
):
    alice_client.get(f"/en/members/{bob.handle}/")  # warm the caches
    with django_assert_max_num_queries(GATED_PAGE_QUERIES):
        assert alice_client.get(f"/en/members/{bob.handle}/").status_code == 200


def test_emails_are_written_in_the_language_the_member_last_used(
    alice, bob, django_capture_on_commit_callbacks
):
    bob_client = client_for(bob)
    bob_client.get("/ky/me/")
    bob.user.refresh_from_db()
    assert bob.user.language == "ky"
    bob_client.get("/ru/me/")
    bob.user.refresh_from_db()
    assert bob.user.language == "ru"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_request(sender=alice.user, recipient=bob.user)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Alice Asanova" in message.subject
    assert "/ru/notifications/settings/" in message.body
    assert message.subject.isascii() is False  # Russian, not the English default


def test_the_language_is_not_written_again_when_it_does_not_change(
    alice_client, alice, django_assert_num_queries
):
    alice_client.get("/en/me/")
    alice_client.get("/en/me/")  # warm
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        alice_client.get("/en/me/")
    assert not [q for q in queries if "UPDATE" in q["sql"] and "language" in q["sql"]]


def test_the_gate_reads_the_cache_and_a_block_or_hold_takes_effect_at_once(
    alice, bob, settings, django_assert_num_queries
):
    """As in production (the data cache on): a warm profile page asks the database only for
    the session and the member; the cached block lists and held members are forgotten when a
    block is made or removed, or a hold placed or lifted."""
    from django.core.cache import cache

    from kopuro.connect.models import ProfileHold

    cache.clear()
    settings.KOPURO_DATA_CACHE_SECONDS = 300
    alice_client, address = client_for(alice), f"/en/members/{bob.handle}/"
    assert alice_client.get(address).status_code == 200
    with django_assert_num_queries(2):  # the session and the member; no gate query
        assert alice_client.get(address).status_code == 200

    services.block_create(blocker=bob.user, blocked=alice.user)
    assert alice_client.get(address).status_code == 404
    services.block_remove(blocker=bob.user, blocked=alice.user)
    assert alice_client.get(address).status_code == 200

    hold = ProfileHold.objects.create(user=bob.user)
    assert alice_client.get(address).status_code == 404
    hold.delete()
    assert alice_client.get(address).status_code == 200


def test_sign_in_to_connect_comes_back_to_the_address_with_the_page_cached(client, bob, data_cache):
    """The page's content is one cached fragment; the visitor's "sign in" link is a hole,
    written for each request with its own address."""
    address = f"/en/members/{bob.handle}/"
    for query in ("?from=search", "?from=map"):
        html = client.get(address + query).content.decode()
        assert "Sign in to connect" in html
        assert f"next=%2Fen%2Fmembers%2F{bob.handle}%2F%3Ffrom%3D{query[6:]}" in html
