"""RSS and Atom feeds for news, vacancies and tenders; the sitemap; sharing tags."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from kopuro.newsroom.tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"


def _xml(content: bytes) -> ET.Element:
    """Parse XML that Kopuro itself wrote (a strict parser: malformed XML fails the test)."""
    return ET.fromstring(content)  # noqa: S314 - our own output, not untrusted input


@pytest.fixture
def content(newsroom):
    f.news(newsroom["news"], title="A release & more", lead="What <happened>.", topics=["health"])
    f.vacancy(newsroom["vacancies"], position="Driver")
    f.vacancy(newsroom["vacancies"], position="Closed one", closes_in=-timedelta(days=1))
    f.tender(newsroom["tenders"], title="A request")
    return newsroom


@pytest.mark.parametrize(
    ("slug", "title"),
    [("news", "A release & more"), ("vacancies", "Driver — Bishkek"), ("tenders", "A request")],
)
def test_rss(client, content, slug, title):
    response = client.get(content[slug].url + "feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = _xml(response.content)
    channel = root.find("channel")
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [title]
    item = items[0]
    assert item.findtext("link").startswith("http://testserver/en/")
    assert item.findtext("guid") and item.findtext("pubDate")


@pytest.mark.parametrize("slug", ["news", "vacancies", "tenders"])
def test_atom(client, content, slug):
    response = client.get(content[slug].url + "feed/atom/")
    assert response.status_code == 200
    root = _xml(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entry = root.find(f"{ATOM}entry")
    for required in ("id", "title", "updated", "link"):
        assert entry.find(f"{ATOM}{required}") is not None
    assert root.find(f"{ATOM}link[@rel='self']") is not None


def test_closed_vacancies_are_not_in_the_feed(client, content):
    body = client.get(content["vacancies"].url + "feed/rss/").content.decode()
    assert "Closed one" not in body


def test_sitemap_lists_pages_in_every_language(client, content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = _xml(response.content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(f"{ns}loc") for u in root.findall(f"{ns}url")]
    assert any(loc.endswith("/en/news/") for loc in locs)
    assert any(
        "/en/vacancies/" in loc and loc.rstrip("/").split("/")[-1].startswith("vacancy-")
        for loc in locs
    )


def test_sharing_tags(client, content):
    page = content["news"].get_children().live().first().specific
    body = client.get(page.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{page.url}">' in body
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{page.url}">' in body
    assert '<meta property="og:type" content="article">' in body
    assert '<meta property="og:title" content="A release &amp; more">' in body
    assert (
        'rel="alternate" type="application/rss+xml"'
        in client.get(content["news"].url).content.decode()
    )
