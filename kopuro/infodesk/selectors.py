"""Reads for the information service: pages, sections with their audio, service points,
kiosk content and its manifest, and reach figures for staff and the home page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Max, Min, Q, Sum
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from kopuro.core.selectors import K_ANONYMITY, register_home_section
from kopuro.infodesk.blocks import SECTION_ICONS, SECTION_LABELS
from kopuro.infodesk.languages import EXTRA_LANGUAGES, frame_language

KIOSK_APP_VERSION = "1"

# --- Sections -------------------------------------------------------------------------------------


@dataclass
class Section:
    kind: str
    heading: str
    body: Any  # RichText
    last_reviewed: date | None
    sources: list[dict[str, str]]
    audio: Any = None  # SectionAudio or None
    block_id: str = ""

    @property
    def icon(self) -> str:
        return SECTION_ICONS.get(self.kind, "doc")

    @property
    def label(self) -> str:
        return str(SECTION_LABELS.get(self.kind, self.kind))


def sections_of(stream, *, page_id: int, language: str) -> list[Section]:
    """The sections of a StreamField value with their spoken versions (one query)."""
    from kopuro.infodesk.models import SectionAudio

    audio = {a.section: a for a in SectionAudio.objects.filter(page_id=page_id, language=language)}
    found = []
    for block in stream:
        if block.block_type != "section":
            continue
        v = block.value
        found.append(
            Section(
                kind=v["kind"],
                heading=v["heading"],
                body=v["body"],
                last_reviewed=v["last_reviewed"],
                sources=[{"title": s["title"], "url": s["url"]} for s in v["sources"]],
                audio=audio.get(v["kind"]),
                block_id=block.id,
            )
        )
    return found


def _extra_model(page):
    from kopuro.infodesk.models import GuideExtraLanguage, GuidePage, TopicExtraLanguage

    return GuideExtraLanguage if isinstance(page, GuidePage) else TopicExtraLanguage


def extra_versions_q(page):
    """Uzbek/Tajik rows for any translation of `page`, the default language's first."""
    model = _extra_model(page)
    return model.objects.filter(page__translation_key=page.translation_key).order_by(
        "page_id", "sort_order"
    )


def extra_version(*, page, language: str):
    """The Uzbek or Tajik version of `page` (kept on any of its translations), or None."""
    if language not in EXTRA_LANGUAGES:
        return None
    row = extra_versions_q(page).filter(language=language).first()
    if row is None:
        return None
    row.section_list = sections_of(row.sections, page_id=row.page_id, language=language)
    return row


def info_page_context(*, page) -> dict[str, Any]:
    languages = sorted(set(extra_versions_q(page).values_list("language", flat=True)))
    return {
        "sections": sections_of(page.sections, page_id=page.pk, language=page.locale.language_code),
        "extra_languages": languages,
    }


def guide_index(*, index) -> dict[str, Any]:
    from kopuro.infodesk.models import GuidePage, TopicPage

    children = index.get_children().live().public()
    guides = list(GuidePage.objects.filter(pk__in=children.values("pk")).order_by("path"))
    topics = list(TopicPage.objects.filter(pk__in=children.values("pk")).order_by("path"))
    return {"guides": guides, "topics": topics}


def guides_index_for(language: str):
    from kopuro.infodesk.models import GuideIndexPage

    return GuideIndexPage.objects.live().filter(locale__language_code=language).first()


# --- Service points -------------------------------------------------------------------------------


