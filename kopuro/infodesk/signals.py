"""Queue the "Listen" audio when a guide or topic is published (tasks.py makes it)."""

from wagtail.signals import page_published, page_unpublished


def _published(sender, instance, **kwargs):
    from kopuro.infodesk.models import GuidePage, TopicPage
    from kopuro.infodesk.services import audio_enqueue

    if isinstance(instance, GuidePage | TopicPage):
        audio_enqueue(page=instance)


def _clear_nav(sender, instance, **kwargs):
    from django.conf import settings
    from django.core.cache import cache

    from kopuro.infodesk.models import GuideIndexPage
    from kopuro.infodesk.templatetags.infodesk import nav_cache_key

    if isinstance(instance, GuideIndexPage):
        cache.delete_many([nav_cache_key(code) for code, _name in settings.LANGUAGES])


def connect() -> None:
    page_published.connect(_published, dispatch_uid="infodesk_audio_on_publish")
    page_published.connect(_clear_nav, dispatch_uid="infodesk_nav_published")
    page_unpublished.connect(_clear_nav, dispatch_uid="infodesk_nav_unpublished")
