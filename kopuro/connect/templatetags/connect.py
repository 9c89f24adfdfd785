from django import template

from kopuro.connect import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def connect_counts(context) -> dict:
    """Unread messages and notifications for the header (one query), once per request."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(request, "_connect_counts", None)
    if cached is None:
        cached = request._connect_counts = selectors.header_counts(user)
    return cached
