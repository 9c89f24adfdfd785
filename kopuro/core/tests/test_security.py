"""Security baseline, in-process: what the production tests (test_production_settings.py) do not
need a production process for.

- The Content-Security-Policy's nonce reaches the header when a template uses it, and no
  template relies on what the policy forbids (inline script without the nonce, inline styles,
  event-handler attributes, `javascript:` links).
- Personal pages are never kept by a shared cache.
- Redirects after sign-in stay on this site; sign-in failures are rate limited.
- Hostile input in URLs and fields never gives a 500 and is shown, never run.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory

from kopuro.accounts.tests.factories import TEST_PASSWORD, ProfileFactory

BASE_DIR = Path(settings.BASE_DIR)

# --- Content-Security-Policy ---------------------------------------------------------------------


def test_a_template_nonce_is_allowed_by_the_header():
    from csp.middleware import CSPMiddleware

    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">document.body.dataset.ok = "1";</script>'
    )

    def view(request):
        return HttpResponse(template.render({}, request))

    request = RequestFactory().get("/en/")
    middleware = CSPMiddleware(view)
    middleware.process_request(request)
    response = middleware.process_response(request, view(request))

    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    script_src = next(
        d for d in response["Content-Security-Policy"].split(";") if "script-src" in d
    )
    assert f"'nonce-{nonce}'" in script_src
    assert "'unsafe-inline'" not in script_src


def test_a_page_without_inline_script_gets_no_nonce(client, site):
    """The nonce is added only when a template asks for it (a cacheable page has none)."""
    response = client.get("/en/")
    assert "'nonce-" not in response["Content-Security-Policy"]


def _templates():
    for path in sorted((BASE_DIR / "kopuro").rglob("templates/**/*.html")):
        # Wagtail admin overrides are outside the policy (see CONTENT_SECURITY_POLICY).
        if "wagtailadmin" not in path.parts:
            yield pytest.param(path, id=str(path.relative_to(BASE_DIR)))


INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\b(src|nonce)=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I
)
INLINE_STYLE_BLOCK = re.compile(r"<style\b(?![^>]*\bnonce=)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"(href|src|action)\s*=\s*[\"']?\s*javascript:", re.I)


@pytest.mark.parametrize("path", list(_templates()))
def test_templates_use_nothing_the_policy_forbids(path: Path):
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"{#.*?#}|{% comment %}.*?{% endcomment %}", "", text, flags=re.S)
    for name, pattern in [
        ("an inline <script> without the nonce", INLINE_SCRIPT),
        ("an inline <style> block", INLINE_STYLE_BLOCK),
        ("a style= attribute", STYLE_ATTRIBUTE),
        ("an event-handler attribute (onclick=...)", HANDLER_ATTRIBUTE),
        ("a javascript: link", JAVASCRIPT_URL),
    ]:
        found = pattern.search(text)
        assert found is None, (
            f"{name}: {found.group(0)!r}. The Content-Security-Policy blocks it; use a file in "
            'static/ (or, for a script that must be inline, nonce="{{ request.csp_nonce }}").'
        )


# --- Caching of personal pages -------------------------------------------------------------------


def test_pages_for_a_signed_in_member_are_private_and_not_stored(client, site):
    profile = ProfileFactory()
    client.force_login(profile.user)
    for url in ["/en/", "/en/me/", f"/en/members/{profile.handle}/"]:
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
    export = client.post("/en/me/data/export/")
    assert "no-store" in export["Cache-Control"]


def test_anonymous_pages_stay_cacheable(client, site):
    response = client.get("/en/")
    assert "private" not in response.get("Cache-Control", "")


# --- Sign-in -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_sign_in_never_redirects_off_site(client, site, next_url):
    profile = ProfileFactory()
    response = client.post(
        "/en/accounts/login/",
        {"login": profile.user.email, "password": TEST_PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.netloc in ("", "testserver")
    assert location.scheme in ("", "http", "https")
    assert not response["Location"].startswith(("//", "/\\"))


def test_failed_sign_ins_are_rate_limited(client, site):
    """allauth's limit (ACCOUNT_RATE_LIMITS["login_failed"]: 5 per address in 5 minutes):
    after it, even the right password is refused for a while, with a message."""
    cache.clear()
    profile = ProfileFactory()
    for _ in range(5):
        response = client.post(
            "/en/accounts/login/", {"login": profile.user.email, "password": "wrong-password"}
        )
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post(
        "/en/accounts/login/", {"login": profile.user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    cache.clear()


# --- Hostile input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/en/a%00b/",
        "/en/?q=%00",
        "/en/accounts/login/?next=%00",
        "/en/members/a%00b/",
        "/en/accounts/password/reset/key/a%00b-set-password/",
        "/en/me/welcome/?step=%00",
        "/en/" + "a/" * 300,
        "/en/%F0%9F%94%A5%E2%80%AE/",
        "/admin/login/?next=/%00",
    ],
)
def test_hostile_urls_never_answer_500(client, site, url):
    client.force_login(ProfileFactory().user)
    assert client.get(url).status_code < 500


def test_html_in_a_profile_is_shown_never_run(client, site):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    profile = ProfileFactory(display_name=payload[:80], headline=payload[:120])
    body = client.get(f"/en/members/{profile.handle}/").content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "&lt;script&gt;alert" in body


LONG_EMAIL = "x" * 300 + "@example.org"  # valid by RFC's 320 limit, longer than the 254 stored


def test_an_over_long_email_at_sign_up_is_refused_with_a_message(client, site):
    cache.clear()
    response = client.post(
        "/en/accounts/signup/",
        {
            "display_name": "Aida",
            "email": LONG_EMAIL,
            "password1": TEST_PASSWORD,
            "password2": TEST_PASSWORD,
            "accept_terms": "on",
        },
    )
    assert response.status_code == 200
    assert "at most 254 characters" in response.content.decode()


def test_an_over_long_email_added_to_an_account_is_refused_with_a_message(client, site):
    client.force_login(ProfileFactory().user)
    response = client.post("/en/accounts/email/", {"email": LONG_EMAIL, "action_add": ""})
    assert response.status_code == 200
    assert "at most 254 characters" in response.content.decode()


def test_the_admin_sends_nothing_to_gravatar(client, site):
    """No third-party request from the admin (editors' e-mail hashes, closed networks)."""
    from kopuro.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
