"""Schemathesis over every operation of the API's OpenAPI schema, against the WSGI app: no
server error, and every answer (200 or 4xx) matches the schema (status code, content type,
body). Positive examples (valid parameters) and negative ones (invalid parameters, which must be
refused with a documented 4xx). Bounded: a few examples per operation and mode."""

from collections import Counter
from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from kopuro.api.api import api
from kopuro.api.tests.conftest import make_opportunities, make_resources
from kopuro.newsroom.tests import factories as nf

pytestmark = pytest.mark.django_db

EXAMPLES = 15  # per operation and mode
MODES = ("positive", "negative")
# Rules no JSON Schema states, which a schema-valid body can break (answered 422 with `detail`,
# and that answer is still checked against the schema): an event within the last 60 days, a
# deadline in the future, sectors that exist. The same list is in scripts/api_fuzz.py.
BUSINESS_RULES = {
    "POST /api/v1/terminal/events",
    "POST /api/v1/partner/organisations/{slug}/opportunities",
    "PUT /api/v1/partner/organisations/{slug}/opportunities/{id}",
}


@pytest.fixture
def wsgi_app():
    """Django's WSGI app inside the test's transaction: like the test client, keep request
    signals from closing the connection that holds the transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _check(operation, mode, app, sent: Counter, headers: dict, real: dict) -> None:
    """`headers`: a real token for the operation's kind of caller; `real`: path parameters of
    items that exist, put in every other positive example (the rest stay random, mostly 404s)."""
    made = Counter()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        excluded = [positive_data_acceptance] if operation.label in BUSINESS_RULES else []
        if headers:
            # The real token replaces whatever auth schemathesis made up, so its "API accepts
            # invalid authentication" check would misread the 200; bad and missing tokens are
            # tested in test_members.py, test_terminal.py and test_partner.py.
            case.headers = {**(case.headers or {}), **headers}
            excluded.append(ignored_auth)
        made["n"] += 1
        if real and mode == GenerationMode.POSITIVE and made["n"] % 2:
            case.path_parameters = {
                **(case.path_parameters or {}),
                **{k: v for k, v in real.items() if k in (case.path_parameters or {})},
            }
        response = case.call_and_validate(app=app, excluded_checks=excluded)
        sent[(operation.label, mode.value)] += 1
        sent[response.status_code] += 1
        sent[(operation.label, response.status_code)] += 1

    run()


# Hundreds of calls in a minute.
@override_settings(KOPURO_API_ANONYMOUS_PER_MINUTE=100_000, KOPURO_API_TERMINAL_PER_MINUTE=100_000)
def test_every_operation_keeps_to_its_schema(guides, wsgi_app):
    from kopuro.newsroom.services import newsroom_ensure_indexes

    indexes = newsroom_ensure_indexes(home=guides)
    news = nf.news(indexes["news"], topics=["Labour migration"])
    event = nf.event(indexes["events"])
    nf.event(indexes["events"], starts_in=-timedelta(days=3))
    vacancy = nf.vacancy(indexes["vacancies"])
    tender = nf.tender(indexes["tenders"])
    resource = make_resources(2)[0]
    opportunity = make_opportunities(2)[0]

    # The member endpoints are called as a member with a personal token for every scope, who
    # has a connection and a conversation (anonymous callers only ever get their 401).
    from kopuro.api.models import PARTNER_SCOPES, PERSONAL_SCOPES, ApiToken
    from kopuro.connect import services as connect
    from kopuro.connect.tests.conftest import make_member

    me, other = make_member(residence_country="DE"), make_member(residence_country="DE")
    connection = connect.connection_request(sender=other.user, recipient=me.user, note="Hello")
    connect.connection_accept(connection=connection, by=me.user)
    conversation = connect.conversation_open(sender=other.user, recipient=me.user)
    connect.message_send(conversation=conversation, sender=other.user, body="Salam")
    _row, token = ApiToken.issue(
        user=me.user, name="schemathesis", scopes=PERSONAL_SCOPES, per_minute=100_000
    )
    member_headers = {"Authorization": f"Bearer {token}"}

    # The terminal endpoints with a real terminal's token; the partner endpoints with a partner
    # token of an organisation its account administers (its slug in every other positive case).
    from kopuro.contribute import services as contribute
    from kopuro.infodesk.models import Terminal
    from kopuro.infodesk.services import terminal_issue_token

    terminal = Terminal.objects.create(
        code="FUZZ-1", name="Fuzz", place="Hall", region="Chui", languages="ky,ru,en"
    )
    terminal_headers = {
        "Authorization": f"Terminal FUZZ-1:{terminal_issue_token(terminal=terminal)}"
    }
    organisation = contribute.organisation_create(
        by=me.user, data={"name": "Fuzz Fund", "kind": "ngo", "description": "Tests."}
    )
    owned = make_opportunities(1, organisation=organisation)[0]
    _row, partner_token = ApiToken.issue(
        user=me.user,
        name="partner",
        kind="partner",
        scopes=PARTNER_SCOPES,
        organisation=organisation,
        per_minute=100_000,
    )
    partner_headers = {"Authorization": f"Bearer {partner_token}"}
    # Items that exist, for every other positive example of the detail endpoints.
    real_items = {
        "/news/{id}": {"id": news.pk},
        "/events/{id}": {"id": event.pk},
        "/vacancies/{id}": {"id": vacancy.pk},
        "/tenders/{id}": {"id": tender.pk},
        "/guides/{key}": {"key": "russia"},
        "/resources/{slug}": {"slug": resource.slug},
        "/organisations/{slug}": {"slug": opportunity.organisation.slug},
        "/opportunities/{id}": {"id": opportunity.pk},
        "/members/{handle}": {"handle": other.handle},
    }

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    operations = [result.ok() for result in schema.get_all_operations()]
    sent: Counter = Counter()
    for operation in operations:
        tags = operation.definition.raw.get("tags", [])
        headers = {}
        real = real_items.get(operation.path.removeprefix("/api/v1"), {})
        if "members" in tags:
            headers = member_headers
        elif "terminals" in tags:
            headers = terminal_headers
        elif "partners" in tags:
            headers, real = partner_headers, {"slug": organisation.slug, "id": owned.pk}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _check(operation, mode, wsgi_app, sent, headers, real)
    examples = sum(n for key, n in sent.items() if isinstance(key, tuple) and key[1] in MODES)
    statuses = {key: n for key, n in sent.items() if isinstance(key, int)}
    print(f"\nschemathesis: {len(operations)} operations, {examples} examples, {statuses}")
    answered = {
        label: sorted(
            key[1]
            for key in sent
            if isinstance(key, tuple) and key[0] == label and key[1] not in MODES
        )
        for label in {op.label for op in operations}
    }
    print("\n".join(f"  {label}: {codes}" for label, codes in sorted(answered.items())))
    assert len(operations) == 30
    assert all(sent[(op.label, "positive")] for op in operations)
    assert statuses.get(200) and statuses.get(422), "both valid and invalid requests were sent"
    assert not any(code >= 500 for code in statuses)
    # Each kind of caller got through: a terminal, a partner, a member, an item by its id.
    for label in (
        "POST /api/v1/terminal/heartbeat",
        "GET /api/v1/terminal/manifest",
        "GET /api/v1/partner/organisations/{slug}/opportunities",
        "GET /api/v1/me/profile",
        "GET /api/v1/resources/{slug}",
    ):
        assert 200 in answered[label], (label, answered[label])
