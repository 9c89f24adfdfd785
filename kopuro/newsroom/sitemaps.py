"""sitemap.xml for every language, with hreflang alternates.

Wagtail's own sitemap (wagtail.contrib.sitemaps) lists the default language's tree only and
builds addresses from the Site record; this one lists the live pages under every translation of
the site's root, at the address the request came to, with each page's translations as
`xhtml:link rel="alternate"` entries. Aliases (wagtail-localize's "not translated yet"
placeholders) are left out: they repeat another language's content.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view
from wagtail.models import Page


class LocalizedSitemap(WagtailSitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_a_tree, alias_of__isnull=True)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
        )

    def _absolute(self, page) -> str:
        return self.request.build_absolute_uri(page.get_url(self.request))

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for p in pages:
            by_key[p.translation_key].append(p)
        urls = []
        for p in pages:
            siblings = by_key[p.translation_key]
            urls.append(
                {
                    "item": p,
                    "location": self._absolute(p),
                    "lastmod": p.last_published_at or p.latest_revision_created_at,
                    "alternates": [
                        {"location": self._absolute(s), "lang_code": s.locale.language_code}
                        for s in siblings
                    ]
                    if len(siblings) > 1
                    else [],
                }
            )
        return urls


def sitemap(request):
    return wagtail_sitemap_view(request, sitemaps={"pages": LocalizedSitemap})
