"""allauth adapters: Kopuro's own profile and the accepted terms are made at sign-up, by e-mail
or by a social account."""

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request):
        return reverse("accounts:onboarding")

    def clean_email(self, email: str) -> str:
        """Refuse an address longer than the column that stores it (254). allauth's e-mail
        field accepts up to 320 characters, then truncates the User's copy silently and the
        database refuses the EmailAddress (a 500 on PostgreSQL). Every form that takes a new
        address (sign-up, social sign-up, adding an address) calls this."""
        email = super().clean_email(email)
        limit = account_settings.EMAIL_MAX_LENGTH
        if len(email) > limit:
            raise forms.ValidationError(
                _("Enter an e-mail address of at most %(limit)s characters."),
                code="email_too_long",
                params={"limit": limit},
            )
        return email


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        """Never: a first sign-in with a provider goes through Kopuro's short sign-up form
        (kopuro.accounts.forms.SocialSignupForm), where the member accepts the terms."""
        return False

    def save_user(self, request, sociallogin, form=None):
        from kopuro.accounts.services import profile_create

        user = super().save_user(request, sociallogin, form)
        if form is None and not hasattr(user, "profile"):
            # Not reached while auto sign-up is off; kept so a user never lacks a profile.
            name = sociallogin.account.extra_data.get("name") or user.email.split("@")[0]
            profile_create(user=user, display_name=str(name)[:80])
        return user
