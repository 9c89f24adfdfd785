"""The staff dashboard: who may see it, the weekly figures, CSV, the date range, queries."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from kopuro.accounts.tests.factories import UserFactory
from kopuro.connect.tests.conftest import make_member
from kopuro.core.testing import assert_queries_constant
from kopuro.insights import dashboard
from kopuro.insights.dashboard import Series, register_metric

pytestmark = pytest.mark.django_db
URL = "/admin/insights/dashboard/"


def client_for(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def staff():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def staff_client(staff):
    return client_for(staff)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_member_without_admin_access_is_refused(client):
    response = client_for(make_member().user).get(URL)
    assert response.status_code in (302, 403)
    assert b"Insights dashboard" not in response.content


def test_admin_access_without_staff_is_forbidden():
    editor = UserFactory(is_staff=False)
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    # Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and a
    # "no permission" message.
    response = client_for(editor).get(URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = client_for(editor).get(URL, follow=True)
    assert b'id="table-members"' not in response.content


def test_staff_and_superusers_see_it(staff_client):
    response = staff_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("members", "connect", "learn", "contribute", "expertise", "reach"):
        assert f'id="table-{key}"' in html
    assert "<svg" in html
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert client_for(admin).get(URL).status_code == 200


def test_the_menu_shows_it_to_staff_only(staff_client):
    assert b"/admin/insights/dashboard/" in staff_client.get("/admin/").content  # sidebar JSON
    editor = UserFactory(is_staff=False)
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    assert b"/admin/insights/dashboard/" not in client_for(editor).get("/admin/").content


def test_new_members_per_week_and_no_names(staff_client):
    for _i in range(3):
        make_member(display_name="Zarina Unique-Name")
    html = staff_client.get(URL).content.decode()
    assert "Unique-Name" not in html
    table = html.split('id="table-members"', 1)[1].split("</table>", 1)[0]
    # Three members and the staff user joined; the staff user signed in (force_login).
    assert "<td>4</td><td>1</td>" in table.split("<tfoot>", 1)[1]


def test_csv_has_one_row_per_series_and_week(staff_client):
    make_member()
    make_member()
    today = timezone.localdate()
    start = today - timedelta(days=13)
    response = staff_client.get(
        URL,
        {
            "start": start.isoformat(),
            "end": today.isoformat(),
            "metric": "members",
            "format": "csv",
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["metric", "series", "week_start", "week_end", "count"]
    weeks = dashboard.weeks_between(start, today)
    assert len(rows) == 1 + 2 * len(weeks)  # new and active, per week
    new = [r for r in rows[1:] if r[1] == "new"]
    assert sum(int(r[4]) for r in new) == 3  # two members and the staff user
    assert {r[0] for r in rows[1:]} == {"members"}


def test_csv_of_everything(staff_client):
    response = staff_client.get(URL, {"format": "csv"})
    metrics = {r[0] for r in list(csv.reader(io.StringIO(response.content.decode())))[1:]}
    assert {"members", "connect", "learn", "contribute", "expertise", "reach"} <= metrics


@pytest.mark.parametrize(
    "query,message",
    [
        ({"start": "2025-13-40"}, "Enter a valid date."),
        ({"start": "2025-03-01", "end": "2025-01-01"}, "on or before the end date"),
        ({"start": "2020-01-01", "end": "2025-01-01"}, "at most two years"),
    ],
)
def test_a_bad_range_is_a_clear_error_not_a_500(staff_client, query, message):
    response = staff_client.get(URL, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and 'id="range-fallback"' in html
    assert f'value="{query["start"]}"' in html  # what was typed is kept
    csv_response = staff_client.get(URL, {**query, "format": "csv"})
    assert csv_response["Content-Type"].startswith("text/html")


def test_a_registered_metric_is_shown(staff_client):
    register_metric(
        "test_metric",
        "Things counted",
        [Series("things", "Things", lambda s, e: {s: 7})],
    )
    try:
        html = staff_client.get(URL).content.decode()
        assert 'id="table-test_metric"' in html and "Things counted" in html
    finally:
        dashboard._REGISTRY.pop("test_metric")


def test_the_dashboard_costs_the_same_queries_with_10_or_100_members(staff_client):
    assert_queries_constant(
        staff_client,
        URL,
        lambda n: [make_member() for _ in range(n)],
        small=10,
        large=100,
        max_queries=60,
    )


def test_survey_responses_per_week(staff_client):
    from kopuro.insights.models import Response
    from kopuro.insights.tests.survey_helpers import make_survey

    survey = make_survey()
    now = timezone.now()
    for _i in range(3):
        Response.objects.create(survey=survey, language="en", consent_at=now)
    Response.objects.create(
        survey=survey, language="en", consent_at=now, submitted_at=now - timedelta(weeks=30)
    )
    response = staff_client.get(URL, {"metric": "surveys", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))[1:]
    assert {r[0] for r in rows} == {"surveys"}
    assert sum(int(r[4]) for r in rows) == 3  # the old one is outside the last 12 weeks


def test_terminal_reach_comes_from_the_infodesk_figures(staff_client):
    from kopuro.infodesk.models import DailyReach

    today = timezone.localdate()
    DailyReach.objects.create(day=today, source="web", sessions=0, views=9)
    DailyReach.objects.create(day=today, source="osh-01", sessions=4, views=6)
    response = staff_client.get(URL, {"metric": "reach", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))[1:]
    totals = {}
    for r in rows:
        totals[r[1]] = totals.get(r[1], 0) + int(r[4])
    assert totals == {"sessions": 4, "views": 15}
