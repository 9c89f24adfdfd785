"""Guides and topics, hotlines and service points: the information service's public content,
read through kopuro.infodesk.selectors and its filter form (the same rules as the pages)."""

from __future__ import annotations

from typing import Literal

from django.http import Http404, QueryDict
from django.utils import translation
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError

from kopuro.api.common import (
    ANY,
    COUNTRY_PATTERN,
    LANG,
    LIMIT,
    OFFSET,
    Lang,
    PageMeta,
    detail_responses,
    paginate,
    responses,
)
from kopuro.infodesk import selectors
from kopuro.infodesk.forms import ServicePointFilterForm
from kopuro.infodesk.models import ServicePoint

router = Router(tags=["information service"])

PointKind = Literal[tuple(ServicePoint.Kind.values)]  # type: ignore[valid-type]


class GuideOut(Schema):
    id: int
    kind: Literal["guide", "topic"]
    key: str
    title: str
    summary: str
    country: str
    url: str


class GuideList(PageMeta):
    items: list[GuideOut]


@router.get("/guides", response=responses(GuideList), summary="Country guides and topics")
def guides(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    kind: Literal["guide", "topic"] | None = ANY,
    country: str | None = Query(None, pattern=COUNTRY_PATTERN, description="ISO 3166 code."),
):
    with translation.override(lang):
        index = selectors.guides_index_for(lang)
        found = selectors.guide_index(index=index) if index else {"guides": [], "topics": []}
        rows = []
        if kind in (None, "guide"):
            rows += [("guide", g) for g in found["guides"] if not country or g.country == country]
        if kind in (None, "topic") and not country:
            rows += [("topic", t) for t in found["topics"]]
        meta, page = paginate(rows, limit=limit, offset=offset)
        return {**meta, "items": [guide_item(k, p, request) for k, p in page]}


def guide_item(kind: str, p, request) -> dict:
    return {
        "id": p.pk,
        "kind": kind,
        "key": p.key,
        "title": p.title,
        "summary": p.summary,
        "country": str(getattr(p, "country", "") or ""),
        "url": request.build_absolute_uri(p.get_url(request) or "/"),
    }


@router.get(
    "/guides/{key}",
    response=detail_responses(GuideOut),
    summary="One country guide or topic, by its key (russia, trafficking…)",
)
def guide(
    request,
    key: str = Path(..., pattern=r"^[a-z0-9][a-z0-9-]{0,59}$"),
    lang: Lang = LANG,
):
    with translation.override(lang):
        index = selectors.guides_index_for(lang)
        found = selectors.guide_index(index=index) if index else {"guides": [], "topics": []}
        for kind, pages in (("guide", found["guides"]), ("topic", found["topics"])):
            for page in pages:
                if page.key == key:
                    return guide_item(kind, page, request)
        raise Http404


class ServicePointOut(Schema):
    id: int
    kind: str
    kind_label: str
    name: str
    country: str
    city: str
    address: str
    hours: str
    note: str
    phones: list[str]
    website: str
    languages: list[str]
    free: bool
    around_the_clock: bool
    latitude: float | None
    longitude: float | None


class ServicePointList(PageMeta):
    items: list[ServicePointOut]


@router.get(
    "/service-points",
    response=responses(ServicePointList),
    summary="Hotlines, consulates, service centres, NGOs, shelters, legal aid",
)
def service_points(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    kind: PointKind | None = ANY,
    country: str | None = Query(None, pattern=COUNTRY_PATTERN, description="ISO 3166 code."),
):
    with translation.override(lang):
        data = QueryDict(mutable=True)
        data.update({"kind": kind or "", "country": country or ""})
        form = ServicePointFilterForm(data)
        if not form.is_valid():
            # A country no shown point is in: the page's form refuses it too; nothing to list.
            if set(form.errors) == {"country"}:
                return {"count": 0, "limit": limit, "offset": offset, "items": []}
            raise HttpError(422, "Invalid filters.")
        listing = selectors.service_point_listing(form=form, language=lang)
        meta, page = paginate(listing["points"], limit=limit, offset=offset)
        items = []
        for row in page:
            point, text = row["point"], row["text"]
            items.append(
                {
                    "id": point.pk,
                    "kind": point.kind,
                    "kind_label": str(point.get_kind_display()),
                    "name": text.name if text else "",
                    "country": str(point.country or ""),
                    "city": row["city"],
                    "address": text.address if text else "",
                    "hours": text.hours if text else "",
                    "note": text.note if text else "",
                    "phones": [p["display"] for p in point.phone_list],
                    "website": point.website,
                    "languages": point.language_list,
                    "free": point.free,
                    "around_the_clock": point.around_the_clock,
                    "latitude": point.latitude,
                    "longitude": point.longitude,
                }
            )
        return {**meta, "items": items}
