"""Learn's notification kinds (the registry is kopuro.connect.notifications)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kopuro.connect.notifications import register_kind


def _title(n) -> str:
    return n.data.get("title") or _("your resource")


def register() -> None:
    register_kind(
        "resource.published",
        label=gettext_lazy("A resource I contributed is published"),
        text=lambda n: _("“%(title)s” is published in the library") % {"title": _title(n)},
        default="immediate",
    )
    register_kind(
        "resource.returned",
        label=gettext_lazy("A resource I contributed is returned to me"),
        text=lambda n: (
            _("“%(title)s” was returned to you: %(reason)s")
            % {"title": _title(n), "reason": n.data.get("reason", "")}
        ),
        default="immediate",
    )
