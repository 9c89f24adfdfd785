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
from schemathesis.specs.openapi.checks import ignored_auth

from kopuro.api.api import api
from kopuro.api.tests.conftest import make_opportunities, make_resources
from kopuro.newsroom.tests import factories as nf

pytestmark = pytest.mark.django_db

EXAMPLES = 15  # per operation and mode


@pytest.fixture
def wsgi_app():
    """Django's WSGI app inside the test's transaction: like the test client, keep request
    signals from closing the connection that holds the transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _check(operation, mode, app, sent: Counter, headers: dict) -> None:
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
        excluded = []
        if headers:
            # The member's real token replaces whatever auth schemathesis made up, so its
            # "API accepts invalid authentication" check would misread the 200; bad and missing
            # tokens are tested in test_members.py.
            case.headers = {**(case.headers or {}), **headers}
            excluded = [ignored_auth]
        response = case.call_and_validate(app=app, excluded_checks=excluded)
        sent[(operation.label, mode.value)] += 1
        sent[response.status_code] += 1

    run()


@override_settings(KOPURO_API_ANONYMOUS_PER_MINUTE=100_000)  # hundreds of calls in a minute
def test_every_operation_keeps_to_its_schema(guides, wsgi_app):
    from kopuro.newsroom.services import newsroom_ensure_indexes

    indexes = newsroom_ensure_indexes(home=guides)
    nf.news(indexes["news"], topics=["Labour migration"])
    nf.event(indexes["events"])
    nf.event(indexes["events"], starts_in=-timedelta(days=3))
    nf.vacancy(indexes["vacancies"])
    nf.tender(indexes["tenders"])
    make_resources(2)
    make_opportunities(2)

    # The member endpoints are called as a member with a personal token for every scope, who
    # has a connection and a conversation (anonymous callers only ever get their 401).
    from kopuro.api.models import ApiToken, Scope
    from kopuro.connect import services as connect
    from kopuro.connect.tests.conftest import make_member

    me, other = make_member(residence_country="DE"), make_member(residence_country="DE")
    connection = connect.connection_request(sender=other.user, recipient=me.user, note="Hello")
    connect.connection_accept(connection=connection, by=me.user)
    conversation = connect.conversation_open(sender=other.user, recipient=me.user)
    connect.message_send(conversation=conversation, sender=other.user, body="Salam")
    _row, token = ApiToken.issue(
        user=me.user, name="schemathesis", scopes=Scope.values, per_minute=100_000
    )
    member_headers = {"Authorization": f"Bearer {token}"}

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    operations = [result.ok() for result in schema.get_all_operations()]
    sent: Counter = Counter()
    for operation in operations:
        member = "members" in operation.definition.raw.get("tags", [])
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _check(operation, mode, wsgi_app, sent, member_headers if member else {})
    examples = sum(n for key, n in sent.items() if isinstance(key, tuple))
    statuses = {key: n for key, n in sent.items() if isinstance(key, int)}
    print(f"\nschemathesis: {len(operations)} operations, {examples} examples, {statuses}")
    assert len(operations) == 14
    assert all(sent[(op.label, "positive")] for op in operations)
    assert statuses.get(200) and statuses.get(422), "both valid and invalid requests were sent"
    assert not any(code >= 500 for code in statuses)
