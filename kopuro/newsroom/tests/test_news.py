"""The news listing: filtered by kind, year and topic, paginated; bad filters are ignored."""

from datetime import date

import pytest

from kopuro.newsroom.tests import factories as f


@pytest.fixture
def news_items(newsroom):
    index = newsroom["news"]
    f.news(
        index, title="Release 2018", kind="press_release", date=date(2018, 4, 23), topics=["youth"]
    )
    f.news(
        index, title="Statement 2018", kind="statement", date=date(2018, 5, 31), topics=["gender"]
    )
    f.news(
        index, title="Release 2017", kind="press_release", date=date(2017, 6, 13), topics=["health"]
    )
    return index


def _titles(client, url):
    body = client.get(url).content.decode()
    return [t for t in ("Release 2018", "Statement 2018", "Release 2017") if t in body]


def test_newest_first(client, news_items):
    body = client.get(news_items.url).content.decode()
    assert body.index("Statement 2018") < body.index("Release 2018") < body.index("Release 2017")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=statement", ["Statement 2018"]),
        ("?kind=press_release", ["Release 2018", "Release 2017"]),
        ("?year=2017", ["Release 2017"]),
        ("?topic=youth", ["Release 2018"]),
        ("?kind=press_release&year=2018", ["Release 2018"]),
        # Nonsense is ignored, never an error.
        ("?kind=<script>&year=abc&page=x", ["Release 2018", "Statement 2018", "Release 2017"]),
        ("?year=99999999999999999999", ["Release 2018", "Statement 2018", "Release 2017"]),
    ],
)
def test_filters(client, news_items, query, expected):
    assert _titles(client, news_items.url + query) == expected


def test_unknown_topic_shows_an_empty_state(client, news_items):
    response = client.get(news_items.url + "?topic=" + "x" * 5000)
    assert response.status_code == 200
    assert "Nothing matches these filters." in response.content.decode()


def test_paginated(client, newsroom):
    index = newsroom["news"]
    for n in range(12):
        f.news(index, title=f"Item number {n:02d}", date=date(2020, 1, 1 + n))
    first = client.get(index.url).content.decode()
    assert "Page 1 of 2" in first and "Item number 11" in first and "Item number 01" not in first
    second = client.get(index.url + "?page=2").content.decode()
    assert "Item number 01" in second and "Item number 11" not in second
    assert client.get(index.url + "?page=999").status_code == 200


def test_dateline_contacts_and_downloads(client, newsroom):
    from kopuro.newsroom.models import NewsPageContact, PressContact

    doc = f.make_document("Press release PDF")
    page = f.news(
        newsroom["news"],
        date=date(2018, 5, 31),
        dateline_place="BISHKEK",
        body=[
            ("quote", {"text": "Words.", "attribution": "A. Speaker", "role": "Chair"}),
            ("list", {"items": ["<p>One</p>", "<p>Two</p>"], "numbered": True}),
            (
                "image",
                {
                    "image": f.make_image(),
                    "alt": "A hall",
                    "caption": "The hall",
                    "credit": "© IOM",
                },
            ),
            (
                "link",
                {
                    "label": "UN statement",
                    "page": None,
                    "url": "https://example.org/s",
                    "description": "",
                },
            ),
            ("document", {"document": doc, "title": "", "description": ""}),
        ],
    )
    contact = PressContact.objects.create(
        name="Deepali Fernandes",
        unit="IOM HQ",
        phone="+41 22 717 9547",
        email="dfernandes@example.org",
    )
    NewsPageContact.objects.create(page=page, contact=contact)
    body = client.get(page.url).content.decode()
    assert "BISHKEK, 31 May 2018" in body
    assert "— <cite>A. Speaker</cite>, Chair" in body
    assert '<ol class="nr-listblock">' in body
    assert 'alt="A hall"' in body and "© IOM" in body
    assert 'href="https://example.org/s"' in body
    assert doc.url in body and "Press release PDF" in body
    assert 'href="tel:+41227179547"' in body and "IOM HQ" in body


def test_html_in_content_is_shown_literally(client, newsroom):
    page = f.news(newsroom["news"], title="<script>alert(1)</script>", lead="<b>bold</b>")
    body = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_topics_are_shown_in_the_readers_language(client, newsroom):
    """A Russian reader sees a Russian topic name on the listing, the page and the filter, and
    the filter finds the item although its page points at the English topic."""
    from wagtail.models import Locale

    from kopuro.newsroom.models import NewsPage
    from kopuro.newsroom.services import newsroom_page_alias, topic_ensure

    ru = Locale.objects.get(language_code="ru")
    newsroom["news"].copy_for_translation(ru, copy_parents=True).save_revision().publish()
    topic_ensure("migrants' rights", translations={"ru": "права мигрантов"})
    english = f.news(newsroom["news"], title="Rights at work", topics=["migrants' rights"])
    newsroom_page_alias(page=english)  # what publishing in the admin does
    russian = NewsPage.objects.get(translation_key=english.translation_key, locale=ru)

    listing = client.get("/ru/news/").content.decode()
    assert "права мигрантов" in listing and "migrants&#x27; rights" not in listing
    assert "Rights at work" in client.get("/ru/news/?topic=migrants-rights").content.decode()
    assert "права мигрантов" in client.get(russian.url).content.decode()
    assert "migrants&#x27; rights" in client.get(english.url).content.decode()


def test_a_topic_slug_is_unique_in_its_language(newsroom):
    from django.core.exceptions import ValidationError

    from kopuro.newsroom.models import Topic
    from kopuro.newsroom.services import topic_ensure

    health = topic_ensure("health")
    duplicate = Topic(locale=health.locale, name="Health care", slug="health")
    with pytest.raises(ValidationError, match="Another topic already uses this slug"):
        duplicate.full_clean()
