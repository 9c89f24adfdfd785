import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: Wagtail caches renditions by image id, and on SQLite
    a rolled-back test's ids are handed out again, so a stale entry would stand in for a
    rendition that this test's database does not have (and the menu and home-page sections
    are cached too)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def newsroom(site):
    """The four newsroom indexes under the English home page."""
    from kopuro.newsroom.services import newsroom_ensure_indexes

    return newsroom_ensure_indexes(home=site)
