"""Reads for the newsroom: listings, open and closed notices, and the home page's section.

Every listing costs a fixed number of queries however many rows it shows (the query-budget tests
hold it to that): related rows come with select_related / prefetch_related, StreamFields that a
listing does not show are deferred, and renditions are prefetched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction

from kopuro.core.selectors import register_home_section
from kopuro.newsroom.models import (
    ContentPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsKind,
    NewsPage,
    PhotoStoryPage,
    TenderIndexPage,
    TenderPage,
    Topic,
    VacancyIndexPage,
    VacancyPage,
)

LISTING_RENDITION = "fill-640x360-c70"


def _with_listing_image(qs: QuerySet) -> QuerySet:
    images = get_image_model().objects.prefetch_renditions(LISTING_RENDITION)
    return qs.prefetch_related(Prefetch("image", queryset=images))


def private_q() -> Q:
    """Pages under a view restriction (and their descendants), found with one query.

    Wagtail's `.public()` runs that query again for every queryset; a listing builds several,
    so it computes this once and passes it on.
    """
    q = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        q |= Q(path__startswith=path)
    return q


def _children(model, parent: Page, hidden: Q | None = None) -> QuerySet:
    qs = model.objects.child_of(parent).live().defer_streamfields()
    hidden = private_q() if hidden is None else hidden
    return qs.exclude(hidden) if hidden else qs


# --- News -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsFilters:
    kind: str = ""
    year: int | None = None
    topic: str = ""

    @classmethod
    def from_query(cls, query) -> NewsFilters:
        """Read filters from a query string; anything unknown is ignored, never an error."""
        kind = query.get("kind", "")
        kind = kind if kind in NewsKind.values else ""
        try:
            year = int(query.get("year", ""))
            year = year if 1900 <= year <= 2999 else None
        except (TypeError, ValueError):
            year = None
        topic = query.get("topic", "")[:100]
        return cls(kind=kind, year=year, topic=topic)

    @property
    def active(self) -> bool:
        return bool(self.kind or self.year or self.topic)


def news_list(
    *, index: NewsIndexPage, filters: NewsFilters | None = None, hidden: Q | None = None
) -> QuerySet:
    qs = _children(NewsPage, index, hidden)
    if filters:
        if filters.kind:
            qs = qs.filter(kind=filters.kind)
        if filters.year:
            qs = qs.filter(date__year=filters.year)
        if filters.topic:
            filed = NewsPage.topics.through.objects.filter(topic__slug=filters.topic)
            qs = qs.filter(pk__in=filed.values("newspage_id"))
    qs = qs.prefetch_related("topics")
    return _with_listing_image(qs).order_by("-date", "-first_published_at", "-pk")


def news_years(*, index: NewsIndexPage, hidden: Q | None = None) -> list[int]:
    qs = _children(NewsPage, index, hidden)
    return [d.year for d in qs.dates("date", "year", order="DESC")]


def news_topics(*, index: NewsIndexPage, hidden: Q | None = None) -> list[Topic]:
    """The topics the index's live items are filed under, in the reader's language."""
    page_ids = _children(NewsPage, index, hidden).values("pk")
    return localized_topics(Topic.objects.filter(news_pages__in=page_ids).distinct())


def localized_topics(topics: Iterable[Topic], locale: Locale | None = None) -> list[Topic]:
    """Each topic once, in the reader's language where it has been translated, by name.

    Translated pages point at their source page's topics (see Topic), so this is where a
    Russian reader gets "права мигрантов" for "migrants' rights". One query for any number.
    """
    topics = {t.translation_key: t for t in topics}
    if not topics:
        return []
    if locale is not None:
        in_language = Q(locale=locale)
    else:  # the reader's language, joined rather than looked up (one query fewer)
        from django.utils.translation import get_language
        from wagtail.coreutils import get_supported_content_language_variant

        language = get_supported_content_language_variant(get_language())
        in_language = Q(locale__language_code=language)
    translated = Topic.objects.filter(in_language, translation_key__in=topics.keys())
    topics.update({t.translation_key: t for t in translated})
    return sorted(topics.values(), key=lambda t: t.name.casefold())


def with_localized_topics(pages: Iterable[NewsPage], locale: Locale | None = None) -> None:
    """Set `topic_list` on each page (topics prefetched), with one query for all the pages."""
    pages = list(pages)
    every = localized_topics([t for page in pages for t in page.topics.all()], locale)
    by_key = {t.translation_key: t for t in every}
    for page in pages:
        keys = {t.translation_key for t in page.topics.all()}
        page.topic_list = [by_key[k] for k in by_key if k in keys]


def news_about(page: Page, hidden: Q | None = None) -> list[NewsPage]:
    """Live news in `page`'s language that link to it or to one of its translations (a press
    release about an event, say), newest first. Wagtail's reference index knows the links."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    versions = [
        str(pk) for pk in page.get_translations(inclusive=True).values_list("pk", flat=True)
    ]
    sources = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Page),
        to_object_id__in=versions,
        content_type=ContentType.objects.get_for_model(NewsPage),
    ).values_list("object_id", flat=True)
    ids = [int(pk) for pk in sources if pk.isdigit()]
    if not ids:
        return []
    qs = NewsPage.objects.live().defer_streamfields().filter(pk__in=ids, locale_id=page.locale_id)
    hidden = private_q() if hidden is None else hidden
    if hidden:
        qs = qs.exclude(hidden)
    return list(qs.order_by("-date", "-pk"))


