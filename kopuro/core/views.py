"""Health check, the privacy notice, the error pages and the benchmark's floor view."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import cache_control, never_cache


@never_cache
def healthz(request):
    """JSON with the database's and (when configured) the cache's status; 503 when the
    database is down. Load balancers and `make prod-smoke` read it."""
    status = {"database": "ok"}
    code = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        status["database"] = "unavailable"
        code = 503
    if settings.REDIS_URL:
        try:
            cache.set("healthz", "1", 5)
            status["cache"] = "ok" if cache.get("healthz") == "1" else "unavailable"
        except Exception:
            status["cache"] = "unavailable"
    status["status"] = "ok" if code == 200 else "unavailable"
    return JsonResponse(status, status=code)


@cache_control(max_age=300, public=True)
def brand_css(request):
    """The office's primary colour as a stylesheet (the CSP allows no inline style)."""
    from wagtail.models import Site

    from kopuro.core.models import BrandingSettings

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    colour = BrandingSettings.for_site(site).primary_colour if site else "#1f5f8b"
    return HttpResponse(f":root{{--primary:{colour}}}\n", content_type="text/css")


def bench_floor(request):
    """The framework floor for `make bench`: a bare view behind the full middleware stack, with
    no database, template or cache lookup. Routed only when settings.KOPURO_BENCH_FLOOR is on."""
    return HttpResponse("floor", content_type="text/plain")


def admin_login(request):
    """`/admin/login/` sends staff to allauth's sign-in, keeping where they were going.

    Wagtail's own form checks a password with no rate limit and skips the second factor, so it
    is not routed; allauth's page has both (see WAGTAILADMIN_LOGIN_URL).
    """
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/admin/"
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


def privacy(request):
    return render(request, "core/privacy.html", {"terms_version": settings.KOPURO_TERMS_VERSION})


def page_not_found(request, exception=None):
    # error_page: the menu of this page is not cached (base.html): its address is anyone's choice.
    return render(request, "404.html", {"error_page": True}, status=404)


def server_error(request):
    # No context processors that touch the database: the database may be why we are here.
    from django.http import HttpResponseServerError
    from django.template import loader

    from kopuro.core.resilience import response_for_current_exception

    # The database is unreachable: a clear 503 (JSON for /api/ and /healthz), not a 500.
    if (unavailable := response_for_current_exception(request)) is not None:
        return unavailable

    return HttpResponseServerError(loader.get_template("500.html").render())
