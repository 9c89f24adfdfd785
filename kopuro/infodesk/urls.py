"""The kiosk (outside the language prefix: a kiosk chooses its language itself) and its API.

Guides, topics and /guides/help/ are Wagtail pages, served under /<language>/guides/.
"""

from django.urls import path, re_path

from kopuro.infodesk import views

app_name = "infodesk"

CODE = r"(?P<code>[A-Za-z0-9][A-Za-z0-9-]{0,29})"
LANG = r"(?P<language>[a-z]{2})"
KEY = r"(?P<key>[a-z0-9][a-z0-9-]{0,59})"

urlpatterns = [
    path("kiosk/sw.js", views.service_worker, name="service_worker"),
    path("kiosk/qr/<str:signed>.svg", views.qr_code, name="qr"),
    path("kiosk/audio/<int:pk>-<str:digest>", views.audio_file, name="audio"),
    path("kiosk/api/seen.gif", views.web_seen, name="seen"),
    re_path(rf"^kiosk/api/{CODE}/events$", views.api_events, name="api_events"),
    re_path(rf"^kiosk/api/{CODE}/heartbeat$", views.api_heartbeat, name="api_heartbeat"),
    re_path(rf"^kiosk/{CODE}/manifest\.json$", views.kiosk_manifest, name="kiosk_manifest"),
    re_path(rf"^kiosk/{CODE}/$", views.kiosk, name="kiosk"),
    re_path(rf"^kiosk/{CODE}/{LANG}/$", views.kiosk_home, name="kiosk_home"),
    re_path(rf"^kiosk/{CODE}/{LANG}/help/$", views.kiosk_help, name="kiosk_help"),
    re_path(rf"^kiosk/{CODE}/{LANG}/{KEY}/$", views.kiosk_page, name="kiosk_page"),
    re_path(
        rf"^kiosk/{CODE}/{LANG}/{KEY}/(?P<section>[a-z0-9-]{{1,60}})/$",
        views.kiosk_section,
        name="kiosk_section",
    ),
]
