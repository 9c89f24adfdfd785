"""Keep the cached newsroom menu and home section in step with the pages."""

from django.conf import settings
from django.core.cache import cache
from wagtail.signals import page_published, page_unpublished


def _clear_nav(sender, instance, **kwargs):
    """A newsroom page was published or unpublished: forget the menu and the home section."""
    from kopuro.newsroom.models import BaseIndexPage
    from kopuro.newsroom.selectors import home_cache_key
    from kopuro.newsroom.templatetags.newsroom import nav_cache_key

    if instance._meta.app_label != "newsroom":
        return
    codes = [code for code, _name in settings.LANGUAGES]
    keys = [home_cache_key(c) for c in codes]
    if isinstance(instance, BaseIndexPage):  # the menu lists the index pages only
        keys += [nav_cache_key(c) for c in codes]
    cache.delete_many(keys)


def _approval_workflow(sender, instance, **kwargs):
    """A news or tender index was published (a new translation, say): its releases and notices
    go through the approval workflow in that language too."""
    from kopuro.newsroom.models import NewsIndexPage, TenderIndexPage
    from kopuro.newsroom.services import newsroom_ensure_workflow

    if isinstance(instance, NewsIndexPage):
        newsroom_ensure_workflow(indexes={"news": instance})
    elif isinstance(instance, TenderIndexPage):
        newsroom_ensure_workflow(indexes={"tenders": instance})


def connect() -> None:
    page_published.connect(_approval_workflow, dispatch_uid="newsroom_approval_workflow")
    page_published.connect(_clear_nav, dispatch_uid="newsroom_nav_published")
    page_unpublished.connect(_clear_nav, dispatch_uid="newsroom_nav_unpublished")
