"""Member endpoints and API tokens: session or personal token, scopes, revocation and expiry,
rate limits per token, member and address, and exactly the pages' visibility rules."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from kopuro.api.models import ApiToken, digest
from kopuro.connect import services as connect
from kopuro.connect.tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

ALL = ["profile:read", "directory:read", "connections:read", "messages:read"]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the rate-limit counters


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def token_for(profile, scopes=ALL, **extra) -> str:
    return ApiToken.issue(user=profile.user, name="script", scopes=scopes, **extra)[1]


def test_member_endpoints_refuse_an_anonymous_caller_with_json(client):
    for path in ("/api/v1/me/profile", "/api/v1/members", "/api/v1/me/connections"):
        response = client.get(path)
        assert response.status_code == 401
        assert response.json() == {"detail": "Unauthorized"}


def test_a_signed_in_session_reads_its_own_profile(alice_client, alice):
    data = alice_client.get("/api/v1/me/profile").json()
    assert data["handle"] == alice.handle
    assert data["headline"] == "Solar engineer"
    assert set(data["visibility"]) == set(alice.VISIBILITY_GROUPS)


def test_a_personal_token_reads_within_its_scopes_only(alice):
    token = token_for(alice, scopes=["profile:read"])
    client = Client()
    assert client.get("/api/v1/me/profile", **bearer(token)).json()["handle"] == alice.handle
    refused = client.get("/api/v1/members", **bearer(token))
    assert refused.status_code == 403
    assert "directory:read" in refused.json()["detail"]
    row = ApiToken.objects.get()
    assert row.last_used_at is not None
    assert row.key_digest == digest(token) and token not in str(row.__dict__)


@pytest.mark.parametrize("state", ["unknown", "revoked", "expired", "inactive member"])
def test_a_bad_token_is_refused_on_every_endpoint(alice, state):
    token = token_for(alice)
    if state == "unknown":
        token = token[:-3] + "xyz"
    elif state == "revoked":
        ApiToken.objects.update(revoked_at=timezone.now())
    elif state == "expired":
        ApiToken.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    else:
        type(alice.user).objects.filter(pk=alice.user.pk).update(is_active=False)
    for path in ("/api/v1/me/profile", "/api/v1/news"):
        response = Client().get(path, **bearer(token))
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Bearer"
        assert "token" in response.json()["detail"]


def test_a_partner_token_is_not_a_member(alice):
    token = token_for(alice, scopes=[], kind=ApiToken.Kind.PARTNER, per_minute=600)
    assert Client().get("/api/v1/me/profile", **bearer(token)).status_code == 401
    assert Client().get("/api/v1/news", **bearer(token)).status_code == 200


def test_each_token_has_its_own_rate_limit(alice, steady_clock):
    slow = token_for(alice, per_minute=3)
    other = token_for(alice, per_minute=3)
    client = Client()
    for _ in range(3):
        assert client.get("/api/v1/me/profile", **bearer(slow)).status_code == 200
    limited = client.get("/api/v1/me/profile", **bearer(slow))
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "Too many requests" in limited.json()["detail"]
    assert client.get("/api/v1/me/profile", **bearer(other)).status_code == 200


def test_anonymous_callers_are_limited_per_address(client, settings, steady_clock):
    settings.KOPURO_API_ANONYMOUS_PER_MINUTE = 2
    assert client.get("/api/v1/news").status_code == 200
    assert client.get("/api/v1/news").status_code == 200
    assert client.get("/api/v1/news").status_code == 429
    assert Client(REMOTE_ADDR="10.0.0.9").get("/api/v1/news").status_code == 200


def test_the_directory_shows_what_the_page_shows(alice, bob):
    from kopuro.connect import selectors

    bob.headline_visibility = "private"
    bob.save()
    carol = make_member(display_name="Carol Chen", residence_country="DE")
    connect.block_create(blocker=carol.user, blocked=alice.user)
    token = token_for(alice)
    data = Client().get("/api/v1/members?residence_country=DE", **bearer(token)).json()
    handles = [item["handle"] for item in data["items"]]
    _page, cards = selectors.directory_page(
        viewer=alice.user, filters={"residence_country": "DE"}, page=1
    )
    assert handles == [c.profile.handle for c in cards]
    assert carol.handle not in handles  # a block either way hides both
    bob_item = next(i for i in data["items"] if i["handle"] == bob.handle)
    assert bob_item["headline"] == ""  # only Bob sees it
    assert data["meta"]["count"] == len(handles)
    one = Client().get(f"/api/v1/members/{bob.handle}", **bearer(token)).json()
    assert one["headline"] == "" and one["name"] == "Bolot Bekov"
    assert Client().get(f"/api/v1/members/{carol.handle}", **bearer(token)).status_code == 404


def test_an_unknown_term_or_country_matches_nobody_and_a_malformed_one_is_a_422(alice, bob):
    token = token_for(alice)
    for query in ("expertise=999999", "residence_country=ZZ"):
        data = Client().get(f"/api/v1/members?{query}", **bearer(token)).json()
        assert data["meta"]["count"] == 0 and data["items"] == []
    for query in ("sort=random", "residence_country=germany", "page=0"):
        response = Client().get(f"/api/v1/members?{query}", **bearer(token))
        assert response.status_code == 422
        assert response.json()["detail"]


def test_connections_and_conversations(alice, bob):
    request = connect.connection_request(sender=bob.user, recipient=alice.user, note="Hi Alice")
    token = token_for(alice)
    data = Client().get("/api/v1/me/connections", **bearer(token)).json()
    assert data["incoming"][0]["member"]["handle"] == bob.handle
    assert data["incoming"][0]["note"] == "Hi Alice"
    connect.connection_accept(connection=request, by=alice.user)
    conversation = connect.conversation_open(sender=bob.user, recipient=alice.user)
    connect.message_send(conversation=conversation, sender=bob.user, body="About the dam study")
    rows = Client().get("/api/v1/me/conversations", **bearer(token)).json()
    assert rows[0]["member"]["name"] == "Bolot Bekov"
    assert rows[0]["unread"] == 1
    assert rows[0]["last_message"] == "About the dam study" and not rows[0]["last_from_me"]
    # Someone else's conversation is not in the list.
    assert Client().get("/api/v1/me/conversations", **bearer(token_for(make_member()))).json() == []


def test_a_member_makes_sees_once_and_revokes_a_token(alice_client, alice):
    page = alice_client.get("/en/me/api-tokens/").content.decode()
    assert "No tokens yet." in page
    refused = alice_client.post("/en/me/api-tokens/", {"name": "my calendar", "expires": "30"})
    assert "Choose at least one thing the token may read." in refused.content.decode()
    assert 'value="my calendar"' in refused.content.decode()
    response = alice_client.post(
        "/en/me/api-tokens/",
        {"name": "my calendar", "scopes": ["profile:read"], "expires": "30"},
        follow=True,
    )
    page = response.content.decode()
    row = ApiToken.objects.get()
    token = page.split('class="token-once">')[1].split("<")[0]
    assert row.key_digest == digest(token)
    assert token not in alice_client.get("/en/me/api-tokens/").content.decode()  # shown once
    assert Client().get("/api/v1/me/profile", **bearer(token)).status_code == 200
    alice_client.post(f"/en/me/api-tokens/{row.pk}/revoke/")
    assert Client().get("/api/v1/me/profile", **bearer(token)).status_code == 401
    # Someone else cannot revoke it.
    other = token_for(alice)
    client_for(make_member()).post(f"/en/me/api-tokens/{ApiToken.objects.live().get().pk}/revoke/")
    assert Client().get("/api/v1/me/profile", **bearer(other)).status_code == 200


def test_tokens_are_in_the_export_and_go_with_the_account(alice):
    from kopuro.accounts.services import account_delete
    from kopuro.api.services import export_tokens

    token_for(alice)
    assert export_tokens(alice.user)[0]["name"] == "script"
    account_delete(user=alice.user)
    assert not ApiToken.objects.exists()