def photo_stories(*, parent: Page, hidden: Q | None = None) -> list[PhotoStoryPage]:
    qs = _children(PhotoStoryPage, parent, hidden)
    return list(_with_listing_image(qs).order_by("-date"))


def gallery_with_renditions(gallery) -> list[dict[str, Any]]:
    """The gallery's photos with their renditions fetched in two queries, not two per photo."""
    from kopuro.newsroom.templatetags.newsroom import GALLERY_RENDITIONS

    ids = [block.value["image"].pk for block in gallery if block.value.get("image")]
    images = {
        img.pk: img
        for img in get_image_model()
        .objects.filter(pk__in=ids)
        .prefetch_renditions(*GALLERY_RENDITIONS)
    }
    photos = []
    for block in gallery:
        image = images.get(getattr(block.value.get("image"), "pk", None))
        if image is None:
            continue
        photos.append(
            {
                "id": block.id,
                "image": image,
                "alt": block.value.get("alt") or "",
                "caption": block.value.get("caption") or "",
                "credit": block.value.get("credit") or "",
            }
        )
    return photos


# --- Events ---------------------------------------------------------------------------------------


def events_upcoming(
    *, index: EventIndexPage, now: datetime | None = None, hidden: Q | None = None
) -> QuerySet:
    now = now or timezone.now()
    qs = _children(EventPage, index, hidden).filter(
        Q(end__gte=now) | Q(end__isnull=True, start__gte=now)
    )
    return _with_listing_image(qs).order_by("start", "pk")


def events_past(
    *, index: EventIndexPage, now: datetime | None = None, hidden: Q | None = None
) -> QuerySet:
    now = now or timezone.now()
    qs = _children(EventPage, index, hidden).filter(
        Q(end__lt=now) | Q(end__isnull=True, start__lt=now)
    )
    return _with_listing_image(qs).order_by("-start", "-pk")


# --- Vacancies and tenders ------------------------------------------------------------------------


def vacancies_open(
    *, index: VacancyIndexPage, now: datetime | None = None, hidden: Q | None = None
) -> QuerySet:
    now = now or timezone.now()
    return (
        _children(VacancyPage, index, hidden)
        .filter(deadline__gt=now)
        .select_related("terms_of_reference")
        .order_by("deadline", "pk")
    )


def vacancies_closed(
    *, index: VacancyIndexPage, now: datetime | None = None, hidden: Q | None = None
) -> QuerySet:
    now = now or timezone.now()
    return (
        _children(VacancyPage, index, hidden).filter(deadline__lte=now).order_by("-deadline", "-pk")
    )


def tenders_open(
    *, index: TenderIndexPage, now: datetime | None = None, hidden: Q | None = None
) -> QuerySet:
    now = now or timezone.now()
    return (
        _children(TenderPage, index, hidden)
        .filter(submission_deadline__gt=now)
        .order_by("submission_deadline", "pk")
    )


