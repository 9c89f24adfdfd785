"""Account pages: dashboard, onboarding, profile edit, photo, my data, deletion, public profile."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopuro.accounts import selectors, services
from kopuro.accounts.forms import DeleteAccountForm, PhotoForm, ProfileForm
from kopuro.accounts.profile_hooks import actions_for

ONBOARDING_STEPS = [
    ("about", ["about"]),
    ("place", ["place"]),
    ("skills", ["skills", "give"]),
    ("privacy", ["privacy"]),
]


def _own_profile(request):
    profile = getattr(request.user, "profile", None)
    if profile is None:
        profile = services.profile_create(
            user=request.user, display_name=request.user.email.split("@")[0]
        )
    return profile


def profile_detail(request, handle: str):
    """A member's profile. The page's content is one cached fragment per profile and kind of
    viewer, so the view hands the template only the profile's own columns; its vocabularies
    (`details`) and the actions are loaded only when the fragment is rendered afresh."""
    profile = selectors.profile_get_for_viewer(handle=handle, viewer=request.user, details=False)
    if profile is None:
        raise Http404(_("No member with this address."))
    is_owner = selectors.viewer_kind(profile, request.user) == "owner"
    return render(
        request,
        "accounts/profile_detail.html",
        {
            "profile": profile,
            "details": SimpleLazyObject(lambda: selectors.profile_details(handle)),
            "visible": selectors.visible_groups(profile, request.user),
            "is_owner": is_owner,
            "actions": SimpleLazyObject(lambda: [] if is_owner else actions_for(request, profile)),
        },
    )


def _profile_read_ahead(request, handle: str) -> list[str]:
    """What the page reads from the cache (kopuro.core.cache.ReadAheadMiddleware): the profile
    and the page's content as a member sees it (a visitor's page comes from the page cache)."""
    from kopuro.core.cache import data_key, fragment_key

    return [
        data_key(selectors.profile_cache_key(handle, details=False)),
        fragment_key(["profile", handle, "False", "True"]),
    ]


profile_detail.read_ahead = _profile_read_ahead


@login_required
def dashboard(request):
    profile = selectors.profile_queryset().get(pk=_own_profile(request).pk)
    return render(
        request,
        "accounts/dashboard.html",
        {"profile": profile, "completeness": selectors.profile_completeness(profile)},
    )


@login_required
def profile_edit(request):
    profile = _own_profile(request)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_update(profile=profile, data=form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/profile_edit.html", {"form": form, "profile": profile})


@login_required
def onboarding(request):
    profile = _own_profile(request)
    try:
        step = max(1, min(int(request.GET.get("step", 1)), len(ONBOARDING_STEPS) + 1))
    except ValueError:
        step = 1
    if step > len(ONBOARDING_STEPS):
        return _onboarding_photo(request, profile, step)
    key, sections = ONBOARDING_STEPS[step - 1]
    form = ProfileForm(request.POST or None, instance=profile, sections=sections)
    if request.method == "POST" and form.is_valid():
        services.profile_update(profile=profile, data=form.cleaned_data)
        return redirect(f"{reverse('accounts:onboarding')}?step={step + 1}")
    return render(
        request,
        "accounts/onboarding.html",
        {
            "form": form,
            "step": step,
            "steps": len(ONBOARDING_STEPS) + 1,
            "profile": profile,
            "skip_url": f"{reverse('accounts:onboarding')}?step={step + 1}",
        },
    )


def _onboarding_photo(request, profile, step):
    form = PhotoForm(
        request.POST or None,
        request.FILES or None,
        initial={"photo_visibility": profile.photo_visibility},
    )
    if request.method == "POST":
        if "skip" in request.POST or form.is_valid():
            if "skip" not in request.POST:
                services.profile_set_photo(
                    profile=profile,
                    upload=form.cleaned_data["photo"],
                    visibility=form.cleaned_data["photo_visibility"] or None,
                )
            services.profile_finish_onboarding(profile=profile)
            messages.success(request, _("Welcome to Kopuro! Your profile is ready."))
            return redirect("accounts:dashboard")
    return render(
        request,
        "accounts/onboarding.html",
        {"photo_form": form, "step": step, "steps": step, "profile": profile},
    )


@login_required
def photo_edit(request):
    profile = _own_profile(request)
    form = PhotoForm(
        request.POST or None,
        request.FILES or None,
        initial={"photo_visibility": profile.photo_visibility},
        require_photo=not profile.photo,
    )
    if request.method == "POST":
        if "remove" in request.POST:
            services.profile_remove_photo(profile=profile)
            messages.success(request, _("Your photo is removed."))
            return redirect("accounts:dashboard")
        if form.is_valid():
            services.profile_set_photo(
                profile=profile,
                upload=form.cleaned_data["photo"],
                visibility=form.cleaned_data["photo_visibility"] or None,
            )
            messages.success(request, _("Your photo is saved."))
            return redirect("accounts:dashboard")
    return render(request, "accounts/photo_edit.html", {"form": form, "profile": profile})


@login_required
def my_data(request):
    return render(request, "accounts/my_data.html", {"profile": _own_profile(request)})


@login_required
@require_POST
def data_export(request):
    archive = services.account_export(user=request.user)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="kopuro-my-data-{stamp}.zip"'
    return response


@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, _("Your account is deleted. Your personal data is erased."))
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})
