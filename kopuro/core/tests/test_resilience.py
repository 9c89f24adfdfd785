"""A lost database answers a clear 503 (kopuro/core/resilience.py), never a 500 or a traceback.

Tested with a database that really cannot be reached: a production process whose DATABASE_URL
names a PostgreSQL port where nothing listens, driven through the whole middleware stack with
Django's test client. `make resilience` does the same under load by stopping a real PostgreSQL.
"""

from __future__ import annotations

import json

import pytest
from django.db import IntegrityError, OperationalError, ProgrammingError

from kopuro.core.resilience import database_unavailable
from kopuro.core.tests.test_production_settings import HOST, production_env, run

PROBE = r"""
import json, warnings
warnings.simplefilter("ignore")
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False, HTTP_HOST="%(host)s")
out = {}
for name, method, path, extra in [
    ("page", "get", "/en/", {}),
    ("news", "get", "/en/news/", {}),
    ("form", "post", "/en/accounts/login/", {"data": {"login": "a@b.org", "password": "x"}}),
    ("healthz", "get", "/healthz", {}),
    ("api", "get", "/api/v1/news/", {}),
    ("api_lang", "get", "/en/api/v1/news/", {}),
    ("json_client", "get", "/en/", {"HTTP_ACCEPT": "application/json"}),
]:
    r = getattr(client, method)(path, secure=True, **extra)
    out[name] = {
        "status": r.status_code,
        "type": r.get("Content-Type", ""),
        "retry_after": r.get("Retry-After"),
        "body": r.content.decode()[:3000],
    }
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("resilience")
    env = production_env(tmp, DATABASE_URL="postgres://kopuro@127.0.0.1:9/kopuro", LOG_LEVEL="INFO")
    result = run(["-c", PROBE % {"host": HOST}], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


@pytest.mark.parametrize("name", ["page", "news", "form"])
def test_pages_and_forms_answer_the_503_page(answers, name):
    answer = answers[0][name]
    assert answer["status"] == 503
    assert answer["type"].startswith("text/html")
    assert answer["retry_after"] == "30"
    assert "Kopuro is briefly unavailable" in answer["body"]
    assert "nothing you sent just now was saved" in answer["body"]
    assert 'lang="ru"' in answer["body"] and 'lang="ky"' in answer["body"]
    assert "Traceback" not in answer["body"]


@pytest.mark.parametrize("name", ["api", "api_lang", "json_client"])
def test_the_api_and_json_clients_get_a_json_503(answers, name):
    answer = answers[0][name]
    assert answer["status"] == 503
    assert answer["type"] == "application/json"
    assert json.loads(answer["body"])["error"] == "database_unavailable"


def test_healthz_says_the_database_is_unavailable(answers):
    answer = answers[0]["healthz"]
    assert answer["status"] == 503
    assert json.loads(answer["body"]) == {"database": "unavailable", "status": "unavailable"}


def test_the_log_has_one_line_per_request_and_no_traceback(answers):
    log = answers[1]
    assert "Traceback" not in log
    assert log.count("(database unavailable:") >= 5


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (OperationalError("connection refused"), True),
        (IntegrityError("duplicate key"), False),
        (ProgrammingError("no such column"), False),
        (ValueError("a bug"), False),
    ],
)
def test_only_a_lost_connection_counts_as_unavailable(exc, expected):
    assert database_unavailable(exc) is expected


def test_a_driver_error_wrapped_in_another_is_recognised():
    import psycopg

    try:
        try:
            raise psycopg.OperationalError("server closed the connection unexpectedly")
        except psycopg.OperationalError as inner:
            raise RuntimeError("while rendering") from inner
    except RuntimeError as outer:
        assert database_unavailable(outer)
