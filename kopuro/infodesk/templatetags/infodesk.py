"""Template helpers for the information service: icons, the menu link, the home figure."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def icon(name: str, css: str = "icon"):
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        css,
        static("infodesk/icons.svg"),
        name,
    )


def nav_cache_key(language: str) -> str:
    return f"infodesk:nav:{language}"


@register.simple_tag
def guides_url() -> str:
    """The guides index in the current language ('' when it is not published there).

    Every page's menu shows it, so it is kept in the cache until a guides index is published
    or unpublished (signals.py), like the newsroom's menu: no query per page.
    """
    from django.core.cache import cache

    language = get_language() or "en"
    url = cache.get(nav_cache_key(language))
    if url is None:
        from kopuro.infodesk.selectors import guides_index_for

        index = guides_index_for(language)
        url = index.url if index else ""
        cache.set(nav_cache_key(language), url, 60 * 60)
    return url
