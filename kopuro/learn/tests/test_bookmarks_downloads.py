"""My library (bookmarks) and download counts without cookies."""

import pytest

from kopuro.core.testing import assert_queries_constant
from kopuro.learn.models import Bookmark, Resource
from kopuro.learn.tests.conftest import client_for, pdf
from kopuro.learn.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_save_and_unsave(member):
    r = ResourceFactory(title="Keep me")
    c = client_for(member)
    assert c.post(f"/en/resources/{r.slug}/save/", {"save": "1"}).status_code == 302
    assert c.post(f"/en/resources/{r.slug}/save/", {"save": "1"}).status_code == 302  # twice: once
    r.refresh_from_db()
    assert r.save_count == 1 and Bookmark.objects.count() == 1
    assert "Keep me" in c.get("/en/me/library/").content.decode()
    htmx = c.post(f"/en/resources/{r.slug}/save/", {"save": "0"}, headers={"HX-Request": "true"})
    assert b'aria-pressed="false"' in htmx.content
    r.refresh_from_db()
    assert r.save_count == 0


def test_saving_needs_sign_in_and_a_published_resource(client, member):
    r = ResourceFactory()
    response = client.post(f"/en/resources/{r.slug}/save/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    draft = ResourceFactory(status=Resource.Status.SUBMITTED)
    assert client_for(member).post(f"/en/resources/{draft.slug}/save/").status_code == 404


def test_download_counted_once_within_the_window(client, settings, member):
    from django.core.files.base import ContentFile

    from kopuro.learn.demo import pdf_bytes

    r = ResourceFactory(external_url="")
    r.file.save("guide.pdf", ContentFile(pdf_bytes("x")), save=True)
    url = f"/en/resources/{r.slug}/download/"
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Disposition"].startswith("attachment")
    assert not first.cookies  # no cookie set to count
    client.get(url)  # a reload
    r.refresh_from_db()
    assert r.download_count == 1
    client.get(url, HTTP_USER_AGENT="another browser")  # another reader
    r.refresh_from_db()
    assert r.download_count == 2


def test_download_of_a_link_redirects(client):
    r = ResourceFactory(external_url="https://example.org/video")
    response = client.get(f"/en/resources/{r.slug}/download/")
    assert response.status_code == 302 and response["Location"] == "https://example.org/video"


def test_my_library_query_budget(member):
    c = client_for(member)

    def make(n):
        for r in ResourceFactory.create_batch(n, topics=["health"]):
            Bookmark.objects.create(user=member, resource=r)

    assert_queries_constant(c, "/en/me/library/", make)


def test_uploaded_file_downloads(member, staff):
    c = client_for(staff)
    from kopuro.learn.tests.conftest import resource_post

    c.post("/en/resources/contribute/", {**resource_post(), "upload": pdf()})
    r = Resource.objects.get()
    response = c.get(f"/en/resources/{r.slug}/download/")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
