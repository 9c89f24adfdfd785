"""Template helpers for the newsroom: times in the office's (or an event's) zone, sharing tags."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime

from babel.core import UnknownLocaleError
from babel.dates import get_timezone_location
from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, to_locale

register = template.Library()

GALLERY_RENDITIONS = ("width-1200", "fill-160x120-c50")


def _zone(zone) -> zoneinfo.ZoneInfo:
    if isinstance(zone, zoneinfo.ZoneInfo):
        return zone
    try:
        return zoneinfo.ZoneInfo(zone or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def zone_city(zone: zoneinfo.ZoneInfo) -> str:
    """The zone's city in the active language, from CLDR through Babel ("Бишкек" on a Russian
    page), or the English name in the zone's key when CLDR has none."""
    key = str(zone.key)
    try:
        return get_timezone_location(
            key, locale=to_locale(get_language() or settings.LANGUAGE_CODE), return_city=True
        )
    except (LookupError, UnknownLocaleError, ValueError):
        return key.rsplit("/", 1)[-1].replace("_", " ")


def zone_label(zone: zoneinfo.ZoneInfo, when: datetime) -> str:
    city = zone_city(zone)
    offset = when.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")
    return f"{city}, {utc}"


@register.simple_tag
def zoned_time(value, zone=None, fmt="DATETIME_FORMAT"):
    """A <time> element showing `value` in `zone` (the office's by default) with the zone named.

    The machine-readable datetime lets static/newsroom/js/localtime.js add the reader's own
    time next to it; without JavaScript the office's time is what people see.
    """
    if value is None:
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        return format_html(
            '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "DATE_FORMAT")
        )
    tz = _zone(zone)
    local = value.astimezone(tz)
    return format_html(
        '<time datetime="{}" data-local-time>{} <span class="zone">({})</span></time>',
        value.astimezone(zoneinfo.ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ"),
        date_format(local, fmt),
        zone_label(tz, local),
    )


@register.simple_tag
def zoned_date(value, zone=None):
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(_zone(zone)).date()
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "DATE_FORMAT")
    )


@register.filter
def local_in(value, zone):
    """The datetime in the given zone (for `|date` formatting in templates)."""
    if value is None:
        return None
    return value.astimezone(_zone(zone))


def _absolute(request, page) -> str:
    """The page's address on the host this request came to (the Site record may say localhost)."""
    if request is None:
        return page.get_full_url()
    return request.build_absolute_uri(page.get_url(request))


@register.inclusion_tag("newsroom/includes/meta.html", takes_context=True)
def page_meta(context, page):
    """Canonical, hreflang alternates and Open Graph tags for a page."""
    from kopuro.newsroom.models import BaseIndexPage

    request = context.get("request")
    og_type = "website" if isinstance(page, BaseIndexPage) else "article"
    # Aliases ("not translated yet" placeholders) repeat another language: they are no
    # alternate, and their canonical address is the original's.
    translations = list(
        page.get_translations(inclusive=True)
        .live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("pk")
    )
    alternates = []
    default_url = ""
    locale_code = next(
        (t.locale.language_code for t in translations if t.pk == page.pk), get_language()
    )
    for t in translations:
        url = _absolute(request, t)
        alternates.append({"lang": t.locale.language_code, "url": url})
        if t.locale.language_code == settings.LANGUAGE_CODE:
            default_url = url
    image_url = ""
    image = getattr(page, "image", None)
    if image is not None:
        from wagtail.images.models import SourceImageIOError

        try:
            rendition = image.get_rendition("fill-1200x630-c50")
        except SourceImageIOError:  # the original is gone from storage: share without a picture
            rendition = None
        if rendition is not None:
            image_url = request.build_absolute_uri(rendition.url) if request else rendition.url
    return {
        "canonical": _absolute(request, page.alias_of if page.alias_of_id else page),
        "alternates": alternates,
        "x_default": default_url,
        "title": page.seo_title or page.title,
        "description": getattr(page, "summary", "") or page.search_description,
        "og_type": og_type,
        "image_url": image_url,
        "locale": locale_code,
        "published": getattr(page, "first_published_at", None),
    }


@register.filter
def event_range(event):
    """'18–19 April 2018', '26 September 2017, 19:30–21:00' or a full range, in the event's zone."""
    if not event.start:
        return ""
    start, end = event.local_start, event.local_end or event.local_start
    if event.all_day:
        if start.date() == end.date():
            return date_format(start, "DATE_FORMAT")
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{date_format(end, 'DATE_FORMAT')}"
        return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"
    if start.date() == end.date():
        if start == end:
            return date_format(start, "DATETIME_FORMAT")
        return f"{date_format(start, 'DATETIME_FORMAT')}–{date_format(end, 'H:i')}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, 'DATE_FORMAT')}"
    return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"


@register.simple_tag
def kind_label(value):
    from kopuro.newsroom.models import NewsKind

    try:
        return NewsKind(value).label
    except ValueError:
        return ""


NAV_CACHE_SECONDS = 300


def nav_cache_key(language_code: str) -> str:
    return f"newsroom:nav:{language_code}"


@register.simple_tag
def newsroom_nav():
    """[(label, url)] for the newsroom's indexes in the active language, only those that exist.

    Read from the cache (cleared when an index page is published or unpublished, see apps.py),
    so the menu costs no query on a page that otherwise needs none.
    """
    from django.core.cache import cache
    from django.utils.translation import get_language
    from django.utils.translation import gettext as _
    from wagtail.models import Locale

    from kopuro.newsroom.models import (
        EventIndexPage,
        NewsIndexPage,
        TenderIndexPage,
        VacancyIndexPage,
    )

    language = get_language() or settings.LANGUAGE_CODE
    urls = cache.get(nav_cache_key(language))
    if urls is None:
        urls = {}
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None:
            for key, model in (
                ("news", NewsIndexPage),
                ("events", EventIndexPage),
                ("vacancies", VacancyIndexPage),
                ("tenders", TenderIndexPage),
            ):
                page = model.objects.live().filter(locale=locale).first()
                if page is not None:
                    urls[key] = page.get_url()
        cache.set(nav_cache_key(language), urls, NAV_CACHE_SECONDS)
    labels = {
        "news": _("News"),
        "events": _("Events"),
        "vacancies": _("Vacancies"),
        "tenders": _("Tenders"),
    }
    return [(labels[key], url) for key, url in urls.items() if url]
