"""Partner endpoints: an organisation's integration reads and manages the organisation's own
opportunities with a partner token (`manage.py api_token issue --kind partner --organisation …`).

- The token is bound to one organisation: a path naming another organisation answers 403.
- It acts as its account, and only while that account administers the organisation (or is
  staff): the same rule as the site's "on behalf of" choice.
- `opportunities:read`: every opportunity of the organisation (open and closed) with the number
  of expressions of interest in each status. Numbers only: who responded stays on the
  responses page, for the opportunity's managers.
- `opportunities:write`: post, edit and close one, validated by the site's own OpportunityForm
  and written by the same services (kopuro.contribute.services), so the same rules apply.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from django.http import Http404, QueryDict
from django.utils import translation
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError, ValidationError

from kopuro.accounts.models import Term
from kopuro.api.auth import PartnerToken, need_scope
from kopuro.api.common import (
    COUNTRY_PATTERN,
    LANG,
    LIMIT,
    OFFSET,
    SLUG_PATTERN,
    ErrorOut,
    Lang,
    PageMeta,
    paginate,
)
from kopuro.api.contribute import OpportunityKind, OpportunityOut, opportunity_item
from kopuro.api.models import Scope
from kopuro.contribute import selectors, services
from kopuro.contribute.forms import OpportunityForm
from kopuro.contribute.models import Opportunity, Organisation

router = Router(tags=["partners"], auth=PartnerToken())

PARTNER_ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}
SLUG = Path(..., pattern=SLUG_PATTERN, description="The organisation's slug.")
ID = Path(..., ge=1, le=2**31 - 1, description="The opportunity's id.")
OpportunityMode = Literal[tuple(Opportunity.Mode.values)]  # type: ignore[valid-type]
FORBIDDEN = {
    str(services.error_messages["not_admin"]),
    str(services.error_messages["not_poster"]),
}


class InterestCounts(Schema):
    total: int
    sent: int
    shortlisted: int
    accepted: int
    declined: int
    withdrawn: int


class PartnerOpportunityOut(OpportunityOut):
    withdrawn: bool
    created_at: date
    interests: InterestCounts


class PartnerOpportunityList(PageMeta):
    items: list[PartnerOpportunityOut]


class OpportunityIn(Schema):
    """An opportunity as the site's form takes it; `deadline` is the last day to respond."""

    title: str = Field(min_length=1, max_length=200)
    kind: OpportunityKind
    description: str = Field(min_length=1, max_length=6000)
    sectors: list[Annotated[str, Field(pattern=SLUG_PATTERN)]] = Field(
        min_length=1, max_length=30, description="Sector slugs (the expertise vocabulary)."
    )
    countries: list[Annotated[str, Field(pattern=COUNTRY_PATTERN)]] = Field(
        [], max_length=60, description="ISO 3166 codes."
    )
    region: str = Field("", max_length=120)
    mode: OpportunityMode = "either"
    skills: str = Field("", max_length=300)
    deadline: date | None = None


def _organisation(request, slug: str, scope: str) -> Organisation:
    """The token's organisation, if `slug` names it and the token may `scope`; else 403."""
    need_scope(request, scope)
    token = request.auth
    organisation = token.organisation
    if organisation.slug != slug:
        raise HttpError(403, "This token is for another organisation.")
    user = token.user
    if not user.is_staff and not services.is_admin(user, organisation):
        raise HttpError(403, "The token's account no longer administers this organisation.")
    return organisation


def _item(o: Opportunity, request) -> dict:
    counts = {name: getattr(o, f"n_{name}") for name in selectors.INTEREST_STATUSES}
    return {
        **opportunity_item(o, request),
        "withdrawn": o.withdrawn_at is not None,
        "created_at": o.created_at.date(),
        "interests": {"total": sum(counts.values()), **counts},
    }


