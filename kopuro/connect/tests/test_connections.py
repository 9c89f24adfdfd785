"""Connection requests: note, accept, decline, withdraw, remove, the daily cap, notifications."""

import pytest
from django.core import mail
from django.test import override_settings

from kopuro.connect import services
from kopuro.connect.models import Connection, Notification
from kopuro.connect.tests.conftest import make_member
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db


def test_request_with_note_then_accept(
    alice_client, bob_client, alice, bob, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            f"/en/members/{bob.handle}/connect/", {"note": "Hello from Berlin!"}
        )
    assert response.status_code == 302
    c = Connection.objects.get()
    assert (c.sender, c.recipient, c.status, c.note) == (
        alice.user,
        bob.user,
        "pending",
        "Hello from Berlin!",
    )
    # Bob is notified in the centre and by e-mail (immediately is the default).
    assert Notification.objects.filter(user=bob.user, kind="connection.requested").exists()
    assert len(mail.outbox) == 1 and "Alice Asanova asks to connect" in mail.outbox[0].subject
    page = bob_client.get("/en/me/connections/").content.decode()
    assert "Hello from Berlin!" in page
    response = bob_client.post(f"/en/me/connections/{c.pk}/accept/")
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.status == "accepted"
    assert Notification.objects.filter(user=alice.user, kind="connection.accepted").exists()


def test_request_is_idempotent_and_crossing_requests_connect(alice, bob):
    first = services.connection_request(sender=alice.user, recipient=bob.user)
    assert services.connection_request(sender=alice.user, recipient=bob.user) == first
    crossed = services.connection_request(sender=bob.user, recipient=alice.user)
    assert crossed.pk == first.pk and crossed.status == "accepted"


@pytest.mark.parametrize("action,status", [("decline", "declined")])
def test_decline(bob_client, alice, bob, action, status):
    c = services.connection_request(sender=alice.user, recipient=bob.user)
    bob_client.post(f"/en/me/connections/{c.pk}/{action}/")
    c.refresh_from_db()
    assert c.status == status
    # The sender is not told.
    assert not Notification.objects.filter(user=alice.user).exists()


def test_withdraw_and_remove(alice_client, bob_client, alice, bob):
    c = services.connection_request(sender=alice.user, recipient=bob.user)
    # Only the sender may withdraw; the recipient's attempt changes nothing.
    bob_client.post(f"/en/me/connections/{c.pk}/withdraw/")
    c.refresh_from_db()
    assert c.status == "pending"
    alice_client.post(f"/en/me/connections/{c.pk}/withdraw/")
    c.refresh_from_db()
    assert c.status == "withdrawn"
    c2 = services.connection_request(sender=alice.user, recipient=bob.user)
    services.connection_accept(connection=c2, by=bob.user)
    bob_client.post(f"/en/me/connections/{c2.pk}/remove/")
    c2.refresh_from_db()
    assert c2.status == "removed"


def test_a_stranger_cannot_touch_a_connection(alice, bob):
    from kopuro.connect.tests.conftest import client_for

    c = services.connection_request(sender=alice.user, recipient=bob.user)
    eve = client_for(make_member(display_name="Eve"))
    assert eve.post(f"/en/me/connections/{c.pk}/accept/").status_code == 404
    assert eve.post(f"/en/me/connections/{c.pk}/explode/").status_code == 404


@override_settings(KOPURO_CONNECT_DAILY_REQUESTS=2)
def test_daily_cap(alice_client, alice):
    others = [make_member(display_name=f"Capped {i}") for i in range(3)]
    for other in others[:2]:
        services.connection_request(sender=alice.user, recipient=other.user)
    response = alice_client.post(f"/en/members/{others[2].handle}/connect/", {"note": "Hi there"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "as many connection requests as one day allows" in html
    assert "Hi there" in html  # what was typed is kept
    assert Connection.objects.count() == 2


def test_note_too_long_is_a_form_error(alice_client, bob):
    response = alice_client.post(f"/en/members/{bob.handle}/connect/", {"note": "x" * 600})
    assert response.status_code == 200
    assert "Ensure this value has at most 500 characters" in response.content.decode()
    assert not Connection.objects.exists()


def test_unlisted_member_is_not_reachable(alice_client):
    hidden = make_member(display_name="Hidden", in_directory=False)
    assert alice_client.get(f"/en/members/{hidden.handle}/connect/").status_code == 404
    assert alice_client.get("/en/members/nobody-here/connect/").status_code == 404


def test_anonymous_is_sent_to_sign_in(client, bob):
    response = client.get(f"/en/members/{bob.handle}/connect/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_connections_page_budget(alice_client, alice):
    def add(n):
        for _ in range(n):
            other = make_member()
            c = services.connection_request(sender=other.user, recipient=alice.user)
            if other.pk % 2:
                services.connection_accept(connection=c, by=alice.user)
            services.connection_request(sender=alice.user, recipient=make_member().user)

    with override_settings(KOPURO_CONNECT_DAILY_REQUESTS=1000):
        assert_queries_constant(alice_client, "/en/me/connections/", add, max_queries=12)
