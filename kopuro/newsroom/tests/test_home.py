"""The newsroom's section of the home page and the menu: only what exists."""

from datetime import timedelta

from kopuro.newsroom.tests import factories as f


def test_home_shows_latest_news_and_open_notices(client, newsroom):
    f.news(newsroom["news"], title="Fresh release")
    f.vacancy(newsroom["vacancies"], position="Open driver post")
    f.vacancy(newsroom["vacancies"], position="Closed clerk post", closes_in=-timedelta(days=1))
    f.event(newsroom["events"], title="Coming workshop")
    body = client.get("/en/").content.decode()
    assert "Fresh release" in body
    assert "Open driver post" in body and "Closed clerk post" not in body
    assert "Coming workshop" in body
    assert 'href="/en/news/"' in body and 'href="/en/search/"' in body  # the menu


def test_home_leaves_out_what_does_not_exist(client, site):
    body = client.get("/en/").content.decode()
    assert "Latest news" not in body and "Open vacancies" not in body
    assert 'href="/en/search/"' not in body


def test_publishing_refreshes_the_home_section(client, newsroom):
    client.get("/en/")
    f.news(newsroom["news"], title="Published just now")
    assert "Published just now" in client.get("/en/").content.decode()


def test_the_cached_section_costs_no_query_in_each_language(newsroom, django_assert_num_queries):
    from django.utils import translation

    from kopuro.newsroom.selectors import newsroom_section

    f.news(newsroom["news"], title="Fresh release")
    found = {}
    for language in ("en", "ru"):
        with translation.override(language):
            found[language] = newsroom_section(viewer=None)  # computed and kept
            with django_assert_num_queries(0):
                assert newsroom_section(viewer=None) == found[language]
    assert "Fresh release" in str(found["en"])
    assert found["ru"] == {}  # nothing is published in Russian