def service_point_listing(*, form, language: str, request=None) -> dict[str, Any]:
    """Service points filtered by the form, nearest first when a place is given."""
    from kopuro.infodesk.cities import CITIES, distance_km
    from kopuro.infodesk.models import ServicePoint

    points = ServicePoint.objects.filter(active=True).prefetch_related("texts")
    near = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("kind"):
            points = points.filter(kind=data["kind"])
        if data.get("country"):
            points = points.filter(country=data["country"])
        if data.get("language"):
            points = points.filter(languages__contains=data["language"])
        if data.get("free"):
            points = points.filter(free=True)
        if data.get("lat") is not None and data.get("lng") is not None:
            near = {"lat": data["lat"], "lng": data["lng"], "label": ""}
        elif data.get("near"):
            city = CITIES[data["near"]]
            near = {"lat": city.lat, "lng": city.lng, "label": city.name(language)}
    items = []
    for point in points:
        text = point.text_for(language)
        distance = None
        if near and point.latitude is not None and point.longitude is not None:
            distance = distance_km(near["lat"], near["lng"], point.latitude, point.longitude)
        city = CITIES.get(point.city)
        items.append(
            {
                "point": point,
                "text": text,
                "city": city.name(language) if city else "",
                "distance": distance,
            }
        )
    if near:
        items.sort(key=lambda i: (i["distance"] is None, i["distance"] or 0))
    return {"points": items, "near": near, "map": points_map(items)}


def points_map(items, *, width: int = 640, height: int = 320) -> dict[str, Any] | None:
    """An SVG map (equirectangular, fitted to the points): works without JavaScript or tiles."""
    located = [
        i for i in items if i["point"].latitude is not None and i["point"].longitude is not None
    ]
    if not located:
        return None
    lats = [i["point"].latitude for i in located]
    lngs = [i["point"].longitude for i in located]
    pad = 2.0
    lo_lat, hi_lat = min(lats) - pad, max(lats) + pad
    lo_lng, hi_lng = min(lngs) - pad, max(lngs) + pad
    dots = []
    for n, i in enumerate(located, 1):
        x = (i["point"].longitude - lo_lng) / (hi_lng - lo_lng) * (width - 20) + 10
        y = (hi_lat - i["point"].latitude) / (hi_lat - lo_lat) * (height - 20) + 10
        dots.append({"x": round(x, 1), "y": round(y, 1), "n": n, "item": i})
    return {"width": width, "height": height, "dots": dots}


# --- Kiosk ----------------------------------------------------------------------------------------


def kiosk_pages(language: str):
    """(guides, topics) for the kiosk in `language`; Uzbek and Tajik read the Russian tree and
    swap in their own version where one exists."""
    from kopuro.infodesk.models import GuidePage, TopicPage

    tree = frame_language(language)
    guides = list(
        GuidePage.objects.live().public().filter(locale__language_code=tree).order_by("path")
    )
    topics = list(
        TopicPage.objects.live().public().filter(locale__language_code=tree).order_by("path")
    )
    if language in EXTRA_LANGUAGES:
        keys = {p.translation_key for p in [*guides, *topics]}
        titles: dict[Any, str] = {}
        from kopuro.infodesk.models import GuideExtraLanguage, TopicExtraLanguage

        for model in (GuideExtraLanguage, TopicExtraLanguage):
            for key, title in model.objects.filter(
                language=language, page__translation_key__in=keys
            ).values_list("page__translation_key", "title"):
                titles.setdefault(key, title)
        for p in [*guides, *topics]:
            p.kiosk_title = titles.get(p.translation_key)
            p.kiosk_translated = p.translation_key in titles
            if p.kiosk_title is None:
                p.kiosk_title = p.title
    else:
        for p in [*guides, *topics]:
            p.kiosk_title = p.title
            p.kiosk_translated = True
    return guides, topics


def kiosk_page(*, key: str, language: str):
    """(page, title, summary, sections, translated) for a guide or topic in `language`."""
    from kopuro.infodesk.models import GuidePage, TopicPage

    tree = frame_language(language)
    page = None
    for model in (GuidePage, TopicPage):
        page = model.objects.live().public().filter(locale__language_code=tree, key=key).first()
        if page:
            break
    if page is None:
        return None
    if language in EXTRA_LANGUAGES:
        version = extra_version(page=page, language=language)
        if version is not None:
            return {
                "page": page,
                "title": version.title,
                "summary": version.summary,
                "sections": version.section_list,
                "translated": True,
            }
    return {
        "page": page,
        "title": page.title,
        "summary": page.summary,
        "sections": sections_of(page.sections, page_id=page.pk, language=tree),
        "translated": language == tree,
    }


def content_version() -> str:
    """Changes whenever something a kiosk shows changes (pages, service points, audio)."""
    from kopuro.core.cache import cached_data

    return cached_data("infodesk:content-version", _content_version, seconds=60)


