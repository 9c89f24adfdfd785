"""Cross-cutting response policy."""

from django.utils.cache import patch_cache_control


class PrivateResponsesMiddleware:
    """A page rendered for a signed-in person is theirs alone.

    It gets `Cache-Control: private, no-store` unless its view chose a Cache-Control of its own:
    no shared cache (a caching proxy or CDN in front of the anonymous pages, which may ignore
    `Vary: Cookie`) keeps it, and neither does the browser of a shared computer (an internet
    cafe, a relative's phone) after sign-out. Anonymous responses are left alone: they are the
    same for everyone and the page cache (kopuro.core.cache) is for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
