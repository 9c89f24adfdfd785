"""The kiosk's JSON endpoints: token auth, event batches counted once, all or nothing."""

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from kopuro.core.models import AuditLogEntry
from kopuro.infodesk.models import DailyReach, EventBatch, Terminal
from kopuro.infodesk.services import terminal_revoke_token

pytestmark = pytest.mark.django_db


def now():
    return timezone.now().isoformat()


def batch(*events, batch_id=None):
    return {"batch": str(batch_id or uuid.uuid4()), "events": list(events)}


def post(client, terminal, body, token=None, path="events"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(
        f"/kiosk/api/{terminal.code}/{path}",
        data=data,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token if token is not None else terminal.plain_token}",
    )


EVENTS = [
    {"type": "session", "at": None, "lang": "ky"},
    {"type": "view", "at": None, "lang": "ky", "topic": "trafficking", "section": "signs"},
    {"type": "view", "at": None, "lang": "ky", "topic": "trafficking", "section": "signs"},
    {
        "type": "helpful",
        "at": None,
        "lang": "ky",
        "topic": "trafficking",
        "section": "signs",
        "helpful": True,
    },
    {
        "type": "helpful",
        "at": None,
        "lang": "ru",
        "topic": "russia",
        "section": "health",
        "helpful": False,
    },
]


def events():
    return [{**e, "at": now()} for e in EVENTS]


def test_batch_is_aggregated_per_day_terminal_topic_and_language(client, terminal):
    response = post(client, terminal, batch(*events()))
    assert response.status_code == 200
    assert response.json() == {"status": "counted", "events": 5}
    signs = DailyReach.objects.get(source="FRU-TEST", topic="trafficking", section="signs")
    assert (signs.views, signs.helpful_yes, signs.language) == (2, 1, "ky")
    assert DailyReach.objects.get(topic="", language="ky").sessions == 1
    assert DailyReach.objects.get(topic="russia").helpful_no == 1


def test_a_replayed_batch_is_not_counted_twice(client, terminal):
    body = batch(*events())
    assert post(client, terminal, body).json()["status"] == "counted"
    assert post(client, terminal, body).json() == {"status": "duplicate", "events": 0}
    assert DailyReach.objects.get(section="signs").views == 2
    assert EventBatch.objects.count() == 1


@pytest.mark.parametrize("token", ["", "wrong-token"])
def test_wrong_token_is_401_and_nothing_recorded(client, terminal, token):
    response = post(client, terminal, batch(*events()), token=token)
    assert response.status_code == 401
    assert "error" in response.json()
    assert not DailyReach.objects.exists() and not EventBatch.objects.exists()


def test_revoked_token_is_401(client, terminal):
    terminal_revoke_token(terminal=terminal)
    assert post(client, terminal, batch(*events())).status_code == 401
    assert not DailyReach.objects.exists()
    assert AuditLogEntry.objects.filter(action="terminal.token_revoked").exists()


def test_unknown_terminal_is_401(client, terminal):
    response = client.post(
        "/kiosk/api/NOPE/events",
        data="{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {terminal.plain_token}",
    )
    assert response.status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        b"\xff\xfe",
        "[]",
        json.dumps(
            {
                "batch": "nope",
                "events": [{"type": "session", "at": "2026-01-01T00:00:00Z", "lang": "ky"}],
            }
        ),
        json.dumps({"batch": "7f1c9a52-0d3e-4b8a-9a61-2f4e5d6c7b81", "events": []}),
        json.dumps({"batch": "7f1c9a52-0d3e-4b8a-9a61-2f4e5d6c7b82", "events": "x"}),
        json.dumps(
            {
                "batch": "7f1c9a52-0d3e-4b8a-9a61-2f4e5d6c7b83",
                "events": [{"type": "teleport", "at": "x"}],
            }
        ),
    ],
    ids=["text", "bytes", "list", "bad-batch-id", "no-events", "events-not-a-list", "bad-type"],
)
def test_malformed_batches_are_400_json(client, terminal, body):
    response = post(client, terminal, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert not DailyReach.objects.exists()


def test_one_bad_event_stores_nothing_of_the_batch(client, terminal):
    bad = {"type": "view", "at": now(), "lang": "ky", "topic": "DROP TABLE"}
    response = post(client, terminal, batch(*events(), bad))
    assert response.status_code == 400
    assert "Event 6" in response.json()["error"]
    assert not DailyReach.objects.exists() and not EventBatch.objects.exists()


NOW = object()


@pytest.mark.parametrize(
    "event",
    [
        {"type": "view", "lang": "ky", "topic": "x"},  # no time
        {"type": "view", "at": "2026-01-01T00:00:00", "lang": "ky", "topic": "x"},  # naive
        {"type": "view", "at": "+3 days", "lang": "ky", "topic": "x"},
        {"type": "view", "at": "-90 days", "lang": "ky", "topic": "x"},
        {"type": "view", "at": NOW, "lang": "fr", "topic": "x"},
        {"type": "view", "at": NOW, "lang": "ky"},  # no topic
        {"type": "helpful", "at": NOW, "lang": "ky", "topic": "x", "helpful": "yes"},
    ],
)
def test_each_kind_of_bad_event_is_refused(client, terminal, event):
    shifts = {NOW: timedelta(0), "+3 days": timedelta(days=3), "-90 days": timedelta(days=-90)}
    if event.get("at") in shifts:
        event = {**event, "at": (timezone.now() + shifts[event["at"]]).isoformat()}
    assert post(client, terminal, batch(event)).status_code == 400


def test_oversized_batch_is_400(client, terminal, settings):
    settings.KOPURO_KIOSK_BATCH_MAX_BYTES = 2000
    many = [{"type": "session", "at": now(), "lang": "ky"}] * 40
    response = post(client, terminal, batch(*many))
    assert response.status_code == 400 and "larger" in response.json()["error"]
    settings.KOPURO_KIOSK_BATCH_MAX_BYTES = 10**6
    settings.KOPURO_KIOSK_BATCH_MAX_EVENTS = 10
    assert post(client, terminal, batch(*many)).status_code == 400
    assert not DailyReach.objects.exists()


def test_get_is_refused(client, terminal):
    assert client.get(f"/kiosk/api/{terminal.code}/events").status_code == 405


def test_heartbeat_updates_the_fleet(client, terminal):
    response = post(
        client, terminal, {"app_version": "1", "content_version": "abc"}, path="heartbeat"
    )
    assert response.status_code == 200 and response.json()["status"] == "ok"
    terminal.refresh_from_db()
    assert terminal.last_seen_at and terminal.content_version == "abc"
    assert post(client, terminal, {"app_version": 3}, path="heartbeat").status_code == 400
    assert post(client, terminal, {}, token="bad", path="heartbeat").status_code == 401


def test_token_is_stored_hashed(terminal):
    t = Terminal.objects.get(pk=terminal.pk)
    assert terminal.plain_token not in t.token_hash and len(t.token_hash) == 64
    assert t.token_matches(terminal.plain_token)
    assert not t.token_matches(terminal.plain_token + "x")
