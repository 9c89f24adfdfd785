"""The resource moderation queue in the Wagtail admin.

A ModelViewSet (https://docs.wagtail.org/en/stable/extending/generic_views.html) lists
resources (waiting first) and shows one with its file, link and history; "Publish" and
"Return with a reason" call `resource_publish` / `resource_return` (audit-logged, the contributor
is notified). Moderators need the "change resource" permission. Staff add resources through
the library's own form (/resources/contribute/), where the upload policy applies; the admin's
generic views only look.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from kopuro.learn import services
from kopuro.learn.forms import ReturnForm
from kopuro.learn.models import Resource


class LookOnlyPolicy(ModelPermissionPolicy):
    """The generic views may only look; decisions go through the moderate view below."""

    def user_has_permission(self, user, action):
        return action == "view" and (
            super().user_has_permission(user, "view") or super().user_has_permission(user, "change")
        )

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(["view", "change"])


register_permission_policy(Resource, LookOnlyPolicy(Resource))


class ResourceFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=Resource.Status.choices)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Resource.Kind.choices)

    class Meta:
        model = Resource
        fields = ["status", "kind"]


class ResourceIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("contributor__profile")


class ResourceInspectView(InspectView):
    template_name = "learn/admin/resource_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resource"] = self.object
        context["revisions"] = list(self.object.revisions.select_related("author")[:20])
        context["can_moderate"] = self.request.user.has_perm("learn.change_resource")
        context["return_form"] = ReturnForm()
        return context


class ResourceViewSet(ModelViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Resources to moderate")
    menu_order = 261
    add_to_admin_menu = True
    url_prefix = "moderation/resources"
    list_display = ["title", "kind", "status", DateColumn("created_at", label=_("submitted"))]
    filterset_class = ResourceFilterSet
    ordering = ["-status", "created_at"]
    list_per_page = 50
    search_fields = ["title", "summary"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_class = ResourceInspectView
    inspect_view_fields = ["title", "kind", "status"]  # the template shows the rest
    copy_view_enabled = False
    form_fields = ["status"]
    index_view_class = ResourceIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("moderate/<int:pk>/", self.moderate_view, name="moderate"),
        ]

    @property
    def moderate_view(self):
        viewset = self

        @require_POST
        def view(request, pk):
            if not request.user.has_perm("learn.change_resource"):
                raise PermissionDenied
            resource = get_object_or_404(Resource, pk=pk)
            if request.POST.get("decision") == "publish":
                services.resource_publish(resource=resource, moderator=request.user)
                messages.success(request, _("Published."))
                # The resource's own page shows the moderator what readers now see.
                return redirect(resource.get_absolute_url())
            form = ReturnForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Say why the resource is returned."))
                return redirect(viewset.get_url_name("inspect"), pk)
            services.resource_return(
                resource=resource, moderator=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Returned to the contributor."))
            return redirect(resource.get_absolute_url())

        return view


@hooks.register("register_admin_viewset")
def register_resource_viewset():
    return ResourceViewSet("moderation_resources")
