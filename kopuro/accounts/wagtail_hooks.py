"""The "Members" menu in the Wagtail admin: vocabulary terms (editable), member profiles and
the audit log (both read-only).

Built on Wagtail's ModelViewSet (https://docs.wagtail.org/en/stable/extending/generic_views.html).
Profiles change only through their owners' own pages, and the audit log never changes, so
those two listings get a permission policy that allows looking and nothing else, for
superusers too. The audit log is kopuro.core's model; its listing lives here, next to the
other member-related listings, so the admin has one place for them.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from kopuro.accounts.models import Profile, Term
from kopuro.core.models import AuditLogEntry


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Anyone with the model's "view" permission (and every superuser) may look; nobody may
    add, change or delete through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, "view")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(["view"])


register_permission_policy(Profile, ViewOnlyPermissionPolicy(Profile))
register_permission_policy(AuditLogEntry, ViewOnlyPermissionPolicy(AuditLogEntry))


class TermViewSet(ModelViewSet):
    model = Term
    icon = "tag"
    menu_label = _("Vocabularies")
    url_prefix = "members/vocabularies"
    form_fields = ["vocabulary", "slug", "label_en", "label_ru", "label_ky", "position"]
    list_display = ["label_en", "label_ru", "label_ky", "vocabulary", "slug", "position"]
    list_filter = ["vocabulary"]
    search_fields = ["label_en", "label_ru", "label_ky", "slug"]
    search_backend_name = None  # plain database search: a few hundred rows at most
    ordering = ["vocabulary", "position", "label_en"]
    list_per_page = 50
    copy_view_enabled = False


class ProfileFilterSet(WagtailFilterSet):
    residence_country = django_filters.ChoiceFilter(
        label=_("country of residence"), choices=lambda: list(countries)
    )
    in_directory = django_filters.BooleanFilter(label=_("in the member directory"))

    class Meta:
        model = Profile
        fields = ["residence_country", "in_directory"]


class ProfileIndexView(IndexView):
    def get_base_queryset(self):
        # Only live accounts: a deleted member has no profile, a deactivated one is hidden.
        return super().get_base_queryset().filter(user__is_active=True)


class ProfileViewSet(ModelViewSet):
    model = Profile
    icon = "user"
    menu_label = _("Member profiles")
    url_prefix = "members/profiles"
    list_display = [
        "display_name",
        "handle",
        "residence_country",
        BooleanColumn("in_directory", label=_("In directory")),
        DateColumn("created_at", label=_("Joined")),
    ]
    filterset_class = ProfileFilterSet
    search_fields = ["display_name", "handle"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "display_name",
        "handle",
        "headline",
        "residence_country",
        "residence_city",
        "in_directory",
        "created_at",
        "onboarded_at",
    ]
    copy_view_enabled = False
    form_fields = ["display_name"]  # required by ModelViewSet; the policy allows no editing
    index_view_class = ProfileIndexView


class AuditLogFilterSet(WagtailFilterSet):
    action = django_filters.CharFilter(label=_("action"), lookup_expr="istartswith")
    created_at = django_filters.DateFromToRangeFilter(label=_("time"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditLogEntry
        fields = ["action", "created_at"]


class AuditLogIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("target_type")


class AuditLogViewSet(ModelViewSet):
    model = AuditLogEntry
    icon = "history"
    menu_label = _("Audit log")
    url_prefix = "members/audit-log"
    list_display = [
        "action",
        "actor_label",
        "target_type",
        "target_id",
        DateColumn("created_at", label=_("time")),
    ]
    filterset_class = AuditLogFilterSet
    search_fields = ["action", "actor_label", "target_id"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "action",
        "actor_label",
        "target_type",
        "target_id",
        "data",
        "created_at",
    ]
    copy_view_enabled = False
    form_fields = ["action"]  # required by ModelViewSet; the policy allows no editing
    index_view_class = AuditLogIndexView


class MembersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 250
    items = (TermViewSet("terms"), ProfileViewSet("member_profiles"), AuditLogViewSet("audit_log"))


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersViewSetGroup()