def _get(organisation: Organisation, pk: int) -> Opportunity:
    found = selectors.organisation_opportunities(organisation=organisation).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@router.get(
    "/partner/organisations/{slug}/opportunities",
    response={200: PartnerOpportunityList, **PARTNER_ERRORS},
    summary="The organisation's opportunities, open and closed, with interest counts",
)
def partner_opportunities(
    request,
    slug: str = SLUG,
    status: Literal["all", "open", "closed"] = "all",
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    organisation = _organisation(request, slug, Scope.OPPORTUNITIES_READ)
    with translation.override(lang):
        qs = selectors.organisation_opportunities(organisation=organisation, status=status)
        meta, page = paginate(qs, limit=limit, offset=offset)
        return {**meta, "items": [_item(o, request) for o in page]}


@router.get(
    "/partner/organisations/{slug}/opportunities/{id}",
    response={200: PartnerOpportunityOut, **PARTNER_ERRORS},
    summary="One of the organisation's opportunities",
)
def partner_opportunity(request, slug: str = SLUG, id: int = ID, lang: Lang = LANG):
    organisation = _organisation(request, slug, Scope.OPPORTUNITIES_READ)
    with translation.override(lang):
        return _item(_get(organisation, id), request)


def _form(request, organisation: Organisation, payload: OpportunityIn, instance=None):
    """The site's OpportunityForm, bound to the payload as the page would post it; 422 with the
    form's errors when it refuses."""
    data = QueryDict(mutable=True)
    for name in ("title", "kind", "description", "region", "mode", "skills"):
        data[name] = getattr(payload, name)
    data["organisation"] = str(organisation.pk)
    data["deadline"] = payload.deadline.isoformat() if payload.deadline else ""
    data.setlist("countries", payload.countries)
    known = dict(
        Term.objects.filter(
            vocabulary=Term.Vocabulary.EXPERTISE, slug__in=payload.sectors
        ).values_list("slug", "pk")
    )
    # An unknown slug goes to the form as it is, which refuses it as no valid choice.
    data.setlist("sectors", [str(known.get(s, s)) for s in payload.sectors])
    form = OpportunityForm(data, instance=instance, user=request.auth.user)
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["body", "payload", field], "msg": str(message), "type": "form"}
                for field, messages in form.errors.items()
                for message in messages
            ]
        )
    return form


def _refused(error: services.ContributeError):
    status = 403 if str(error) in FORBIDDEN else 422
    return HttpError(status, str(error))


@router.post(
    "/partner/organisations/{slug}/opportunities",
    response={201: PartnerOpportunityOut, **PARTNER_ERRORS},
    summary="Post an opportunity for the organisation",
)
def partner_opportunity_create(request, payload: OpportunityIn, slug: str = SLUG):
    organisation = _organisation(request, slug, Scope.OPPORTUNITIES_WRITE)
    form = _form(request, organisation, payload)
    try:
        opp = services.opportunity_create(by=request.auth.user, data=form.service_data())
    except services.ContributeError as error:
        raise _refused(error) from None
    return Status(201, _item(_get(organisation, opp.pk), request))


@router.put(
    "/partner/organisations/{slug}/opportunities/{id}",
    response={200: PartnerOpportunityOut, **PARTNER_ERRORS},
    summary="Edit one of the organisation's opportunities (every field, as the form does)",
)
def partner_opportunity_update(request, payload: OpportunityIn, slug: str = SLUG, id: int = ID):
    organisation = _organisation(request, slug, Scope.OPPORTUNITIES_WRITE)
    opp = _get(organisation, id)
    form = _form(request, organisation, payload, instance=opp)
    try:
        services.opportunity_update(
            opportunity=_get(organisation, id), by=request.auth.user, data=form.service_data()
        )
    except services.ContributeError as error:
        raise _refused(error) from None
    return _item(_get(organisation, id), request)


@router.post(
    "/partner/organisations/{slug}/opportunities/{id}/close",
    response={200: PartnerOpportunityOut, **PARTNER_ERRORS},
    summary="Close (withdraw) one of the organisation's opportunities; closing twice is a no-op",
)
def partner_opportunity_close(request, slug: str = SLUG, id: int = ID):
    organisation = _organisation(request, slug, Scope.OPPORTUNITIES_WRITE)
    opp = _get(organisation, id)
    if opp.withdrawn_at is None:
        try:
            services.opportunity_withdraw(opportunity=opp, by=request.auth.user)
        except services.ContributeError as error:
            raise _refused(error) from None
    return _item(_get(organisation, id), request)
