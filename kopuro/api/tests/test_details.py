"""One item by id, slug or key: what the list shows of it, through the same selectors, and a
JSON 404 for anything the public pages would not show (a draft, a private page, another
language's tree, an unpublished resource)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kopuro.api.tests.conftest import make_opportunities, make_organisations, make_resources
from kopuro.newsroom.tests import factories as nf

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response["Content-Type"].startswith("application/json"), response.status_code
    return response


def not_found(client, path, **params):
    response = get(client, path, **params)
    assert response.status_code == 404, (path, response.status_code)
    assert response.json() == {"detail": "Not Found"}


def test_a_news_item_as_the_list_shows_it_and_404_for_a_draft(client, newsroom):
    from wagtail.models import PageViewRestriction

    page = nf.news(newsroom["news"], title="Budget day", topics=["Labour migration"])
    listed = get(client, "news").json()["items"][0]
    one = get(client, f"news/{page.pk}")
    assert one.status_code == 200 and one.json() == listed
    assert "public" in one["Cache-Control"]

    draft = nf.news(newsroom["news"], title="Draft")
    draft.unpublish()
    not_found(client, f"news/{draft.pk}")
    private = nf.news(newsroom["news"], title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    not_found(client, f"news/{private.pk}")
    not_found(client, f"news/{page.pk}", lang="ky")  # no Kyrgyz tree: not in that language
    not_found(client, "news/999999")
    event = nf.event(newsroom["events"])
    not_found(client, f"news/{event.pk}")  # an event is no news item
    assert get(client, "news/abc").status_code == 422


def test_events_upcoming_and_past_by_id(client, newsroom):
    soon = nf.event(newsroom["events"], title="Soon")
    gone = nf.event(newsroom["events"], title="Gone", starts_in=-timedelta(days=5))
    assert get(client, f"events/{soon.pk}").json()["title"] == "Soon"
    assert get(client, f"events/{gone.pk}").json()["title"] == "Gone"
    soon.unpublish()
    not_found(client, f"events/{soon.pk}")


def test_vacancies_and_tenders_open_or_closed_by_id(client, newsroom):
    open_ = nf.vacancy(newsroom["vacancies"], position="Driver")
    shut = nf.vacancy(newsroom["vacancies"], position="Clerk", closes_in=-timedelta(days=1))
    tender = nf.tender(newsroom["tenders"], reference_number="RFP-1")
    assert get(client, f"vacancies/{open_.pk}").json()["position"] == "Driver"
    assert get(client, f"vacancies/{shut.pk}").json()["position"] == "Clerk"
    body = get(client, f"tenders/{tender.pk}").json()
    assert body["reference_number"] == "RFP-1"
    assert body == get(client, "tenders").json()["items"][0]
    not_found(client, f"tenders/{open_.pk}")


def test_a_guide_or_topic_by_key(client, guides):
    listed = get(client, "guides").json()["items"]
    for item in listed:
        assert get(client, f"guides/{item['key']}").json() == item
    ru = get(client, f"guides/{listed[0]['key']}", lang="ru").json()
    assert ru["key"] == listed[0]["key"] and "/ru/" in ru["url"]
    not_found(client, "guides/no-such-guide")
    assert get(client, "guides/Not_A_Key").status_code == 422


def test_a_published_resource_by_slug_and_404_for_a_submitted_one(client, db):
    published = make_resources(1, kind="guide")[0]
    submitted = make_resources(1, status="submitted")[0]
    body = get(client, f"resources/{published.slug}").json()
    assert body == get(client, "resources").json()["items"][0]
    not_found(client, f"resources/{submitted.slug}")
    not_found(client, "resources/nothing-here")


def test_an_organisation_and_an_opportunity_open_or_closed(client, db):
    org = make_organisations(1)[0]
    opp = make_opportunities(1, organisation=org, title="Teach")[0]
    closed = make_opportunities(1, organisation=org, deadline=timezone.now() - timedelta(days=1))[0]
    assert (
        get(client, f"organisations/{org.slug}").json()
        == get(client, "organisations").json()["items"][0]
    )
    not_found(client, "organisations/nobody")
    body = get(client, f"opportunities/{opp.pk}").json()
    assert body == get(client, "opportunities").json()["items"][0]
    assert body["open"] is True and "posted_by" not in body
    # The opportunity's page shows a closed one (saying it is closed); so does the API.
    assert get(client, f"opportunities/{closed.pk}").json()["open"] is False
    not_found(client, "opportunities/999999")
    assert get(client, "opportunities/0").status_code == 422


def test_only_get_on_a_detail(client, db):
    org = make_organisations(1)[0]
    response = client.post(f"/api/v1/organisations/{org.slug}")
    assert response.status_code == 405 and response.json() == {"detail": "Method Not Allowed"}
