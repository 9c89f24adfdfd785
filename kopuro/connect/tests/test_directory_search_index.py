"""The directory's search reads the directory entries alone (kopuro.connect.selectors
.matching_entries): the same members in the same order as the reference query on the profiles
(directory_search), whatever the sort, the viewer, the holds and the blocks; `listed` follows
the profile and the account; the filters' <select>s render as Django's would."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser

from kopuro.accounts import services as account_services
from kopuro.accounts.models import Visibility
from kopuro.connect import services
from kopuro.connect.forms import QuickSelect, QuickTextInput, Ready
from kopuro.connect.models import DirectoryEntry, ProfileHold
from kopuro.connect.selectors import (
    PAGE_SIZE,
    _page_ids_and_total,
    directory_search,
    filter_tokens,
    matching_entries,
    rank_is_constant,
    search_words,
)
from kopuro.connect.tests.conftest import client_for, make_member, term
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db
URL = "/en/members/"


@pytest.fixture
def crowd(alice, bob):
    """Members the search must tell apart: listed or not, live or not, held, blocked, with a
    members-only or hidden residence, with equal completeness (ties broken by newest, then id)."""
    people = {
        "plain": make_member(display_name="Plain Engineer", headline="Engineer"),
        "twin": make_member(display_name="Twin Engineer", headline="Engineer"),
        "members": make_member(
            display_name="Members Engineer",
            headline="Engineer",
            residence_country="DE",
            residence_visibility=Visibility.MEMBERS,
        ),
        "private": make_member(
            display_name="Private Engineer",
            headline="Engineer",
            residence_country="DE",
            residence_visibility=Visibility.PRIVATE,
        ),
        "unlisted": make_member(display_name="Unlisted Engineer", in_directory=False),
        "inactive": make_member(display_name="Gone Engineer", headline="Engineer"),
        "held": make_member(display_name="Held Engineer", headline="Engineer"),
        "blocked": make_member(display_name="Blocked Engineer", headline="Engineer"),
        "blocker": make_member(display_name="Blocker Engineer", headline="Engineer"),
        "rich": make_member(
            display_name="Rich Engineer",
            headline="Engineer engineer",
            bio="Engineer of bridges",
            expertise=["engineering", "it"],
            residence_country="DE",
        ),
    }
    people["inactive"].user.is_active = False
    people["inactive"].user.save()
    ProfileHold.objects.create(user=people["held"].user)
    services.block_create(blocker=alice.user, blocked=people["blocked"].user)
    services.block_create(blocker=people["blocker"].user, blocked=alice.user)
    return people


FILTERS = [
    {"q": "engineer"},
    {"q": "engineer", "residence_country": "DE"},
    {"residence_country": "DE"},
    {"q": "engin bridges"},
    {"expertise": "engineering"},
    {"q": "nobody-has-this-word"},
]


@pytest.mark.parametrize("sort", ["relevance", "newest", "complete"])
@pytest.mark.parametrize("filters", FILTERS)
def test_entries_find_the_same_members_in_the_same_order(crowd, alice, filters, sort):
    filters = dict(filters, sort=sort)
    if "expertise" in filters:
        filters["expertise"] = term("expertise", filters["expertise"])
    for viewer in (alice.user, AnonymousUser()):
        reference = list(
            directory_search(viewer=viewer, filters=filters).values_list("pk", flat=True)
        )
        found = list(
            matching_entries(viewer=viewer, filters=filters).values_list("profile_id", flat=True)
        )
        assert found == reference
    shown = set(
        matching_entries(viewer=alice.user, filters=filters).values_list("profile_id", flat=True)
    )
    for name in ("unlisted", "inactive", "held", "blocked", "blocker", "private"):
        if name == "private" and "q" in filters and "residence_country" not in filters:
            continue  # found by its (public) headline, not by the hidden residence
        assert crowd[name].pk not in shown, name


@pytest.mark.parametrize("sort", ["relevance", "newest", "complete"])
@pytest.mark.parametrize("filters", FILTERS)
def test_the_page_query_reads_what_the_entries_queryset_reads(crowd, alice, filters, sort):
    """PostgreSQL's page query (SQL written out) gives the page and the count of
    `matching_entries` (the ORM's query, itself compared with the reference above)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the page query is PostgreSQL's")
    filters = dict(filters, sort=sort)
    if "expertise" in filters:
        filters["expertise"] = term("expertise", filters["expertise"])
    for viewer in (alice.user, AnonymousUser()):
        expected = list(
            matching_entries(viewer=viewer, filters=filters).values_list("profile_id", flat=True)
        )
        page = _page_ids_and_total(viewer=viewer, filters=filters, number=1)
        assert page == (expected[:PAGE_SIZE], len(expected))
        assert _page_ids_and_total(viewer=viewer, filters=filters, number=2) is None


@pytest.mark.parametrize(
    ("q", "filters", "constant"),
    [
        ("engin", {"residence_country": "DE"}, True),
        ("engin", {"residence_country": "DE", "expertise": "engineering"}, True),
        ("engin", {}, False),  # one term: ranked by how many lexemes the prefix matches
        ("engin bridges", {"residence_country": "DE"}, False),
        ("энерг", {"residence_country": "DE"}, False),  # sorts after the "zq" tokens
        ("engin_eer", {"residence_country": "DE"}, False),  # two terms for PostgreSQL
        ("engin²", {"residence_country": "DE"}, False),  # 'engin' for PostgreSQL
    ],
)
def test_the_rank_is_left_out_only_when_postgresql_gives_every_match_the_same(
    crowd, q, filters, constant
):
    """`rank_is_constant` against ts_rank itself: where it says so, every match has the same
    rank (so the order by completeness and id is the ranked order)."""
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.db import connection
    from django.db.models import F

    filters = dict(filters, q=q)
    if "expertise" in filters:
        filters["expertise"] = term("expertise", filters["expertise"])
    words, tokens = search_words(q), filter_tokens(filters)
    assert rank_is_constant(words, tokens) is constant
    if connection.vendor != "postgresql":
        return
    make_member(
        display_name="Engineering Engineers",
        headline="Engineer, engine engineering",
        bio="engines",
        expertise=["engineering", "renewable-energy"],
        residence_country="DE",
    )
    query = SearchQuery(
        " & ".join([f"{w}:*" for w in words] + tokens), search_type="raw", config="simple"
    )
    ranks = set(
        DirectoryEntry.objects.filter(vector_members=query)
        .annotate(rank=SearchRank(F("vector_members"), query))
        .values_list("rank", flat=True)
    )
    if constant:
        assert len(ranks) == 1  # matches, all with the same rank


def test_without_words_or_filters_the_profiles_are_listed():
    assert matching_entries(viewer=AnonymousUser(), filters={"sort": "newest"}) is None


def test_listed_follows_the_account_and_the_profile(alice_client, bob):
    entry = DirectoryEntry.objects.get(profile=bob)
    assert entry.listed and entry.joined_at == bob.created_at
    bob.user.is_active = False
    bob.user.save()
    assert not DirectoryEntry.objects.get(profile=bob).listed
    assert "Bolot Bekov" not in alice_client.get(URL, {"q": "bolot"}).content.decode()
    bob.user.is_active = True
    bob.user.save(update_fields=["is_active"])
    assert DirectoryEntry.objects.get(profile=bob).listed
    assert "Bolot Bekov" in alice_client.get(URL, {"q": "bolot"}).content.decode()
    account_services.profile_update(profile=bob, data={"in_directory": False})
    assert not DirectoryEntry.objects.get(profile=bob).listed
    assert "Bolot Bekov" not in alice_client.get(URL, {"q": "bolot"}).content.decode()


def test_a_login_does_not_touch_the_entry(bob, django_assert_num_queries):
    bob.user.last_login = bob.created_at
    with django_assert_num_queries(1):  # the account's own UPDATE, nothing for the directory
        bob.user.save(update_fields=["last_login"])


def test_a_stale_entry_never_shows_a_member_who_may_not_be_listed(alice_client, bob):
    """The page's profiles are checked again: an entry that lags behind (listed by mistake)
    still cannot show the member."""
    ProfileHold.objects.create(user=bob.user)
    DirectoryEntry.objects.filter(profile=bob).update(listed=True)
    account_services.profile_update(profile=bob, data={"headline": "Finance mentor again"})
    assert "Bolot Bekov" not in alice_client.get(URL, {"q": "bolot"}).content.decode()
    bob.user.is_active = False
    bob.user.save()
    DirectoryEntry.objects.filter(profile=bob).update(listed=True)  # stale on purpose
    assert "Bolot Bekov" not in alice_client.get(URL, {"q": "bolot"}).content.decode()


def test_a_page_past_the_end_shows_the_last_page(alice_client, alice):
    html = alice_client.get(URL, {"q": "alice", "page": "99"}).content.decode()
    assert "Alice Asanova" in html


def test_search_with_filters_costs_the_same_for_3_and_30_members(alice, bob):
    n = {"i": 0}

    def add(count):
        for _ in range(count):
            n["i"] += 1
            make_member(
                display_name=f"Budget Engineer {n['i']}",
                expertise=["engineering"],
                residence_country="RU",
            )

    url = f"{URL}?q=budget&residence_country=RU&expertise={term('expertise', 'engineering').pk}"
    assert_queries_constant(client_for(alice), url, add, max_queries=15)
    assert_queries_constant(client_for(bob), url + "&sort=newest&page=2", add, max_queries=15)


@pytest.mark.parametrize("value", ["", "KG", "<b>&"])
def test_quick_select_renders_what_djangos_select_renders(value):
    choices = [("", "Any country"), ("KG", "Kyrgyzstan"), ("<b>&", 'A "quoted" <label>')]
    attrs = {"id": "id_c", "aria-describedby": "id_c_helptext", "aria-invalid": "true"}
    expected = forms.Select(choices=choices).render("c", value, attrs=attrs)
    got = QuickSelect(choices=choices).render("c", value, attrs=attrs)
    assert " ".join(got.split()) == " ".join(expected.split())
    ready = QuickSelect(choices=Ready(choices))  # escaped once, as the country lists are
    for _ in range(2):
        got = ready.render("c", value, attrs=attrs)
        assert " ".join(got.split()) == " ".join(expected.split())


@pytest.mark.parametrize("value", [None, "", "Osh", '<b>"&'])
@pytest.mark.parametrize("kind", [{}, {"type": "search"}])
def test_quick_text_input_renders_what_djangos_text_input_renders(value, kind):
    attrs = {"id": "id_q", "maxlength": "80", "required": True, "aria-invalid": "true"}
    expected = forms.TextInput(attrs=kind).render("q", value, attrs=attrs)
    got = QuickTextInput(attrs=kind).render("q", value, attrs=attrs)
    assert " ".join(got.split()) == " ".join(expected.split())
