"""My data: Connect's part of the export, and what account deletion erases."""

import io
import json
import zipfile

import pytest

from kopuro.accounts import services as account_services
from kopuro.connect import services
from kopuro.connect.models import (
    Block,
    Connection,
    DirectoryEntry,
    Message,
    Notification,
    Report,
    Suggestion,
)
from kopuro.connect.suggestions import suggestions_recompute

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(alice, bob):
    c = services.connection_request(sender=alice.user, recipient=bob.user, note="Hi Bolot")
    services.connection_accept(connection=c, by=bob.user)
    conv = services.conversation_open(sender=alice.user, recipient=bob.user)
    services.message_send(conversation=conv, sender=alice.user, body="Alice's words")
    services.message_send(conversation=conv, sender=bob.user, body="Bolot's answer")
    services.report_create(reporter=alice.user, reported=bob.user, reason="spam", details="why")
    suggestions_recompute(user_id=alice.user_id)
    return conv


def test_export_holds_connect_data(alice, history):
    archive = account_services.account_export(user=alice.user)
    data = json.loads(zipfile.ZipFile(io.BytesIO(archive)).read("data.json"))
    connect = data["connect"]
    assert connect["connections"][0]["note"] == "Hi Bolot"
    bodies = [m["body"] for m in connect["conversations"][0]["messages"]]
    assert bodies == ["Alice's words", "Bolot's answer"]
    assert connect["reports_made"][0]["details"] == "why"
    assert connect["notifications"] == [] or isinstance(connect["notifications"], list)


def test_deletion_erases_connect_data(alice, bob, history):
    services.block_create(blocker=alice.user, blocked=make_third())
    account_services.account_delete(user=alice.user)
    assert not Connection.objects.exists()
    assert not Block.objects.exists()
    assert not Suggestion.objects.filter(user=alice.user).exists()
    assert not Notification.objects.filter(user=alice.user).exists()
    assert not DirectoryEntry.objects.filter(profile__user=alice.user).exists()
    # Her messages are erased; Bob's answer stays in his thread.
    assert Message.objects.get(sender=alice.user).body == ""
    assert Message.objects.get(sender=bob.user).body == "Bolot's answer"
    # The report stays for the moderators, without who made it.
    report = Report.objects.get()
    assert report.reporter is None and report.details == ""


def make_third():
    from kopuro.connect.tests.conftest import make_member

    return make_member(display_name="Third").user
