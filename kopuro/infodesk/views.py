"""Kiosk pages, the kiosk's JSON endpoints, QR codes, audio files and the phone-view counter.

The kiosk's pages set no cookie and use no CSRF token or CSP nonce (their script is a static
file), so the anonymous page cache keeps them and a terminal starts from its service worker's
copy. The JSON endpoints authenticate the terminal by its bearer token, not by a session.
"""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.core import signing
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from kopuro.infodesk import selectors, services
from kopuro.infodesk.languages import ENDONYMS, frame_language, words_for
from kopuro.infodesk.models import SectionAudio, Terminal

# --- Kiosk pages ----------------------------------------------------------------------------------


def kiosk_view(view):
    """A kiosk page: a 404 is the kiosk's own page, never a redirect to /<language>/kiosk/…"""
    import functools

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.urlconf = "kopuro.infodesk.urls_plain"  # see that module's docstring
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return _not_found(request, kwargs.get("code", ""))

    return wrapped


def _not_found(request, code: str) -> HttpResponse:
    return render(
        request,
        "infodesk/kiosk/unknown.html",
        {"code": code, "known": Terminal.objects.filter(code=code, active=True).exists()},
        status=404,
    )


def _terminal_or_404(request, code: str) -> Terminal | HttpResponse:
    terminal = Terminal.objects.filter(code=code, active=True).first()
    if terminal is None:
        return _not_found(request, code)
    return terminal


def _kiosk_render(request, terminal, language, template, context):
    if language not in terminal.language_list:
        raise Http404
    with translation.override(frame_language(language)):
        response = render(
            request,
            template,
            {
                "terminal": terminal,
                "language": language,
                "words": words_for(language),
                "idle_seconds": settings.KOPURO_KIOSK_IDLE_SECONDS,
                "heartbeat_seconds": settings.KOPURO_KIOSK_HEARTBEAT_SECONDS,
                "app_version": selectors.KIOSK_APP_VERSION,
                **context,
            },
        )
    response["Content-Language"] = language
    return response


@kiosk_view
@require_GET
def kiosk(request, code: str):
    """The language choice: each language named in its own script."""
    terminal = _terminal_or_404(request, code)
    if isinstance(terminal, HttpResponse):
        return terminal
    languages = [{"code": c, "name": ENDONYMS[c]} for c in terminal.language_list]
    first = terminal.language_list[0]
    return _kiosk_render(
        request, terminal, first, "infodesk/kiosk/languages.html", {"languages": languages}
    )


@kiosk_view
@require_GET
def kiosk_home(request, code: str, language: str):
    terminal = _terminal_or_404(request, code)
    if isinstance(terminal, HttpResponse):
        return terminal
    guides, topics = selectors.kiosk_pages(language)
    return _kiosk_render(
        request,
        terminal,
        language,
        "infodesk/kiosk/home.html",
        {"guides": guides, "topics": topics, "back_url": None},
    )


@kiosk_view
@require_GET
def kiosk_page(request, code: str, language: str, key: str):
    terminal = _terminal_or_404(request, code)
    if isinstance(terminal, HttpResponse):
        return terminal
    found = selectors.kiosk_page(key=key, language=language)
    if found is None:
        raise Http404
    return _kiosk_render(request, terminal, language, "infodesk/kiosk/page.html", found)


@kiosk_view
@require_GET
def kiosk_section(request, code: str, language: str, key: str, section: str):
    terminal = _terminal_or_404(request, code)
    if isinstance(terminal, HttpResponse):
        return terminal
    found = selectors.kiosk_page(key=key, language=language)
    if found is None:
        raise Http404
    match = next((s for s in found["sections"] if s.kind == section), None)
    if match is None:
        raise Http404
    body, outside = kiosk_html(str(match.body))
    outside += [s["url"] for s in match.sources if s["url"]]
    return _kiosk_render(
        request,
        terminal,
        language,
        "infodesk/kiosk/section.html",
        {
            **found,
            "section": match,
            "body": body,
            "qr_codes": [{"url": u, "qr": selectors.qr_url(u)} for u in dict.fromkeys(outside)],
        },
    )


@kiosk_view
@require_GET
def kiosk_help(request, code: str, language: str):
    terminal = _terminal_or_404(request, code)
    if isinstance(terminal, HttpResponse):
        return terminal
    from kopuro.infodesk.forms import ServicePointFilterForm

    with translation.override(frame_language(language)):
        listing = selectors.service_point_listing(
            form=ServicePointFilterForm(None), language=language
        )
    return _kiosk_render(request, terminal, language, "infodesk/kiosk/help.html", listing)


