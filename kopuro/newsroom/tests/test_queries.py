"""Query budgets: every newsroom listing and detail page costs the same with 3 rows as with 30."""

from datetime import timedelta

import pytest

from kopuro.core.testing import assert_queries_constant
from kopuro.newsroom.models import NewsPageContact, PressContact
from kopuro.newsroom.services import tender_clarification_publish
from kopuro.newsroom.tests import factories as f

# The most a newsroom page may cost (anonymous visitor, page cache off). About ten of these
# queries are Wagtail's routing, the site settings and the language switcher; the listings
# measured 15-21 when this was written.
BUDGET = 24


def _news(index):
    def make(n):
        for i in range(n):
            f.news(index, topics=[f"tag{i % 4}", "common"], image=f.listing_image())

    return make


@pytest.mark.parametrize(
    ("slug", "suffix", "maker"),
    [
        ("news", "", lambda idx: _news(idx)),
        ("news", "?kind=press_release&tag=common", lambda idx: _news(idx)),
        ("news", "feed/rss/", lambda idx: _news(idx)),
        ("news", "feed/atom/", lambda idx: _news(idx)),
        ("news", "", lambda idx: lambda n: [f.photo_story(idx, photos=1) for _ in range(n)]),
        (
            "events",
            "",
            lambda idx: lambda n: [f.event(idx, image=f.listing_image()) for _ in range(n)],
        ),
        (
            "events",
            "",
            lambda idx: lambda n: [f.event(idx, starts_in=-timedelta(days=9)) for _ in range(n)],
        ),
        (
            "events",
            "archive/",
            lambda idx: lambda n: [f.event(idx, starts_in=-timedelta(days=9)) for _ in range(n)],
        ),
        ("events", "calendar/", lambda idx: lambda n: [f.event(idx) for _ in range(n)]),
        ("vacancies", "", lambda idx: lambda n: [f.vacancy(idx) for _ in range(n)]),
        (
            "vacancies",
            "archive/",
            lambda idx: lambda n: [f.vacancy(idx, closes_in=-timedelta(days=1)) for _ in range(n)],
        ),
        ("vacancies", "feed/rss/", lambda idx: lambda n: [f.vacancy(idx) for _ in range(n)]),
        ("tenders", "", lambda idx: lambda n: [f.tender(idx) for _ in range(n)]),
        (
            "tenders",
            "archive/",
            lambda idx: lambda n: [f.tender(idx, closes_in=-timedelta(days=1)) for _ in range(n)],
        ),
        ("tenders", "feed/atom/", lambda idx: lambda n: [f.tender(idx) for _ in range(n)]),
    ],
)
def test_listings(client, newsroom, slug, suffix, maker):
    index = newsroom[slug]
    assert_queries_constant(client, index.url + suffix, maker(index), max_queries=BUDGET)


def test_news_page_with_contacts(client, newsroom):
    page = f.news(newsroom["news"])

    def add_contacts(n):
        for i in range(n):
            contact = PressContact.objects.create(
                name=f"Contact {i}", phone="+996 312", email=f"c{i}@example.org"
            )
            NewsPageContact.objects.create(page=page, contact=contact)

    assert_queries_constant(client, page.url, add_contacts, max_queries=BUDGET)


def test_tender_page_with_clarifications(client, newsroom):
    tender = f.tender(newsroom["tenders"])

    def add(n):
        for i in range(n):
            tender_clarification_publish(tender=tender, question=f"Question {i}?", answer="Answer.")

    assert_queries_constant(client, tender.url, add, max_queries=BUDGET)


def test_photo_story_with_many_photos(client, newsroom):
    from kopuro.newsroom.templatetags.newsroom import GALLERY_RENDITIONS

    story = f.photo_story(newsroom["events"], photos=0)

    def add(n):
        story.refresh_from_db()
        for _ in range(n):
            image = f.make_image(renditions=GALLERY_RENDITIONS)
            story.gallery.append(
                ("photo", {"image": image, "alt": "", "caption": "c", "credit": ""})
            )
        story.save_revision().publish()

    assert_queries_constant(client, story.url, add, max_queries=BUDGET)


def test_event_and_vacancy_pages_have_a_budget(client, newsroom):
    from kopuro.core.testing import queries_for_get

    for page in (
        f.event(newsroom["events"], image=f.listing_image()),
        f.vacancy(newsroom["vacancies"], terms_of_reference=f.make_document()),
        f.news(newsroom["news"], image=f.listing_image()),
    ):
        queries_for_get(client, page.url)  # warm
        assert len(queries_for_get(client, page.url)) <= BUDGET
