"""My data: download everything as one archive, and delete the account for good."""

import io
import json
import os
import zipfile

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail

from kopuro.accounts import services
from kopuro.accounts.models import Consent, Profile, Term, User
from kopuro.accounts.tests.conftest import jpeg_bytes, upload
from kopuro.accounts.tests.factories import TEST_PASSWORD, ProfileFactory
from kopuro.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db

EXPORT_URL = "/en/me/data/export/"
DELETE_URL = "/en/me/delete/"


def test_my_data_page_offers_both(member_client):
    html = member_client.get("/en/me/data/").content.decode()
    assert "Download my data" in html
    assert f'action="{EXPORT_URL}"' in html
    assert f'href="{DELETE_URL}"' in html


def test_export_is_a_zip_with_everything(member_client, member):
    services.consent_record(user=member.user, version="2026-11")
    services.profile_update(
        profile=member,
        data={
            "expertise": [Term.objects.get(vocabulary="expertise", slug="health")],
            "tags": ["first aid"],
        },
    )
    services.profile_set_photo(profile=member, upload=upload("me.jpg", jpeg_bytes()))
    member.refresh_from_db()

    response = member_client.post(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="kopuro-my-data-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert "data.json" in names and "README.txt" in names
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == member.user.email
    assert data["account"]["email_addresses"] == [
        {"email": member.user.email, "verified": True, "primary": True}
    ]
    assert data["consents"][0]["kind"] == "terms"
    assert data["consents"][0]["version"] == "2026-11"
    profile = data["profile"]
    assert profile["display_name"] == member.display_name
    assert profile["handle"] == member.handle
    assert profile["headline"] == member.headline
    assert profile["residence_city"] == "Moscow"
    assert profile["origin_country"] == "KG"
    assert profile["expertise"] == ["health"]
    assert profile["tags"] == ["first aid"]
    assert profile["in_directory"] is True
    assert profile["bio_visibility"] == "members"
    photo_name = profile["photo"]
    assert photo_name in names
    assert archive.read(photo_name) == member.photo.read()
    # The export itself is recorded.
    assert AuditLogEntry.objects.filter(action="account.exported", actor=member.user).exists()


def test_export_without_photo(member_client, member):
    response = member_client.post(EXPORT_URL)
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "photo" not in json.loads(archive.read("data.json"))["profile"]
    assert not [n for n in archive.namelist() if n.startswith("files/")]


def test_export_needs_post(member_client):
    assert member_client.get(EXPORT_URL).status_code == 405


def test_export_needs_sign_in(client, db):
    for response in (client.get(EXPORT_URL), client.post(EXPORT_URL)):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


def test_delete_page_says_what_happens(member_client, member):
    html = member_client.get(DELETE_URL).content.decode()
    assert "This cannot be undone." in html
    assert member.user.email in html


@pytest.mark.parametrize("typed", ["", "someone@else.org", "member"])
def test_wrong_confirmation_deletes_nothing(member_client, member, typed):
    response = member_client.post(DELETE_URL, {"confirm_email": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "This does not match. Type your e-mail address exactly as shown." in html
        or "This field is required." in html
    )
    assert f'value="{typed}"' in html or typed == ""
    user = User.objects.get(pk=member.user.pk)
    assert user.is_active
    assert Profile.objects.filter(pk=member.pk).exists()
    assert not AuditLogEntry.objects.filter(action="account.deleted").exists()


def test_delete_account_erases_personal_data(
    member_client, member, site, django_capture_on_commit_callbacks
):
    user = member.user
    old_email = user.email
    services.consent_record(user=user)
    services.profile_set_photo(profile=member, upload=upload("me.jpg", jpeg_bytes()))
    member.refresh_from_db()
    photo_paths = [member.photo.path, member.photo_small.path]
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(DELETE_URL, {"confirm_email": f"  {old_email.upper()} "})

    assert response.status_code == 302
    landing = member_client.get(response["Location"], follow=True)
    assert "Your account is deleted. Your personal data is erased." in landing.content.decode()
    assert not landing.wsgi_request.user.is_authenticated

    user.refresh_from_db()
    assert user.is_active is False
    assert user.email != old_email and user.email.endswith("@deleted.invalid")
    assert not user.has_usable_password()
    assert user.deleted_at is not None
    assert user.last_login is None
    assert not Profile.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(email__iexact=old_email).exists()
    assert not Consent.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert not any(os.path.exists(p) for p in photo_paths)
    entry = AuditLogEntry.objects.get(action="account.deleted")
    assert entry.target_id == str(user.pk)
    # The audit entry itself holds no personal data.
    assert old_email not in json.dumps(entry.data) and old_email not in entry.actor_label

    # The old profile address is gone, and the member cannot sign in any more.
    assert member_client.get(f"/en/members/{member.handle}/").status_code == 404
    login = member_client.post(
        "/en/accounts/login/", {"login": old_email, "password": TEST_PASSWORD}
    )
    assert login.status_code == 200
    assert not login.wsgi_request.user.is_authenticated


def test_old_email_can_sign_up_again(client, site, member):
    old_email = member.user.email
    services.account_delete(user=member.user)
    mail.outbox.clear()
    pw = "another-Long-passphrase-99"
    response = client.post(
        "/en/accounts/signup/",
        {
            "display_name": "Back Again",
            "email": old_email,
            "password1": pw,
            "password2": pw,
            "accept_terms": "on",
        },
    )
    assert response.status_code == 302
    new_user = User.objects.get(email=old_email)
    assert new_user.pk != member.user.pk
    assert new_user.profile.display_name == "Back Again"
    assert len(mail.outbox) == 1


def test_content_keeps_pointing_at_the_tombstone(member):
    """Other apps keep foreign keys to the user row: deletion must not cascade them away."""
    user = member.user
    pk = user.pk
    services.account_delete(user=user)
    assert User.objects.filter(pk=pk).exists()


def test_delete_needs_sign_in(client, db):
    response = client.post(DELETE_URL, {"confirm_email": "x@example.org"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_two_members_export_only_their_own(client):
    a, b = ProfileFactory(), ProfileFactory()
    client.force_login(a.user)
    data = json.loads(
        zipfile.ZipFile(io.BytesIO(client.post(EXPORT_URL).content)).read("data.json")
    )
    assert data["account"]["email"] == a.user.email
    assert b.user.email not in json.dumps(data)


def test_export_when_the_photo_file_is_gone(member_client, member):
    services.profile_set_photo(profile=member, upload=upload("me.jpg", jpeg_bytes()))
    member.refresh_from_db()
    os.remove(member.photo.path)
    response = member_client.post(EXPORT_URL)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["missing_files"] == [data["profile"]["photo"]]
    assert data["profile"]["photo"] not in archive.namelist()


def test_deletion_runs_every_registered_erasure(member):
    """Apps that keep personal data erase it through the registry, inside the same deletion."""
    from kopuro.accounts import export

    erased = []

    def erase(user):
        erased.append((user.pk, Profile.objects.filter(user=user).exists()))

    export.register_erasure(erase)
    try:
        services.account_delete(user=member.user)
    finally:
        export._erasures.remove(erase)
    assert erased == [(member.user.pk, False)]