LINK_RE = re.compile(r'<a\b[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)


def kiosk_html(html: str) -> tuple[str, list[str]]:
    """Rich text without links (a kiosk never leaves the kiosk); outside addresses returned
    so they can be shown as QR codes."""
    outside: list[str] = []

    def replace(m):
        href = m.group(1)
        if href.startswith(("http://", "https://")):
            outside.append(href)
        return f'<span class="k-link">{m.group(2)}</span>'

    return mark_safe(LINK_RE.sub(replace, html)), outside  # noqa: S308 - our rich text


@require_GET
def kiosk_manifest(request, code: str):
    terminal = Terminal.objects.filter(code=code, active=True).first()
    if terminal is None:
        return JsonResponse({"error": _("Unknown terminal.")}, status=404)
    response = JsonResponse(selectors.kiosk_manifest(terminal=terminal))
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    """The kiosk's service worker, served from /kiosk/ so that its scope covers the kiosk."""
    from django.contrib.staticfiles import finders

    path = finders.find("infodesk/js/kiosk-sw.js")
    with open(path, "rb") as f:
        response = HttpResponse(f.read(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/kiosk/"
    return response


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24 * 30, immutable=True)
def qr_code(request, signed: str):
    """An outside address as a QR code (SVG), to open on one's own phone."""
    import qrcode
    import qrcode.image.svg

    try:
        target = signing.Signer(salt="kiosk-qr").unsign_object(signed)
    except signing.BadSignature:
        raise Http404 from None
    image = qrcode.make(target, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return HttpResponse(image.to_string(encoding="unicode"), content_type="image/svg+xml")


@require_GET
def audio_file(request, pk: int, digest: str):
    audio = SectionAudio.objects.filter(pk=pk, status=SectionAudio.Status.READY).first()
    if audio is None or not audio.file or not audio.text_digest.startswith(digest):
        raise Http404
    content_type = "audio/mpeg" if audio.file.name.endswith(".mp3") else "audio/wav"
    response = FileResponse(audio.file.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=2592000, immutable"
    return response


# --- JSON endpoints -------------------------------------------------------------------------------


def _json_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _bearer(request) -> str:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else ""


def _read_json(request):
    if len(request.body) > settings.KOPURO_KIOSK_BATCH_MAX_BYTES:
        raise ValueError(
            _("The body is larger than %(n)d bytes.") % {"n": settings.KOPURO_KIOSK_BATCH_MAX_BYTES}
        )
    try:
        return json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError(_("The body is not valid JSON.")) from None


def _api(view):
    """Token-authenticated JSON endpoint: POST only, no CSRF (no cookies), never cached."""

    @csrf_exempt
    @never_cache
    @require_POST
    def wrapped(request, code: str):
        length = int(request.headers.get("Content-Length") or 0)
        if length > settings.KOPURO_KIOSK_BATCH_MAX_BYTES:
            return _json_error(
                _("The body is larger than %(n)d bytes.")
                % {"n": settings.KOPURO_KIOSK_BATCH_MAX_BYTES},
                400,
            )
        terminal = services.terminal_authenticate(code=code, token=_bearer(request))
        if terminal is None:
            response = _json_error(_("Unknown terminal, or a wrong or revoked token."), 401)
            response["WWW-Authenticate"] = 'Bearer realm="kiosk"'
            return response
        try:
            payload = _read_json(request)
        except ValueError as error:
            return _json_error(str(error), 400)
        return view(request, terminal, payload)

    return wrapped


@_api
def api_events(request, terminal, payload):
    try:
        result = services.events_record(terminal=terminal, payload=payload)
    except services.BatchError as error:
        return _json_error(error.message, 400)
    return JsonResponse(result)


@_api
def api_heartbeat(request, terminal, payload):
    if not isinstance(payload, dict):
        return _json_error(_("The body must be a JSON object."), 400)
    app_version, content_version = (
        payload.get("app_version", ""),
        payload.get("content_version", ""),
    )
    if not isinstance(app_version, str) or not isinstance(content_version, str):
        return _json_error(_("'app_version' and 'content_version' must be text."), 400)
    services.terminal_heartbeat(
        terminal=terminal, app_version=app_version, content_version=content_version
    )
    return JsonResponse({"status": "ok", "content_version": selectors.content_version()})


GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@require_GET
@never_cache
def web_seen(request):
    """A phone's view of a guide, counted from a 1-pixel image in the page: it works with
    JavaScript off and on cached pages, and reads and sets no cookie."""
    services.web_view_record(
        topic=str(request.GET.get("k", ""))[:60],
        section=str(request.GET.get("s", ""))[:60],
        language=str(request.GET.get("l", ""))[:5],
    )
    return HttpResponse(GIF, content_type="image/gif")
