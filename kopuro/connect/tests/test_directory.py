"""The member directory: search, filters, sorting, visibility, blocks, htmx, bad input, queries."""

import pytest

from kopuro.accounts import services as account_services
from kopuro.accounts.models import Visibility
from kopuro.connect import services
from kopuro.connect.tests.conftest import client_for, make_member, term
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db
URL = "/en/members/"


def names(response) -> str:
    return response.content.decode()


def test_search_finds_by_name_headline_and_expertise_in_any_language(client, alice, bob):
    assert "Alice Asanova" in names(client.get(URL, {"q": "asanov"}))
    html = names(client.get(URL, {"q": "solar"}))
    assert "Alice Asanova" in html and "Bolot Bekov" not in html
    # Expertise is public by default; its Russian label finds it too.
    html = names(client.get(URL, {"q": "энергетика"}))
    assert "Alice Asanova" in html and "Bolot Bekov" in html


def test_two_filters_narrow_the_list(alice_client, alice, bob):
    make_member(display_name="Carla Moscow", residence_country="RU", residence_city="Moscow")
    html = names(
        alice_client.get(
            URL, {"residence_country": "DE", "expertise": term("expertise", "finance").pk}
        )
    )
    assert "Bolot Bekov" in html
    assert "Alice Asanova" not in html and "Carla Moscow" not in html
    html = names(alice_client.get(URL, {"offers": term("contribution", "mentoring").pk}))
    assert "Bolot Bekov" in html and "Alice Asanova" not in html


def test_only_listed_live_members_appear(client, alice):
    hidden = make_member(display_name="Not Listed", in_directory=False)
    assert "Not Listed" not in names(client.get(URL))
    assert "Alice Asanova" in names(client.get(URL))
    hidden.user.is_active = False
    hidden.user.save()
    assert hidden.display_name not in names(client.get(URL))


def test_filters_respect_the_viewers_visibility(client, alice_client):
    """A members-only residence is not a filter an anonymous visitor can use."""
    make_member(display_name="Dana Private", residence_country="KR", residence_visibility="members")
    assert "Dana Private" in names(alice_client.get(URL, {"residence_country": "KR"}))
    assert "Dana Private" not in names(client.get(URL, {"residence_country": "KR"}))
    make_member(display_name="Erkin Secret", residence_country="KR", residence_visibility="private")
    assert "Erkin Secret" not in names(alice_client.get(URL, {"residence_country": "KR"}))


def test_search_never_matches_a_hidden_field(alice_client, alice):
    other = make_member(display_name="Farida Hidden", bio="glaciologist-secret-word")
    account_services.profile_update(profile=other, data={"bio_visibility": Visibility.PRIVATE})
    assert "Farida Hidden" not in names(alice_client.get(URL, {"q": "glaciologist"}))
    account_services.profile_update(profile=other, data={"bio_visibility": Visibility.MEMBERS})
    assert "Farida Hidden" in names(alice_client.get(URL, {"q": "glaciologist"}))


def test_cards_show_only_visible_fields(client, alice_client):
    make_member(
        display_name="Gulnara Card",
        headline="Headline-Mark",
        headline_visibility="members",
        residence_city="Residence-Mark",
        residence_visibility="public",
    )
    anon = names(client.get(URL))
    assert "Gulnara Card" in anon and "Residence-Mark" in anon and "Headline-Mark" not in anon
    assert "Headline-Mark" in names(alice_client.get(URL))


def test_blocked_members_vanish_both_ways(alice_client, bob_client, alice, bob):
    services.block_create(blocker=alice.user, blocked=bob.user)
    assert "Bolot Bekov" not in names(alice_client.get(URL))
    assert "Alice Asanova" not in names(bob_client.get(URL))


def test_sorting(client, alice, bob):
    html = names(client.get(URL, {"sort": "newest"}))
    assert html.index("Bolot Bekov") < html.index("Alice Asanova")
    assert client.get(URL, {"sort": "complete"}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"expertise": "999999999999999999999999"},
        {"expertise": "abc"},
        {"residence_country": "XX"},
        {"sort": "<script>"},
        {"page": "-1"},
        {"q": "x" * 500},
        {"q": "!!! && :* | ()"},
    ],
)
def test_bad_input_is_a_message_not_an_error(client, alice, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "Alice Asanova" in names(response) or "form-errors" in names(response)


def test_bad_filter_keeps_the_typed_search(client, alice):
    html = names(client.get(URL, {"q": "solar", "residence_country": "XX"}))
    assert 'value="solar"' in html
    assert "Please correct the errors below." in html


def test_htmx_gets_only_the_results(client, alice):
    response = client.get(
        URL, {"q": "solar"}, headers={"HX-Request": "true", "HX-Target": "directory-results"}
    )
    html = names(response)
    assert "Alice Asanova" in html and "<html" not in html


@pytest.mark.parametrize("lang,word", [("ru", "Участники"), ("ky", "Мүчөлөр")])
def test_directory_in_other_languages(client, alice, lang, word):
    response = client.get(f"/{lang}/members/")
    assert response.status_code == 200
    assert f'lang="{lang}"' in names(response)


def test_directory_costs_the_same_for_3_and_30_members(alice_client, alice):
    n = {"i": 0}

    def add(count):
        for _ in range(count):
            n["i"] += 1
            make_member(display_name=f"Budget Member {n['i']}", expertise=["it", "finance"])

    assert_queries_constant(alice_client, URL + "?q=budget", add, max_queries=14)


# --- Cards from the fragment cache (the data cache on, as in production) -------------------------


def test_a_cached_card_follows_the_connection_and_the_profile(alice_client, alice, bob, data_cache):
    search = {"q": "bekov"}
    html = names(alice_client.get(URL, search))
    assert "Bolot Bekov" in html and "Finance mentor" in html and "Request sent" not in html

    services.connection_request(sender=alice.user, recipient=bob.user)
    assert "Request sent" in names(alice_client.get(URL, search))  # another card: the status

    account_services.profile_update(profile=bob, data={"headline": "Treasury mentor"})
    html = names(alice_client.get(URL, search))
    assert "Treasury mentor" in html and "Finance mentor" not in html


def test_a_cached_card_is_never_another_viewers(client, alice_client, alice, bob, data_cache):
    account_services.profile_update(profile=bob, data={"headline_visibility": Visibility.MEMBERS})
    assert "Finance mentor" in names(alice_client.get(URL, {"q": "bekov"}))
    html = names(client.get(URL, {"q": "bekov"}))  # a visitor: the public card
    assert "Bolot Bekov" in html and "Finance mentor" not in html
    bob_html = names(client_for(bob).get(URL, {"q": "bekov"}))  # their own: no "Connect"
    assert "Finance mentor" in bob_html and "— Bolot Bekov" not in bob_html


def test_a_warm_directory_page_reads_only_the_search(
    alice_client, alice, bob, data_cache, django_assert_max_num_queries
):
    search = {"q": "mentor", "residence_country": "DE"}
    alice_client.get(URL, search)
    alice_client.get(URL, search)
    # The session, the page's ids, its profiles, the viewer's connections with them (SQLite:
    # a count and the ids); the cards' expertise only when a card is rendered afresh.
    with django_assert_max_num_queries(5):
        assert "Bolot Bekov" in names(alice_client.get(URL, search))
