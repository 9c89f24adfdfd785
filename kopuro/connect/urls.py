from django.urls import path

from kopuro.connect import views

app_name = "connect"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/map/", views.members_map, name="map"),
    path("members/for-you/", views.suggestions, name="suggestions"),
    path("members/<slug:handle>/connect/", views.member, name="member"),
    path("members/<slug:handle>/write/", views.message_start, name="message_start"),
    path("members/<slug:handle>/block/", views.block, name="block"),
    path("members/<slug:handle>/report/", views.report, name="report"),
    path("members/<slug:handle>/dismiss/", views.suggestion_dismiss, name="dismiss"),
    path("me/connections/", views.connections, name="connections"),
    path(
        "me/connections/<int:pk>/<slug:action>/",
        views.connection_action,
        name="connection_action",
    ),
    path("me/blocked/", views.blocked, name="blocked"),
    path("messages/", views.conversations, name="conversations"),
    path("messages/<int:pk>/", views.conversation, name="conversation"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
    path("notifications/settings/", views.notification_settings, name="notification_settings"),
]
