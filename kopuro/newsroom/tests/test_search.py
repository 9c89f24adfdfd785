"""Search over the newsroom: the reader's language first, filters by type, marked snippets, and
never an error for an empty, huge or HTML-laden query."""

import pytest
from wagtail.models import Locale

from kopuro.newsroom.tests import factories as f


@pytest.fixture
def content(newsroom):
    f.news(
        newsroom["news"],
        title="Information terminals at Manas airport",
        lead="Terminals help migrants before they travel.",
    )
    f.vacancy(
        newsroom["vacancies"], title="Vacancy: terminal assistant", position="Terminal assistant"
    )
    f.event(newsroom["events"], title="Workshop in Osh", lead="Migration and prevention.")
    return newsroom


def test_finds_pages_of_every_kind_with_the_terms_marked(client, content):
    body = client.get("/en/search/?q=terminals").content.decode()
    assert "Information <mark>terminals</mark> at Manas airport" in body
    assert "<mark>Terminals</mark> help migrants" in body


def test_filter_by_type(client, content):
    body = client.get("/en/search/?q=terminal&type=vacancies").content.decode()
    assert "Vacancy: " in body and "Manas airport" not in body


def test_results_in_the_readers_language_come_first(
    client, content, django_capture_on_commit_callbacks
):
    from kopuro.newsroom.demo import translate_page

    ru = Locale.objects.get(language_code="ru")
    page = content["news"].get_children().first().specific
    translate_page(content["news"], ru, {"News": "Новости"})
    translate_page(page, ru, {page.title: "Информационные терминалы в аэропорту Манас"})
    f.news(content["news"], title="Terminals elsewhere", lead="Only in English.")
    body = client.get("/ru/search/?q=terminals").content.decode()
    # The Russian page is found (by its English lead, not yet translated) before the page that
    # exists only in English; the English original of the Russian page is not repeated.
    assert body.index("Информационные терминалы") < body.index("</mark> elsewhere")
    assert "Information terminals at Manas airport" not in body


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        "x" * 100_000,
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "\x00\x01",
        "%",
        "a&b|c!d:*",
    ],
)
def test_any_query_answers_normally(client, content, q):
    response = client.get("/en/search/", {"q": q, "type": "<b>"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
