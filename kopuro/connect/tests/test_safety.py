"""Blocks, reports, the hold at N open reports, and the moderation queue in the Wagtail admin."""

import pytest
from django.test import override_settings

from kopuro.accounts.tests.factories import UserFactory
from kopuro.connect import services
from kopuro.connect.models import Block, Message, ProfileHold, Report
from kopuro.connect.tests.conftest import client_for, make_member
from kopuro.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_block_ends_connections_and_can_be_undone(alice_client, alice, bob):
    c = services.connection_request(sender=alice.user, recipient=bob.user)
    services.connection_accept(connection=c, by=bob.user)
    assert (
        "Block Bolot Bekov?"
        in alice_client.get(f"/en/members/{bob.handle}/block/").content.decode()
    )
    alice_client.post(f"/en/members/{bob.handle}/block/")
    c.refresh_from_db()
    assert c.status == "removed"
    assert "Bolot Bekov" in alice_client.get("/en/me/blocked/").content.decode()
    alice_client.post("/en/me/blocked/", {"user": bob.user.pk})
    assert not Block.objects.exists()
    assert alice_client.post("/en/me/blocked/", {"user": "nonsense"}).status_code == 302


def test_report_a_profile_reporter_stays_anonymous(alice_client, alice, bob):
    response = alice_client.post(
        f"/en/members/{bob.handle}/report/", {"reason": "spam", "details": "Sells things"}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.reported, report.reason) == (alice.user, bob.user, "spam")
    assert AuditLogEntry.objects.filter(action="connect.report.created").exists()
    # Nothing Bob can see names Alice as the reporter.
    bob_client = client_for(bob)
    for url in ("/en/notifications/", "/en/me/connections/", "/en/messages/"):
        assert "Alice Asanova" not in bob_client.get(url).content.decode()
    # A second report from the same member is refused politely.
    response = alice_client.post(f"/en/members/{bob.handle}/report/", {"reason": "spam"})
    assert "You have already reported this." in response.content.decode()


def test_report_without_reason_keeps_details(alice_client, bob):
    response = alice_client.post(f"/en/members/{bob.handle}/report/", {"details": "Typed text"})
    assert response.status_code == 200
    assert "Typed text" in response.content.decode()
    assert not Report.objects.exists()


@override_settings(KOPURO_REPORTS_TO_HIDE=2)
def test_profile_held_at_threshold_then_released_on_dismiss(client, bob):
    r1 = services.report_create(reporter=make_member().user, reported=bob.user, reason="spam")
    assert "Bolot Bekov" in client.get("/en/members/").content.decode()
    r2 = services.report_create(reporter=make_member().user, reported=bob.user, reason="fake")
    assert ProfileHold.objects.filter(user=bob.user).exists()
    assert "Bolot Bekov" not in client.get("/en/members/").content.decode()
    moderator = UserFactory(is_staff=True, is_superuser=True)
    services.report_resolve(report=r1, moderator=moderator, uphold=False)
    assert not ProfileHold.objects.exists()
    assert "Bolot Bekov" in client.get("/en/members/").content.decode()
    services.report_resolve(report=r2, moderator=moderator, uphold=True)
    assert ProfileHold.objects.get(user=bob.user).upheld
    assert AuditLogEntry.objects.filter(action="connect.report.upheld").exists()
    assert AuditLogEntry.objects.filter(action="connect.report.dismissed").exists()


@override_settings(KOPURO_REPORTS_TO_HIDE=1)
def test_reported_message_is_hidden(alice, bob):
    services.member_settings_update(user=alice.user, messages_from_anyone=True)
    conv = services.conversation_open(sender=bob.user, recipient=alice.user)
    m = services.message_send(conversation=conv, sender=bob.user, body="Buy my pills")
    alice_client = client_for(alice)
    response = alice_client.post(
        f"/en/members/{bob.handle}/report/", {"reason": "spam", "message": m.pk}
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.hidden_at is not None
    assert "Buy my pills" not in alice_client.get(f"/en/messages/{conv.pk}/").content.decode()
    # Only a member of the conversation can report a message in it.
    eve = make_member()
    assert (
        client_for(eve)
        .post(f"/en/members/{bob.handle}/report/", {"reason": "spam", "message": m.pk})
        .status_code
        == 404
    )


def test_moderator_resolves_in_the_admin(client, alice, bob):
    report = services.report_create(reporter=alice.user, reported=bob.user, reason="harassment")
    moderator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(moderator)
    listing = client.get("/admin/moderation/reports/")
    assert listing.status_code == 200 and "Harassment" in listing.content.decode()
    page = client.get(f"/admin/moderation/reports/inspect/{report.pk}/")
    assert page.status_code == 200 and "Uphold" in page.content.decode()
    response = client.post(
        f"/admin/moderation/reports/resolve/{report.pk}/", {"decision": "uphold"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "upheld" and report.resolved_by == moderator
    assert client.get("/admin/moderation/reports/new/").status_code in (302, 403)


def test_members_cannot_reach_the_queue(alice_client, alice, bob):
    report = services.report_create(reporter=alice.user, reported=bob.user, reason="spam")
    assert alice_client.get("/admin/moderation/reports/").status_code in (302, 403)
    alice_client.post(f"/admin/moderation/reports/resolve/{report.pk}/", {"decision": "dismiss"})
    report.refresh_from_db()
    assert report.status == "open"


def test_message_report_budget_of_queue(client, alice):
    moderator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(moderator)
    from kopuro.core.testing import assert_queries_constant

    def add(n):
        for _ in range(n):
            services.report_create(reporter=alice.user, reported=make_member().user, reason="spam")

    assert_queries_constant(client, "/admin/moderation/reports/", add)


def test_self_and_unknown(alice_client, alice):
    with pytest.raises(services.ConnectError):
        services.report_create(reporter=alice.user, reported=alice.user, reason="spam")
    assert alice_client.get(f"/en/members/{alice.handle}/report/").status_code == 404
    assert Message.objects.count() == 0
