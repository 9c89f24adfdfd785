"""Organisations in the Wagtail admin: staff see who registered each one and who claims to act
for it, and verify its administrators ("Verify" / "Remove verification", audit-logged). The
generic views only look; organisations are registered and edited by their members."""

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
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from kopuro.contribute import services
from kopuro.contribute.models import Organisation
from kopuro.learn.wagtail_hooks import LookOnlyPolicy

register_permission_policy(Organisation, LookOnlyPolicy(Organisation))


class OrganisationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("type"), choices=Organisation.Kind.choices)
    unverified = django_filters.BooleanFilter(
        label=_("not verified yet"), field_name="verified_at", lookup_expr="isnull"
    )

    class Meta:
        model = Organisation
        fields = ["kind"]


class OrganisationInspectView(InspectView):
    template_name = "contribute/admin/organisation_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["org"] = self.object
        context["memberships"] = list(
            self.object.memberships.select_related("user__profile").order_by("role", "created_at")
        )
        context["can_verify"] = self.request.user.has_perm("contribute.change_organisation")
        return context


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 262
    add_to_admin_menu = True
    url_prefix = "contribute/organisations"
    list_display = ["name", "kind", "verified_at", DateColumn("created_at", label=_("registered"))]
    filterset_class = OrganisationFilterSet
    ordering = ["verified_at", "name"]
    list_per_page = 50
    search_fields = ["name", "description", "city"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_class = OrganisationInspectView
    inspect_view_fields = ["name", "kind"]  # the template shows the rest
    copy_view_enabled = False
    form_fields = ["name"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("verify/<int:pk>/", self.verify_view, name="verify"),
        ]

    @property
    def verify_view(self):
        viewset = self

        @require_POST
        def view(request, pk):
            if not request.user.has_perm("contribute.change_organisation"):
                raise PermissionDenied
            org = get_object_or_404(Organisation, pk=pk)
            verified = request.POST.get("decision") != "unverify"
            services.organisation_verify(organisation=org, staff=request.user, verified=verified)
            messages.success(request, _("Verified.") if verified else _("Verification removed."))
            return redirect(viewset.get_url_name("inspect"), pk)

        return view


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("contribute_organisations")
