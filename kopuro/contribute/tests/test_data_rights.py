"""My data: Contribute's part of the export, and what account deletion erases."""

import io
import json
import zipfile

import pytest

from kopuro.accounts import services as account_services
from kopuro.contribute import services
from kopuro.contribute.models import (
    ContributeSettings,
    ExpertiseMatch,
    Interest,
    Membership,
    Opportunity,
)
from kopuro.contribute.tests.conftest import make_member

pytestmark = pytest.mark.django_db


def test_export_and_erasure(poster, org, applicant):
    opp = services.opportunity_create(
        by=poster.user,
        data={"title": "Help us", "kind": "job", "description": "d", "mode": "remote"},
    )
    services.interest_express(user=applicant.user, opportunity=opp, message="My offer text")
    services.membership_join(
        user=applicant.user, organisation=org, role="member", title="Volunteer"
    )
    services.contribute_settings_set(user=applicant.user, expertise_requests=True)
    mine = services.opportunity_create(
        by=applicant.user,
        data={"title": "Mine", "kind": "event", "description": "d", "mode": "remote"},
    )

    data = json.loads(
        zipfile.ZipFile(io.BytesIO(account_services.account_export(user=applicant.user))).read(
            "data.json"
        )
    )["contribute"]
    assert data["expressions_of_interest"][0]["message"] == "My offer text"
    assert data["memberships"][0]["organisation"] == org.name
    assert data["opportunities_posted"][0]["title"] == "Mine"
    assert data["settings"]["expertise_requests"] is True

    account_services.account_delete(user=applicant.user)
    assert not Interest.objects.filter(user=applicant.user).exists()
    assert not Membership.objects.filter(user=applicant.user).exists()
    assert not ContributeSettings.objects.filter(user=applicant.user).exists()
    assert not ExpertiseMatch.objects.filter(user=applicant.user).exists()
    mine.refresh_from_db()
    assert mine.withdrawn_at is not None and not mine.is_open
    # Other members' things stay.
    assert Opportunity.objects.get(pk=opp.pk).is_open
    assert make_member()  # the site still works for others