def tenders_closed(
    *, index: TenderIndexPage, now: datetime | None = None, hidden: Q | None = None
) -> QuerySet:
    now = now or timezone.now()
    return (
        _children(TenderPage, index, hidden)
        .filter(submission_deadline__lte=now)
        .order_by("-submission_deadline", "-pk")
    )


def tender_timeline(*, tender: TenderPage, now: datetime | None = None) -> list[dict[str, Any]]:
    """The steps of a tender's process, each marked done, current (next to come) or to come."""
    from kopuro.newsroom.models import _as_comparable

    now = now or timezone.now()
    steps = []
    current_found = False
    for key, label, when in tender.timeline_steps():
        # A date-only step (the announcement) is done once its day has begun.
        done = _as_comparable(when, end_of_day=False) <= now
        state = "done" if done else ("upcoming" if current_found else "current")
        current_found = current_found or state == "current"
        steps.append(
            {
                "key": key,
                "label": label,
                "when": when,
                "state": state,
                "is_datetime": isinstance(when, datetime),
            }
        )
    return steps


# --- Search -------------------------------------------------------------------------------------

SEARCH_TYPES = {
    "news": (_("News"), (NewsPage,)),
    "events": (_("Events"), (EventPage, PhotoStoryPage)),
    "vacancies": (_("Vacancies"), (VacancyPage,)),
    "tenders": (_("Procurement notices"), (TenderPage,)),
}
MAX_QUERY = 200


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    kind: str = ""

    @classmethod
    def from_query(cls, query) -> SearchQuery:
        """The search box, cleaned: at most MAX_QUERY characters, no control characters."""
        text = "".join(ch for ch in str(query.get("q", ""))[: MAX_QUERY * 2] if ch.isprintable())
        text = " ".join(text.split())[:MAX_QUERY]
        kind = query.get("type", "")
        return cls(text=text, kind=kind if kind in SEARCH_TYPES else "")

    @property
    def terms(self) -> list[str]:
        return [t for t in self.text.split() if len(t) > 1][:10]


def _search_models(kind: str):
    if kind:
        return SEARCH_TYPES[kind][1]
    return tuple(m for _label, models in SEARCH_TYPES.values() for m in models) + (ContentPage,)


def newsroom_search(*, query: SearchQuery, locale: Locale | None = None) -> list[Page]:
    """Live newsroom pages matching the query: the reader's language first, then the others
    (a page already found in the reader's language is not repeated in another)."""
    locale = locale or Locale.get_active()
    base = Page.objects.live().type(*_search_models(query.kind))

    def ranked(qs) -> list[Page]:
        # The search index filters on indexed fields only; aliases and restricted pages are
        # dropped afterwards, in one query, keeping the ranking.
        found = list(qs.search(query.text, operator="and")[:100])
        keep = set(
            Page.objects.filter(pk__in=[p.pk for p in found], alias_of__isnull=True)
            .exclude(private_q())
            .values_list("pk", flat=True)
        )
        return [p for p in found if p.pk in keep]

    mine = ranked(base.filter(locale=locale))
    seen = {p.translation_key for p in mine}
    others = [p for p in ranked(base.exclude(locale=locale)) if p.translation_key not in seen]
    return mine + others


def search_hits(*, pages: list[Page], terms: list[str]) -> list[dict[str, Any]]:
    """Each page with its kind, language and a snippet with the search terms marked."""
    import re
    from html import escape

    from django.utils.safestring import mark_safe

    by_pk = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    locales = {loc.pk: loc.language_code for loc in Locale.objects.all()}
    pattern = (
        re.compile("(" + "|".join(re.escape(escape(t)) for t in terms) + ")", re.IGNORECASE)
        if terms
        else None
    )

    def mark(text: str) -> str:
        html = escape(text)
        return mark_safe(pattern.sub(r"<mark>\1</mark>", html) if pattern else html)  # noqa: S308

    def snippet(text: str) -> str:
        text = " ".join(text.split())
        lowered = text.lower()
        found = [i for i in (lowered.find(t.lower()) for t in terms) if i >= 0]
        start = max(0, min(found) - 80) if found else 0
        if start:  # begin at a word
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < min(found) else start
        cut = text[start : start + 260]
        return mark(("… " if start else "") + cut + ("…" if start + 260 < len(text) else ""))

    hits = []
    for page in pages:
        specific = by_pk.get(page.pk, page)
        kind = next(
            (key for key, (_l, models) in SEARCH_TYPES.items() if isinstance(specific, models)),
            "pages",
        )
        text = getattr(specific, "lead", "") or specific.search_description or ""
        hits.append(
            {
                "page": specific,
                "kind": kind,
                "language": locales.get(specific.locale_id, ""),
                "title": mark(specific.title),
                "snippet": snippet(text),
            }
        )
    return hits


