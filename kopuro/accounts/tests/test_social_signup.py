"""A first sign-in with Google, Facebook or LinkedIn: never an automatic sign-up; the member
gives the name to show and accepts the terms, stored like any other sign-up."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import override_settings

from kopuro.accounts.forms import SocialSignupForm
from kopuro.accounts.models import Consent, User

pytestmark = pytest.mark.django_db


def sociallogin(email="gulnara@example.org", name="Gulnara Kadyrova"):
    return SocialLogin(
        user=User(email=email),
        account=SocialAccount(provider="google", uid="1042", extra_data={"name": name}),
        email_addresses=[EmailAddress(email=email, verified=True, primary=True)],
    )


def request_for(rf):
    request = rf.post("/en/accounts/3rdparty/signup/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser()
    return request


def test_provider_sign_up_is_never_automatic(rf):
    assert get_adapter().is_auto_signup_allowed(request_for(rf), sociallogin()) is False


def test_form_starts_with_the_provider_name_and_asks_for_terms():
    form = SocialSignupForm(sociallogin=sociallogin())
    assert list(form.fields)[:3] == ["display_name", "email", "accept_terms"]
    assert form["display_name"].value() == "Gulnara Kadyrova"
    assert form["email"].value() == "gulnara@example.org"

    form = SocialSignupForm(
        data={"display_name": "Gulnara", "email": "gulnara@example.org"},
        sociallogin=sociallogin(),
    )
    assert not form.is_valid()
    assert form.errors["accept_terms"] == [
        "Please accept the terms of use and the privacy notice to create an account."
    ]


@override_settings(KOPURO_TERMS_VERSION="2030-02")
def test_accepting_creates_profile_and_consent(rf):
    sl = sociallogin()
    form = SocialSignupForm(
        data={"display_name": "Gulnara K.", "email": "gulnara@example.org", "accept_terms": "on"},
        sociallogin=sl,
    )
    assert form.is_valid(), form.errors
    user = form.save(request_for(rf))

    user = User.objects.get(pk=user.pk)
    assert user.profile.display_name == "Gulnara K."
    assert not user.has_usable_password()
    assert Consent.objects.get(user=user).version == "2030-02"
    assert SocialAccount.objects.get(user=user).uid == "1042"
