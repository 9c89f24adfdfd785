"""Shared pytest fixtures: a site with its home page, and members."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site(db):
    from kopuro.core.services import site_ensure_home

    return site_ensure_home()
