"""/api/v1/…: ninja's URLs, each view wrapped so that every answer follows the API's rules
(JSON errors, public caching for anonymous reads), and a JSON 404 for any other path."""

from __future__ import annotations

import functools
from http import HTTPStatus

from django.conf import settings
from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.cache import patch_cache_control

from kopuro.api.api import api
from kopuro.api.auth import identify

# Seconds a shared cache may keep an anonymous answer: short, since publishing is not purged.
CACHE_SECONDS = 60
# Keeps LocaleMiddleware from turning the API's 404s into redirects (see kopuro/api/root_urls.py).
API_URLCONF = "kopuro.api.root_urls"


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def api_response_rules(view):
    """Who asks and how often first (kopuro/api/auth.py: 401 for a bad token, 429 over the rate
    limit); 4xx answers that ninja or Django give as text (405 Method not allowed) become JSON
    `{"detail": …}`; a successful anonymous read gets `Cache-Control: public, max-age=60`."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        refused, wait = identify(request)
        if refused:
            response = JsonResponse({"detail": refused}, status=401)
            response["WWW-Authenticate"] = getattr(request, "api_challenge", "Bearer")
            return response
        if wait:
            response = JsonResponse(
                {"detail": f"Too many requests: try again in {wait} seconds."}, status=429
            )
            response["Retry-After"] = str(wait)
            return response
        response = view(request, *args, **kwargs)
        status = response.status_code
        if 400 <= status < 500 and "json" not in response.get("Content-Type", ""):
            allow = response.get("Allow")
            response = JsonResponse({"detail": _reason(status)}, status=status)
            if allow:
                response["Allow"] = allow
        if status == 404:
            request.urlconf = API_URLCONF
        anonymous = settings.SESSION_COOKIE_NAME not in request.COOKIES and (
            "HTTP_AUTHORIZATION" not in request.META
        )
        if request.method in ("GET", "HEAD") and status == 200 and anonymous:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response

    return wrapped


def not_found(request, rest: str = ""):
    request.urlconf = API_URLCONF
    return JsonResponse({"detail": "Not Found"}, status=404)


_patterns, _app_name, _namespace = api.urls
for _pattern in _patterns:
    _pattern.callback = api_response_rules(_pattern.callback)

urlpatterns = [
    path("", (_patterns, _app_name, _namespace)),
    re_path(r"^(?P<rest>.*)$", not_found),
]
