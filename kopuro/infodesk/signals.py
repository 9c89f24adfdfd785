"""Queue the "Listen" audio when a guide or topic is published (tasks.py makes it)."""

from wagtail.signals import page_published


def _published(sender, instance, **kwargs):
    from kopuro.infodesk.models import GuidePage, TopicPage
    from kopuro.infodesk.services import audio_enqueue

    if isinstance(instance, GuidePage | TopicPage):
        audio_enqueue(page=instance)


def connect() -> None:
    page_published.connect(_published, dispatch_uid="infodesk_audio_on_publish")
