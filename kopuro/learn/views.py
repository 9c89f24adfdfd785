"""Learn's pages: the library, a resource, its download, bookmarks, contributing and editing.
Each works as a plain form without JavaScript; htmx (when on) swaps the results and the save
button in place."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from kopuro.learn import selectors, services
from kopuro.learn.forms import LibraryForm, ResourceForm
from kopuro.learn.models import Resource


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def library(request):
    form = LibraryForm(request.GET or None)
    filters = form.filters()
    page_obj, cards, facets = selectors.library_page(
        viewer=request.user, filters=filters, page=request.GET.get("page", 1)
    )
    form.show_counts(facets)
    context = {
        "form": form,
        "page_obj": page_obj,
        "cards": cards,
        "facets": facets,
        "filters": filters,
        "years": list(facets["year"].items())[:12],
    }
    if _is_htmx(request) and request.headers.get("HX-Target") == "library-results":
        return render(request, "learn/includes/library_results.html", context)
    return render(request, "learn/library.html", context)


def _resource_or_404(request, slug: str) -> Resource:
    resource = selectors.resource_for_viewer(slug=slug, viewer=request.user)
    if resource is None:
        raise Http404(_("No resource at this address."))
    return resource


def detail(request, slug: str):
    resource = _resource_or_404(request, slug)
    saved = bool(selectors.saved_ids(request.user, [resource.pk]))
    return render(
        request,
        "learn/detail.html",
        {
            "resource": resource,
            "card": selectors.ResourceCard(resource=resource, saved=saved),
            "related": selectors.related(resource) if resource.is_published else [],
            "can_edit": services.can_edit(resource, request.user),
        },
    )


@require_GET
@never_cache
def download(request, slug: str):
    """The resource's file (or its link), counted once per reader within a short window."""
    resource = _resource_or_404(request, slug)
    if resource.is_published:
        client = f"{request.META.get('REMOTE_ADDR', '')}|{request.META.get('HTTP_USER_AGENT', '')}"
        services.download_count(resource=resource, client=client[:500])
    if resource.file:
        try:
            handle = resource.file.open("rb")
        except OSError:
            raise Http404(_("The file is missing. Please tell the office.")) from None
        filename = resource.file.name.rsplit("/", 1)[-1]
        return FileResponse(handle, as_attachment=True, filename=filename)
    if resource.external_url:
        return HttpResponseRedirect(resource.external_url)
    raise Http404(_("This resource has no file or link."))


def _next_url(request, fallback: str) -> str:
    nxt = request.POST.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(
        nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return nxt
    return fallback


@login_required
@require_POST
def bookmark(request, slug: str):
    resource = _resource_or_404(request, slug)
    if not resource.is_published:
        raise Http404(_("No resource at this address."))
    saved = services.bookmark_set(
        user=request.user, resource=resource, saved=request.POST.get("save") != "0"
    )
    if _is_htmx(request):
        resource.refresh_from_db(fields=["save_count"])
        card = selectors.ResourceCard(resource=resource, saved=saved)
        return render(request, "learn/includes/save_button.html", {"card": card})
    messages.success(
        request,
        _("Saved to your library.") if saved else _("Removed from your library."),
    )
    return redirect(_next_url(request, resource.get_absolute_url()))


@login_required
def contribute(request):
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        resource = services.resource_create(
            by=request.user,
            data=form.service_data(),
            upload=form.cleaned_data.get("upload"),
            cover=form.cleaned_data.get("cover_upload"),
        )
        if resource.is_published:
            messages.success(request, _("The resource is published."))
        else:
            messages.success(
                request,
                _(
                    "Thank you! The resource is waiting for a moderator; we will tell you when it is published."
                ),
            )
        return redirect(resource.get_absolute_url())
    return render(request, "learn/resource_form.html", {"form": form, "resource": None})


@login_required
def edit(request, slug: str):
    resource = _resource_or_404(request, slug)
    if not services.can_edit(resource, request.user):
        raise Http404(_("No resource at this address."))
    form = ResourceForm(request.POST or None, request.FILES or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        try:
            resource = services.resource_update(
                resource=Resource.objects.get(pk=resource.pk),
                by=request.user,
                data=form.service_data(),
                upload=form.cleaned_data.get("upload"),
                cover=form.cleaned_data.get("cover_upload"),
                remove_file=form.cleaned_data.get("remove_file", False),
            )
        except services.LearnError as e:
            form.add_error(None, str(e))
        else:
            messages.success(
                request,
                _("Saved. It is back in the moderation queue.")
                if resource.status == Resource.Status.SUBMITTED
                else _("Saved."),
            )
            return redirect(resource.get_absolute_url())
    return render(request, "learn/resource_form.html", {"form": form, "resource": resource})


@login_required
def my_library(request):
    return render(request, "learn/my_library.html", selectors.my_library(user=request.user))