def _content_version() -> str:
    from kopuro.infodesk.models import (
        GuideExtraLanguage,
        SectionAudio,
        ServicePoint,
        ServicePointText,
        TopicExtraLanguage,
    )

    pages = Page.objects.filter(content_type__app_label="infodesk", live=True).aggregate(
        latest=Max("last_published_at")
    )
    parts = [
        KIOSK_APP_VERSION,
        str(pages["latest"]),
        str(Page.objects.filter(content_type__app_label="infodesk", live=True).count()),
        str(ServicePoint.objects.aggregate(m=Max("updated_at"))["m"]),
        str(ServicePoint.objects.count()),
        str(ServicePointText.objects.count()),
        str(GuideExtraLanguage.objects.count() + TopicExtraLanguage.objects.count()),
        str(SectionAudio.objects.aggregate(m=Max("made_at"))["m"]),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def kiosk_manifest(*, terminal) -> dict[str, Any]:
    """Everything the kiosk's service worker must hold to work offline, with its version."""
    from django.templatetags.static import static

    urls = [
        reverse("infodesk:kiosk", args=[terminal.code]),
        static("infodesk/css/kiosk.css"),
        static("infodesk/js/kiosk.js"),
        static("infodesk/icons.svg"),
        static("core/img/favicon.svg"),
    ]
    for language in terminal.language_list:
        urls.append(reverse("infodesk:kiosk_home", args=[terminal.code, language]))
        urls.append(reverse("infodesk:kiosk_help", args=[terminal.code, language]))
        guides, topics = kiosk_pages(language)
        for page in [*guides, *topics]:
            urls.append(reverse("infodesk:kiosk_page", args=[terminal.code, language, page.key]))
            found = kiosk_page(key=page.key, language=language)
            for section in found["sections"] if found else []:
                urls.append(
                    reverse(
                        "infodesk:kiosk_section",
                        args=[terminal.code, language, page.key, section.kind],
                    )
                )
                if section.audio is not None and section.audio.status == "ready":
                    urls.append(audio_url(section.audio))
                for source in section.sources:
                    if source["url"]:
                        urls.append(qr_url(source["url"]))
    unique = list(dict.fromkeys(urls))
    return {"version": manifest_version(terminal), "app_version": KIOSK_APP_VERSION, "urls": unique}


def manifest_version(terminal) -> str:
    """What a terminal's manifest is at now: the content version and its languages, so the
    fleet view can tell a stale terminal without building every manifest."""
    return f"{content_version()}.{'-'.join(terminal.language_list)}"


def audio_url(audio) -> str:
    return reverse("infodesk:audio", args=[audio.pk, audio.text_digest[:10]])


def qr_url(target: str) -> str:
    from django.core import signing

    # No timestamp: the same address gives the same URL, so the kiosk's cache finds it.
    signed = signing.Signer(salt="kiosk-qr").sign_object(target, compress=True)
    return reverse("infodesk:qr", args=[signed])


# --- Reach ----------------------------------------------------------------------------------------


def terminal_status(terminal, *, now=None, current_version: str | None = None) -> dict[str, Any]:
    """Online (heard from within two heartbeats), offline since, stale content."""
    now = now or timezone.now()
    if current_version is not None:
        current_version = f"{current_version}.{'-'.join(terminal.language_list)}"
    window = timedelta(seconds=2 * settings.KOPURO_KIOSK_HEARTBEAT_SECONDS)
    online = terminal.last_seen_at is not None and now - terminal.last_seen_at <= window
    stale = bool(
        current_version and terminal.content_version and terminal.content_version != current_version
    )
    return {
        "online": online,
        "offline_since": None if online else terminal.last_seen_at,
        "stale": stale,
    }


@dataclass
class ReachFilters:
    start: date
    end: date
    terminal: str = ""  # a code, "web", or "" for all

    @classmethod
    def from_query(cls, query, *, today: date | None = None) -> ReachFilters:
        today = today or timezone.localdate()
        start, end = today - timedelta(days=29), today
        try:
            if query.get("start"):
                start = date.fromisoformat(query["start"])
            if query.get("end"):
                end = date.fromisoformat(query["end"])
        except ValueError:
            pass
        if start > end:
            start, end = end, start
        if (end - start).days > 366:
            start = end - timedelta(days=366)
        terminal = str(query.get("terminal", ""))[:30]
        return cls(start=start, end=end, terminal=terminal)


@dataclass
class Reach:
    days: list[dict[str, Any]] = field(default_factory=list)
    by_terminal: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    languages: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)


