"""An empty URL configuration, set as `request.urlconf` by the kiosk's views (views.kiosk_view).

Works around LocaleMiddleware: on a 404 for a path without a language prefix it redirects to
/<language>/<path> whenever that path resolves, and Wagtail's catch-all makes every path
resolve, so an unknown terminal's kiosk would be sent to /en/kiosk/… instead of seeing the
kiosk's own "not registered" page. With a URL configuration that has no language-prefixed
patterns, LocaleMiddleware leaves the kiosk's 404 alone. Delete this module when the kiosk
moves out from under LocaleMiddleware (e.g. its own middleware-free URL prefix).
"""

urlpatterns: list = []
