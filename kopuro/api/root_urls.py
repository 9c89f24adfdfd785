"""A URLconf with only the API, which the API's 404 answers name as `request.urlconf`.

Works around a Django behaviour: LocaleMiddleware turns any 404 outside i18n_patterns into a
redirect to the language-prefixed path when that path resolves, and Wagtail's catch-all inside
i18n_patterns resolves every path, so `/api/v1/nothing` would become a 302 to
`/en/api/v1/nothing/` and an HTML page. LocaleMiddleware (and CommonMiddleware's slash redirect)
read `request.urlconf`; pointed at this module, they find no i18n_patterns and leave the JSON 404
alone. Delete when the API no longer sits beside a catch-all in i18n_patterns.
"""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("kopuro.api.urls"))]
