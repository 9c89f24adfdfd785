"""Connect's notification kinds (see kopuro.connect.notifications for the registry)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kopuro.connect.notifications import register_kind


def _name(n) -> str:
    return n.data.get("name") or _("A member")


def register() -> None:
    register_kind(
        "connection.requested",
        label=gettext_lazy("Someone asks to connect with me"),
        text=lambda n: _("%(name)s asks to connect with you") % {"name": _name(n)},
        default="immediate",
    )
    register_kind(
        "connection.accepted",
        label=gettext_lazy("Someone accepts my request to connect"),
        text=lambda n: _("%(name)s accepted your request to connect") % {"name": _name(n)},
        default="immediate",
    )
    register_kind(
        "message.received",
        label=gettext_lazy("New messages"),
        text=lambda n: _("New message from %(name)s") % {"name": _name(n)},
        default="immediate",
    )
