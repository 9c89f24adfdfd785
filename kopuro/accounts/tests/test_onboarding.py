"""Onboarding right after sign-up: five short steps, each saved as the member goes, any step
can be skipped, and the last (the photo) finishes it."""

import re

import pytest

from kopuro.accounts.models import Profile, Term
from kopuro.accounts.tests.conftest import jpeg_bytes, upload

pytestmark = pytest.mark.django_db

URL = "/en/me/welcome/"


@pytest.fixture
def newcomer_client(client, bare_member):
    client.force_login(bare_member.user)
    return client


def term_id(vocabulary, slug):
    return str(Term.objects.get(vocabulary=vocabulary, slug=slug).pk)


def test_each_step_saves_and_leads_to_the_next(newcomer_client, bare_member):
    page = newcomer_client.get(URL).content.decode()
    assert "Step 1 of 5" in page
    assert "Welcome! Tell the community who you are" in page

    r = newcomer_client.post(
        URL + "?step=1",
        {
            "display_name": "Bare Member",
            "headline": "Nurse in Novosibirsk",
            "headline_visibility": "public",
            "bio": "Twenty years in paediatrics.",
            "bio_visibility": "members",
        },
    )
    assert r["Location"] == URL + "?step=2"
    page = newcomer_client.get(r["Location"]).content.decode()
    assert "Step 2 of 5" in page
    assert 'name="origin_country"' in page and 'name="headline"' not in page

    r = newcomer_client.post(
        URL + "?step=2",
        {
            "origin_country": "KG",
            "origin_region": "Osh",
            "origin_visibility": "members",
            "residence_country": "RU",
            "residence_city": "Novosibirsk",
            "residence_visibility": "members",
        },
    )
    assert r["Location"] == URL + "?step=3"

    r = newcomer_client.post(
        URL + "?step=3",
        {
            "languages": [term_id("language", "ky"), term_id("language", "ru")],
            "languages_visibility": "public",
            "expertise": [term_id("expertise", "health")],
            "interests": [term_id("expertise", "education")],
            "tags": "paediatrics",
            "expertise_visibility": "public",
            "offers": [term_id("contribution", "mentoring")],
            "seeks": [],
            "offers_visibility": "members",
        },
    )
    assert r["Location"] == URL + "?step=4"

    r = newcomer_client.post(URL + "?step=4", {"in_directory": "on", "photo_visibility": "public"})
    assert r["Location"] == URL + "?step=5"
    page = newcomer_client.get(r["Location"]).content.decode()
    assert "Step 5 of 5" in page and "Add a photo" in page

    r = newcomer_client.post(
        URL + "?step=5", {"photo": upload("me.jpg", jpeg_bytes()), "photo_visibility": "members"}
    )
    assert r["Location"] == "/en/me/"

    p = Profile.objects.get(pk=bare_member.pk)
    assert p.headline == "Nurse in Novosibirsk"
    assert p.bio == "Twenty years in paediatrics."
    assert (p.origin_country.code, p.residence_city) == ("KG", "Novosibirsk")
    assert sorted(t.slug for t in p.languages.all()) == ["ky", "ru"]
    assert [t.slug for t in p.expertise.all()] == ["health"]
    assert [t.name for t in p.tags.all()] == ["paediatrics"]
    assert [t.slug for t in p.offers.all()] == ["mentoring"]
    assert p.in_directory is True
    assert p.photo and p.photo_small
    assert p.photo_visibility == "members"
    assert p.onboarded_at is not None

    dashboard = newcomer_client.get("/en/me/").content.decode()
    assert "Welcome to Kopuro! Your profile is ready." in dashboard


def test_a_step_does_not_touch_fields_of_other_steps(newcomer_client, bare_member):
    newcomer_client.post(
        URL + "?step=1",
        {
            "display_name": "Bare Member",
            "headline": "Hi",
            "headline_visibility": "public",
            "bio_visibility": "members",
        },
    )
    newcomer_client.post(
        URL + "?step=2",
        {"origin_country": "KG", "origin_visibility": "public", "residence_visibility": "members"},
    )
    p = Profile.objects.get(pk=bare_member.pk)
    assert p.headline == "Hi"
    assert p.display_name == "Bare Member"
    assert p.origin_country.code == "KG"


def test_skipping_steps_saves_nothing_and_finishes(newcomer_client, bare_member):
    page = newcomer_client.get(URL + "?step=1").content.decode()
    skip = re.search(r'<a href="([^"]+)">Skip this step</a>', page).group(1)
    assert skip == URL + "?step=2"
    for step in (2, 3, 4):
        page = newcomer_client.get(f"{URL}?step={step}").content.decode()
        assert f"Step {step} of 5" in page
        assert f'href="{URL}?step={step + 1}">Skip this step' in page
    r = newcomer_client.post(URL + "?step=5", {"skip": "1"})
    assert r["Location"] == "/en/me/"
    p = Profile.objects.get(pk=bare_member.pk)
    assert p.onboarded_at is not None
    assert p.headline == "" and not p.photo
    assert p.in_directory is False


def test_bad_input_in_a_step_stays_on_the_step(newcomer_client, bare_member):
    r = newcomer_client.post(
        URL + "?step=1", {"display_name": "Bare Member", "headline": "h" * 121}
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "Step 1 of 5" in html
    assert "Ensure this value has at most 120 characters (it has 121)." in html
    assert "h" * 121 in html
    assert Profile.objects.get(pk=bare_member.pk).headline == ""


def test_bad_photo_in_the_last_step_is_explained(newcomer_client, bare_member):
    r = newcomer_client.post(
        URL + "?step=5", {"photo": upload("x.jpg", b"not really"), "photo_visibility": "public"}
    )
    assert r.status_code == 200
    assert "This file is not an image we can read." in r.content.decode()
    assert Profile.objects.get(pk=bare_member.pk).onboarded_at is None


@pytest.mark.parametrize("step", ["0", "-3", "99", "abc", ""])
def test_odd_step_numbers_do_not_break_the_page(newcomer_client, step):
    r = newcomer_client.get(f"{URL}?step={step}")
    assert r.status_code == 200


def test_onboarding_needs_sign_in(client, db):
    r = client.get(URL)
    assert r.status_code == 302
    assert r["Location"].startswith("/en/accounts/login/?next=")
