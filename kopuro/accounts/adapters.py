"""allauth adapters: Kopuro's own profile and the accepted terms are made at sign-up, by e-mail
or by a social account."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request):
        return reverse("accounts:onboarding")


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
