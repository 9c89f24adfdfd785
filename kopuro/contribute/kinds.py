"""Contribute's notification kinds (the registry is kopuro.connect.notifications)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kopuro.connect.notifications import register_kind


def _title(n) -> str:
    return n.data.get("title") or _("an opportunity")


def _answered(n) -> str:
    status = n.data.get("status")
    if status == "shortlisted":
        return _("You are shortlisted for “%(title)s”") % {"title": _title(n)}
    if status == "accepted":
        return _("Your offer for “%(title)s” is accepted") % {"title": _title(n)}
    return _("Your offer for “%(title)s” was declined, with thanks") % {"title": _title(n)}


def register() -> None:
    register_kind(
        "interest.received",
        label=gettext_lazy("Someone is interested in an opportunity I posted"),
        text=lambda n: (
            _("%(name)s is interested in “%(title)s”")
            % {"name": n.data.get("name") or _("A member"), "title": _title(n)}
        ),
        default="immediate",
    )
    register_kind(
        "interest.answered",
        label=gettext_lazy("My offer is shortlisted, accepted or declined"),
        text=_answered,
        default="immediate",
    )
    register_kind(
        "expertise.invited",
        label=gettext_lazy("I am invited to a request for expertise"),
        text=lambda n: _("You are invited to help: “%(title)s”") % {"title": _title(n)},
        default="immediate",
    )
    register_kind(
        "expertise.accepted",
        label=gettext_lazy("A member accepts my request for expertise"),
        text=lambda n: (
            _("%(name)s accepted your request “%(title)s”")
            % {"name": n.data.get("name") or _("A member"), "title": _title(n)}
        ),
        default="immediate",
    )
    register_kind(
        "opportunity.fits",
        label=gettext_lazy("New opportunities and requests that fit my expertise and interests"),
        text=lambda n: _("New, and it fits your expertise: “%(title)s”") % {"title": _title(n)},
        default="digest",
    )
