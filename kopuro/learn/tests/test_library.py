"""The library: search, facets with counts, sort, related resources, query budgets."""

import pytest

from kopuro.core.testing import assert_queries_constant
from kopuro.learn.models import Resource
from kopuro.learn.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_facets_narrow_and_count(client):
    ResourceFactory(
        title="Health rights in Russia", kind="law", topics=["health"], countries=["RU"], year=2020
    )
    ResourceFactory(
        title="Clinics in Korea",
        kind="guide",
        topics=["health"],
        countries=["KR", "KG"],
        year=2021,
        languages=["ru"],
    )
    ResourceFactory(
        title="Starting a business",
        kind="toolkit",
        topics=["business"],
        countries=["KG"],
        year=2021,
    )
    ResourceFactory(title="Hidden draft", status=Resource.Status.SUBMITTED, topics=["health"])

    html = client.get("/en/resources/").content.decode()
    assert "3 resources" in html
    assert "Hidden draft" not in html
    assert "Health and medicine (2)" in html  # topic facet with its count
    assert "Kyrgyzstan (2)" in html

    html = client.get("/en/resources/", {"topic": "health"}).content.decode()
    assert "2 resources" in html and "Starting a business" not in html
    html = client.get("/en/resources/", {"topic": "health", "country": "KG"}).content.decode()
    assert "Clinics in Korea" in html and "Health rights in Russia" not in html
    html = client.get("/en/resources/", {"language": "ru"}).content.decode()
    assert "1 resource" in html and "Clinics in Korea" in html
    html = client.get("/en/resources/", {"year": "2021", "kind": "toolkit"}).content.decode()
    assert "Starting a business" in html and "1 resource" in html
    html = client.get("/en/resources/", {"q": "korea clinics"}).content.decode()
    assert "Clinics in Korea" in html and "1 resource" in html


def test_country_filter_matches_whole_codes(client):
    ResourceFactory(title="About Germany", countries=["DE"])
    ResourceFactory(title="About Kyrgyzstan and Germany", countries=["KG", "DE"])
    html = client.get("/en/resources/", {"country": "DE"}).content.decode()
    assert "2 resources" in html
    html = client.get("/en/resources/", {"country": "E"}).content.decode()
    assert "Select a valid choice" in html  # a bad facet value is reported, not a 500


def test_sort_most_saved(client):
    ResourceFactory(title="Rarely saved", save_count=1)
    ResourceFactory(title="Often saved", save_count=50)
    html = client.get("/en/resources/", {"sort": "saved"}).content.decode()
    assert html.index("Often saved") < html.index("Rarely saved")


def test_bad_input_never_breaks_the_library(client):
    for params in (
        {"year": "99999999999999999999"},
        {"page": "-1"},
        {"kind": "nope"},
        {"q": "\x00"},
    ):
        assert client.get("/en/resources/", params).status_code == 200


def test_related_resources_share_topics(client):
    r = ResourceFactory(title="Main one", topics=["health", "law"])
    ResourceFactory(title="Close relative", topics=["health", "law"])
    ResourceFactory(title="Far relative", topics=["health"])
    ResourceFactory(title="Stranger", topics=["it"])
    html = client.get(r.get_absolute_url()).content.decode()
    related = html[html.index("Related resources") :]
    assert related.index("Close relative") < related.index("Far relative")
    assert "Stranger" not in related


def test_library_query_budget(client, member):
    client.force_login(member)
    n = assert_queries_constant(
        client,
        "/en/resources/",
        lambda k: ResourceFactory.create_batch(k, topics=["health"], countries=["KG"]),
        max_queries=20,
    )
    assert n <= 20


def test_library_query_budget_anonymous_with_facets(client):
    assert_queries_constant(
        client,
        "/en/resources/?topic=health",
        lambda k: ResourceFactory.create_batch(k, topics=["health"]),
    )


def test_pages_in_three_languages(client):
    r = ResourceFactory(title="Trilingual")
    for lang, word in (("en", "Resource library"), ("ru", "Библиотека"), ("ky", "Китепкана")):
        html = client.get(f"/{lang}/resources/").content.decode()
        assert client.get(f"/{lang}{r.get_absolute_url()[3:]}").status_code == 200
        if lang == "en":
            assert word in html
