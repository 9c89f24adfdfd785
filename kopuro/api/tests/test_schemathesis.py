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
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.generation import GenerationMode

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


def _check(operation, mode, app, sent: Counter) -> None:
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
        response = case.call_and_validate(app=app)
        sent[(operation.label, mode.value)] += 1
        sent[response.status_code] += 1

    run()


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

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    operations = [result.ok() for result in schema.get_all_operations()]
    sent: Counter = Counter()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _check(operation, mode, wsgi_app, sent)
    examples = sum(n for key, n in sent.items() if isinstance(key, tuple))
    statuses = {key: n for key, n in sent.items() if isinstance(key, int)}
    print(f"\nschemathesis: {len(operations)} operations, {examples} examples, {statuses}")
    assert len(operations) == 9
    assert all(sent[(op.label, "positive")] for op in operations)
    assert statuses.get(200) and statuses.get(422), "both valid and invalid requests were sent"
    assert not any(code >= 500 for code in statuses)
