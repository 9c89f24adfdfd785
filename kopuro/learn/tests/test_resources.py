"""Contributing, checking uploads, moderation (publish / return with a reason), revisions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kopuro.accounts.tests.conftest import jpeg_bytes
from kopuro.connect.models import Notification
from kopuro.core.models import AuditLogEntry
from kopuro.learn import services
from kopuro.learn.models import Resource
from kopuro.learn.tests.conftest import client_for, pdf, resource_post

pytestmark = pytest.mark.django_db


def test_member_contributes_and_it_waits_for_moderation(member, client):
    c = client_for(member)
    response = c.post("/en/resources/contribute/", {**resource_post(), "upload": pdf()})
    assert response.status_code == 302
    r = Resource.objects.get()
    assert r.status == Resource.Status.SUBMITTED and r.file_kind == "pdf"
    assert r.revisions.filter(action="submitted").exists()
    # Not in the library, not for others; visible to the contributor.
    assert "Working in Korea" not in client.get("/en/resources/").content.decode()
    assert client.get(r.get_absolute_url()).status_code == 404
    assert "waiting for moderation" in c.get(r.get_absolute_url()).content.decode()


def test_staff_publish_directly(staff):
    response = client_for(staff).post(
        "/en/resources/contribute/", resource_post(external_url="https://example.org/x")
    )
    assert response.status_code == 302
    assert Resource.objects.get().status == Resource.Status.PUBLISHED


@pytest.mark.parametrize(
    "name,content,message",
    [
        (
            "page.html",
            b"<html><script>alert(1)</script></html>",
            "This kind of file is not accepted",
        ),
        ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "This kind of file is not accepted"),
        ("report.docx", b"%PDF-1.4 a pdf in disguise", "holds a PDF document"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
            "not accepted",
        ),
    ],
)
def test_files_outside_the_allow_list_are_refused(member, name, content, message):
    data = resource_post(title="Kept title")
    response = client_for(member).post(
        "/en/resources/contribute/", {**data, "upload": SimpleUploadedFile(name, content)}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Kept title"' in html  # what was typed is kept
    assert not Resource.objects.exists()


def test_oversize_file_refused(member, settings):
    settings.KOPURO_UPLOAD_MAX_BYTES = 100
    response = client_for(member).post(
        "/en/resources/contribute/", {**resource_post(), "upload": pdf()}
    )
    assert "The file is too large" in response.content.decode()
    assert not Resource.objects.exists()


def test_image_file_is_accepted_and_stripped(member):
    image = SimpleUploadedFile("poster.jpg", jpeg_bytes((200, 100)), content_type="image/jpeg")
    response = client_for(member).post(
        "/en/resources/contribute/", {**resource_post(), "upload": image}
    )
    assert response.status_code == 302
    assert Resource.objects.get().file_kind == "image"


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://example.org/file", "data:text/html,x"]
)
def test_a_link_that_is_not_http_is_refused(member, link):
    response = client_for(member).post(
        "/en/resources/contribute/", resource_post(external_url=link)
    )
    assert "starts with http:// or https://" in response.content.decode()
    assert not Resource.objects.exists()


def test_file_or_link_required_and_course_needs_enrolment(member):
    html = client_for(member).post("/en/resources/contribute/", resource_post()).content.decode()
    assert "Add a file or a link" in html
    html = (
        client_for(member)
        .post("/en/resources/contribute/", resource_post(kind="course", upload=None))
        .content.decode()
    )
    assert "Add the enrolment link" in html
    assert not Resource.objects.exists()


def test_moderator_returns_then_publishes(member, staff, client):
    c = client_for(member)
    c.post("/en/resources/contribute/", {**resource_post(), "upload": pdf()})
    r = Resource.objects.get()
    admin = client_for(staff)
    assert admin.get("/admin/moderation/resources/").status_code == 200
    assert (
        "Working in Korea"
        in admin.get(f"/admin/moderation/resources/inspect/{r.pk}/").content.decode()
    )
    # A return without a reason is refused.
    admin.post(
        f"/admin/moderation/resources/moderate/{r.pk}/", {"decision": "return", "reason": ""}
    )
    r.refresh_from_db()
    assert r.status == Resource.Status.SUBMITTED
    admin.post(
        f"/admin/moderation/resources/moderate/{r.pk}/",
        {"decision": "return", "reason": "Please add the year of the law."},
    )
    r.refresh_from_db()
    assert r.status == Resource.Status.RETURNED
    note = Notification.objects.get(user=member, kind="resource.returned")
    assert "Please add the year of the law." in c.get("/en/notifications/").content.decode()
    assert note.url == f"/en/resources/{r.slug}/edit/"
    # The contributor fixes it: back in the queue.
    response = c.post(
        f"/en/resources/{r.slug}/edit/", resource_post(title="Working in Korea (2024)")
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.status == Resource.Status.SUBMITTED and r.title == "Working in Korea (2024)"
    admin.post(f"/admin/moderation/resources/moderate/{r.pk}/", {"decision": "publish"})
    r.refresh_from_db()
    assert r.status == Resource.Status.PUBLISHED
    assert Notification.objects.filter(user=member, kind="resource.published").exists()
    assert "Working in Korea (2024)" in client.get("/en/resources/").content.decode()
    actions = list(r.revisions.order_by("created_at", "pk").values_list("action", flat=True))
    assert actions == ["submitted", "returned", "resubmitted", "published"]
    assert AuditLogEntry.objects.filter(action="resource.returned").exists()
    # Published: the contributor can no longer change it.
    assert c.get(f"/en/resources/{r.slug}/edit/").status_code == 404


def test_only_moderators_moderate(member):
    r = services.resource_create(
        by=member,
        data={"title": "T", "summary": "S", "kind": "guide", "external_url": "https://e.org"},
    )
    c = client_for(member)
    assert c.post(
        f"/admin/moderation/resources/moderate/{r.pk}/", {"decision": "publish"}
    ).status_code in (302, 403)
    r.refresh_from_db()
    assert r.status == Resource.Status.SUBMITTED


def test_another_member_cannot_edit(member, client):
    from kopuro.accounts.tests.factories import ProfileFactory

    r = services.resource_create(
        by=member,
        data={"title": "T", "summary": "S", "kind": "guide", "external_url": "https://e.org"},
    )
    other = client_for(ProfileFactory().user)
    assert other.get(f"/en/resources/{r.slug}/edit/").status_code == 404
    assert other.post(f"/en/resources/{r.slug}/edit/", resource_post()).status_code == 404
