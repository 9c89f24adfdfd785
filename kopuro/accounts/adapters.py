"""allauth adapters: Kopuro's own profile is made at sign-up, by e-mail or by a social account."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request):
        return reverse("accounts:onboarding")


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def save_user(self, request, sociallogin, form=None):
        from kopuro.accounts.services import profile_create

        user = super().save_user(request, sociallogin, form)
        name = sociallogin.account.extra_data.get("name") or user.email.split("@")[0]
        if not hasattr(user, "profile"):
            profile_create(user=user, display_name=str(name)[:80])
        return user
