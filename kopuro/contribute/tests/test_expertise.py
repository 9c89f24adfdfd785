"""Requests for expertise: who may post, who is proposed and why, invitations and answers."""

import pytest

from kopuro.accounts import services as account_services
from kopuro.connect.models import Notification
from kopuro.contribute import services
from kopuro.contribute.models import ExpertiseMatch
from kopuro.contribute.tests.conftest import client_for, make_member, term_ids
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db


def request_post(org=None, **kw):
    data = {
        "title": "Seismic review of schools",
        "description": "Review 40 assessments.",
        "expertise": term_ids("expertise", "engineering"),
        "languages": term_ids("language", "ru"),
        "duration": "Three weeks",
        "country": "KG",
    }
    if org is not None:
        data["organisation"] = str(org.pk)
    data.update(kw)
    return data


def expert(name, opted_in=True, **kw):
    kw.setdefault("expertise", ["engineering"])
    m = make_member(display_name=name, **kw)
    if opted_in:
        services.contribute_settings_set(user=m.user, expertise_requests=True)
    return m


def test_only_staff_or_organisation_admins_post(poster, org, applicant):
    response = client_for(applicant).post("/en/expertise/new/", request_post(org))
    assert response.status_code == 200  # a plain member: the organisation is not theirs
    assert "administrators" in response.content.decode()
    assert client_for(poster).post("/en/expertise/new/", request_post(org)).status_code == 302


def test_proposals_opted_in_only_with_reasons(poster, org):
    fit = expert("Fitting Engineer", offers=["skills-transfer"], languages=["ru"])
    expert("Not Opted In", opted_in=False)
    expert("Tourism Person", expertise=["tourism"])
    c = client_for(poster)
    c.post("/en/expertise/new/", request_post(org))
    html = c.get(f"/en/expertise/{services.ExpertiseRequest.objects.get().pk}/").content.decode()
    assert "Fitting Engineer" in html
    assert "Works in Engineering and construction, which this request needs" in html
    assert "Offers Knowledge and skills transfer" in html
    assert "Speaks Russian" in html
    assert "Not Opted In" not in html and "Tourism Person" not in html
    assert ExpertiseMatch.objects.get().user == fit.user


@pytest.mark.parametrize("visibility", ["public", "members", "private"])
def test_a_hidden_field_never_leads_to_a_proposal_or_a_reason(poster, org, visibility):
    m = expert("Careful Expert", offers=["mentoring"])
    account_services.profile_update(profile=m, data={"offers_visibility": visibility})
    c = client_for(poster)
    c.post("/en/expertise/new/", request_post(org))
    html = c.get(f"/en/expertise/{services.ExpertiseRequest.objects.get().pk}/").content.decode()
    assert ("Offers Mentoring" in html) == (visibility != "private")
    # Expertise hidden afterwards: the reason (and the proposal) disappears at display time.
    account_services.profile_update(
        profile=m, data={"expertise_visibility": "private", "offers_visibility": "private"}
    )
    html = c.get(f"/en/expertise/{services.ExpertiseRequest.objects.get().pk}/").content.decode()
    assert "Careful Expert" not in html


def test_invite_accept_and_the_requester_sees_it(poster, org):
    m = expert("Invited Engineer")
    c = client_for(poster)
    c.post("/en/expertise/new/", request_post(org))
    req = services.ExpertiseRequest.objects.get()
    # Before being invited, the member has nothing to answer.
    e = client_for(m)
    assert e.post(req.get_absolute_url(), {"answer": "accept"}).status_code == 302
    assert ExpertiseMatch.objects.get().status == "proposed"
    c.post(req.get_absolute_url(), {"invite": "1", "user": [str(m.user_id)]})
    assert Notification.objects.filter(user=m.user, kind="expertise.invited").exists()
    assert "Your invitation" in e.get(req.get_absolute_url()).content.decode()
    e.post(req.get_absolute_url(), {"answer": "accept"})
    assert ExpertiseMatch.objects.get().status == "accepted"
    assert Notification.objects.filter(user=poster.user, kind="expertise.accepted").exists()
    assert "Accepted" in c.get(req.get_absolute_url()).content.decode()
    assert "Seismic review of schools" in e.get("/en/me/contributions/").content.decode()


def test_withdrawing_consent_removes_pending_proposals(poster, org):
    m = expert("Changing Mind")
    client_for(poster).post("/en/expertise/new/", request_post(org))
    client_for(m).post("/en/me/contributions/", {})  # box unticked
    assert not ExpertiseMatch.objects.exists()


def test_a_stranger_sees_no_proposals(poster, org):
    expert("Someone")
    client_for(poster).post("/en/expertise/new/", request_post(org))
    req = services.ExpertiseRequest.objects.get()
    html = client_for(make_member()).get(req.get_absolute_url()).content.decode()
    assert "Members proposed" not in html and "Someone" not in html


def test_request_page_query_budget(poster, org):
    client_for(poster).post("/en/expertise/new/", request_post(org))
    req = services.ExpertiseRequest.objects.get()

    def make(k):
        for _ in range(k):
            expert("E")
        from kopuro.contribute.matching import matches_recompute

        matches_recompute(request=req)

    assert_queries_constant(client_for(poster), req.get_absolute_url(), make, large=12)
