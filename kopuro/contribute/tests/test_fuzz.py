"""Learn's and Contribute's forms, fuzzed like kopuro/core/tests/test_fuzz.py: never a 500."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from hypothesis import given

from kopuro.accounts.tests.factories import ProfileFactory, UserFactory
from kopuro.contribute import services
from kopuro.contribute.forms import ExpertiseRequestForm, OpportunityForm, OrganisationForm
from kopuro.core.tests.test_fuzz import FUZZ, FormSpec, form_data
from kopuro.learn.forms import ResourceForm

pytestmark = pytest.mark.django_db

MANY = ("languages", "topics", "countries", "sectors", "expertise")


def spec(name, url, form, *, signed_in=True, fixed=None):
    fields = tuple(form.base_fields)
    return FormSpec(
        name,
        url,
        fields,
        signed_in=signed_in,
        many=tuple(f for f in fields if f in MANY),
        fixed=fixed or {},
    )


FORMS = [
    spec("resource", "/en/resources/contribute/", ResourceForm),
    spec("organisation", "/en/organisations/new/", OrganisationForm),
    spec("opportunity", "/en/opportunities/new/", OpportunityForm),
    spec("expertise-request", "/en/expertise/new/", ExpertiseRequestForm),
    FormSpec("interest", "/en/opportunities/{opp}/", ("message",)),
    FormSpec("join", "/en/organisations/{org}/", ("role", "title")),
    FormSpec("responses", "/en/opportunities/{opp}/responses/", ("interest", "action"), text=False),
    FormSpec("expertise-answer", "/en/expertise/{req}/", ("answer", "user", "invite"), text=False),
    FormSpec("my-contributions", "/en/me/contributions/", ("expertise_requests",), text=False),
]


@pytest.fixture
def objects(db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    ProfileFactory(user=staff)
    org = services.organisation_create(
        by=staff, data={"name": "Fuzz Org", "kind": "ngo", "description": "d"}
    )
    opp = services.opportunity_create(
        by=staff, data={"title": "T", "kind": "job", "description": "d", "mode": "remote"}
    )
    req = services.expertise_request_create(
        by=staff, data={"title": "R", "description": "d", "duration": "a week"}
    )
    return {"staff": staff, "org": org.slug, "opp": opp.pk, "req": req.pk}


@pytest.mark.parametrize("spec", FORMS, ids=[s.name for s in FORMS])
@pytest.mark.parametrize("who", ["member", "staff"])
def test_form_never_answers_500(client, objects, spec: FormSpec, who):
    client.force_login(ProfileFactory().user if who == "member" else objects["staff"])
    url = spec.url.format(**objects)

    @FUZZ
    @given(data=form_data(spec))
    def post(data):
        cache.clear()
        response = client.post(url, data)
        assert response.status_code in (200, 302, 404), response.status_code

    post()


@pytest.mark.parametrize("url", ["/en/resources/", "/en/organisations/", "/en/opportunities/"])
def test_list_parameters_never_answer_500(client, url):
    @FUZZ
    @given(
        data=form_data(
            FormSpec(
                "list",
                url,
                (
                    "q",
                    "kind",
                    "topic",
                    "language",
                    "country",
                    "year",
                    "sort",
                    "sector",
                    "mode",
                    "closed",
                    "verified",
                    "page",
                ),
            )
        )
    )
    def get(data):
        assert client.get(url, data).status_code == 200

    get()


@pytest.mark.parametrize("spec", FORMS[:4], ids=[s.name for s in FORMS[:4]])
def test_a_nul_byte_is_refused_not_a_500(client, objects, spec):
    client.force_login(objects["staff"])
    nul = "nul\x00here"
    data = {name: [nul] if name in spec.many else nul for name in spec.fields}
    response = client.post(spec.url.format(**objects), data)
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
