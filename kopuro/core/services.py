"""Writes for the platform itself: the locales and the home page a fresh install needs."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from kopuro.core.models import HomePage

DEFAULT_HOME = {
    "title": "Kopuro",
    "hero_title": "A bridge between home and the world",
    "hero_text": (
        "Connect with people from your community wherever they live, find trustworthy "
        "information before you travel, and follow the office's news."
    ),
    "hub_text": (
        "Find like-minded members, learn from shared resources and give your skills, time and "
        "money to your home community."
    ),
    "info_text": "Rules, rights, risks and whom to call, for people about to leave or arrive.",
    "newsroom_text": "Press releases, events, vacancies and procurement notices from the office.",
}


@transaction.atomic
def site_ensure_home() -> HomePage:
    """Make sure every content language has a Locale and the default site serves a HomePage.

    Idempotent: run by `make setup`, by deployments and by tests. Replaces Wagtail's
    placeholder "Welcome" page on a fresh install.
    """
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    existing = HomePage.objects.filter(locale=default_locale).first()
    root = Page.get_first_root_node()
    if existing is None:
        welcome = root.get_children().filter(slug="home").first()
        if welcome is not None and not isinstance(welcome.specific, HomePage):
            welcome.delete()
            root.refresh_from_db()
        existing = root.add_child(
            instance=HomePage(slug="home", locale=default_locale, **DEFAULT_HOME)
        )
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Kopuro")
    site.root_page = existing
    site.save()
    return existing
