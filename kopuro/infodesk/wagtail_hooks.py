"""Admin: service points and terminals as snippets, the fleet and reach views, menu items."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kopuro.infodesk import admin_views
from kopuro.infodesk.models import ServicePoint, Terminal


class ServicePointViewSet(SnippetViewSet):
    model = ServicePoint
    icon = "site"
    menu_label = _("Hotlines and service points")
    list_display = ["__str__", "kind", "country", "city", "free"]
    list_filter = ["kind", "country", "free"]


class TerminalViewSet(SnippetViewSet):
    model = Terminal
    icon = "desktop"
    menu_label = _("Information terminals")
    list_display = ["code", "name", "region", "installed_on", "active"]
    list_filter = ["region", "active"]


register_snippet(ServicePointViewSet)
register_snippet(TerminalViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [
        path("infodesk/fleet/", admin_views.fleet, name="infodesk_fleet"),
        path("infodesk/reach/", admin_views.reach_dashboard, name="infodesk_reach"),
        path(
            "infodesk/terminals/<int:pk>/token/",
            admin_views.token_issue,
            name="infodesk_token_issue",
        ),
        path(
            "infodesk/terminals/<int:pk>/revoke/",
            admin_views.token_revoke,
            name="infodesk_token_revoke",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, perm: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.perm = perm

    def is_shown(self, request):
        return request.user.has_perm(self.perm)


@hooks.register("register_admin_menu_item")
def fleet_menu():
    return PermissionMenuItem(
        _("Kiosk fleet"),
        reverse("infodesk_fleet"),
        icon_name="desktop",
        order=900,
        perm="infodesk.view_terminal",
    )


@hooks.register("register_admin_menu_item")
def reach_menu():
    return PermissionMenuItem(
        _("Reach figures"),
        reverse("infodesk_reach"),
        icon_name="list-ul",
        order=901,
        perm="infodesk.view_dailyreach",
    )
