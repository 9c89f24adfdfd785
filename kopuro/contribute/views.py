"""Contribute's pages: organisations, opportunities with responses, requests for expertise and
"my contributions". Every page works as plain forms without JavaScript."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kopuro.contribute import selectors, services
from kopuro.contribute.forms import (
    ContributeSettingsForm,
    ExpertiseRequestForm,
    InterestForm,
    JoinForm,
    OpportunityFilterForm,
    OpportunityForm,
    OrganisationFilterForm,
    OrganisationForm,
)
from kopuro.contribute.models import ExpertiseMatch, Interest, Membership


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- Organisations -------------------------------------------------------------------------------


def organisations(request):
    form = OrganisationFilterForm(request.GET or None)
    filters = form.filters()
    page_obj = selectors.organisations_page(filters=filters, page=request.GET.get("page", 1))
    context = {
        "form": form,
        "page_obj": page_obj,
        "points": selectors.organisation_points(filters=filters),
        "tile_url": settings.KOPURO_MAP_TILE_URL,
        "tile_attribution": settings.KOPURO_MAP_TILE_ATTRIBUTION,
    }
    if _is_htmx(request) and request.headers.get("HX-Target") == "org-results":
        return render(request, "contribute/includes/organisation_results.html", context)
    return render(request, "contribute/organisations.html", context)


def _organisation_or_404(slug):
    org = selectors.organisation_for_viewer(slug=slug)
    if org is None:
        raise Http404(_("No organisation at this address."))
    return org


def organisation(request, slug: str):
    org = _organisation_or_404(slug)
    membership = selectors.membership_of(request.user, org)
    form = JoinForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if "leave" in request.POST:
            services.membership_leave(user=request.user, organisation=org)
            messages.success(request, _("You left %(name)s.") % {"name": org.name})
            return redirect(org.get_absolute_url())
        if form.is_valid():
            services.membership_join(
                user=request.user,
                organisation=org,
                role=form.cleaned_data["role"],
                title=form.cleaned_data["title"],
            )
            messages.success(request, _("You joined %(name)s.") % {"name": org.name})
            return redirect(org.get_absolute_url())
    from django.db.models import Prefetch

    from kopuro.contribute.models import Opportunity

    opportunities = list(
        org.opportunities.filter(Opportunity.open_q())
        .prefetch_related(Prefetch("sectors", queryset=selectors._terms()))
        .order_by("-created_at")[:10]
    )
    return render(
        request,
        "contribute/organisation.html",
        {
            "org": org,
            "membership": membership,
            "is_admin": membership is not None and membership.role == Membership.Role.ADMIN,
            "form": form,
            "opportunities": opportunities,
        },
    )


@login_required
def organisation_new(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        org = services.organisation_create(
            by=request.user, data=form.service_data(), logo=form.cleaned_data.get("logo_upload")
        )
        messages.success(
            request,
            _("%(name)s is registered, with you as its administrator. Staff will verify it.")
            % {"name": org.name},
        )
        return redirect(org.get_absolute_url())
    return render(request, "contribute/organisation_form.html", {"form": form, "org": None})


def _admin_org_or_404(request, slug):
    org = _organisation_or_404(slug)
    if not (request.user.is_staff or services.is_admin(request.user, org)):
        raise Http404(_("No organisation at this address."))
    return org


@login_required
def organisation_edit(request, slug: str):
    org = _admin_org_or_404(request, slug)
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=org)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            organisation=_organisation_or_404(slug),
            by=request.user,
            data=form.service_data(),
            logo=form.cleaned_data.get("logo_upload"),
        )
        messages.success(request, _("Saved."))
        return redirect(org.get_absolute_url())
    return render(request, "contribute/organisation_form.html", {"form": form, "org": org})


@login_required
def organisation_members(request, slug: str):
    """Who belongs to the organisation: for its administrators and staff only."""
    org = _admin_org_or_404(request, slug)
    cards = [
        selectors.person_card(m.user.profile, request.user, membership=m)
        for m in selectors.organisation_members(organisation=org)
        if hasattr(m.user, "profile")
    ]
    return render(request, "contribute/organisation_members.html", {"org": org, "cards": cards})


# --- Opportunities ---------------------------------------------------------------------------------


def opportunities(request):
    form = OpportunityFilterForm(request.GET or None)
    filters = form.filters()
    page_obj, mine = selectors.opportunities_page(
        viewer=request.user, filters=filters, page=request.GET.get("page", 1)
    )
    context = {"form": form, "page_obj": page_obj, "mine": mine}
    if _is_htmx(request) and request.headers.get("HX-Target") == "opp-results":
        return render(request, "contribute/includes/opportunity_results.html", context)
    return render(request, "contribute/opportunities.html", context)


def _opportunity_or_404(pk):
    opp = selectors.opportunity_get(pk=pk)
    if opp is None:
        raise Http404(_("No opportunity at this address."))
    return opp


def opportunity(request, pk: int):
    opp = _opportunity_or_404(pk)
    interest = selectors.interest_of(request.user, opp)
    form = InterestForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if "withdraw" in request.POST and interest is not None:
            services.interest_withdraw(interest=interest, user=request.user)
            messages.success(request, _("Your expression of interest is withdrawn."))
            return redirect(opp.get_absolute_url())
        if form.is_valid():
            try:
                services.interest_express(
                    user=request.user, opportunity=opp, message=form.cleaned_data["message"]
                )
            except services.ContributeError as e:
                form.add_error(None, str(e))
            else:
                messages.success(
                    request, _("Your interest is sent. You can follow it in “My contributions”.")
                )
                return redirect(opp.get_absolute_url())
    return render(
        request,
        "contribute/opportunity.html",
        {
            "opp": opp,
            "interest": interest,
            "form": form,
            "can_manage": services.can_manage(request.user, opp),
        },
    )


@login_required
def opportunity_new(request):
    form = OpportunityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            opp = services.opportunity_create(by=request.user, data=form.service_data())
        except services.ContributeError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Your opportunity is posted."))
            return redirect(opp.get_absolute_url())
    return render(request, "contribute/opportunity_form.html", {"form": form, "opp": None})


@login_required
def opportunity_edit(request, pk: int):
    opp = _opportunity_or_404(pk)
    if not services.can_manage(request.user, opp):
        raise Http404(_("No opportunity at this address."))
    form = OpportunityForm(request.POST or None, instance=opp, user=request.user)
    if request.method == "POST":
        if "withdraw" in request.POST:
            services.opportunity_withdraw(opportunity=opp, by=request.user)
            messages.success(request, _("The opportunity is withdrawn."))
            return redirect(opp.get_absolute_url())
        if form.is_valid():
            try:
                services.opportunity_update(
                    opportunity=_opportunity_or_404(pk), by=request.user, data=form.service_data()
                )
            except services.ContributeError as e:
                form.add_error(None, str(e))
            else:
                messages.success(request, _("Saved."))
                return redirect(opp.get_absolute_url())
    return render(request, "contribute/opportunity_form.html", {"form": form, "opp": opp})


@login_required
def responses(request, pk: int):
    opp = _opportunity_or_404(pk)
    if not services.can_manage(request.user, opp):
        raise Http404(_("No opportunity at this address."))
    if request.method == "POST":
        interest = get_object_or_404(
            Interest.objects.select_related("user__profile", "opportunity"),
            pk=request.POST.get("interest")
            if str(request.POST.get("interest", "")).isdigit()
            else 0,
            opportunity=opp,
        )
        try:
            services.interest_answer(
                interest=interest, by=request.user, action=request.POST.get("action", "")
            )
        except services.ContributeError as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _("%(name)s: %(status)s. They have been told.")
                % {"name": interest.user.get_full_name(), "status": interest.get_status_display()},
            )
        return redirect("contribute:responses", pk=opp.pk)
    cards = selectors.responses_for(opportunity=opp, viewer=request.user)
    return render(request, "contribute/responses.html", {"opp": opp, "cards": cards})


# --- Requests for expertise ---------------------------------------------------------------------------


@login_required
def expertise_requests(request):
    page_obj = selectors.expertise_requests_page(page=request.GET.get("page", 1))
    return render(
        request,
        "contribute/expertise_requests.html",
        {
            "page_obj": page_obj,
            "can_post": request.user.is_staff or selectors.administered(request.user).exists(),
        },
    )


@login_required
def expertise_request_new(request):
    form = ExpertiseRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            req = services.expertise_request_create(by=request.user, data=form.cleaned_data)
        except services.ContributeError as e:
            form.add_error(None, str(e))
        else:
            messages.success(
                request, _("Your request is posted. Below are the members whose expertise fits.")
            )
            return redirect(req.get_absolute_url())
    return render(request, "contribute/expertise_request_form.html", {"form": form})


@login_required
def expertise_request(request, pk: int):
    req = selectors.expertise_request_get(pk=pk)
    if req is None:
        raise Http404(_("No request at this address."))
    manager = services.can_manage_request(request.user, req)
    match = selectors.match_of(request.user, req)
    if request.method == "POST":
        try:
            if manager and "invite" in request.POST:
                ids = [int(i) for i in request.POST.getlist("user") if i.isdigit() and len(i) < 12]
                n = services.expertise_invite(request=req, by=request.user, user_ids=ids)
                if n:
                    messages.success(
                        request,
                        ngettext("%(n)s member invited.", "%(n)s members invited.", n) % {"n": n},
                    )
                else:
                    messages.error(request, _("Choose at least one proposed member to invite."))
            elif manager and "close" in request.POST:
                services.expertise_request_close(request=req, by=request.user)
                messages.success(request, _("The request is closed."))
            elif match is not None and request.POST.get("answer") in ("accept", "decline"):
                accept = request.POST["answer"] == "accept"
                services.expertise_answer(match=match, user=request.user, accept=accept)
                messages.success(
                    request,
                    _("You accepted. The requester has been told and will contact you.")
                    if accept
                    else _("You declined the invitation."),
                )
            else:
                raise Http404
        except services.ContributeError as e:
            messages.error(request, str(e))
        return redirect(req.get_absolute_url())
    return render(
        request,
        "contribute/expertise_request.html",
        {
            "req": req,
            "manager": manager,
            "match": match,
            "cards": selectors.matches_for(request=req, viewer=request.user) if manager else [],
            "Status": ExpertiseMatch.Status,
        },
    )


# --- My contributions ----------------------------------------------------------------------------------


@login_required
def my_contributions(request):
    data = selectors.my_contributions(user=request.user)
    form = ContributeSettingsForm(
        request.POST if request.method == "POST" else None,  # an unticked box posts nothing
        initial={"expertise_requests": data["opted_in"]},
    )
    if request.method == "POST" and form.is_valid():
        services.contribute_settings_set(
            user=request.user, expertise_requests=form.cleaned_data["expertise_requests"]
        )
        messages.success(request, _("Your choice is saved."))
        return redirect("contribute:my_contributions")
    return render(request, "contribute/my_contributions.html", {**data, "form": form})


@login_required
@require_POST
def interest_withdraw(request, pk: int):
    interest = get_object_or_404(Interest, pk=pk, user=request.user)
    services.interest_withdraw(interest=interest, user=request.user)
    messages.success(request, _("Your expression of interest is withdrawn."))
    return redirect("contribute:my_contributions")
