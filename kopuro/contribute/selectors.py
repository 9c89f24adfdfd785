"""Reads for Contribute: the organisation directory and map, opportunities (open or closed,
computed at read time), responses, requests for expertise with their proposals, and "my
contributions". Member cards show only what the viewer may see (kopuro.accounts.selectors)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from kopuro.accounts.models import Term
from kopuro.accounts.selectors import visible_groups
from kopuro.contribute.models import (
    ContributeSettings,
    ExpertiseMatch,
    ExpertiseRequest,
    Interest,
    Membership,
    Opportunity,
    Organisation,
)
from kopuro.learn.selectors import country_filter

PAGE_SIZE = 20
_WORD = re.compile(r"\w+", re.UNICODE)


def _terms():
    return Term.objects.order_by("position", "label_en")


def _words(q) -> list[str]:
    return _WORD.findall(q or "")[:8]


# --- Organisations ---------------------------------------------------------------------------------


def organisation_search(*, filters: dict) -> QuerySet[Organisation]:
    qs = Organisation.objects.all()
    for w in _words(filters.get("q")):
        qs = qs.filter(Q(name__icontains=w) | Q(description__icontains=w) | Q(city__icontains=w))
    if kind := filters.get("kind"):
        qs = qs.filter(kind=kind)
    if sector := filters.get("sector"):
        qs = qs.filter(sectors__slug=sector, sectors__vocabulary=Term.Vocabulary.EXPERTISE)
    if country := filters.get("country"):
        qs = qs.filter(country_filter(country) | Q(country=country))
    if filters.get("verified"):
        qs = qs.filter(verified_at__isnull=False)
    return qs.order_by("-verified_at", "name", "pk").distinct()


def organisations_page(*, filters: dict, page=1):
    qs = organisation_search(filters=filters).prefetch_related(
        Prefetch("sectors", queryset=_terms())
    )
    page_obj = Paginator(qs, PAGE_SIZE).get_page(page)
    return page_obj


def organisation_points(*, filters: dict) -> list[dict]:
    """Map points: every organisation found that has a known city (one query)."""
    rows = (
        organisation_search(filters=filters)
        .filter(latitude__isnull=False)
        .values("name", "slug", "city", "latitude", "longitude")
    )
    return [
        {
            "name": r["name"],
            "url": f"{r['slug']}/",
            "city": r["city"],
            "lat": r["latitude"],
            "lng": r["longitude"],
        }
        for r in rows
    ]


def organisation_for_viewer(*, slug: str) -> Organisation | None:
    return (
        Organisation.objects.filter(slug=slug)
        .prefetch_related(Prefetch("sectors", queryset=_terms()))
        .annotate(n_members=Count("memberships", distinct=True))
        .first()
    )


def membership_of(user, organisation) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


@dataclass
class PersonCard:
    """A member as the viewer may see them: the name always, the rest by visibility."""

    profile: object
    show_photo: bool
    headline: str
    extra: dict = field(default_factory=dict)
    reasons: list = field(default_factory=list)


def person_card(profile, viewer, **extra) -> PersonCard:
    visible = visible_groups(profile, viewer)
    return PersonCard(
        profile=profile,
        show_photo="photo" in visible,
        headline=profile.headline if "headline" in visible else "",
        extra=extra,
    )


def organisation_members(*, organisation) -> list[Membership]:
    return list(
        Membership.objects.filter(organisation=organisation, user__is_active=True)
        .select_related("user__profile")
        .order_by("role", "created_at")
    )


# --- Opportunities -----------------------------------------------------------------------------------


def opportunity_search(*, filters: dict, now=None) -> QuerySet[Opportunity]:
    """Open opportunities (soonest deadline first, then newest), or every one with `closed`."""
    now = now or timezone.now()
    qs = Opportunity.objects.all()
    if not filters.get("closed"):
        qs = qs.filter(Opportunity.open_q(now))
    for w in _words(filters.get("q")):
        qs = qs.filter(Q(title__icontains=w) | Q(description__icontains=w) | Q(skills__icontains=w))
    if kind := filters.get("kind"):
        qs = qs.filter(kind=kind)
    if sector := filters.get("sector"):
        qs = qs.filter(sectors__slug=sector, sectors__vocabulary=Term.Vocabulary.EXPERTISE)
    if country := filters.get("country"):
        qs = qs.filter(country_filter(country))
    if mode := filters.get("mode"):
        qs = qs.filter(mode__in=[mode, Opportunity.Mode.EITHER])
    return qs.order_by("-created_at", "-pk").distinct()


def opportunities_page(*, viewer, filters: dict, page=1):
    qs = (
        opportunity_search(filters=filters)
        .select_related("organisation", "posted_by__profile")
        .prefetch_related(Prefetch("sectors", queryset=_terms()))
    )
    page_obj = Paginator(qs, PAGE_SIZE).get_page(page)
    mine = {}
    if viewer is not None and viewer.is_authenticated and page_obj.object_list:
        mine = dict(
            Interest.objects.filter(
                user=viewer, opportunity__in=list(page_obj.object_list)
            ).values_list("opportunity_id", "status")
        )
    labels = dict(Interest.Status.choices)
    for opp in page_obj.object_list:
        opp.my_status = mine.get(opp.pk, "")
        opp.my_status_label = labels.get(opp.my_status, "")
    return page_obj, mine


def opportunity_get(*, pk: int) -> Opportunity | None:
    return (
        Opportunity.objects.filter(pk=pk)
        .select_related("organisation", "posted_by__profile")
        .prefetch_related(Prefetch("sectors", queryset=_terms()))
        .first()
    )


INTEREST_STATUSES = tuple(Interest.Status.values)


def organisation_opportunities(
    *, organisation: Organisation, status: str = "all", now=None
) -> QuerySet[Opportunity]:
    """Every opportunity posted for `organisation` (open and closed unless `status` says
    "open" or "closed"), newest first, each with the number of expressions of interest in each
    status as `n_<status>`: numbers only (who responded is on the responses page, for the
    opportunity's managers). Sectors are prefetched; one query for the rows and counts."""
    now = now or timezone.now()
    qs = Opportunity.objects.filter(organisation=organisation)
    if status == "open":
        qs = qs.filter(Opportunity.open_q(now))
    elif status == "closed":
        qs = qs.exclude(Opportunity.open_q(now))
    live = Q(interests__user__is_active=True)
    counts = {
        f"n_{name}": Count("interests", filter=live & Q(interests__status=name))
        for name in INTEREST_STATUSES
    }
    return (
        qs.annotate(**counts)
        .select_related("organisation")
        .prefetch_related(Prefetch("sectors", queryset=_terms()))
        .order_by("-created_at", "-pk")
    )


def interest_of(user, opportunity) -> Interest | None:
    if user is None or not user.is_authenticated:
        return None
    return Interest.objects.filter(user=user, opportunity=opportunity).first()


def responses_for(*, opportunity, viewer) -> list[PersonCard]:
    """The responses to an opportunity, for its poster: each person as the poster may see them."""
    rows = (
        Interest.objects.filter(opportunity=opportunity, user__is_active=True)
        .exclude(status=Interest.Status.WITHDRAWN)
        .select_related("user__profile")
        .order_by("created_at", "pk")
    )
    cards = []
    for i in rows:
        profile = getattr(i.user, "profile", None)
        if profile is None:
            continue
        cards.append(person_card(profile, viewer, interest=i))
    return cards


# --- Requests for expertise ---------------------------------------------------------------------------


def expertise_requests_page(*, page=1, include_closed=False):
    qs = ExpertiseRequest.objects.select_related("organisation").prefetch_related(
        Prefetch("expertise", queryset=_terms())
    )
    if not include_closed:
        qs = qs.filter(closed_at__isnull=True)
    return Paginator(qs.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(page)


def expertise_request_get(*, pk: int) -> ExpertiseRequest | None:
    return (
        ExpertiseRequest.objects.filter(pk=pk)
        .select_related("organisation", "requested_by__profile")
        .prefetch_related(
            Prefetch("expertise", queryset=_terms()), Prefetch("languages", queryset=_terms())
        )
        .first()
    )


def matches_for(*, request, viewer) -> list[PersonCard]:
    """Proposed and invited members with the reasons the requester may see (a reason from a
    group since hidden is dropped; a proposal left with no reason is not shown)."""
    from kopuro.contribute.matching import reasons_for_display

    rows = list(
        ExpertiseMatch.objects.filter(request=request, user__is_active=True)
        .select_related("user__profile")
        .order_by("-score", "pk")
    )
    terms = {t.pk: t for t in Term.objects.all()} if rows else {}
    cards = []
    for m in rows:
        profile = getattr(m.user, "profile", None)
        if profile is None:
            continue
        card = person_card(profile, viewer, match=m)
        card.reasons = reasons_for_display(m.reasons, profile=profile, viewer=viewer, terms=terms)
        if card.reasons or m.status != ExpertiseMatch.Status.PROPOSED:
            cards.append(card)
    return cards


def match_of(user, request) -> ExpertiseMatch | None:
    if user is None or not user.is_authenticated:
        return None
    return ExpertiseMatch.objects.filter(user=user, request=request).first()


# --- My contributions ---------------------------------------------------------------------------------


def my_contributions(*, user) -> dict:
    """What the member offered and where it stands, what they posted (with response counts),
    invitations to requests for expertise, their organisations and their opt-in."""
    interests = list(
        Interest.objects.filter(user=user)
        .select_related("opportunity__organisation")
        .order_by("-created_at", "-pk")
    )
    posted = list(
        Opportunity.objects.filter(posted_by=user)
        .select_related("organisation")
        .annotate(
            n_responses=Count(
                "interests", filter=~Q(interests__status=Interest.Status.WITHDRAWN), distinct=True
            )
        )
        .order_by("-created_at", "-pk")
    )
    invitations = list(
        ExpertiseMatch.objects.filter(user=user)
        .exclude(status=ExpertiseMatch.Status.PROPOSED)
        .select_related("request__organisation")
        .order_by("-invited_at", "-pk")
    )
    requests = list(
        ExpertiseRequest.objects.filter(requested_by=user)
        .annotate(
            n_accepted=Count(
                "matches", filter=Q(matches__status=ExpertiseMatch.Status.ACCEPTED), distinct=True
            )
        )
        .order_by("-created_at")
    )
    memberships = list(
        Membership.objects.filter(user=user).select_related("organisation").order_by("-created_at")
    )
    opted_in = ContributeSettings.objects.filter(user=user, expertise_requests=True).exists()
    return {
        "interests": interests,
        "posted": posted,
        "invitations": invitations,
        "requests": requests,
        "memberships": memberships,
        "opted_in": opted_in,
    }


def administered(user) -> QuerySet[Organisation]:
    if user is None or not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        Exists(
            Membership.objects.filter(
                organisation=OuterRef("pk"), user=user, role=Membership.Role.ADMIN
            )
        )
    )
