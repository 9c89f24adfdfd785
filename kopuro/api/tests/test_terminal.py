"""The terminal endpoints on the API (/api/v1/terminal/…): the terminal's own token, the same
services as the kiosk's endpoints (a batch counted once, whichever door it came through),
nothing personal accepted, a rate limit per terminal, JSON errors."""

import json
import uuid

import pytest
from django.utils import timezone

from kopuro.api.models import ApiToken, Scope
from kopuro.infodesk import selectors
from kopuro.infodesk.models import DailyReach, EventBatch
from kopuro.infodesk.services import terminal_issue_token, terminal_revoke_token
from kopuro.infodesk.tests.conftest import make_terminal

pytestmark = pytest.mark.django_db


@pytest.fixture
def terminal(db):
    return make_terminal("FRU-API", languages="ky,ru,en")


def auth(terminal, token=None) -> dict:
    return {"HTTP_AUTHORIZATION": f"Terminal {terminal.code}:{token or terminal.plain_token}"}


def post(client, path, body, headers):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(
        f"/api/v1/terminal/{path}", data=data, content_type="application/json", **headers
    )


def events(n=1, **extra):
    at = timezone.now().isoformat()
    base = [
        {"type": "session", "at": at, "lang": "ky"},
        {"type": "view", "at": at, "lang": "ky", "topic": "trafficking", "section": "signs"},
        {"type": "helpful", "at": at, "lang": "ru", "topic": "russia", "helpful": False},
    ]
    return [{**base[i % 3], **extra} for i in range(n)]


def batch(items, batch_id=None):
    return {"batch": str(batch_id or uuid.uuid4()), "events": items}


