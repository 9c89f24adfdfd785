"""Staff views: fleet, tokens shown once, reach dashboard with charts and CSV, permissions."""

import json
import uuid

import pytest
from django.utils import timezone

from kopuro.infodesk.models import Terminal

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="boss@example.org", password="x-123456789"
    )
    client.force_login(user)
    return client


def send(client, terminal, events):
    body = {"batch": str(uuid.uuid4()), "events": events}
    return client.post(
        f"/kiosk/api/{terminal.code}/events",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {terminal.plain_token}",
    )


def test_fleet_shows_online_offline_and_stale(staff, terminal, client):
    other = Terminal.objects.create(
        code="OSH-1", name="Osh", place="Hall", region="Osh", latitude=40.5, longitude=72.8
    )
    Terminal.objects.filter(pk=other.pk).update(
        last_seen_at=timezone.now() - timezone.timedelta(hours=3), content_version="old.ky"
    )
    Terminal.objects.filter(pk=terminal.pk).update(
        last_seen_at=timezone.now(), latitude=42.8, longitude=74.6
    )
    html = staff.get("/admin/infodesk/fleet/").content.decode()
    assert "FRU-TEST" in html and "OSH-1" in html
    assert "online" in html and "offline since" in html and "stale content" in html
    assert "<svg" in html


def test_token_is_shown_once_and_replaces_the_old_one(staff, terminal):
    old = terminal.plain_token
    response = staff.post(f"/admin/infodesk/terminals/{terminal.pk}/token/")
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    terminal.refresh_from_db()
    assert not terminal.token_matches(old)
    token = html.split('id="token" type="text" readonly value="')[1].split('"')[0]
    assert terminal.token_matches(token)
    assert token not in staff.get("/admin/infodesk/fleet/").content.decode()


def test_revoke_from_the_fleet(staff, terminal):
    response = staff.post(f"/admin/infodesk/terminals/{terminal.pk}/revoke/")
    assert response.status_code == 302
    terminal.refresh_from_db()
    assert not terminal.has_token


def test_reach_dashboard_shows_real_counts_and_csv(staff, terminal):
    at = timezone.now().isoformat()
    send(
        staff,
        terminal,
        [
            {"type": "session", "at": at, "lang": "ky"},
            {"type": "session", "at": at, "lang": "ru"},
            {"type": "view", "at": at, "lang": "ky", "topic": "trafficking", "section": "signs"},
            {
                "type": "helpful",
                "at": at,
                "lang": "ky",
                "topic": "trafficking",
                "section": "signs",
                "helpful": True,
            },
        ],
    )
    html = staff.get("/admin/infodesk/reach/").content.decode()
    assert 'id="total-sessions">2<' in html
    assert "trafficking" in html and "100%" in html and "<svg" in html
    csv = staff.get("/admin/infodesk/reach/?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().splitlines()
    assert lines[0].startswith("day,source,topic")
    assert any("FRU-TEST,trafficking,signs,ky,0,1,1,0" in line for line in lines)


def test_reach_dashboard_survives_bad_dates(staff):
    assert (
        staff.get("/admin/infodesk/reach/?start=yesterday&end=2026-99-99&terminal=x").status_code
        == 200
    )


def test_reach_dashboard_queries_do_not_grow(staff, terminal):
    from kopuro.core.testing import assert_queries_constant
    from kopuro.infodesk.models import DailyReach

    def more(n):
        for _ in range(n):
            i = DailyReach.objects.count()
            DailyReach.objects.create(
                day=timezone.localdate(),
                source=f"T{i}",
                topic=f"t{i}",
                language="ky",
                sessions=1,
                views=1,
            )

    assert_queries_constant(staff, "/admin/infodesk/reach/", more)


def test_non_staff_cannot_see_the_fleet(client, django_user_model):
    user = django_user_model.objects.create_user(email="m@example.org", password="x-123456789")
    client.force_login(user)
    assert client.get("/admin/infodesk/fleet/").status_code in (302, 403)
    assert client.get("/admin/infodesk/reach/").status_code in (302, 403)


def test_home_page_figure_people_informed(client, guides, terminal):
    from kopuro.infodesk.selectors import infodesk_section

    assert infodesk_section(viewer=None) == {}
    at = timezone.now().isoformat()
    send(client, terminal, [{"type": "session", "at": at, "lang": "ky"}] * 6)
    figures = infodesk_section(viewer=None)["informed"]
    assert figures["count"] == 6 and figures["since"] == timezone.localdate()
    # …and the home page says it, in the reader's language.
    from django.core.cache import cache

    cache.clear()
    home = client.get("/en/").content.decode()
    assert "<strong>6</strong> people informed since" in home
    assert "<strong>6</strong> адам" in client.get("/ky/").content.decode()
