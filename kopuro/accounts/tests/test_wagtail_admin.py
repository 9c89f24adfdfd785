"""The "Members" part of the Wagtail admin: vocabulary terms for editors to keep, and
read-only listings of member profiles and of the audit log."""

import pytest
from django.test import override_settings

from kopuro.accounts.models import Term
from kopuro.accounts.tests.factories import ProfileFactory, UserFactory
from kopuro.core.audit import log_action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

TERMS = "/admin/members/vocabularies/"
PROFILES = "/admin/members/profiles/"
AUDIT = "/admin/members/audit-log/"


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@override_settings(KOPURO_STAFF_MFA_REQUIRED=False)
@pytest.mark.parametrize("url", [TERMS, PROFILES, AUDIT])
def test_editor_sees_each_listing(editor_client, url):
    assert editor_client.get(url).status_code == 200


@override_settings(KOPURO_STAFF_MFA_REQUIRED=False)
def test_members_cannot_open_the_listings(client):
    client.force_login(UserFactory())
    for url in (TERMS, PROFILES, AUDIT):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


@override_settings(KOPURO_STAFF_MFA_REQUIRED=False)
def test_terms_filter_by_vocabulary_search_and_edit(editor_client):
    html = editor_client.get(TERMS + "?vocabulary=language").content.decode()
    assert "Korean" in html and "Renewable energy" not in html
    html = editor_client.get(TERMS + "?q=energ").content.decode()
    assert "Renewable energy" in html and "Korean" not in html

    response = editor_client.post(
        TERMS + "new/",
        {
            "vocabulary": "expertise",
            "slug": "aviation",
            "label_en": "Aviation",
            "label_ru": "Авиация",
            "label_ky": "Авиация",
            "position": "30",
        },
    )
    assert response.status_code == 302
    term = Term.objects.get(slug="aviation")
    assert term.label_ru == "Авиация"

    # The same code twice in one vocabulary is refused with a message.
    response = editor_client.post(
        TERMS + "new/",
        {
            "vocabulary": "expertise",
            "slug": "aviation",
            "label_en": "Aviation again",
            "label_ru": "x",
            "label_ky": "x",
            "position": "31",
        },
    )
    assert response.status_code == 200
    assert Term.objects.filter(slug="aviation").count() == 1

    response = editor_client.post(
        f"{TERMS}edit/{term.pk}/",
        {
            "vocabulary": "expertise",
            "slug": "aviation",
            "label_en": "Aviation and airports",
            "label_ru": "Авиация",
            "label_ky": "Авиация",
            "position": "30",
        },
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.label_en == "Aviation and airports"


@override_settings(KOPURO_STAFF_MFA_REQUIRED=False)
def test_profiles_are_listed_searched_and_filtered_but_not_editable(editor_client):
    ProfileFactory(display_name="Aibek Sultanov", residence_country="KR", in_directory=True)
    ProfileFactory(display_name="Cholpon Imanova", residence_country="TR", in_directory=False)
    gone = ProfileFactory(display_name="Deleted Person")
    gone.user.is_active = False
    gone.user.save()

    html = editor_client.get(PROFILES).content.decode()
    assert "Aibek Sultanov" in html and "Cholpon Imanova" in html
    assert "Deleted Person" not in html
    assert PROFILES + "new/" not in html  # no "add" button
    html = editor_client.get(PROFILES + "?q=cholpon").content.decode()
    assert "Cholpon Imanova" in html and "Aibek Sultanov" not in html
    html = editor_client.get(PROFILES + "?residence_country=KR").content.decode()
    assert "Aibek Sultanov" in html and "Cholpon Imanova" not in html
    html = editor_client.get(PROFILES + "?in_directory=false").content.decode()
    assert "Cholpon Imanova" in html and "Aibek Sultanov" not in html

    profile = ProfileFactory()
    assert editor_client.get(f"{PROFILES}inspect/{profile.pk}/").status_code == 200
    for url in (
        f"{PROFILES}edit/{profile.pk}/",
        f"{PROFILES}delete/{profile.pk}/",
        PROFILES + "new/",
    ):
        assert editor_client.get(url).status_code in (302, 403), url


@override_settings(KOPURO_STAFF_MFA_REQUIRED=False)
def test_audit_log_is_listed_and_read_only(editor_client):
    member = ProfileFactory()
    entry = log_action("account.exported", actor=member.user, target=member.user)
    log_action("tender.published", actor=None)

    html = editor_client.get(AUDIT).content.decode()
    assert "account.exported" in html and "tender.published" in html
    html = editor_client.get(AUDIT + "?action=account.").content.decode()
    assert "account.exported" in html and "tender.published" not in html
    assert editor_client.get(f"{AUDIT}inspect/{entry.pk}/").status_code == 200
    assert editor_client.get(f"{AUDIT}edit/{entry.pk}/").status_code in (302, 403)
    assert editor_client.get(f"{AUDIT}delete/{entry.pk}/").status_code in (302, 403)


@override_settings(KOPURO_STAFF_MFA_REQUIRED=False)
def test_members_menu_in_the_admin(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert "Members" in html
    assert TERMS in html and PROFILES in html and AUDIT in html
