"""Organisations: registering, joining with a role, staff verification, directory and map."""

import pytest

from kopuro.contribute import services
from kopuro.contribute.models import Membership, Organisation
from kopuro.contribute.tests.conftest import client_for, make_member, org_data, term_ids
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db


def test_register_an_organisation_through_the_form(poster):
    c = client_for(poster)
    response = c.post(
        "/en/organisations/new/",
        {
            "name": "Kyrgyz Society of Berlin",
            "kind": "diaspora",
            "description": "Students and families in Berlin.",
            "sectors": term_ids("expertise", "education"),
            "countries": ["DE"],
            "country": "DE",
            "city": "Berlin",
            "website": "https://example.org",
        },
    )
    assert response.status_code == 302
    org = Organisation.objects.get()
    assert (org.latitude, org.longitude) == (52.52, 13.40)  # a map point from the city
    assert Membership.objects.get(organisation=org).role == Membership.Role.ADMIN
    html = c.get(org.get_absolute_url()).content.decode()
    assert "Not verified yet" in html


def test_bad_organisation_input_keeps_what_was_typed(poster):
    response = client_for(poster).post(
        "/en/organisations/new/",
        {"name": "Typed name", "kind": "ngo", "description": "", "website": "javascript:alert(1)"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'value="Typed name"' in html
    assert "starts with http:// or https://" in html
    assert not Organisation.objects.exists()


def test_staff_verify_then_it_shows_verified(org, staff, client):
    admin = client_for(staff)
    assert admin.get(f"/admin/contribute/organisations/inspect/{org.pk}/").status_code == 200
    admin.post(f"/admin/contribute/organisations/verify/{org.pk}/", {"decision": "verify"})
    org.refresh_from_db()
    assert org.is_verified
    assert Membership.objects.get(organisation=org).verified_at is not None
    assert "Verified by the office" in client.get(org.get_absolute_url()).content.decode()
    html = client.get("/en/organisations/", {"verified": "on"}).content.decode()
    assert org.name in html


def test_a_member_cannot_verify(org, poster):
    client_for(poster).post(
        f"/admin/contribute/organisations/verify/{org.pk}/", {"decision": "verify"}
    )
    org.refresh_from_db()
    assert not org.is_verified


def test_join_and_leave(org, applicant):
    c = client_for(applicant)
    c.post(org.get_absolute_url(), {"role": "member", "title": "Volunteer"})
    assert Membership.objects.filter(organisation=org, user=applicant.user, role="member").exists()
    # A plain member cannot edit it or see its members.
    assert c.get(f"/en/organisations/{org.slug}/edit/").status_code == 404
    assert c.get(f"/en/organisations/{org.slug}/members/").status_code == 404
    c.post(org.get_absolute_url(), {"leave": "1"})
    assert not Membership.objects.filter(organisation=org, user=applicant.user).exists()


def test_members_page_respects_visibility(org, poster):
    hidden = make_member(
        display_name="Quiet Joiner", headline="Secret headline", headline_visibility="private"
    )
    services.membership_join(user=hidden.user, organisation=org, role="member")
    html = client_for(poster).get(f"/en/organisations/{org.slug}/members/").content.decode()
    assert "Quiet Joiner" in html and "Secret headline" not in html


def test_directory_filters_and_map_points(client, poster):
    services.organisation_create(by=poster.user, data=org_data(name="In Naryn"))
    services.organisation_create(
        by=poster.user,
        data=org_data(
            name="In Seoul", country="KR", city="Seoul", countries=["KR"], kind="diaspora"
        ),
    )
    html = client.get("/en/organisations/", {"country": "KR"}).content.decode()
    assert "In Seoul" in html and "In Naryn" not in html
    html = client.get("/en/organisations/", {"kind": "ngo"}).content.decode()
    assert "In Naryn" in html and "In Seoul" not in html
    assert 'id="lr-map-points"' in client.get("/en/organisations/").content.decode()


def test_directory_query_budget(client, poster):
    n = 0

    def make(k):
        nonlocal n
        for _ in range(k):
            n += 1
            services.organisation_create(by=poster.user, data=org_data(name=f"Org {n}"))

    assert_queries_constant(client, "/en/organisations/", make)
