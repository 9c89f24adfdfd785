"""The moderation queue in the Wagtail admin: reports of profiles and messages.

A Wagtail ModelViewSet (https://docs.wagtail.org/en/stable/extending/generic_views.html) lists
the reports (open first), shows one with what was reported, and offers "Uphold" and "Dismiss",
which call `report_resolve` (audit-logged). Moderators need the "change report" permission
(give it to a "Moderators" group); nobody adds, edits or deletes reports through the admin.
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

from kopuro.connect import services
from kopuro.connect.models import Report


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """The admin's generic views may only look: a report is never added, edited or deleted
    there. Deciding (uphold or dismiss) is the resolve view below, for holders of the "change
    report" permission, through `report_resolve`."""

    def user_has_permission(self, user, action):
        return action == "view" and (
            super().user_has_permission(user, "view") or super().user_has_permission(user, "change")
        )

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(["view", "change"])


register_permission_policy(Report, ModerationPermissionPolicy(Report))


class ReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=Report.Status.choices)
    reason = django_filters.ChoiceFilter(label=_("reason"), choices=Report.Reason.choices)

    class Meta:
        model = Report
        fields = ["status", "reason"]


class ReportIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("reported__profile", "message")


class ReportInspectView(InspectView):
    template_name = "connect/admin/report_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        context["report"] = report
        context["reported_profile"] = getattr(report.reported, "profile", None)
        context["open_on_target"] = Report.objects.filter(
            reported=report.reported, message=report.message, status=Report.Status.OPEN
        ).count()
        context["can_resolve"] = self.request.user.has_perm("connect.change_report")
        return context


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Moderation queue")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "moderation/reports"
    list_display = [
        "__str__",
        "reported",
        "status",
        DateColumn("created_at", label=_("reported at")),
    ]
    filterset_class = ReportFilterSet
    ordering = ["status", "-created_at"]
    list_per_page = 50
    search_fields = ["details"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_class = ReportInspectView
    copy_view_enabled = False
    form_fields = ["status"]  # required by ModelViewSet; decisions go through resolve below
    index_view_class = ReportIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("resolve/<int:pk>/", self.resolve_view, name="resolve"),
        ]

    @property
    def resolve_view(self):
        viewset = self

        @require_POST
        def view(request, pk):
            if not request.user.has_perm("connect.change_report"):
                raise PermissionDenied
            report = get_object_or_404(Report, pk=pk)
            uphold = request.POST.get("decision") == "uphold"
            services.report_resolve(report=report, moderator=request.user, uphold=uphold)
            messages.success(request, _("Report upheld.") if uphold else _("Report dismissed."))
            return redirect(viewset.get_url_name("index"))

        return view


@hooks.register("register_admin_viewset")
def register_moderation_viewset():
    return ReportViewSet("moderation_reports")