# --- Home page ------------------------------------------------------------------------------------

HOME_CACHE_SECONDS = 120


def home_cache_key(language_code: str) -> str:
    return f"newsroom:home:{language_code}"


def _index_for_locale(model, locale: Locale):
    return model.objects.live().filter(locale=locale).first()


def newsroom_home_data(*, locale: Locale, now: datetime) -> dict[str, Any]:
    """Plain data (cacheable) for the home page: only what exists, in the locale's language."""
    from django.utils.formats import date_format

    from kopuro.newsroom.templatetags.newsroom import event_range

    data: dict[str, Any] = {}
    hidden = private_q()
    index = _index_for_locale(NewsIndexPage, locale)
    if index:
        items = news_list(index=index, hidden=hidden)[:3]
        data["news"] = {
            "url": index.get_url(),
            "items": [
                {
                    "title": p.title,
                    "url": p.get_url(),
                    "kind": p.get_kind_display(),
                    "date": date_format(p.date, "DATE_FORMAT"),
                }
                for p in items
            ],
        }
    index = _index_for_locale(EventIndexPage, locale)
    if index:
        items = events_upcoming(index=index, now=now, hidden=hidden)[:3]
        data["events"] = {
            "url": index.get_url(),
            "items": [
                {"title": p.title, "url": p.get_url(), "when": event_range(p), "venue": p.venue}
                for p in items
            ],
        }
    index = _index_for_locale(VacancyIndexPage, locale)
    if index:
        items = vacancies_open(index=index, now=now, hidden=hidden)[:4]
        data["vacancies"] = {
            "url": index.get_url(),
            "items": [
                {
                    "title": p.position,
                    "url": p.get_url(),
                    "place": p.duty_station,
                    "deadline": p.deadline,
                }
                for p in items
            ],
        }
    index = _index_for_locale(TenderIndexPage, locale)
    if index:
        items = tenders_open(index=index, now=now, hidden=hidden)[:4]
        data["tenders"] = {
            "url": index.get_url(),
            "items": [
                {
                    "title": p.title,
                    "url": p.get_url(),
                    "place": p.project,
                    "deadline": p.submission_deadline,
                }
                for p in items
            ],
        }
    return data


def _valid_for(data: dict[str, Any], now: datetime) -> int:
    """Seconds the data stays right: until the next deadline passes, at most HOME_CACHE_SECONDS."""
    seconds = HOME_CACHE_SECONDS
    for key in ("vacancies", "tenders"):
        for item in data.get(key, {}).get("items", []):
            seconds = min(seconds, int((item["deadline"] - now).total_seconds()) + 1)
    return max(seconds, 1)


@register_home_section
def newsroom_section(*, viewer) -> dict[str, Any]:
    """Latest news, next events, open vacancies and tenders in the reader's language.

    Kept in the cache for a short while (cleared when a newsroom page is published, see
    signals.py): the home page is the busiest page and this costs a dozen queries.
    """
    from django.core.cache import cache
    from django.utils.translation import get_language
    from wagtail.coreutils import get_supported_content_language_variant

    # The active locale's code without asking the database for the Locale (Locale.get_active
    # is a query): only computing the data needs the row.
    key = home_cache_key(get_supported_content_language_variant(get_language()))
    data = cache.get(key)
    if data is None:
        now = timezone.now()
        data = newsroom_home_data(locale=Locale.get_active(), now=now)
        cache.set(key, data, _valid_for(data, now))
    sections = {k: v for k, v in data.items() if v["items"]}
    return {"newsroom": sections} if sections else {}
