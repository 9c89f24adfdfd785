"""Writes for Contribute: organisations and their members, opportunities and expressions of
interest, requests for expertise and the invitations they send."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kopuro.contribute.models import (
    ContributeSettings,
    ExpertiseMatch,
    ExpertiseRequest,
    Interest,
    Membership,
    Opportunity,
    Organisation,
)
from kopuro.core.audit import log_action
from kopuro.core.cache import page_cache_clear
from kopuro.core.uploads import clean_image

error_messages = {
    "not_admin": _("Only an organisation's administrators can post on its behalf."),
    "deadline_past": _("The deadline has passed already. Choose a date in the future."),
    "closed": _("This opportunity is closed: it no longer takes expressions of interest."),
    "twice": _("You have already expressed interest in this opportunity."),
    "own": _("This is your own opportunity."),
    "not_poster": _(
        "Only the person who posted it (or its organisation's administrators) can answer."
    ),
    "answer": _("This is not an answer we know."),
    "not_requester": _("Only the requester can invite members."),
    "request_closed": _("This request is closed."),
    "staff_or_admin": _(
        "Requests for expertise are posted by the office's staff or for an organisation you "
        "administer."
    ),
    "not_invited": _("You have not been invited to this request."),
}


class ContributeError(Exception):
    pass


def _unique_slug(name: str, exclude_pk=None) -> str:
    base = (slugify(name) or "organisation")[:60].strip("-") or "organisation"
    slug, n = base, 1
    qs = Organisation.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- Organisations -------------------------------------------------------------------------------

ORG_FIELDS = (
    "name",
    "kind",
    "description",
    "countries",
    "country",
    "city",
    "website",
    "email",
    "phone",
)


def _locate(org: Organisation) -> None:
    from kopuro.connect.cities import locate

    place = locate(str(org.country or ""), org.city or "")
    org.latitude, org.longitude = (place[1], place[2]) if place else (None, None)


def _set_logo(org: Organisation, logo) -> list[str]:
    if logo is None:
        return []
    old = [org.logo.name] if org.logo else []
    cleaned = clean_image(logo, max_side=400)
    org.logo.save(cleaned.name, cleaned, save=False)
    return old


def is_admin(user, organisation: Organisation) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        organisation=organisation, user=user, role=Membership.Role.ADMIN
    ).exists()


@transaction.atomic
def organisation_create(*, by, data: dict, logo=None) -> Organisation:
    """Register an organisation; its creator becomes its first administrator, to be verified
    by staff before the organisation shows as verified."""
    org = Organisation(created_by=by)
    for name in ORG_FIELDS:
        setattr(org, name, data.get(name) or ("" if name != "countries" else []))
    org.slug = _unique_slug(org.name)
    _locate(org)
    _set_logo(org, logo)
    org.save()
    org.sectors.set(data.get("sectors") or [])
    Membership.objects.create(
        organisation=org, user=by, role=Membership.Role.ADMIN, title=data.get("title", "")
    )
    log_action("organisation.created", actor=by, target=org)
    transaction.on_commit(page_cache_clear)
    return org


@transaction.atomic
def organisation_update(*, organisation: Organisation, by, data: dict, logo=None) -> Organisation:
    if not (by.is_staff or is_admin(by, organisation)):
        raise ContributeError(error_messages["not_admin"])
    for name in ORG_FIELDS:
        if name in data:
            setattr(organisation, name, data[name] or ("" if name != "countries" else []))
    _locate(organisation)
    old = _set_logo(organisation, logo)
    organisation.save()
    if "sectors" in data:
        organisation.sectors.set(data["sectors"] or [])
    log_action("organisation.edited", actor=by, target=organisation)
    storage = organisation.logo.storage
    transaction.on_commit(lambda: [storage.delete(n) for n in old])
    transaction.on_commit(page_cache_clear)
    return organisation


@transaction.atomic
def membership_join(*, user, organisation: Organisation, role: str, title: str = "") -> Membership:
    """Join an organisation (or change one's role). Asking to be an administrator leaves the
    membership unverified until staff verify it."""
    role = role if role in Membership.Role.values else Membership.Role.MEMBER
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": role, "title": title[:100]}
    )
    if not created and (membership.role != role or membership.title != title[:100]):
        if membership.role != role:
            membership.verified_at = None
        membership.role, membership.title = role, title[:100]
        membership.save(update_fields=["role", "title", "verified_at"])
    log_action("organisation.joined", actor=user, target=organisation, data={"role": role})
    return membership


@transaction.atomic
def membership_leave(*, user, organisation: Organisation) -> None:
    Membership.objects.filter(organisation=organisation, user=user).delete()
    log_action("organisation.left", actor=user, target=organisation)


@transaction.atomic
def membership_verify(*, membership: Membership, staff) -> Membership:
    """Staff confirm that an administrator really acts for the organisation; the organisation
    then shows as verified."""
    now = timezone.now()
    membership.verified_at = now
    membership.save(update_fields=["verified_at"])
    org = membership.organisation
    if membership.role == Membership.Role.ADMIN and not org.verified_at:
        org.verified_at = now
        org.save(update_fields=["verified_at"])
    log_action("organisation.admin_verified", actor=staff, target=membership)
    transaction.on_commit(page_cache_clear)
    return membership


@transaction.atomic
def organisation_verify(
    *, organisation: Organisation, staff, verified: bool = True
) -> Organisation:
    """Verify (or un-verify) an organisation with its administrators at once."""
    now = timezone.now() if verified else None
    organisation.verified_at = now
    organisation.save(update_fields=["verified_at"])
    Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN).update(
        verified_at=now
    )
    log_action(
        "organisation.verified" if verified else "organisation.unverified",
        actor=staff,
        target=organisation,
    )
    transaction.on_commit(page_cache_clear)
    return organisation


# --- Opportunities ---------------------------------------------------------------------------------

OPP_FIELDS = ("title", "kind", "description", "countries", "region", "mode", "skills", "deadline")


def _check_on_behalf(by, organisation) -> None:
    if organisation is not None and not is_admin(by, organisation) and not by.is_staff:
        raise ContributeError(error_messages["not_admin"])


def _check_deadline(deadline) -> None:
    if deadline is not None and deadline <= timezone.now():
        raise ContributeError(error_messages["deadline_past"])


@transaction.atomic
def opportunity_create(*, by, data: dict) -> Opportunity:
    """Post an opportunity, for oneself or for an organisation one administers. Members
    whose expertise or interests fit hear of it (in their digest, unless they chose otherwise)."""
    organisation = data.get("organisation")
    _check_on_behalf(by, organisation)
    _check_deadline(data.get("deadline"))
    opp = Opportunity(posted_by=by, organisation=organisation)
    for name in OPP_FIELDS:
        value = data.get(name)
        setattr(opp, name, value if value is not None or name == "deadline" else "")
    opp.countries = data.get("countries") or []
    opp.save()
    opp.sectors.set(data.get("sectors") or [])
    log_action("opportunity.posted", actor=by, target=opp)
    pk = opp.pk
    transaction.on_commit(lambda: _enqueue_fits("opportunity", pk))
    transaction.on_commit(page_cache_clear)
    return opp


def can_manage(user, opportunity: Opportunity) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff or opportunity.posted_by_id == user.pk:
        return True
    return opportunity.organisation_id is not None and is_admin(user, opportunity.organisation)


@transaction.atomic
def opportunity_update(*, opportunity: Opportunity, by, data: dict) -> Opportunity:
    if not can_manage(by, opportunity):
        raise ContributeError(error_messages["not_poster"])
    organisation = data.get("organisation", opportunity.organisation)
    if organisation != opportunity.organisation:
        _check_on_behalf(by, organisation)
    if data.get("deadline") != opportunity.deadline:
        _check_deadline(data.get("deadline"))
    opportunity.organisation = organisation
    for name in OPP_FIELDS:
        if name in data:
            value = data[name]
            setattr(opportunity, name, value if value is not None or name == "deadline" else "")
    opportunity.countries = data.get("countries") or []
    opportunity.save()
    if "sectors" in data:
        opportunity.sectors.set(data["sectors"] or [])
    log_action("opportunity.edited", actor=by, target=opportunity)
    transaction.on_commit(page_cache_clear)
    return opportunity


@transaction.atomic
def opportunity_withdraw(*, opportunity: Opportunity, by) -> Opportunity:
    if not can_manage(by, opportunity):
        raise ContributeError(error_messages["not_poster"])
    opportunity.withdrawn_at = timezone.now()
    opportunity.save(update_fields=["withdrawn_at", "updated_at"])
    log_action("opportunity.withdrawn", actor=by, target=opportunity)
    transaction.on_commit(page_cache_clear)
    return opportunity


def _managers(opportunity: Opportunity) -> list:
    """Who hears about responses: the poster and the organisation's administrators."""
    from kopuro.accounts.models import User

    ids = set()
    if opportunity.posted_by_id:
        ids.add(opportunity.posted_by_id)
    if opportunity.organisation_id:
        ids |= set(
            Membership.objects.filter(
                organisation_id=opportunity.organisation_id, role=Membership.Role.ADMIN
            ).values_list("user_id", flat=True)
        )
    return list(User.objects.filter(pk__in=ids, is_active=True))


@transaction.atomic
def interest_express(*, user, opportunity: Opportunity, message: str) -> Interest:
    """Tell the poster one is interested. Refused when closed, one's own, or already sent."""
    from kopuro.connect.notifications import notify

    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if not opportunity.is_open:
        raise ContributeError(error_messages["closed"])
    if opportunity.posted_by_id == user.pk:
        raise ContributeError(error_messages["own"])
    existing = Interest.objects.filter(opportunity=opportunity, user=user).first()
    if existing is not None and existing.status != Interest.Status.WITHDRAWN:
        raise ContributeError(error_messages["twice"])
    if existing is not None:
        existing.message, existing.status, existing.answered_at = (
            message,
            Interest.Status.SENT,
            None,
        )
        existing.save(update_fields=["message", "status", "answered_at"])
        interest = existing
    else:
        interest = Interest.objects.create(opportunity=opportunity, user=user, message=message)
    from django.urls import reverse

    url = reverse("contribute:responses", kwargs={"pk": opportunity.pk})
    for manager in _managers(opportunity):
        if manager.pk != user.pk:
            notify(
                user=manager,
                kind="interest.received",
                actor=user,
                url=url,
                data={"name": user.get_full_name(), "title": opportunity.title},
            )
    return interest


ANSWERS = {
    "shortlist": Interest.Status.SHORTLISTED,
    "accept": Interest.Status.ACCEPTED,
    "decline": Interest.Status.DECLINED,
}


@transaction.atomic
def interest_answer(*, interest: Interest, by, action: str) -> Interest:
    """Shortlist, accept or decline a response; the member is told."""
    from kopuro.connect.notifications import notify

    if action not in ANSWERS:
        raise ContributeError(error_messages["answer"])
    if not can_manage(by, interest.opportunity):
        raise ContributeError(error_messages["not_poster"])
    if interest.status == Interest.Status.WITHDRAWN:
        raise ContributeError(error_messages["answer"])
    status = ANSWERS[action]
    if interest.status != status:
        interest.status = status
        interest.answered_at = timezone.now()
        interest.save(update_fields=["status", "answered_at"])
        log_action(f"interest.{status}", actor=by, target=interest)
        from django.urls import reverse

        notify(
            user=interest.user,
            kind="interest.answered",
            url=reverse("contribute:my_contributions"),
            data={"title": interest.opportunity.title, "status": status},
        )
    return interest


@transaction.atomic
def interest_withdraw(*, interest: Interest, user) -> Interest:
    if interest.user_id != user.pk:
        raise ContributeError(error_messages["not_poster"])
    interest.status = Interest.Status.WITHDRAWN
    interest.save(update_fields=["status"])
    return interest


# --- Requests for expertise -------------------------------------------------------------------------


def can_request(user, organisation=None) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if organisation is None:
        return user.is_staff
    return user.is_staff or is_admin(user, organisation)


@transaction.atomic
def expertise_request_create(*, by, data: dict) -> ExpertiseRequest:
    """Post a request for expertise and propose the members who fit it."""
    from kopuro.contribute.matching import matches_recompute

    organisation = data.get("organisation")
    if not can_request(by, organisation):
        raise ContributeError(error_messages["staff_or_admin"])
    req = ExpertiseRequest.objects.create(
        title=data["title"],
        description=data["description"],
        duration=data["duration"],
        place=data.get("place") or "",
        country=data.get("country") or "",
        remote=bool(data.get("remote")),
        organisation=organisation,
        requested_by=by,
    )
    req.expertise.set(data.get("expertise") or [])
    req.languages.set(data.get("languages") or [])
    matches_recompute(request=req)
    log_action("expertise_request.posted", actor=by, target=req)
    pk = req.pk
    transaction.on_commit(lambda: _enqueue_fits("request", pk))
    return req


def can_manage_request(user, req: ExpertiseRequest) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff or req.requested_by_id == user.pk:
        return True
    return req.organisation_id is not None and is_admin(user, req.organisation)


@transaction.atomic
def expertise_invite(*, request: ExpertiseRequest, by, user_ids) -> int:
    """Invite proposed members; each is told and can accept. Returns how many were invited."""
    from kopuro.connect.notifications import notify

    if not can_manage_request(by, request):
        raise ContributeError(error_messages["not_requester"])
    if request.closed_at:
        raise ContributeError(error_messages["request_closed"])
    matches = list(
        ExpertiseMatch.objects.filter(
            request=request, user_id__in=list(user_ids), status=ExpertiseMatch.Status.PROPOSED
        ).select_related("user")
    )
    now = timezone.now()
    for m in matches:
        m.status, m.invited_at = ExpertiseMatch.Status.INVITED, now
        m.save(update_fields=["status", "invited_at"])
        notify(
            user=m.user,
            kind="expertise.invited",
            url=request.get_absolute_url(),
            data={"title": request.title},
        )
    if matches:
        log_action("expertise_request.invited", actor=by, target=request, data={"n": len(matches)})
    return len(matches)


@transaction.atomic
def expertise_answer(*, match: ExpertiseMatch, user, accept: bool) -> ExpertiseMatch:
    """The invited member accepts or declines; the requester hears of an acceptance."""
    from kopuro.connect.notifications import notify

    if match.user_id != user.pk or match.status == ExpertiseMatch.Status.PROPOSED:
        raise ContributeError(error_messages["not_invited"])
    if match.request.closed_at:
        raise ContributeError(error_messages["request_closed"])
    match.status = ExpertiseMatch.Status.ACCEPTED if accept else ExpertiseMatch.Status.DECLINED
    match.answered_at = timezone.now()
    match.save(update_fields=["status", "answered_at"])
    if accept and match.request.requested_by_id and match.request.requested_by.is_active:
        notify(
            user=match.request.requested_by,
            kind="expertise.accepted",
            actor=user,
            url=match.request.get_absolute_url(),
            data={"name": user.get_full_name(), "title": match.request.title},
        )
    return match


@transaction.atomic
def expertise_request_close(*, request: ExpertiseRequest, by) -> ExpertiseRequest:
    if not can_manage_request(by, request):
        raise ContributeError(error_messages["not_requester"])
    request.closed_at = timezone.now()
    request.save(update_fields=["closed_at"])
    log_action("expertise_request.closed", actor=by, target=request)
    return request


@transaction.atomic
def contribute_settings_set(*, user, expertise_requests: bool) -> ContributeSettings:
    obj, _created = ContributeSettings.objects.update_or_create(
        user=user, defaults={"expertise_requests": expertise_requests}
    )
    if not expertise_requests:
        # Withdrawing consent removes the member from proposals nobody has acted on yet.
        ExpertiseMatch.objects.filter(user=user, status=ExpertiseMatch.Status.PROPOSED).delete()
    return obj


# --- "Fits my expertise": the digest ----------------------------------------------------------------


def _enqueue_fits(what: str, pk: int) -> None:
    from kopuro.contribute import tasks

    tasks.notify_fitting_members.enqueue(what, pk)


def notify_fitting_members(what: str, pk: int, *, limit: int = 500) -> int:
    """Tell members whose expertise or interests include one of the sectors of a new
    opportunity (or the expertise of a new request). Their notification preference for
    "opportunity.fits" decides how: in the daily digest by default."""
    from kopuro.accounts.models import Profile
    from kopuro.connect.notifications import notify

    if what == "opportunity":
        obj = Opportunity.objects.filter(pk=pk).first()
        terms = list(obj.sectors.values_list("pk", flat=True)) if obj else []
        author = obj.posted_by_id if obj else None
    else:
        obj = ExpertiseRequest.objects.filter(pk=pk).first()
        terms = list(obj.expertise.values_list("pk", flat=True)) if obj else []
        author = obj.requested_by_id if obj else None
    if obj is None or not terms:
        return 0
    users = (
        Profile.objects.filter(user__is_active=True)
        .filter(Q(expertise__in=terms) | Q(interests__in=terms))
        .exclude(user_id=author)
        .values_list("user_id", flat=True)
        .distinct()[:limit]
    )
    from kopuro.accounts.models import User

    n = 0
    for user in User.objects.filter(pk__in=list(users)):
        notify(
            user=user,
            kind="opportunity.fits",
            url=obj.get_absolute_url(),
            data={"title": obj.title},
        )
        n += 1
    return n


# --- Data rights ------------------------------------------------------------------------------------


def export_contribute(user) -> dict:
    return {
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "position": m.title,
                "since": m.created_at,
            }
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "expressions_of_interest": [
            {
                "opportunity": i.opportunity.title,
                "message": i.message,
                "status": i.status,
                "sent_at": i.created_at,
                "answered_at": i.answered_at,
            }
            for i in Interest.objects.filter(user=user).select_related("opportunity")
        ],
        "opportunities_posted": [
            {
                "title": o.title,
                "kind": o.kind,
                "description": o.description,
                "posted_at": o.created_at,
            }
            for o in Opportunity.objects.filter(posted_by=user)
        ],
        "expertise_invitations": [
            {"request": m.request.title, "status": m.status, "invited_at": m.invited_at}
            for m in ExpertiseMatch.objects.filter(user=user)
            .exclude(status=ExpertiseMatch.Status.PROPOSED)
            .select_related("request")
        ],
        "settings": {
            "expertise_requests": ContributeSettings.objects.filter(
                user=user, expertise_requests=True
            ).exists()
        },
    }


def erase_contribute(user) -> None:
    """Account deletion: memberships, expressions of interest, proposals and invitations, and
    the consent go; opportunities and requests the member posted stay (they were public), are
    closed unless an organisation
    posted them, and point at the tombstone."""
    Membership.objects.filter(user=user).delete()
    Interest.objects.filter(user=user).delete()
    ExpertiseMatch.objects.filter(user=user).delete()
    ContributeSettings.objects.filter(user=user).delete()
    now = timezone.now()
    Opportunity.objects.filter(
        posted_by=user, organisation__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    ExpertiseRequest.objects.filter(
        requested_by=user, organisation__isnull=True, closed_at__isnull=True
    ).update(closed_at=now)
