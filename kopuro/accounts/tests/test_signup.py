"""Sign-up through allauth: the happy path end to end, and each kind of bad input."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings

from kopuro.accounts.models import Consent, Profile, User
from kopuro.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/accounts/signup/"
PASSWORD = "blue-Horizon-over-Issyk-Kul-7"


def signup_data(**overrides):
    data = {
        "display_name": "Aida Toktogulova",
        "email": "aida@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def confirmation_link(message) -> str:
    return re.search(r"https?://testserver(/\S+/)", message.body).group(1)


@override_settings(KOPURO_TERMS_VERSION="2031-01")
def test_sign_up_creates_member_and_confirming_email_lands_on_onboarding(client, site):
    page = client.get(SIGNUP_URL).content.decode()
    assert "version 2031-01" in page  # the notice's version is the one accepted

    response = client.post(SIGNUP_URL, signup_data())

    assert response.status_code == 302
    user = User.objects.get(email="aida@example.org")
    assert user.profile.display_name == "Aida Toktogulova"
    assert user.profile.handle == "aida-toktogulova"
    consent = Consent.objects.get(user=user)
    assert consent.kind == Consent.Kind.TERMS
    assert consent.version == "2031-01"
    assert consent.accepted_at is not None
    assert not EmailAddress.objects.get(user=user).verified

    # Unverified members cannot use the site yet: they are told to check their mail.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aida@example.org"]
    link = confirmation_link(message)
    sent_page = client.get(response["Location"])
    assert "We have sent an email to you for verification." in sent_page.content.decode()

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    assert "aida@example.org" in confirm_page.content.decode()
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/en/me/welcome/"
    assert EmailAddress.objects.get(user=user).verified

    onboarding = client.get(confirmed["Location"])
    assert onboarding.status_code == 200
    assert onboarding.wsgi_request.user == user
    assert "Step 1 of 5" in onboarding.content.decode()


def test_new_member_is_private_by_default(client, site):
    client.post(SIGNUP_URL, signup_data())
    profile = Profile.objects.get(user__email="aida@example.org")
    assert profile.in_directory is False
    assert profile.onboarded_at is None


def test_sign_up_with_mixed_case_email_stores_it_lower_case(client, site):
    client.post(SIGNUP_URL, signup_data(email="Aida.T@Example.ORG"))
    assert User.objects.filter(email="aida.t@example.org").exists()


def assert_nothing_stored():
    assert not User.objects.filter(email__in=["aida@example.org", "not-an-email"]).exists()
    assert Profile.objects.filter(display_name__startswith="Aida").count() == 0
    assert Consent.objects.count() == 0


BAD_INPUT = [
    pytest.param(
        {"email": "not-an-email"}, "email", "Enter a valid email address.", id="invalid-email"
    ),
    pytest.param(
        {"password1": "password12", "password2": "password12"},
        "password1",
        "This password is too common.",
        id="common-password",
    ),
    pytest.param(
        {"password1": "Kx7!a", "password2": "Kx7!a"},
        "password1",
        "This password is too short. It must contain at least 10 characters.",
        id="short-password",
    ),
    pytest.param(
        {"password2": "something-else-entirely-9"},
        "password2",
        "You must type the same password each time.",
        id="passwords-differ",
    ),
    pytest.param(
        {"accept_terms": None},
        "accept_terms",
        "Please accept the terms of use and the privacy notice to create an account.",
        id="terms-not-accepted",
    ),
    pytest.param(
        {"display_name": "A" * 81},
        "display_name",
        "Ensure this value has at most 80 characters (it has 81).",
        id="display-name-too-long",
    ),
    pytest.param(
        {"display_name": "   "}, "display_name", "This field is required.", id="blank-display-name"
    ),
]


@pytest.mark.parametrize(("overrides", "field", "message"), BAD_INPUT)
def test_bad_sign_up_input_rerenders_with_message_and_keeps_input(
    client, site, overrides, field, message
):
    response = client.post(SIGNUP_URL, signup_data(**overrides))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the errors below." in html
    errors = re.search(rf'id="id_{field}_error">(.*?)</ul>', html, re.S)
    assert errors, f"no error list next to {field}"
    assert message in errors.group(1).replace("&#x27;", "'")
    # What was typed is kept, passwords are not echoed back.
    if field != "display_name":
        assert 'value="Aida Toktogulova"' in html
    if field != "email":
        assert 'value="aida@example.org"' in html
    assert PASSWORD not in html
    assert "password12" not in html
    assert len(mail.outbox) == 0
    assert_nothing_stored()


def test_email_already_used_is_said_plainly_and_nothing_is_stored(client, site):
    UserFactory(email="aida@example.org")
    users_before = User.objects.count()

    response = client.post(SIGNUP_URL, signup_data(email="AIDA@example.org"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "A user is already registered with this email address." in html
    assert 'value="Aida Toktogulova"' in html
    assert User.objects.count() == users_before
    assert Profile.objects.count() == 0
    assert Consent.objects.count() == 0
    assert len(mail.outbox) == 0


def test_display_name_with_markup_is_stored_as_typed_and_shown_escaped(client, site):
    client.post(SIGNUP_URL, signup_data(display_name="<b>Aida</b> <script>x()</script>"))
    profile = Profile.objects.get(user__email="aida@example.org")
    assert profile.display_name == "<b>Aida</b> <script>x()</script>"
    assert profile.handle == "baida-b-scriptx-script"
