"""My data: Learn's part of the export, and what account deletion erases."""

import io
import json
import zipfile

import pytest

from kopuro.accounts import services as account_services
from kopuro.learn import services
from kopuro.learn.models import Bookmark, Resource
from kopuro.learn.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_export_and_erasure(member):
    saved = ResourceFactory(title="Saved one")
    services.bookmark_set(user=member, resource=saved, saved=True)
    draft = services.resource_create(
        by=member,
        data={
            "title": "My draft",
            "summary": "S",
            "kind": "guide",
            "external_url": "https://e.org",
        },
    )
    published = services.resource_create(
        by=member,
        data={
            "title": "My published",
            "summary": "S",
            "kind": "guide",
            "external_url": "https://e.org",
        },
    )
    services.resource_publish(resource=published, moderator=None)

    data = json.loads(
        zipfile.ZipFile(io.BytesIO(account_services.account_export(user=member))).read("data.json")
    )
    assert [b["title"] for b in data["learn"]["library"]] == ["Saved one"]
    assert {r["title"] for r in data["learn"]["resources_contributed"]} == {
        "My draft",
        "My published",
    }

    account_services.account_delete(user=member)
    assert not Bookmark.objects.exists()
    assert not Resource.objects.filter(pk=draft.pk).exists()
    assert Resource.objects.filter(pk=published.pk, contributor=member).exists()  # the tombstone
    saved.refresh_from_db()
    assert saved.save_count == 0
