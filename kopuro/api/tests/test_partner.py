"""Partner tokens on /api/v1/partner/…: bound to one organisation, limited to their scopes, acting
only while their account administers the organisation; writes through the site's form and
services (so its rules apply); interest as numbers only."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from kopuro.api.models import ApiToken, Scope
from kopuro.api.tests.conftest import make_opportunities
from kopuro.connect.tests.conftest import make_member
from kopuro.contribute import services
from kopuro.contribute.models import Membership, Opportunity
from kopuro.core.models import AuditLogEntry
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db

BOTH = [Scope.OPPORTUNITIES_READ, Scope.OPPORTUNITIES_WRITE]


def _org(admin, name):
    return services.organisation_create(
        by=admin.user,
        data={"name": name, "kind": "ngo", "description": "Schools.", "countries": ["KG"]},
    )


@pytest.fixture
def admin(db):
    return make_member(display_name="Org Admin")


@pytest.fixture
def org(admin):
    return _org(admin, "Naryn Solar Fund")


@pytest.fixture
def other_org(db):
    return _org(make_member(display_name="Other Admin"), "Osh Water")


def partner(admin, org, scopes=BOTH, **extra) -> dict:
    token = ApiToken.issue(
        user=admin.user, name="crm", kind="partner", scopes=scopes, organisation=org, **extra
    )[1]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def url(org, rest=""):
    slug = getattr(org, "slug", org)
    return f"/api/v1/partner/organisations/{slug}/opportunities{rest}"


def send(client, method, path, body, headers):
    return getattr(client, method)(
        path, data=json.dumps(body), content_type="application/json", **headers
    )


def new(**extra):
    body = {
        "title": "Mentor a village teacher",
        "kind": "mentoring",
        "description": "Two hours a month, online.",
        "sectors": ["renewable-energy"],
        "countries": ["KG"],
        "mode": "remote",
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
    }
    return {**body, **extra}


def test_read_lists_open_and_closed_with_interest_counts_only(client, admin, org, other_org):
    open_, closed = make_opportunities(2, organisation=org)
    closed.withdrawn_at = timezone.now()
    closed.save()
    make_opportunities(1, organisation=other_org)
    for _ in range(2):
        services.interest_express(
            user=make_member().user, opportunity=open_, message="Call me on +996 555 000 111"
        )
    response = client.get(url(org), **partner(admin, org, [Scope.OPPORTUNITIES_READ]))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    by_id = {i["id"]: i for i in body["items"]}
    assert by_id[open_.pk]["interests"] == {
        "total": 2,
        "sent": 2,
        "shortlisted": 0,
        "accepted": 0,
        "declined": 0,
        "withdrawn": 0,
    }
    assert by_id[closed.pk]["open"] is False and by_id[closed.pk]["withdrawn"] is True
    text = response.content.decode()
    assert "+996" not in text and "posted_by" not in text and "email" not in text
    headers = partner(admin, org, [Scope.OPPORTUNITIES_READ])
    assert client.get(url(org), {"status": "open"}, **headers).json()["count"] == 1
    assert client.get(url(org), {"status": "closed"}, **headers).json()["count"] == 1
    one = client.get(url(org, f"/{closed.pk}"), **headers)
    assert one.status_code == 200 and one.json() == by_id[closed.pk]
    # Another organisation's opportunity is not found under one's own organisation.
    theirs = Opportunity.objects.get(organisation=other_org)
    assert client.get(url(org, f"/{theirs.pk}"), **headers).status_code == 404
    assert "public" not in response.get("Cache-Control", "")


def test_write_posts_edits_and_closes_through_the_sites_services(client, admin, org):
    headers = partner(admin, org)
    response = send(client, "post", url(org), new(), headers)
    assert response.status_code == 201, response.content
    created = response.json()
    opp = Opportunity.objects.get(pk=created["id"])
    assert (opp.organisation, opp.posted_by) == (org, admin.user)
    assert created["sectors"] == ["renewable-energy"] and created["open"] is True
    assert AuditLogEntry.objects.filter(action="opportunity.posted").exists()
    # The deadline is the end of that day, as the form makes it.
    assert timezone.localtime(opp.deadline).hour == 23

    edited = send(client, "put", url(org, f"/{opp.pk}"), new(title="Mentor two teachers"), headers)
    assert edited.status_code == 200 and edited.json()["title"] == "Mentor two teachers"
    assert AuditLogEntry.objects.filter(action="opportunity.edited").exists()

    closed = client.post(url(org, f"/{opp.pk}/close"), **headers)
    assert closed.status_code == 200 and closed.json()["open"] is False
    again = client.post(url(org, f"/{opp.pk}/close"), **headers)
    assert again.status_code == 200
    assert AuditLogEntry.objects.filter(action="opportunity.withdrawn").count() == 1
    public = client.get("/api/v1/opportunities").json()
    assert public["count"] == 0


@pytest.mark.parametrize(
    "change,field",
    [
        ({"deadline": "2020-01-01"}, "deadline"),  # the form's own rule: in the future
        ({"sectors": ["no-such-sector"]}, "sectors"),
        ({"countries": ["XX"]}, "countries"),
        ({"countries": ["kg"]}, "countries"),
        ({"sectors": ["energy\u0000"]}, "sectors"),  # PostgreSQL refuses NUL in a query
        ({"title": "Solar\u0000"}, "title"),
        ({"title": ""}, "title"),
        ({"kind": "lottery"}, "kind"),
        ({"description": "x" * 6001}, "description"),
    ],
)
def test_invalid_opportunities_are_422_json_and_nothing_is_stored(
    client, admin, org, change, field
):
    response = send(client, "post", url(org), new(**change), partner(admin, org))
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert any(field in e["loc"] for e in detail), detail
    assert not Opportunity.objects.exists()


def test_scopes_are_checked(client, admin, org):
    opp = make_opportunities(1, organisation=org)[0]
    read_only = partner(admin, org, [Scope.OPPORTUNITIES_READ])
    write_only = partner(admin, org, [Scope.OPPORTUNITIES_WRITE])
    assert client.get(url(org), **read_only).status_code == 200
    for response in (
        send(client, "post", url(org), new(), read_only),
        send(client, "put", url(org, f"/{opp.pk}"), new(), read_only),
        client.post(url(org, f"/{opp.pk}/close"), **read_only),
        client.get(url(org), **write_only),
        client.get(url(org, f"/{opp.pk}"), **write_only),
    ):
        assert response.status_code == 403
        assert "scope" in response.json()["detail"]
    assert Opportunity.objects.get().withdrawn_at is None


def test_a_token_of_organisation_a_is_refused_for_organisation_b(client, admin, org, other_org):
    theirs = make_opportunities(1, organisation=other_org)[0]
    headers = partner(admin, org)
    for response in (
        client.get(url(other_org), **headers),
        client.get(url(other_org, f"/{theirs.pk}"), **headers),
        send(client, "post", url(other_org), new(), headers),
        send(client, "put", url(other_org, f"/{theirs.pk}"), new(), headers),
        client.post(url(other_org, f"/{theirs.pk}/close"), **headers),
        client.get(url("no-such-organisation"), **headers),
    ):
        assert response.status_code == 403, response.status_code
        assert response.json() == {"detail": "This token is for another organisation."}
    # Through its own organisation's path, another's opportunity is simply not there.
    assert client.post(url(org, f"/{theirs.pk}/close"), **headers).status_code == 404
    theirs.refresh_from_db()
    assert theirs.withdrawn_at is None and Opportunity.objects.count() == 1


def test_the_token_stops_when_its_account_no_longer_administers(client, admin, org):
    headers = partner(admin, org)
    Membership.objects.filter(user=admin.user, organisation=org).update(role="member")
    response = client.get(url(org), **headers)
    assert response.status_code == 403 and "no longer" in response.json()["detail"]
    assert send(client, "post", url(org), new(), headers).status_code == 403


def test_who_may_call(client, admin, org, alice):
    personal = ApiToken.issue(user=admin.user, name="me", scopes=Scope.values)[1]
    unbound = ApiToken.issue(user=admin.user, name="old", kind="partner", scopes=BOTH)[1]
    revoked_row, revoked = ApiToken.issue(
        user=admin.user, name="gone", kind="partner", scopes=BOTH, organisation=org
    )
    revoked_row.revoked_at = timezone.now()
    revoked_row.save()
    for headers in (
        {},
        {"HTTP_AUTHORIZATION": f"Bearer {personal}"},
        {"HTTP_AUTHORIZATION": f"Bearer {unbound}"},
        {"HTTP_AUTHORIZATION": f"Bearer {revoked}"},
        {"HTTP_AUTHORIZATION": "Bearer kp_nonsense"},
    ):
        response = client.get(url(org), **headers)
        assert response.status_code == 401 and response.json()["detail"]
    client.force_login(admin.user)  # a session is no integration
    assert client.get(url(org)).status_code == 401
    # And a partner token is no member.
    client.logout()
    response = client.get("/api/v1/me/profile", **partner(admin, org))
    assert response.status_code == 401


def test_a_partner_token_has_its_own_rate_limit(client, admin, org, steady_clock):
    headers = partner(admin, org, per_minute=2)
    statuses = [client.get(url(org), **headers).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_the_list_costs_the_same_for_3_and_30_opportunities(client, admin, org):
    headers = partner(admin, org)

    def more(n):
        made = make_opportunities(n, organisation=org)
        for opp in made[:2]:
            services.interest_express(user=make_member().user, opportunity=opp, message="hi")

    class Authorised:
        def get(self, path, *args, **kwargs):
            return client.get(path, *args, **headers, **kwargs)

    n = assert_queries_constant(Authorised(), url(org) + "?limit=50", more, max_queries=5)
    print(f"partner opportunities: {n} queries")


def test_the_command_binds_a_partner_token_to_an_organisation(admin, org, other_org):
    out = StringIO()
    email = admin.user.email
    call_command(
        "api_token",
        "issue",
        "--email",
        email,
        "--name",
        "CRM",
        "--kind",
        "partner",
        "--organisation",
        org.slug,
        "--scope",
        "opportunities:read",
        stdout=out,
    )
    row = ApiToken.objects.get(name="CRM")
    assert row.organisation == org and row.scopes == ["opportunities:read"]
    assert out.getvalue().strip().startswith("kp_")
    base = ["api_token", "issue", "--email", email, "--name", "x"]
    refused = [
        [*base, "--kind", "partner", "--organisation", other_org.slug],  # not its administrator
        [*base, "--kind", "partner", "--organisation", "nobody"],
        [*base, "--kind", "partner", "--scope", "opportunities:read"],  # scopes, no organisation
        [*base, "--kind", "partner", "--organisation", org.slug, "--scope", "profile:read"],
        [*base, "--organisation", org.slug],  # a personal token has no organisation
        [*base, "--scope", "opportunities:write"],
    ]
    for args in refused:
        with pytest.raises(CommandError):
            call_command(*args, stdout=StringIO())
    call_command(*base, "--kind", "partner", "--organisation", str(org.pk), stdout=StringIO())
    assert ApiToken.objects.filter(organisation=org).count() == 2


def test_members_cannot_give_a_personal_token_partner_scopes(alice_client):
    response = alice_client.post(
        "/en/me/api-tokens/",
        {"name": "sneaky", "scopes": ["opportunities:write"], "expires": "30"},
    )
    assert response.status_code == 200  # the form again, with an error
    assert not ApiToken.objects.exists()
