"""Opportunities: posting (for oneself or an organisation), closing by deadline, expressions
of interest and the poster's answers, my contributions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kopuro.connect.models import Notification
from kopuro.contribute import services
from kopuro.contribute.models import Interest, Opportunity
from kopuro.contribute.tests.conftest import client_for, make_member, term_ids
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db


def opp_post(**overrides):
    data = {
        "title": "Mentor a young engineer",
        "kind": "mentoring",
        "description": "Monthly calls for a year.",
        "sectors": term_ids("expertise", "engineering"),
        "countries": ["KG"],
        "mode": "remote",
        "deadline": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }
    data.update(overrides)
    return data


def make_opp(by, **kw):
    data = {"title": "Help", "kind": "volunteering", "description": "D", "mode": "remote"}
    data.update(kw)
    return services.opportunity_create(by=by, data=data)


def test_post_for_myself_and_for_my_organisation(poster, org):
    c = client_for(poster)
    assert c.post("/en/opportunities/new/", opp_post()).status_code == 302
    assert c.post("/en/opportunities/new/", opp_post(organisation=str(org.pk))).status_code == 302
    assert Opportunity.objects.filter(organisation=org).count() == 1


def test_a_non_member_cannot_post_on_behalf(org, applicant):
    response = client_for(applicant).post(
        "/en/opportunities/new/", opp_post(organisation=str(org.pk), title="Kept")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Only an organisation&#x27;s administrators can post on its behalf." in html
    assert 'value="Kept"' in html
    assert not Opportunity.objects.exists()
    with pytest.raises(services.ContributeError):
        services.opportunity_create(
            by=applicant.user,
            data={"title": "x", "kind": "job", "description": "d", "organisation": org},
        )


def test_a_deadline_in_the_past_is_refused(poster):
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client_for(poster).post("/en/opportunities/new/", opp_post(deadline=past))
    assert "The deadline has passed already" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_closes_by_itself_after_the_deadline(client, poster):
    opp = make_opp(poster.user, title="Soon closed", deadline=timezone.now() + timedelta(hours=1))
    assert "Soon closed" in client.get("/en/opportunities/").content.decode()
    Opportunity.objects.filter(pk=opp.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    assert "Soon closed" not in client.get("/en/opportunities/").content.decode()
    assert "Soon closed" in client.get("/en/opportunities/", {"closed": "on"}).content.decode()
    assert "This opportunity is closed." in client.get(opp.get_absolute_url()).content.decode()
    with pytest.raises(services.ContributeError):
        services.interest_express(user=make_member().user, opportunity=opp, message="hi")


def test_interest_shortlist_accept_and_my_contributions(poster, applicant, org):
    opp = make_opp(poster.user, title="School energy audit", organisation=org)
    a = client_for(applicant)
    response = a.post(opp.get_absolute_url(), {"message": "I can measure heat loss."})
    assert response.status_code == 302
    assert Notification.objects.filter(user=poster.user, kind="interest.received").exists()
    # Twice: refused with a clear message, nothing stored twice.
    html = a.post(opp.get_absolute_url(), {"message": "Again"}).content.decode()
    assert "already expressed interest" in html
    assert Interest.objects.count() == 1
    # The poster answers.
    p = client_for(poster)
    html = p.get(f"/en/opportunities/{opp.pk}/responses/").content.decode()
    assert "Helpful Member" in html and "I can measure heat loss." in html
    interest = Interest.objects.get()
    p.post(
        f"/en/opportunities/{opp.pk}/responses/", {"interest": interest.pk, "action": "shortlist"}
    )
    p.post(f"/en/opportunities/{opp.pk}/responses/", {"interest": interest.pk, "action": "accept"})
    interest.refresh_from_db()
    assert interest.status == Interest.Status.ACCEPTED
    kinds = list(
        Notification.objects.filter(user=applicant.user).values_list("data__status", flat=True)
    )
    assert kinds == ["accepted", "shortlisted"]
    html = a.get("/en/me/contributions/").content.decode()
    assert "School energy audit" in html and "Accepted" in html
    assert "is accepted" in a.get("/en/notifications/").content.decode()


def test_only_the_poster_sees_and_answers_responses(poster, applicant):
    opp = make_opp(poster.user)
    services.interest_express(user=applicant.user, opportunity=opp, message="Hello")
    stranger = client_for(make_member())
    assert stranger.get(f"/en/opportunities/{opp.pk}/responses/").status_code == 404
    interest = Interest.objects.get()
    assert (
        stranger.post(
            f"/en/opportunities/{opp.pk}/responses/", {"interest": interest.pk, "action": "accept"}
        ).status_code
        == 404
    )
    interest.refresh_from_db()
    assert interest.status == Interest.Status.SENT


def test_responses_respect_visibility(poster):
    opp = make_opp(poster.user)
    shy = make_member(
        display_name="Shy Helper", headline="Hidden job title", headline_visibility="private"
    )
    services.interest_express(user=shy.user, opportunity=opp, message="Count me in")
    html = client_for(poster).get(f"/en/opportunities/{opp.pk}/responses/").content.decode()
    assert "Shy Helper" in html and "Hidden job title" not in html


def test_withdraw_and_express_again(poster, applicant):
    opp = make_opp(poster.user)
    i = services.interest_express(user=applicant.user, opportunity=opp, message="Hello")
    client_for(applicant).post(f"/en/me/contributions/interest/{i.pk}/withdraw/")
    i.refresh_from_db()
    assert i.status == Interest.Status.WITHDRAWN
    services.interest_express(user=applicant.user, opportunity=opp, message="Back again")
    i.refresh_from_db()
    assert i.status == Interest.Status.SENT and i.message == "Back again"


def test_fitting_members_hear_in_their_digest(poster):
    fits = make_member(expertise=["engineering"])
    other = make_member(expertise=["tourism"])
    opp = make_opp(poster.user)
    opp.sectors.set(term_ids("expertise", "engineering"))
    services.notify_fitting_members("opportunity", opp.pk)
    n = Notification.objects.get(user=fits.user, kind="opportunity.fits")
    assert n.digest_pending
    assert not Notification.objects.filter(user=other.user, kind="opportunity.fits").exists()


def test_list_and_my_contributions_query_budgets(poster, applicant):
    c = client_for(applicant)

    def make(k):
        for _ in range(k):
            opp = make_opp(poster.user)
            opp.sectors.set(term_ids("expertise", "engineering", "health"))
            services.interest_express(user=applicant.user, opportunity=opp, message="yes")

    assert_queries_constant(c, "/en/opportunities/", make)
    assert_queries_constant(c, "/en/me/contributions/", make)
    opp = make_opp(poster.user)

    def respond(k):
        for _ in range(k):
            services.interest_express(user=make_member().user, opportunity=opp, message="yes")

    assert_queries_constant(client_for(poster), f"/en/opportunities/{opp.pk}/responses/", respond)
