"""TOTP for staff before the Wagtail admin, when KOPURO_STAFF_MFA_REQUIRED says so; the member's
last interface language, for what is sent to them later."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _

from kopuro.accounts.auth_backends import user_forget


class StaffMFAMiddleware:
    """With KOPURO_STAFF_MFA_REQUIRED, a signed-in staff member reaches the admin only

    - with an authenticator app set up (else: sent to set one up), and
    - after giving one of its codes in this session (else: asked for a code, then sent on).

    The second rule matters because Wagtail's own login form (/admin/login/) checks only the
    password: allauth's sign-in asks for the code, Wagtail's does not. allauth records each way
    the member proved who they are in the session; a code leaves an "mfa" record.
    """

    ADMIN_PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "KOPURO_STAFF_MFA_REQUIRED", False)
            and request.path.startswith(self.ADMIN_PREFIX)
            and request.user.is_authenticated
            and (request.user.is_staff or request.user.is_superuser)
        ):
            if not self._has_totp(request.user):
                messages.warning(
                    request,
                    _(
                        "Set up two-factor authentication (an authenticator app) to reach the admin."
                    ),
                )
                return redirect("mfa_activate_totp")
            if not self._used_code_in_session(request):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _has_totp(user) -> bool:
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    @staticmethod
    def _used_code_in_session(request) -> bool:
        from allauth.account.authentication import get_authentication_records

        records = get_authentication_records(request, request.user)
        return any(r.get("method") == "mfa" for r in records)


class MemberLanguageMiddleware:
    """Remembers the interface language a signed-in member last used, read from the address's
    language prefix (/en/, /ru/, /ky/), on `User.language`: e-mails sent later by background
    tasks, with no request to take a language from, are written in it.

    One UPDATE when the language changes, nothing otherwise; a request without a session cookie
    (anonymous, or a cached page) is not looked at.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME not in request.COOKIES or response.status_code >= 400:
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        language = get_language_from_path(request.path_info)
        if language and language != user.language:
            get_user_model().objects.filter(pk=user.pk).update(language=language)
            user_forget(user.pk)
            user.language = language
        return response