def reach(*, filters: ReachFilters) -> Reach:
    """The dashboard's figures: five grouped queries, whatever the number of rows."""
    from kopuro.infodesk.models import DailyReach

    rows = DailyReach.objects.filter(day__gte=filters.start, day__lte=filters.end)
    if filters.terminal:
        rows = rows.filter(source=filters.terminal)
    sums = {
        "sessions": Sum("sessions"),
        "views": Sum("views"),
        "helpful_yes": Sum("helpful_yes"),
        "helpful_no": Sum("helpful_no"),
    }
    result = Reach()
    result.totals = {k: v or 0 for k, v in rows.aggregate(**sums).items()}
    per_day = {r["day"]: r for r in rows.values("day").annotate(**sums).order_by("day")}
    day = filters.start
    while day <= filters.end:
        r = per_day.get(day, {})
        result.days.append(
            {"day": day, "sessions": r.get("sessions") or 0, "views": r.get("views") or 0}
        )
        day += timedelta(days=1)
    result.by_terminal = list(
        rows.values("source").annotate(**sums).order_by("-sessions", "source")
    )
    result.topics = list(
        rows.exclude(topic="").values("topic").annotate(**sums).order_by("-views", "topic")[:15]
    )
    result.languages = list(
        rows.exclude(language="")
        .values("language")
        .annotate(**sums)
        .order_by("-sessions", "-views")
    )
    return result


def bar_chart(rows: list[dict[str, Any]], *, label: str, value: str, width: int = 640) -> dict:
    """Horizontal bars for an SVG drawn in the template (no JavaScript, no library)."""
    top = max((r[value] or 0 for r in rows), default=0) or 1
    bar_h, gap, label_w = 22, 6, 170
    bars = []
    for n, r in enumerate(rows):
        v = r[value] or 0
        bars.append(
            {
                "label": str(r[label]),
                "value": v,
                "y": n * (bar_h + gap),
                "w": round((width - label_w - 60) * v / top, 1),
            }
        )
    return {
        "bars": bars,
        "width": width,
        "height": max(len(bars) * (bar_h + gap), bar_h),
        "label_w": label_w,
        "bar_h": bar_h,
    }


def day_chart(days: list[dict[str, Any]], *, width: int = 640, height: int = 160) -> dict:
    top = max((d["sessions"] for d in days), default=0) or 1
    n = max(len(days), 1)
    step = width / n
    bars = [
        {
            "x": round(i * step, 1),
            "w": max(round(step - 2, 1), 1),
            "h": round((height - 20) * d["sessions"] / top, 1),
            "day": d["day"],
            "value": d["sessions"],
        }
        for i, d in enumerate(days)
    ]
    for b in bars:
        b["y"] = round(height - 20 - b["h"], 1)
    return {"bars": bars, "width": width, "height": height, "top": top}


def people_informed() -> dict[str, Any] | None:
    """Kiosk sessions plus phone views since the first recorded day; None under k-anonymity."""
    from kopuro.infodesk.models import DailyReach

    figures = DailyReach.objects.aggregate(
        sessions=Sum("sessions"),
        web=Sum("views", filter=Q(source=DailyReach.WEB)),
        since=Min("day"),
    )
    count = (figures["sessions"] or 0) + (figures["web"] or 0)
    if count < K_ANONYMITY or figures["since"] is None:
        return None
    return {"count": count, "since": figures["since"]}


@register_home_section
def infodesk_section(*, viewer) -> dict[str, Any]:
    """`informed` = {"count", "since"} for "N people informed since …" on the home page."""
    from kopuro.core.cache import cached_data

    figures = cached_data("home:infodesk-reach", people_informed, seconds=300, local=True)
    return {"informed": figures} if figures else {}