def assert_json(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_heartbeat_records_the_versions_and_answers_the_current_one(client, terminal):
    body = assert_json(
        post(
            client, "heartbeat", {"app_version": "1", "content_version": "abc.ky"}, auth(terminal)
        ),
        200,
    )
    assert body == {"status": "ok", "content_version": selectors.content_version()}
    terminal.refresh_from_db()
    assert terminal.last_seen_at and (terminal.app_version, terminal.content_version) == (
        "1",
        "abc.ky",
    )


def test_a_batch_is_counted_once_through_either_door(client, terminal):
    body = batch(events(3))
    assert assert_json(post(client, "events", body, auth(terminal)), 200) == {
        "status": "counted",
        "events": 3,
    }
    assert assert_json(post(client, "events", body, auth(terminal)), 200) == {
        "status": "duplicate",
        "events": 0,
    }
    # The kiosk's own endpoint calls the same service: the same batch is a replay there too.
    old = client.post(
        f"/kiosk/api/{terminal.code}/events",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {terminal.plain_token}",
    )
    assert old.json() == {"status": "duplicate", "events": 0}
    assert EventBatch.objects.get().events == 3
    assert DailyReach.objects.get(topic="trafficking").views == 1
    assert DailyReach.objects.get(topic="russia").helpful_no == 1


def test_the_manifest_is_the_kiosks_own(client, terminal):
    response = client.get("/api/v1/terminal/manifest", **auth(terminal))
    body = assert_json(response, 200)
    assert body == selectors.kiosk_manifest(terminal=terminal)
    assert body["urls"][0] == f"/kiosk/{terminal.code}/"
    assert "no-cache" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    old = client.get(f"/kiosk/{terminal.code}/manifest.json").json()
    assert old == body


@pytest.mark.parametrize(
    "item",
    [
        {"note": "Aida from Osh, +996 555 123 456"},  # free text rides along: refused
        {"type": "teleport"},
        {"at": "2026-01-01T00:00:00"},  # no time zone
        {"lang": "fr"},
        {"topic": "Aida Osh"},
        {"section": "x" * 61},
        {"helpful": "maybe"},
    ],
    ids=["free-text", "type", "naive-time", "language", "topic-text", "long-section", "helpful"],
)
def test_an_event_beyond_the_kiosk_model_is_a_422_and_nothing_is_counted(client, terminal, item):
    body = assert_json(
        post(client, "events", batch([*events(2), {**events(1)[0], **item}]), auth(terminal)), 422
    )
    assert body["detail"]
    assert not EventBatch.objects.exists() and not DailyReach.objects.exists()


def test_rules_only_the_service_knows_are_422_too(client, terminal):
    old = (timezone.now() - timezone.timedelta(days=90)).isoformat()
    body = assert_json(post(client, "events", batch(events(1, at=old)), auth(terminal)), 422)
    assert "Event 1" in body["detail"]
    view_without_topic = {"type": "view", "at": timezone.now().isoformat(), "lang": "ky"}
    assert_json(post(client, "events", batch([view_without_topic]), auth(terminal)), 422)
    assert not DailyReach.objects.exists()


def test_a_batch_is_bounded_in_events_and_bytes(client, terminal, settings):
    assert_json(post(client, "events", batch([]), auth(terminal)), 422)
    assert_json(post(client, "events", batch(events(501)), auth(terminal)), 422)
    settings.KOPURO_KIOSK_BATCH_MAX_EVENTS = 10
    assert_json(post(client, "events", batch(events(11)), auth(terminal)), 422)
    settings.KOPURO_KIOSK_BATCH_MAX_BYTES = 500
    body = assert_json(post(client, "events", batch(events(10)), auth(terminal)), 413)
    assert "larger" in body["detail"]
    assert not DailyReach.objects.exists()
    assert "parse" in assert_json(post(client, "events", "not json", auth(terminal)), 400)["detail"]
    for text in ("[]", '{"batch": "nope", "events": []}'):
        assert_json(post(client, "events", text, auth(terminal)), 422)


def test_heartbeat_takes_versions_only(client, terminal):
    for body in ({"app_version": 3}, {"app_version": "1 Aida"}, {"extra": "x"}):
        assert_json(post(client, "heartbeat", body, auth(terminal)), 422)
    terminal.refresh_from_db()
    assert terminal.last_seen_at is None


def test_refusals_are_401_json(client, terminal, django_user_model):
    paths = [("post", "heartbeat"), ("post", "events"), ("get", "manifest")]

    def call(method, path, headers):
        if method == "get":
            return client.get(f"/api/v1/terminal/{path}", **headers)
        return post(client, path, batch(events(1)), headers)

    personal = ApiToken.issue(
        user=django_user_model.objects.create_user(email="p@example.org", password="x"),
        name="mine",
        scopes=Scope.values,
    )[1]
    other = make_terminal("OSH-1")
    other_token = other.plain_token
    refusals = {
        "none": {},
        "wrong token": auth(terminal, "wrong"),
        "another terminal's token": auth(terminal, other_token),
        "unknown terminal": {"HTTP_AUTHORIZATION": f"Terminal NOPE:{terminal.plain_token}"},
        "no code": {"HTTP_AUTHORIZATION": f"Terminal {terminal.plain_token}"},
        "personal token": {"HTTP_AUTHORIZATION": f"Bearer {personal}"},
        "terminal token as bearer": {"HTTP_AUTHORIZATION": f"Bearer {terminal.plain_token}"},
    }
    for why, headers in refusals.items():
        for method, path in paths:
            response = call(method, path, headers)
            assert response.status_code == 401, (why, path, response.status_code)
            assert response.json()["detail"], why
    response = call("post", "events", auth(terminal, "wrong"))
    assert response["WWW-Authenticate"] == "Terminal"

    terminal_revoke_token(terminal=terminal)
    assert call("get", "manifest", auth(terminal)).status_code == 401
    terminal_issue_token(terminal=terminal)  # a new token: the old one stays dead
    assert call("get", "manifest", auth(terminal)).status_code == 401
    other.active = False
    other.save()
    assert call("get", "manifest", auth(other, other_token)).status_code == 401
    assert not EventBatch.objects.exists()


def test_a_bad_terminal_token_is_refused_on_public_endpoints_too(client, terminal):
    response = client.get("/api/v1/news", **auth(terminal, "wrong"))
    assert response.status_code == 401
    assert client.get("/api/v1/news", **auth(terminal)).status_code == 200


def test_each_terminal_has_its_own_rate_limit(client, terminal, settings, steady_clock):
    settings.KOPURO_API_TERMINAL_PER_MINUTE = 2
    other = make_terminal("OSH-2")
    statuses = [
        client.get("/api/v1/terminal/manifest", **auth(terminal)).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    response = post(client, "heartbeat", {}, auth(terminal))
    body = assert_json(response, 429)
    assert int(response["Retry-After"]) >= 1 and "Too many" in body["detail"]
    assert client.get("/api/v1/terminal/manifest", **auth(other)).status_code == 200
