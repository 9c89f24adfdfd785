"""Shared pytest fixtures: a site with its home page, and members."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language():
    """Start each test in English: a request to /ru/ or /ky/ leaves its language active in the
    thread (LocaleMiddleware does not switch back), and messages built outside a request would
    come out in it."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site(db):
    from kopuro.core.services import site_ensure_home

    return site_ensure_home()


@pytest.fixture
def data_cache(settings):
    """The data and fragment cache on, as in production (off in tests otherwise), empty at the
    start and the end."""
    from django.core.cache import cache

    cache.clear()
    settings.KOPURO_DATA_CACHE_SECONDS = 300
    yield
    cache.clear()
