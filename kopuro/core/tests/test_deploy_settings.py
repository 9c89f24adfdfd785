"""The production switches in config/settings/base.py: S3-compatible media (django-storages) and
front-end cache purging, each read from the environment in a fresh process, without network.

django-storages builds an object's public URL locally (no request to the storage), so the URL
of a stored file is checked for real.
"""

from __future__ import annotations

import json

import pytest

from kopuro.core.tests.test_production_settings import production_env, run

PROBE = r"""
import json, warnings
warnings.simplefilter("ignore")
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages["default"]
print(json.dumps({
    "storage": settings.STORAGES["default"],
    "class": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "url": default_storage.url("photos/aida.jpg"),
    "img_src": [str(x) for x in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]],
    "frontend_cache": getattr(settings, "WAGTAILFRONTENDCACHE", None),
    "frontend_languages": getattr(settings, "WAGTAILFRONTENDCACHE_LANGUAGES", None),
    "frontend_app": "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS,
}, default=str))
"""

S3 = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "kopuro-media",
    "AWS_ACCESS_KEY_ID": "kopuro",
    "AWS_SECRET_ACCESS_KEY": "not-a-real-secret",
}


def probe(tmp_path, **env) -> dict:
    result = run(["-c", PROBE], production_env(tmp_path, **env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_are_on_local_disk_by_default(tmp_path):
    found = probe(tmp_path)
    assert found["class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["url"] == "/media/photos/aida.jpg"
    assert found["frontend_cache"] is None and not found["frontend_app"]


def test_s3_media_behind_a_public_domain(tmp_path):
    found = probe(tmp_path, **S3, AWS_S3_CUSTOM_DOMAIN="media.kopuro.example.org")
    assert found["class"] == "storages.backends.s3.S3Storage"
    options = found["storage"]["OPTIONS"]
    assert options["bucket_name"] == "kopuro-media"
    assert options["file_overwrite"] is False and options["querystring_auth"] is False
    assert found["url"] == "https://media.kopuro.example.org/media/photos/aida.jpg"
    assert "https://media.kopuro.example.org" in found["img_src"]


def test_s3_compatible_endpoint_with_signed_urls(tmp_path):
    found = probe(
        tmp_path,
        **S3,
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_QUERYSTRING_AUTH="1",
    )
    url = found["url"]
    assert url.startswith("https://s3.example.org/kopuro-media/media/photos/aida.jpg?")
    assert "Signature" in url or "X-Amz-Signature" in url
    assert "https://s3.example.org" in found["img_src"]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "ftp"}, "use local or s3"),
    ],
)
def test_a_wrong_storage_setting_stops_start_up(tmp_path, env, message):
    result = run(["manage.py", "check"], production_env(tmp_path, **env))
    assert result.returncode != 0
    assert message in result.stderr


def test_front_end_cache_purging_is_configured_by_env(tmp_path):
    found = probe(tmp_path, FRONTEND_CACHE_PURGE_URLS="http://127.0.0.1:8080,http://10.0.0.2:8080")
    assert found["frontend_app"]
    assert found["frontend_cache"] == {
        "proxy0": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:8080",
        },
        "proxy1": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://10.0.0.2:8080",
        },
    }
    assert found["frontend_languages"] == ["en", "ru", "ky"]
