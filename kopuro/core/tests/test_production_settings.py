"""Production mode, tested the way production runs it.

Settings are read once, at import, from the environment, so pytest's own settings
(config.settings.test) cannot show what `KOPURO_PRODUCTION=1` does. Each test here starts a fresh
Python process with a production environment and DJANGO_SETTINGS_MODULE=config.settings.base:
`manage.py check --deploy` must be silent, a missing or weak secret must stop start-up with a
message naming it, and real responses (through the whole middleware stack, via Django's test
client) must carry the security headers and cookie flags.

The probe process differs from a deployment in two harness details only, neither of which
touches a security setting: its database is an in-memory SQLite schema built without running
migrations (26 s saved), and static files are served without whitenoise's manifest (which only
exists after `collectstatic`).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
HOST = "kopuro.example.org"
# Only what a process needs to run: nothing from the developer's environment (DATABASE_URL,
# REDIS_URL, DJANGO_SETTINGS_MODULE...) leaks into the production process.
PASSTHROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def production_env(tmp: Path, **changes: str | None) -> dict[str, str]:
    """A complete production environment; `NAME=None` removes a variable, `NAME="x"` sets it."""
    env = {k: v for k, v in os.environ.items() if k in PASSTHROUGH}
    env.update(
        {
            "PYTHONPATH": str(BASE_DIR),
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            # No .env: a developer's file must not fill in what a test removes.
            "KOPURO_ENV_FILE": "",
            "KOPURO_PRODUCTION": "1",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": f"sqlite:///{tmp / 'production.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "media"),
        }
    )
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


# --- Start-up ------------------------------------------------------------------------------------


def test_check_deploy_is_silent_in_production_mode(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in output and "security.W" not in output


@pytest.mark.parametrize("name", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
@pytest.mark.parametrize("value", [None, ""], ids=["missing", "empty"])
def test_a_missing_secret_stops_start_up_naming_it(tmp_path, name, value):
    result = run(["manage.py", "check"], production_env(tmp_path, **{name: value}))
    assert result.returncode != 0
    assert (
        f"Kopuro is in production mode (KOPURO_PRODUCTION=1) but {name} is not set."
        in result.stderr
    )


@pytest.mark.parametrize(
    "key",
    [
        "change-me",
        "x" * 80,  # long but not random
        "django-insecure-" + secrets.token_urlsafe(50),
        "insecure-embedded-default-for-local-use-only",
    ],
    ids=["short", "repetitive", "django-insecure", "embedded-default"],
)
def test_a_weak_secret_key_stops_start_up(tmp_path, key):
    result = run(["manage.py", "check"], production_env(tmp_path, SECRET_KEY=key))
    assert result.returncode != 0
    assert "SECRET_KEY is too weak for production" in result.stderr


def test_without_production_mode_the_embedded_defaults_work(tmp_path):
    env = production_env(
        tmp_path, KOPURO_PRODUCTION=None, SECRET_KEY=None, ALLOWED_HOSTS=None, DATABASE_URL=None
    )
    result = run(["manage.py", "check"], env)
    assert result.returncode == 0, result.stderr


# --- Responses ----------------------------------------------------------------------------------

PROBE = r"""
import json, sys, warnings

warnings.simplefilter("ignore")  # whitenoise: "No directory at .../staticfiles/"
import django

django.setup()

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

# Harness detail 1: a schema without migrations (see the module docstring).
connection.settings_dict["TEST"]["MIGRATE"] = False
connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
# Harness detail 2: static URLs without collectstatic's manifest.
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()

from wagtail.models import Collection, Locale, Page

from kopuro.accounts.tests.factories import TEST_PASSWORD, ProfileFactory, UserFactory
from kopuro.core.services import site_ensure_home

locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
Collection.add_root(name="Root")
site_ensure_home()
member = ProfileFactory(user__email="member@example.org").user
staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)


