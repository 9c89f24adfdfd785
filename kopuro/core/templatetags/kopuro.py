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
    translations: dict[str, str] = {}
    if page is not None and hasattr(page, "get_translations") and page.pk:
        translations = _translation_urls(page, request)
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif request is not None:
            url = _swap_language(request.get_full_path(), current, code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


def _swap_language(path: str, current: str, code: str) -> str:
    """The same URL in language `code`. Kopuro's URL patterns are not translated, so swapping
    the prefix gives what `translate_url` gives, without resolving and reversing the path."""
    prefix = f"/{current}/"
    if current and path.startswith(prefix):
        return f"/{code}/{path[len(prefix) :]}"
    return translate_url(path, code)


def _translation_urls(page, request) -> dict[str, str]:
    """{language code: URL} of the page's live translations; cached until a page is published
    (kopuro.core.cache), per site since a URL is relative only on the page's own site."""
    from wagtail.models import Site

    from kopuro.core.cache import cached_data

    def urls() -> dict[str, str]:
        pages = page.get_translations(inclusive=True).live().select_related("locale")
        return {p.locale.language_code: p.get_url(request) for p in pages}

    site = Site.find_for_request(request) if request is not None else None
    key = f"translations:{page.translation_key}:{site.pk if site else '-'}"
    return cached_data(key, urls, local=True)


@register.simple_tag
def brand_settings():
    """The default site's BrandingSettings, from the cache (kopuro.core.cache.cached_data).

    Every page shows them; reading them through Wagtail costs two queries per request (the
    default site, then its settings). Saving the settings or a site clears the cache.
    """
    from kopuro.core.cache import cached_data

    return cached_data("brand:default-site", _load_brand, local=True)


def _load_brand():
    from wagtail.models import Site

    from kopuro.core.models import BrandingSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return BrandingSettings()  # unsaved defaults: a fresh install before ensure_site
    brand = BrandingSettings.for_site(site)
    if brand.logo_id:
        brand.logo  # noqa: B018 - load the image with the settings, so it is cached with them
    return brand


@register.tag("cachefragment")
def do_cachefragment(parser, token):
    """`{% cachefragment "name" var1 var2 %}...{% endcachefragment %}`: the enclosed HTML is
    rendered once and shared by every viewer for whom the variables (and the language) are
    the same, until content changes (kopuro.core.cache.cached_fragment). Name in the
    variables everything about the viewer that the HTML depends on."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("cachefragment needs a name")
    nodelist = parser.parse(("endcachefragment",))
    parser.delete_first_token()
    return CacheFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class CacheFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        from kopuro.core.cache import cached_fragment

        parts = [str(part.resolve(context)) for part in self.parts]
        return cached_fragment(parts, lambda: self.nodelist.render(context))


@register.filter
def in_groups(visible: set, name: str) -> bool:
    return name in visible
