"""Learn's library: published resources only, through kopuro.learn.selectors.library_search
(the same rule as the library page). Nothing about who submitted or saved a resource."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.db.models import Prefetch
from django.http import Http404
from django.utils import translation
from ninja import Path, Query, Router, Schema

from kopuro.accounts.models import Term
from kopuro.api.common import (
    ANY,
    LANG,
    LIMIT,
    OFFSET,
    SLUG_PATTERN,
    Lang,
    PageMeta,
    detail_responses,
    paginate,
    responses,
)
from kopuro.learn import selectors
from kopuro.learn.models import Resource

router = Router(tags=["learn"])

ResourceKind = Literal[tuple(Resource.Kind.values)]  # type: ignore[valid-type]


class ResourceOut(Schema):
    id: int
    slug: str
    title: str
    url: str
    kind: str
    kind_label: str
    summary: str
    publisher: str
    year: int | None
    languages: list[str]
    topics: list[str]
    countries: list[str]
    external_url: str
    has_file: bool
    published_at: datetime | None


class ResourceList(PageMeta):
    items: list[ResourceOut]


@router.get("/resources", response=responses(ResourceList), summary="Published resources")
def resources(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    kind: ResourceKind | None = ANY,
    language: str | None = Query(
        None, pattern=SLUG_PATTERN, description="Language of the resource (a term's slug: en…)."
    ),
):
    with translation.override(lang):
        qs = selectors.library_search(filters={"kind": kind, "language": language}).distinct()
        qs = qs.prefetch_related(
            Prefetch("languages", queryset=Term.objects.order_by("position", "slug")),
            Prefetch("topics", queryset=Term.objects.order_by("position", "slug")),
        )
        meta, page = paginate(qs, limit=limit, offset=offset)
        return {**meta, "items": [resource_item(r, request) for r in page]}


def resource_item(r: Resource, request) -> dict:
    return {
        "id": r.pk,
        "slug": r.slug,
        "title": r.title,
        "url": request.build_absolute_uri(r.get_absolute_url()),
        "kind": r.kind,
        "kind_label": str(r.get_kind_display()),
        "summary": r.summary,
        "publisher": r.publisher,
        "year": r.year,
        "languages": [t.slug for t in r.languages.all()],
        "topics": [t.slug for t in r.topics.all()],
        "countries": [c.code for c in r.countries],
        "external_url": r.external_url,
        "has_file": bool(r.file),
        "published_at": r.published_at,
    }


@router.get(
    "/resources/{slug}",
    response=detail_responses(ResourceOut),
    summary="One published resource, by its slug",
)
def resource(request, slug: str = Path(..., pattern=SLUG_PATTERN), lang: Lang = LANG):
    with translation.override(lang):
        # Nobody's draft: the viewer is anonymous, so only a published resource is found.
        found = selectors.resource_for_viewer(slug=slug, viewer=None)
        if found is None:
            raise Http404
        return resource_item(found, request)
