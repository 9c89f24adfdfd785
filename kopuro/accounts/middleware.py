"""Staff must have TOTP set up before they reach the Wagtail admin (when the setting says so)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class StaffMFAMiddleware:
    ADMIN_PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "KOPURO_STAFF_MFA_REQUIRED", False)
            and request.path.startswith(self.ADMIN_PREFIX)
            and request.user.is_authenticated
            and (request.user.is_staff or request.user.is_superuser)
            and not self._has_totp(request.user)
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication (an authenticator app) to reach the admin."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _has_totp(user) -> bool:
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
