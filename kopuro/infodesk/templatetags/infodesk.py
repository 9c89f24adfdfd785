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


@register.simple_tag
def guides_url() -> str:
    """The guides index in the current language ('' when it is not published there)."""
    from kopuro.core.cache import cached_data

    language = get_language() or "en"

    def find() -> str:
        from kopuro.infodesk.selectors import guides_index_for

        index = guides_index_for(language)
        return index.url if index else ""

    return cached_data(f"infodesk:nav:{language}", find, local=True)
