"""Each public endpoint through HTTP: what it lists, its filters, pagination bounds, `lang`, and
the API's rules (JSON errors, public caching, no cookie)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kopuro.api.tests.conftest import make_opportunities, make_organisations, make_resources
from kopuro.newsroom.tests import factories as nf

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response["Content-Type"].startswith("application/json"), (
        response.status_code,
        response.headers,
    )
    return response


# --- Newsroom ---------------------------------------------------------------------------------


def test_news_lists_live_items_with_filters(client, newsroom):
    index = newsroom["news"]
    nf.news(index, title="Budget day", topics=["Labour migration"])
    nf.news(index, title="Old story", date=timezone.localdate().replace(year=2019))
    draft = nf.news(index, title="Draft")
    draft.unpublish()

    body = get(client, "news").json()
    assert body["count"] == 2
    assert [i["title"] for i in body["items"]] == ["Budget day", "Old story"]
    first = body["items"][0]
    assert first["topics"] == [{"slug": "labour-migration", "name": "Labour migration"}]
    assert first["url"].startswith("http://testserver/en/")

    assert get(client, "news", year=2019).json()["count"] == 1
    assert get(client, "news", topic="labour-migration").json()["count"] == 1
    assert get(client, "news", kind="statement").json()["count"] == 0


def test_news_in_a_language_without_an_index_is_empty(client, newsroom):
    nf.news(newsroom["news"])
    body = get(client, "news", lang="ky").json()
    assert body == {"count": 0, "limit": 20, "offset": 0, "items": []}


def test_events_upcoming_and_past(client, newsroom):
    nf.event(newsroom["events"], title="Soon")
    nf.event(newsroom["events"], title="Gone", starts_in=-timedelta(days=5))
    assert [i["title"] for i in get(client, "events").json()["items"]] == ["Soon"]
    assert [i["title"] for i in get(client, "events", when="past").json()["items"]] == ["Gone"]


def test_vacancies_and_tenders_open_and_closed(client, newsroom):
    nf.vacancy(newsroom["vacancies"], position="Driver")
    nf.vacancy(newsroom["vacancies"], position="Clerk", closes_in=-timedelta(days=1))
    nf.tender(newsroom["tenders"], reference_number="RFP-OPEN")
    nf.tender(newsroom["tenders"], reference_number="RFP-SHUT", closes_in=-timedelta(days=1))
    assert [i["position"] for i in get(client, "vacancies").json()["items"]] == ["Driver"]
    closed = get(client, "vacancies", status="closed").json()["items"]
    assert [i["position"] for i in closed] == ["Clerk"]
    assert [i["reference_number"] for i in get(client, "tenders").json()["items"]] == ["RFP-OPEN"]
    shut = get(client, "tenders", status="closed").json()["items"]
    assert [i["reference_number"] for i in shut] == ["RFP-SHUT"]


# --- Information service -------------------------------------------------------------------------


def test_guides_and_service_points(client, guides):
    body = get(client, "guides").json()
    kinds = {i["kind"] for i in body["items"]}
    assert kinds == {"guide", "topic"}
    guide = next(i for i in body["items"] if i["kind"] == "guide")
    assert get(client, "guides", country=guide["country"], kind="guide").json()["count"] == 1
    assert get(client, "guides", country="ZZ").json()["count"] == 0
    ru = get(client, "guides", lang="ru").json()["items"]
    assert {i["key"] for i in ru} == {i["key"] for i in body["items"]}

    points = get(client, "service-points", limit=50).json()
    assert points["count"] >= 5
    hotline = get(client, "service-points", kind="hotline").json()
    assert hotline["count"] >= 1 and {i["kind"] for i in hotline["items"]} == {"hotline"}
    country = points["items"][0]["country"]
    in_country = get(client, "service-points", country=country).json()["items"]
    assert in_country and {i["country"] for i in in_country} == {country}
    assert get(client, "service-points", country="ZZ").json()["count"] == 0


# --- Learn and Contribute ------------------------------------------------------------------------


def test_resources_only_published(client, db):
    make_resources(2, kind="guide")
    make_resources(1, kind="video", languages=["ru"])
    make_resources(1, status="submitted")
    body = get(client, "resources").json()
    assert body["count"] == 3
    assert get(client, "resources", kind="video").json()["count"] == 1
    assert get(client, "resources", language="ru").json()["count"] == 1
    assert "submitted_by" not in body["items"][0]


def test_organisations_and_open_opportunities(client, db):
    org = make_organisations(1, kind="ngo", country="KG")[0]
    make_organisations(1, kind="company", country="KZ", countries=["KZ"])
    make_opportunities(1, organisation=org, title="Open one")
    make_opportunities(1, organisation=org, deadline=timezone.now() - timedelta(days=1))
    make_opportunities(1, organisation=org, withdrawn_at=timezone.now())

    assert get(client, "organisations").json()["count"] == 2
    assert get(client, "organisations", kind="company").json()["count"] == 1
    assert get(client, "organisations", country="KZ").json()["count"] == 1
    opps = get(client, "opportunities").json()
    assert [i["title"] for i in opps["items"]] == ["Open one"]
    assert opps["items"][0]["organisation"]["slug"] == org.slug
    assert "posted_by" not in opps["items"][0]


# --- Pagination and parameters -------------------------------------------------------------------


def test_pagination_is_bounded(client, db):
    make_resources(5)
    body = get(client, "resources", limit=2, offset=1).json()
    assert (body["count"], body["limit"], body["offset"], len(body["items"])) == (5, 2, 1, 2)
    assert get(client, "resources", offset=10).json()["items"] == []
    for params in ({"limit": 0}, {"limit": 51}, {"offset": -1}, {"offset": 10_001}):
        response = get(client, "resources", **params)
        assert response.status_code == 422, params
        assert response.json()["detail"]


@pytest.mark.parametrize(
    "path,params",
    [
        ("news", {"lang": "de"}),
        ("news", {"year": "twenty"}),
        ("news", {"kind": "gossip"}),
        ("news", {"topic": "bad topic\x00"}),
        ("events", {"when": "tomorrow"}),
        ("vacancies", {"status": "maybe"}),
        ("service-points", {"country": "kyrgyzstan"}),
        ("organisations", {"limit": "lots"}),
    ],
)
def test_bad_parameters_answer_422_json(client, db, path, params):
    response = get(client, path, **params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_unknown_paths_and_methods_answer_json(client, db):
    response = get(client, "nothing/here")
    assert response.status_code == 404 and response.json() == {"detail": "Not Found"}
    assert get(client, "news/").status_code == 404
    response = client.post("/api/v1/news")
    assert response.status_code == 405
    assert response.json() == {"detail": "Method Not Allowed"}
    assert "GET" in response["Allow"]


def test_anonymous_answers_are_public_and_set_no_cookie(client, db):
    response = get(client, "resources")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert not response.cookies


def test_openapi_and_docs_are_self_hosted(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    expected = {
        "news",
        "events",
        "vacancies",
        "tenders",
        "guides",
        "service-points",
        "resources",
        "organisations",
        "opportunities",
        "me/profile",
        "members",
        "members/{handle}",
        "me/connections",
        "me/conversations",
        # One item each (kopuro/api/tests/test_details.py)
        "news/{id}",
        "events/{id}",
        "vacancies/{id}",
        "tenders/{id}",
        "guides/{key}",
        "resources/{slug}",
        "organisations/{slug}",
        "opportunities/{id}",
        # Terminals and partners (test_terminal.py, test_partner.py)
        "terminal/heartbeat",
        "terminal/events",
        "terminal/manifest",
        "partner/organisations/{slug}/opportunities",
        "partner/organisations/{slug}/opportunities/{id}",
        "partner/organisations/{slug}/opportunities/{id}/close",
    }
    assert paths == {f"/api/v1/{p}" for p in expected}
    docs = client.get("/api/v1/docs")
    html = docs.content.decode()
    assert docs.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    csp = docs["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    # The only inline <script> is JSON data, which the browser never runs.
    assert html.count("<script") == 3 and 'type="application/json"' in html


def test_database_outage_answers_json_503(client, db, monkeypatch):
    from django.db import OperationalError

    from kopuro.learn import selectors

    def down(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(selectors, "library_search", down)
    client.raise_request_exception = False
    response = client.get("/api/v1/resources")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