def describe(response):
    return {
        "status": response.status_code,
        "headers": {k.lower(): v for k, v in response.headers.items()},
        "cookies": {
            name: {
                "secure": bool(m["secure"]),
                "httponly": bool(m["httponly"]),
                "samesite": m["samesite"],
            }
            for name, m in response.cookies.items()
        },
        "body": response.content.decode("utf-8", "replace")
        if response.get("Content-Type", "").startswith("text/html")
        else "",
    }


out = {"settings": {"DEBUG": settings.DEBUG}}
client = Client(SERVER_NAME="HOST")
out["home"] = describe(client.get("/en/", secure=True))
out["home_http"] = describe(client.get("/en/", secure=False))
out["login_page"] = describe(client.get("/en/accounts/login/", secure=True))
out["login"] = describe(
    client.post(
        "/en/accounts/login/",
        {"login": member.email, "password": TEST_PASSWORD},
        secure=True,
    )
)
out["dashboard"] = describe(client.get("/en/me/", secure=True))

admin = Client(SERVER_NAME="HOST")
out["admin_login"] = describe(admin.get("/admin/login/", secure=True))
admin.post(
    "/en/accounts/login/", {"login": staff.email, "password": TEST_PASSWORD}, secure=True
)
out["admin_staff_without_mfa"] = describe(admin.get("/admin/", secure=True))

with open(sys.argv[1], "w") as fh:
    json.dump(out, fh)
""".replace('"HOST"', repr(HOST))


@pytest.fixture(scope="module")
def probe(tmp_path_factory) -> dict:
    """Responses from a production-mode process, described as JSON (one process per module)."""
    tmp = tmp_path_factory.mktemp("production")
    script = tmp / "probe.py"
    script.write_text(PROBE)
    out = tmp / "out.json"
    result = run([str(script), str(out)], production_env(tmp))
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(out.read_text())


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def test_debug_is_off(probe):
    assert probe["settings"]["DEBUG"] is False


@pytest.mark.parametrize("page", ["home", "login_page", "dashboard"])
def test_security_headers_on_every_response(probe, page):
    response = probe[page]
    assert response["status"] == 200, response["status"]
    headers = response["headers"]
    hsts = headers["strict-transport-security"]
    assert int(hsts.split(";")[0].split("=")[1]) >= 31_536_000
    assert "includeSubDomains" in hsts and "preload" in hsts
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert headers["cross-origin-opener-policy"] == "same-origin"


@pytest.mark.parametrize("page", ["home", "login_page", "dashboard"])
def test_content_security_policy_forbids_inline_script(probe, page):
    policy = csp_directives(probe[page]["headers"]["content-security-policy"])
    assert policy["default-src"] == ["'self'"]
    script_src = policy["script-src"]
    assert "'self'" in script_src
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    body = probe[page]["body"]
    # Any inline script on the page carries the nonce the header allows.
    for nonce in [w for w in script_src if w.startswith("'nonce-")]:
        assert nonce.strip("'").removeprefix("nonce-") in body


def test_plain_http_is_redirected_to_https(probe):
    response = probe["home_http"]
    assert response["status"] == 301
    assert response["headers"]["location"] == f"https://{HOST}/en/"


def test_csrf_cookie_is_secure(probe):
    cookie = probe["login_page"]["cookies"]["csrftoken"]
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"


def test_session_cookie_is_secure_and_http_only(probe):
    assert probe["login"]["status"] == 302
    cookie = probe["login"]["cookies"]["sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_admin_sign_in_goes_through_allauth_in_production(probe):
    response = probe["admin_login"]
    assert response["status"] == 302
    assert response["headers"]["location"].startswith("/en/accounts/login/?next=")
    assert response["headers"]["x-frame-options"] == "DENY"
    # The admin is left out of the CSP by prefix (it uses inline scripts of its own).
    assert "content-security-policy" not in response["headers"]


def test_staff_must_set_up_two_factor_before_the_admin(probe):
    response = probe["admin_staff_without_mfa"]
    assert response["status"] == 302
    assert "/accounts/2fa/totp/activate/" in response["headers"]["location"]
