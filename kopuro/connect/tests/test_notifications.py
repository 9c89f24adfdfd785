"""The notifications centre, per-kind e-mail choices and the daily digest (a task)."""

import pytest
from django.core import mail

from kopuro.connect import services
from kopuro.connect.models import Notification, NotificationPreference
from kopuro.connect.notifications import kinds, notify, register_kind
from kopuro.connect.tasks import send_digests
from kopuro.connect.tests.conftest import make_member
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db


def test_every_kind_has_a_choice_and_saving_keeps_it(alice_client, alice):
    page = alice_client.get("/en/notifications/settings/").content.decode()
    for kind in kinds():
        assert str(kind.label) in page
    data = {k.key: "immediate" for k in kinds()}
    data["message.received"] = "digest"
    data["connection.accepted"] = "off"
    data["messages_from_anyone"] = "on"
    assert alice_client.post("/en/notifications/settings/", data).status_code == 302
    prefs = dict(
        NotificationPreference.objects.filter(user=alice.user).values_list("kind", "delivery")
    )
    assert prefs["message.received"] == "digest" and prefs["connection.accepted"] == "off"
    assert alice.user.connect_settings.messages_from_anyone


def test_bad_choice_re_renders(alice_client):
    response = alice_client.post("/en/notifications/settings/", {"message.received": "hourly"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_off_and_digest(alice, bob, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(
        user=bob.user, kind="connection.requested", delivery="off"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_request(sender=alice.user, recipient=bob.user)
    assert mail.outbox == []
    assert Notification.objects.filter(user=bob.user).count() == 1  # still in the centre

    NotificationPreference.objects.create(
        user=alice.user, kind="connection.accepted", delivery="digest"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_accept(connection=alice.user.connections_sent.get(), by=bob.user)
    assert mail.outbox == []
    assert send_digests.enqueue().return_value == 1
    assert len(mail.outbox) == 1
    assert "Bolot Bekov accepted your request to connect" in mail.outbox[0].body
    # Sent once.
    assert send_digests.enqueue().return_value == 0


def test_other_apps_register_their_own_kinds(alice, django_capture_on_commit_callbacks):
    register_kind(
        "test.opportunity",
        label="New opportunities",
        text=lambda n: f"New opportunity: {n.data['title']}",
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=alice.user, kind="test.opportunity", url="/en/", data={"title": "Teach"})
    assert mail.outbox[0].subject.endswith("New opportunity: Teach")
    with pytest.raises(ValueError):
        notify(user=alice.user, kind="never.registered")


def test_centre_marks_read_and_opens_only_local_links(alice_client, alice, bob):
    services.connection_request(sender=bob.user, recipient=alice.user)
    html = alice_client.get("/en/notifications/").content.decode()
    assert "Bolot Bekov asks to connect with you" in html
    n = Notification.objects.get(user=alice.user)
    response = alice_client.post(f"/en/notifications/{n.pk}/open/")
    assert response["Location"] == "/en/me/connections/"
    n.refresh_from_db()
    assert n.read_at is not None
    Notification.objects.filter(pk=n.pk).update(url="https://evil.example/", read_at=None)
    assert alice_client.post(f"/en/notifications/{n.pk}/open/")["Location"] == "/en/notifications/"
    # Someone else's notification is not found.
    assert bob_client_for(bob).post(f"/en/notifications/{n.pk}/open/").status_code == 404
    alice_client.post("/en/notifications/")
    assert not Notification.objects.filter(user=alice.user, read_at__isnull=True).exists()


def bob_client_for(bob):
    from kopuro.connect.tests.conftest import client_for

    return client_for(bob)


def test_centre_budget(alice_client, alice):
    def add(n):
        for _ in range(n):
            services.connection_request(sender=make_member().user, recipient=alice.user)

    assert_queries_constant(alice_client, "/en/notifications/", add, max_queries=10)


def test_commands(alice):
    from io import StringIO

    from django.core.management import call_command

    from kopuro.connect.models import DirectoryEntry

    out = StringIO()
    call_command("connect_send_digests", stdout=out)
    assert "queued" in out.getvalue()
    DirectoryEntry.objects.all().delete()
    call_command("connect_reindex", "--missing", stdout=out)
    assert DirectoryEntry.objects.filter(profile=alice).exists()
