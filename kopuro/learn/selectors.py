"""Reads for Learn: the library with its facets, one resource for one viewer, related
resources, a member's library and contributions, the moderation queue."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from kopuro.accounts.models import Term
from kopuro.learn.models import Bookmark, Resource

PAGE_SIZE = 20
_WORD = re.compile(r"\w+", re.UNICODE)


def _terms():
    return Term.objects.order_by("position", "label_en")


def published() -> QuerySet[Resource]:
    return Resource.objects.filter(status=Resource.Status.PUBLISHED)


def country_filter(code: str) -> Q:
    # CountryField(multiple=True) stores "KG,RU": match the code as a whole item.
    return (
        Q(countries=code)
        | Q(countries__startswith=f"{code},")
        | Q(countries__endswith=f",{code}")
        | Q(countries__contains=f",{code},")
    )


def library_search(*, filters: dict) -> QuerySet[Resource]:
    """Published resources narrowed by a cleaned LibraryForm's filters and sorted.

    Words match the title, summary or publisher (every word somewhere, any case): enough for a
    library of a few thousand items on both SQLite and PostgreSQL without a search index.
    """
    qs = published()
    for word in [w for w in _WORD.findall(filters.get("q") or "")][:8]:
        qs = qs.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(publisher__icontains=word)
        )
    if kind := filters.get("kind"):
        qs = qs.filter(kind=kind)
    if topic := filters.get("topic"):
        qs = qs.filter(topics__slug=topic, topics__vocabulary=Term.Vocabulary.EXPERTISE)
    if language := filters.get("language"):
        qs = qs.filter(languages__slug=language, languages__vocabulary=Term.Vocabulary.LANGUAGE)
    if country := filters.get("country"):
        qs = qs.filter(country_filter(country))
    if year := filters.get("year"):
        qs = qs.filter(year=year)
    if filters.get("sort") == "saved":
        return qs.order_by("-save_count", "-published_at", "-pk")
    return qs.order_by("-published_at", "-pk")


def facet_counts(qs: QuerySet[Resource]) -> dict[str, dict]:
    """{facet: {value: count}} over the resources `qs` finds (four queries)."""
    ids = qs.order_by().values("pk")
    base = Resource.objects.filter(pk__in=ids).order_by()
    kinds = dict(base.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    years: Counter = Counter()
    country_counts: Counter = Counter()
    for year, countries in base.values_list("year", "countries"):
        if year:
            years[year] += 1
        for code in str(countries or "").split(","):
            if code:
                country_counts[code] += 1
    terms: dict[str, Counter] = {"topic": Counter(), "language": Counter()}
    for name, field in (("topic", "topics"), ("language", "languages")):
        through = getattr(Resource, field).through
        for slug, n in (
            through.objects.filter(resource_id__in=ids)
            .values_list("term__slug")
            .annotate(n=Count("resource_id"))
            .values_list("term__slug", "n")
            .order_by()
        ):
            terms[name][slug] = n
    return {
        "kind": kinds,
        "topic": dict(terms["topic"]),
        "language": dict(terms["language"]),
        "country": dict(country_counts),
        "year": dict(sorted(years.items(), reverse=True)),
    }


@dataclass
class ResourceCard:
    resource: Resource
    saved: bool = False


def saved_ids(viewer, resource_ids) -> set[int]:
    if viewer is None or not viewer.is_authenticated or not resource_ids:
        return set()
    return set(
        Bookmark.objects.filter(user=viewer, resource_id__in=resource_ids).values_list(
            "resource_id", flat=True
        )
    )


def cards_for(resources, viewer) -> list[ResourceCard]:
    resources = list(resources)
    saved = saved_ids(viewer, [r.pk for r in resources])
    return [ResourceCard(resource=r, saved=r.pk in saved) for r in resources]


def with_terms(qs: QuerySet[Resource]) -> QuerySet[Resource]:
    return qs.prefetch_related(
        Prefetch("topics", queryset=_terms()), Prefetch("languages", queryset=_terms())
    )


def library_page(*, viewer, filters: dict, page: int | str = 1):
    """(page object, cards, facets) for the library; the same number of queries for any page."""
    qs = library_search(filters=filters)
    paginator = Paginator(with_terms(qs), PAGE_SIZE)
    page_obj = paginator.get_page(page)
    return page_obj, cards_for(page_obj.object_list, viewer), facet_counts(qs)


def resource_for_viewer(*, slug: str, viewer) -> Resource | None:
    """A published resource for anyone; an unpublished one for its contributor and staff."""
    resource = (
        with_terms(Resource.objects.filter(slug=slug))
        .select_related("contributor__profile")
        .first()
    )
    if resource is None:
        return None
    if resource.is_published:
        return resource
    if viewer is not None and viewer.is_authenticated:
        if viewer.is_staff or viewer.pk == resource.contributor_id:
            return resource
    return None


def related(resource: Resource, *, limit: int = 4) -> list[Resource]:
    """Published resources sharing most topics with `resource` (then the same kind), newest
    first among equals."""
    topic_ids = [t.pk for t in resource.topics.all()]
    if not topic_ids:
        return list(
            published()
            .filter(kind=resource.kind)
            .exclude(pk=resource.pk)
            .order_by("-published_at")[:limit]
        )
    return list(
        published()
        .exclude(pk=resource.pk)
        .filter(topics__in=topic_ids)
        .annotate(shared=Count("topics", distinct=True))
        .order_by("-shared", "-published_at", "-pk")[:limit]
    )


def my_library(*, user) -> dict:
    bookmarks = list(
        Bookmark.objects.filter(user=user, resource__status=Resource.Status.PUBLISHED)
        .select_related("resource")
        .prefetch_related(
            Prefetch("resource__topics", queryset=_terms()),
            Prefetch("resource__languages", queryset=_terms()),
        )
    )
    contributed = list(Resource.objects.filter(contributor=user).order_by("-created_at", "-pk"))
    return {
        "saved": [ResourceCard(resource=b.resource, saved=True) for b in bookmarks],
        "contributed": contributed,
    }


def moderation_queue() -> QuerySet[Resource]:
    return Resource.objects.filter(status=Resource.Status.SUBMITTED).order_by("created_at")
