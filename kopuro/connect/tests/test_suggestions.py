"""People like you: reasons in plain words, the score, recomputation, dismissals, visibility."""

import pytest

from kopuro.accounts import services as account_services
from kopuro.accounts.models import Visibility
from kopuro.connect import services
from kopuro.connect.models import Suggestion
from kopuro.connect.suggestions import suggestions_recompute
from kopuro.connect.tests.conftest import make_member, term
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db
URL = "/en/members/for-you/"


def test_reasons_and_score(alice_client, alice, bob):
    suggestions_recompute(user_id=alice.user_id)
    html = alice_client.get(URL).content.decode()
    assert "Bolot Bekov" in html
    assert "You both work in Renewable energy" in html
    assert "Bolot Bekov offers Mentoring, which you seek" in html
    assert "Also from Osh" in html
    assert "Lives in your city, Berlin" in html
    s = Suggestion.objects.get(user=alice.user)
    # 3 (expertise) + 4 (offer/seek) + 3 (region) + 3 (city) = 13
    assert s.score == 13
    assert "Score 13" in html


def test_recomputed_when_the_profile_changes(alice, django_capture_on_commit_callbacks):
    carol = make_member(display_name="Carol Coder", expertise=["it"])
    assert not Suggestion.objects.filter(user=alice.user, suggested=carol.user).exists()
    with django_capture_on_commit_callbacks(execute=True):
        account_services.profile_update(
            profile=alice, data={"interests": [term("expertise", "it")]}
        )
    assert Suggestion.objects.filter(user=alice.user, suggested=carol.user).exists()


def test_hidden_groups_give_no_reasons(alice_client, alice, bob):
    suggestions_recompute(user_id=alice.user_id)
    account_services.profile_update(
        profile=bob,
        data={
            "offers_visibility": Visibility.PRIVATE,
            "origin_visibility": Visibility.PRIVATE,
        },
    )
    html = alice_client.get(URL).content.decode()
    # The stored reasons predate the change; the page still drops them.
    assert "offers Mentoring" not in html and "Also from Osh" not in html
    assert "You both work in Renewable energy" in html
    suggestions_recompute(user_id=alice.user_id)
    s = Suggestion.objects.get(user=alice.user, suggested=bob.user)
    assert {r["code"] for r in s.reasons} == {"shared_expertise", "same_city"}


def test_dismissed_never_comes_back(alice_client, alice, bob):
    suggestions_recompute(user_id=alice.user_id)
    alice_client.post(f"/en/members/{bob.handle}/dismiss/")
    alice_client.get(URL)  # shows (and clears) the confirmation that names him
    assert "Bolot Bekov" not in alice_client.get(URL).content.decode()
    suggestions_recompute(user_id=alice.user_id)
    assert not Suggestion.objects.filter(user=alice.user, suggested=bob.user).exists()


def test_blocked_connected_and_unlisted_are_not_suggested(alice_client, alice, bob):
    suggestions_recompute(user_id=alice.user_id)
    services.connection_request(sender=alice.user, recipient=bob.user)
    assert "Bolot Bekov" not in alice_client.get(URL).content.decode()
    bob.user.connections_received.all().delete()
    services.block_create(blocker=bob.user, blocked=alice.user)
    assert "Bolot Bekov" not in alice_client.get(URL).content.decode()


def test_empty_state_points_to_the_profile(alice_client):
    html = alice_client.get(URL).content.decode()
    assert "No suggestions yet." in html


def test_budget(alice_client, alice):
    def add(n):
        for _ in range(n):
            make_member(expertise=["renewable-energy"])
        suggestions_recompute(user_id=alice.user_id)

    assert_queries_constant(alice_client, URL, add, max_queries=12)
