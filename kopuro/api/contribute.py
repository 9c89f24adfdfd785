"""Contribute: the organisation directory and open opportunities, through
kopuro.contribute.selectors (the same open/closed rule as the pages). No member appears: an
opportunity names the organisation it is posted for, never the person who posted it."""

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
    COUNTRY_PATTERN,
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
from kopuro.contribute import selectors
from kopuro.contribute.models import Opportunity, Organisation

router = Router(tags=["contribute"])

OrganisationKind = Literal[tuple(Organisation.Kind.values)]  # type: ignore[valid-type]
OpportunityKind = Literal[tuple(Opportunity.Kind.values)]  # type: ignore[valid-type]
COUNTRY = Query(None, pattern=COUNTRY_PATTERN, description="ISO 3166 code.")


def _sectors():
    return Prefetch("sectors", queryset=Term.objects.order_by("position", "slug"))


class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    url: str
    kind: str
    kind_label: str
    description: str
    country: str
    countries: list[str]
    city: str
    website: str
    verified: bool
    sectors: list[str]


class OrganisationList(PageMeta):
    items: list[OrganisationOut]


@router.get("/organisations", response=responses(OrganisationList), summary="Organisations")
def organisations(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    kind: OrganisationKind | None = ANY,
    country: str | None = COUNTRY,
):
    with translation.override(lang):
        qs = selectors.organisation_search(filters={"kind": kind, "country": country})
        meta, page = paginate(qs.prefetch_related(_sectors()), limit=limit, offset=offset)
        return {**meta, "items": [organisation_item(o, request) for o in page]}


def organisation_item(o: Organisation, request) -> dict:
    return {
        "id": o.pk,
        "slug": o.slug,
        "name": o.name,
        "url": request.build_absolute_uri(o.get_absolute_url()),
        "kind": o.kind,
        "kind_label": str(o.get_kind_display()),
        "description": o.description,
        "country": str(o.country or ""),
        "countries": [c.code for c in o.countries],
        "city": o.city,
        "website": o.website,
        "verified": o.is_verified,
        "sectors": [t.slug for t in o.sectors.all()],
    }


@router.get(
    "/organisations/{slug}",
    response=detail_responses(OrganisationOut),
    summary="One organisation, by its slug",
)
def organisation(request, slug: str = Path(..., pattern=SLUG_PATTERN), lang: Lang = LANG):
    with translation.override(lang):
        found = selectors.organisation_for_viewer(slug=slug)
        if found is None:
            raise Http404
        return organisation_item(found, request)


class OrganisationRef(Schema):
    slug: str
    name: str


class OpportunityOut(Schema):
    id: int
    title: str
    url: str
    kind: str
    kind_label: str
    description: str
    organisation: OrganisationRef | None
    countries: list[str]
    region: str
    mode: str
    skills: str
    deadline: datetime | None
    open: bool
    sectors: list[str]


class OpportunityList(PageMeta):
    items: list[OpportunityOut]


@router.get("/opportunities", response=responses(OpportunityList), summary="Open opportunities")
def opportunities(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    kind: OpportunityKind | None = ANY,
    country: str | None = COUNTRY,
):
    with translation.override(lang):
        qs = selectors.opportunity_search(filters={"kind": kind, "country": country})
        qs = qs.select_related("organisation").prefetch_related(_sectors())
        meta, page = paginate(qs, limit=limit, offset=offset)
        return {**meta, "items": [opportunity_item(o, request) for o in page]}


def opportunity_item(o: Opportunity, request) -> dict:
    return {
        "id": o.pk,
        "title": o.title,
        "url": request.build_absolute_uri(o.get_absolute_url()),
        "kind": o.kind,
        "kind_label": str(o.get_kind_display()),
        "description": o.description,
        "organisation": (
            {"slug": o.organisation.slug, "name": o.organisation.name} if o.organisation else None
        ),
        "countries": [c.code for c in o.countries],
        "region": o.region,
        "mode": o.mode,
        "skills": o.skills,
        "deadline": o.deadline,
        "open": o.is_open,
        "sectors": [t.slug for t in o.sectors.all()],
    }


@router.get(
    "/opportunities/{id}",
    response=detail_responses(OpportunityOut),
    summary="One opportunity, open or closed (as its page shows it)",
)
def opportunity(request, id: int = Path(..., ge=1, le=2**31 - 1), lang: Lang = LANG):
    with translation.override(lang):
        found = selectors.opportunity_get(pk=id)
        if found is None:
            raise Http404
        return opportunity_item(found, request)
