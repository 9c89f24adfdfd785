"""Conversations: who may write, unread counts, read state, e-mail, blocks, without JavaScript."""

import pytest
from django.core import mail

from kopuro.connect import services
from kopuro.connect.models import Conversation, Message
from kopuro.connect.tests.conftest import client_for, make_member
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db


@pytest.fixture
def connected(alice, bob):
    c = services.connection_request(sender=alice.user, recipient=bob.user)
    services.connection_accept(connection=c, by=bob.user)
    return c


def start(client, handle):
    response = client.post(f"/en/members/{handle}/write/")
    assert response.status_code == 302
    return response["Location"]


def test_connected_members_exchange_messages_with_unread_counts(
    alice_client, bob_client, alice, bob, connected, django_capture_on_commit_callbacks
):
    url = start(alice_client, bob.handle)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(url, {"body": "Salam, Bolot!"})
    assert response.status_code == 302  # no JavaScript: post, redirect, get
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(url, {"body": "Second message"})
    # One e-mail for the first unread message, not one per message.
    assert len(mail.outbox) == 1 and "New message from Alice Asanova" in mail.outbox[0].subject
    inbox = bob_client.get("/en/messages/").content.decode()
    assert "Second message" in inbox
    assert 'class="cx-count">2<' in inbox
    assert 'data-testid="unread-messages">2<' in inbox  # the header's count
    thread = bob_client.get(url).content.decode()
    assert "Salam, Bolot!" in thread
    # Read now: the count is gone.
    assert 'data-testid="unread-messages"' not in bob_client.get("/en/messages/").content.decode()
    bob_client.post(url, {"body": "Hello Alice"})
    html = alice_client.get(url).content.decode()
    assert "Hello Alice" in html and "Read" in html


def test_strangers_cannot_write_unless_allowed(alice_client, alice, bob):
    response = alice_client.post(f"/en/members/{bob.handle}/write/")
    assert response.status_code == 302 and "/connect/" in response["Location"]
    assert not Conversation.objects.exists()
    services.member_settings_update(user=bob.user, messages_from_anyone=True)
    start(alice_client, bob.handle)
    assert Conversation.objects.count() == 1


def test_a_conversation_is_readable_only_by_its_two_members(alice, bob, connected):
    conv = services.conversation_open(sender=alice.user, recipient=bob.user)
    services.message_send(conversation=conv, sender=alice.user, body="Private words")
    eve = client_for(make_member(display_name="Eve"))
    assert eve.get(f"/en/messages/{conv.pk}/").status_code == 404
    assert eve.post(f"/en/messages/{conv.pk}/", {"body": "intrude"}).status_code == 404
    assert "Private words" not in eve.get("/en/messages/").content.decode()
    assert Message.objects.count() == 1


def test_empty_message_re_renders_with_a_message(alice_client, bob, connected):
    url = start(alice_client, bob.handle)
    response = alice_client.post(url, {"body": "   "})
    assert response.status_code == 200
    assert "Please write a message." in response.content.decode()


def test_htmx_post_returns_the_thread(alice_client, bob, connected):
    url = start(alice_client, bob.handle)
    response = alice_client.post(url, {"body": "via htmx"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "via htmx" in html and "<html" not in html


def test_block_hides_the_conversation_for_both(alice_client, bob_client, alice, bob, connected):
    url = start(alice_client, bob.handle)
    alice_client.post(url, {"body": "Before the block"})
    bob_client.post(f"/en/members/{alice.handle}/block/")
    assert "Before the block" not in alice_client.get("/en/messages/").content.decode()
    assert alice_client.get(url).status_code == 404
    assert bob_client.get(url).status_code == 404
    # The blocked member cannot open the blocker's page either.
    assert alice_client.get(f"/en/members/{bob.handle}/connect/").status_code == 404


def test_inbox_budget(alice_client, alice):
    def add(n):
        for _ in range(n):
            other = make_member()
            services.member_settings_update(user=alice.user, messages_from_anyone=True)
            conv = services.conversation_open(sender=other.user, recipient=alice.user)
            services.message_send(conversation=conv, sender=other.user, body="hi")

    assert_queries_constant(alice_client, "/en/messages/", add, max_queries=10)


def test_thread_budget(alice_client, alice, bob, connected):
    conv = services.conversation_open(sender=alice.user, recipient=bob.user)

    def add(n):
        for i in range(n):
            services.message_send(conversation=conv, sender=bob.user, body=f"m{i}")

    assert_queries_constant(alice_client, f"/en/messages/{conv.pk}/", add, max_queries=14)


def test_header_counts_come_from_the_cache_and_move_at_once(alice, bob, connected):
    """Every page a member sees shows the counts: they cost no query once cached, and sending,
    reading and blocking change them straight away."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kopuro.connect.selectors import header_counts

    conversation = services.conversation_open(sender=alice.user, recipient=bob.user)
    before = header_counts(bob.user)
    assert before["messages"] == 0
    with CaptureQueriesContext(connection) as queries:
        header_counts(bob.user)
    assert len(queries) == 0

    for body in ("One", "Two"):  # each request reads the conversation afresh, as views do
        conversation = Conversation.objects.get(pk=conversation.pk)
        services.message_send(conversation=conversation, sender=alice.user, body=body)
    assert header_counts(bob.user) == {
        "messages": 2,
        "notifications": before["notifications"] + 1,  # one for the first unread message
    }
    services.conversation_mark_read(conversation=conversation, user=bob.user)
    assert header_counts(bob.user) == before
    services.message_send(conversation=conversation, sender=alice.user, body="Three")
    assert header_counts(bob.user)["messages"] == 1
    services.block_create(blocker=bob.user, blocked=alice.user)
    assert header_counts(bob.user)["messages"] == 0
