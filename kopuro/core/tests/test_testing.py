"""The query-budget helper: it catches an N+1, passes a constant page, and guards the home page."""

import pytest
from django.http import HttpResponse
from django.urls import path

from kopuro.accounts.models import Profile
from kopuro.accounts.tests.factories import ProfileFactory
from kopuro.core.testing import assert_queries_constant, count_queries, queries_for_get


def n_plus_one(request):
    # One query for the profiles, then one more per profile for its user.
    return HttpResponse(", ".join(p.user.email for p in Profile.objects.order_by("pk")))


def constant(request):
    rows = Profile.objects.select_related("user").order_by("pk")
    return HttpResponse(", ".join(p.user.email for p in rows))


def gone(request):
    return HttpResponse("gone", status=404)


urlpatterns = [
    path("n-plus-one/", n_plus_one),
    path("constant/", constant),
    path("gone/", gone),
]


def add_members(n: int) -> None:
    ProfileFactory.create_batch(n)


@pytest.mark.urls(__name__)
def test_it_fails_on_an_n_plus_one(client, db):
    with pytest.raises(AssertionError) as failure:
        assert_queries_constant(client, "/n-plus-one/", add_members)
    message = str(failure.value)
    assert "with 3 rows" in message
    assert "with 30 rows" in message
    assert "accounts_user" in message  # the repeated query is listed


@pytest.mark.urls(__name__)
def test_it_passes_a_page_with_a_constant_query_count(client, db):
    assert assert_queries_constant(client, "/constant/", add_members) == 1
    assert Profile.objects.count() == 30


@pytest.mark.urls(__name__)
def test_it_holds_a_page_to_a_budget(client, db):
    with pytest.raises(AssertionError, match="over its budget of 0"):
        assert_queries_constant(client, "/constant/", add_members, max_queries=0)


@pytest.mark.urls(__name__)
def test_it_rejects_a_page_that_does_not_answer_200(client, db):
    with pytest.raises(AssertionError, match="answered 404"):
        queries_for_get(client, "/gone/")


def test_count_queries_lists_the_sql(db):
    with count_queries() as counted:
        list(Profile.objects.all())
    assert len(counted) == 1
    assert "accounts_profile" in str(counted)


def test_the_home_page_costs_the_same_with_3_or_30_new_members(client, site):
    """The home page's "New in the community" list, for an anonymous visitor."""
    assert_queries_constant(client, "/en/", add_members)
    assert "New in the community" in client.get("/en/").content.decode()


def test_the_home_page_costs_the_same_for_a_member(client, site):
    client.force_login(ProfileFactory().user)
    assert_queries_constant(client, "/en/", add_members)
