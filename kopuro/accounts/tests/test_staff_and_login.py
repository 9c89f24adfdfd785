"""Who reaches the Wagtail admin (staff with TOTP when required), the sign-in page without
social providers, and allauth's own pages in Kopuro's layout."""

import time

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.cache import cache
from django.test import override_settings

from kopuro.accounts.tests.factories import TEST_PASSWORD, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True, is_superuser=True)


SECRET = "JBSWY3DPEHPK3PXP"


def add_totp(user, secret=SECRET):
    """Set up an authenticator app for `user`; returns its secret."""
    TOTP.activate(user, secret)
    return secret


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def pass_totp_in_session(client, user):
    """What allauth records in the session when a code is given at sign-in."""
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth remembers used codes in the cache; each test starts with none used."""
    cache.clear()


@override_settings(KOPURO_STAFF_MFA_REQUIRED=True)
def test_staff_without_totp_are_sent_to_set_it_up(client, editor, site):
    client.force_login(editor)
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    page = client.get("/en/accounts/2fa/totp/activate/", follow=True).content.decode()
    assert "Set up two-factor authentication (an authenticator app) to reach the admin." in page


@override_settings(KOPURO_STAFF_MFA_REQUIRED=True)
def test_staff_with_totp_reach_the_admin(client, editor, site):
    add_totp(editor)
    client.force_login(editor)
    pass_totp_in_session(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()


@override_settings(KOPURO_STAFF_MFA_REQUIRED=True)
def test_recovery_codes_alone_are_not_enough(client, editor, site):
    Authenticator.objects.create(
        user=editor, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00", "used_mask": 0}
    )
    client.force_login(editor)
    assert client.get("/admin/").status_code == 302


@override_settings(KOPURO_STAFF_MFA_REQUIRED=False)
def test_without_the_requirement_staff_reach_the_admin(client, editor, site):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


@override_settings(KOPURO_STAFF_MFA_REQUIRED=True)
def test_members_are_not_asked_for_totp(client, site):
    member = ProfileFactory()
    client.force_login(member.user)
    # Not staff: Wagtail itself turns them away (to its login), no TOTP detour.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "2fa" not in response["Location"]
    assert client.get("/en/me/").status_code == 200


@override_settings(KOPURO_STAFF_MFA_REQUIRED=True)
def test_staff_sign_in_with_totp_asks_for_the_code_then_reaches_the_admin(client, editor, site):
    secret = add_totp(editor)
    response = client.post(
        "/en/accounts/login/?next=/admin/", {"login": editor.email, "password": TEST_PASSWORD}
    )
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert not client.get("/admin/").wsgi_request.user.is_authenticated
    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    response = client.post("/en/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wagtail_login_form_is_not_routed(client, editor, site):
    """Wagtail's own form checks a password with no rate limit and no second factor; staff are
    sent to allauth's sign-in instead, keeping where they were going, and a password posted to
    the old address signs nobody in."""
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2Fpages%2F"
    response = client.post(
        "/admin/login/?next=/admin/", {"username": editor.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert not client.get("/en/me/").wsgi_request.user.is_authenticated
    # An off-site `next` is dropped.
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2F"


def test_login_page_shows_no_provider_without_client_ids(client, site):
    html = client.get("/en/accounts/login/").content.decode()
    assert 'name="login"' in html and 'name="password"' in html
    main = html.split('id="main"', 1)[1]
    for provider in ("Google", "Facebook", "LinkedIn"):
        assert provider not in main
    assert "Or use a third-party" not in main
    assert 'class="providers"' not in main
    signup = client.get("/en/accounts/signup/").content.decode().split('id="main"', 1)[1]
    assert 'class="providers"' not in signup


def test_sign_in_with_password(client, site):
    member = ProfileFactory()
    response = client.post(
        "/en/accounts/login/", {"login": member.user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/me/"


def test_wrong_password_is_refused_with_a_message(client, site):
    member = ProfileFactory()
    response = client.post(
        "/en/accounts/login/", {"login": member.user.email, "password": "wrong-password-123"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The email address and/or password you specified are not correct." in html
    assert f'value="{member.user.email}"' in html


def test_password_reset_does_not_say_who_is_a_member(client, site):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302


def test_providers_are_configured_only_from_the_environment():
    """The other half of the rule: with client ids in the environment the providers are
    installed (checked in a fresh interpreter, as settings are read once at start-up)."""
    import os
    import subprocess
    import sys

    code = (
        "from django.conf import settings;"
        "print(sorted(a for a in settings.INSTALLED_APPS if '.providers.' in a));"
        "print(sorted(settings.SOCIALACCOUNT_PROVIDERS))"
    )
    base = {k: v for k, v in os.environ.items() if not k.endswith("_CLIENT_ID")}
    base["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

    def run(extra):
        out = subprocess.run(  # noqa: S603
            [sys.executable, "-c", "import django; django.setup();" + code],
            env={**base, **extra},
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.splitlines()

    assert run({}) == ["[]", "[]"]
    with_ids = run(
        {
            "GOOGLE_CLIENT_ID": "g",
            "GOOGLE_CLIENT_SECRET": "s",
            "LINKEDIN_CLIENT_ID": "l",
            "LINKEDIN_CLIENT_SECRET": "s",
        }
    )
    assert with_ids == [
        "['allauth.socialaccount.providers.google', "
        "'allauth.socialaccount.providers.openid_connect']",
        "['google', 'openid_connect']",
    ]
