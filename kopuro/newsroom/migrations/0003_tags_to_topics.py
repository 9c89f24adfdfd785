"""News tags become translatable topics: each tag a topic in the default language, filed on the
same pages (translations of a page point at the same topics, as wagtail-localize leaves them)."""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify


def tags_to_topics(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    NewsPage = apps.get_model("newsroom", "NewsPage")
    NewsPageTag = apps.get_model("newsroom", "NewsPageTag")
    Topic = apps.get_model("newsroom", "Topic")
    Filed = NewsPage.topics.through
    tagged = list(NewsPageTag.objects.select_related("tag"))
    if not tagged:
        return
    locale = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    topics = {}
    for item in tagged:
        slug = slugify(item.tag.name) or item.tag.slug
        if slug not in topics:
            topics[slug] = Topic.objects.filter(locale=locale, slug=slug).first() or (
                Topic.objects.create(
                    locale=locale, translation_key=uuid.uuid4(), name=item.tag.name, slug=slug
                )
            )
        Filed.objects.get_or_create(newspage_id=item.content_object_id, topic=topics[slug])


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0002_topics")]

    operations = [migrations.RunPython(tags_to_topics, migrations.RunPython.noop)]
