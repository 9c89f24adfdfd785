"""Template helpers: language links for the switcher, and small formatting filters."""

import hashlib
import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
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


_ASSET_URLS: dict[str, str] = {}


@register.simple_tag
def asset(path: str) -> str:
    """`{% static path %}`, remembered by the worker: in production the hashed names come from
    the manifest, fixed for the life of a deployment (a lookup costs more than the rest of
    base.html's head). Not remembered with DEBUG, where files change under the server."""
    from django.templatetags.static import static

    url = _ASSET_URLS.get(path)
    if url is None:
        url = static(path)
        if not settings.DEBUG:
            _ASSET_URLS[path] = url
    return url


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
    variables everything about the viewer that the HTML depends on. With `unless expr` at the
    end, it is rendered afresh whenever `expr` is true (an error page: its address is anyone's).
    A final `local` keeps it in the worker's memory instead of the shared cache (for small
    fragments with few variants: a lookup costs no round trip).

    What must be rendered for each request goes in `{% nocache %}...{% endnocache %}` (a CSRF
    token, unread counts): the stored HTML keeps a marker there, filled on every use. A hole is
    rendered with the fragment's context, not inside a loop of the fragment (its variables are
    gone by then), and belongs to the innermost fragment: a nested fragment may not have one.
    """
    bits = token.split_contents()[1:]
    local = bool(bits) and bits[-1] == "local"
    if local:
        bits = bits[:-1]
    unless = None
    if len(bits) >= 2 and bits[-2] == "unless":
        unless = parser.compile_filter(bits[-1])
        bits = bits[:-2]
    if not bits:
        raise template.TemplateSyntaxError("cachefragment needs a name")
    nodelist = parser.parse(("endcachefragment",))
    parser.delete_first_token()
    for inner in nodelist.get_nodes_by_type(CacheFragmentNode):
        if inner.holes:
            raise template.TemplateSyntaxError(
                "a {% nocache %} in a nested {% cachefragment %}: put it in the outer one"
            )
    return CacheFragmentNode(
        nodelist, [parser.compile_filter(bit) for bit in bits], unless=unless, local=local
    )


@register.tag("nocache")
def do_nocache(parser, token):
    nodelist = parser.parse(("endnocache",))
    parser.delete_first_token()
    return NocacheNode(nodelist)


# The context variable that tells a {% nocache %} it is being rendered for storage: {node id:
# its number in the fragment}. The marker names the hole by number (the same in every worker).
_STORING = "_kopuro_fragment_holes"
# A hole's marker: a comment no page content can imitate (user text is escaped; the name is
# derived from the secret key so that not even an editor's HTML can hold it).
_MARK = "kopuro-hole-" + hashlib.sha256(f"hole|{settings.SECRET_KEY}".encode()).hexdigest()[:12]
_HOLE = re.compile(f"<!--{_MARK}:(\\d+)-->")


class NocacheNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        holes = context.get(_STORING)
        if holes is not None and id(self) in holes:
            return f"<!--{_MARK}:{holes[id(self)]}-->"
        return self.nodelist.render(context)


class CacheFragmentNode(template.Node):
    def __init__(self, nodelist, parts, unless=None, local=False):
        self.nodelist = nodelist
        self.parts = parts
        self.unless = unless
        self.local = local
        self.holes = nodelist.get_nodes_by_type(NocacheNode)

    def render(self, context):
        from kopuro.core.cache import cached_fragment

        if self.unless is not None and self.unless.resolve(context):
            return self.nodelist.render(context)
        parts = [str(part.resolve(context)) for part in self.parts]
        if not self.holes:
            return cached_fragment(parts, lambda: self.nodelist.render(context), local=self.local)

        def with_markers():
            with context.push({_STORING: {id(n): i for i, n in enumerate(self.holes)}}):
                return self.nodelist.render(context)

        pieces = _HOLE.split(cached_fragment(parts, with_markers, local=self.local))
        for i in range(1, len(pieces), 2):
            number = int(pieces[i])
            pieces[i] = (
                self.holes[number].nodelist.render(context) if number < len(self.holes) else ""
            )
        return mark_safe("".join(pieces))  # noqa: S308 - rendered templates, escaped as they went


@register.filter
def in_groups(visible: set, name: str) -> bool:
    return name in visible
