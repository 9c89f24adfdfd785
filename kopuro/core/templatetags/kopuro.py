"""Template helpers: language links for the switcher, and small formatting filters."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per interface language to this same page in that language.

    A Wagtail page links to its translation (wagtail-localize may give it another slug);
    any other page gets its URL with the language prefix swapped.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live()
        }
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.filter
def in_groups(visible: set, name: str) -> bool:
    return name in visible
