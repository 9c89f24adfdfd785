from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kopuro.core import views as core_views
from kopuro.newsroom import sitemaps as newsroom_sitemaps

handler404 = "kopuro.core.views.page_not_found"
handler500 = "kopuro.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("brand.css", core_views.brand_css, name="brand_css"),
    # Staff sign in through allauth (rate limits, two-factor), not Wagtail's own form.
    path("admin/login/", core_views.admin_login, name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", newsroom_sitemaps.sitemap, name="sitemap"),
    # The API chooses its language with `lang`: outside i18n_patterns (docs/api.md).
    path("api/v1/", include("kopuro.api.urls")),
    # Kiosks choose their language themselves: /kiosk/<terminal>/… sits outside i18n_patterns.
    path("", include("kopuro.infodesk.urls")),
]

if settings.KOPURO_BENCH_FLOOR:  # `make bench` only: the framework floor it compares pages with
    urlpatterns.append(path("bench/floor", core_views.bench_floor, name="bench_floor"))

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    # Connect's /members/… paths come before the profile pages' /members/<handle>/.
    path("", include("kopuro.connect.urls")),
    path("", include("kopuro.accounts.urls")),
    path("", include("kopuro.learn.urls")),
    path("", include("kopuro.contribute.urls")),
    path("", include("kopuro.insights.urls")),
    path("", include("kopuro.api.member_urls")),
    path("", include("kopuro.core.urls")),
    path("", include("kopuro.newsroom.urls")),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
