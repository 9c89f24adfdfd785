"""Vacancies: open or closed by their deadline at read time, shown in the office's time zone,
and never published without a deadline."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kopuro.newsroom.models import VacancyPage
from kopuro.newsroom.tests import factories as f

BISHKEK = ZoneInfo("Asia/Bishkek")


def test_open_ones_sort_by_nearest_deadline_and_closed_ones_move_to_the_archive(client, newsroom):
    index = newsroom["vacancies"]
    later = f.vacancy(index, position="Later post", closes_in=timedelta(days=20))
    sooner = f.vacancy(index, position="Sooner post", closes_in=timedelta(days=2, hours=1))
    closed = f.vacancy(index, position="Closed post", closes_in=-timedelta(hours=1))

    body = client.get(index.url).content.decode()
    assert body.index("Sooner post") < body.index("Later post")
    assert "Closed post" not in body
    # Counted in calendar days in the office's zone, as a reader counts them.
    days = (sooner.closes_at.astimezone(BISHKEK).date() - timezone.localdate(None, BISHKEK)).days
    assert f"Closes in {days} days" in body and days in (2, 3)
    assert "Closed vacancies (1)" in body

    archive = client.get(index.url + "archive/").content.decode()
    assert "Closed post" in archive and "Sooner post" not in archive

    detail = client.get(closed.url).content.decode()
    assert "This vacancy is closed" in detail
    assert "This vacancy is closed" not in client.get(sooner.url).content.decode()
    assert later.is_open and not closed.is_open


def test_a_vacancy_closes_without_anyone_editing_it(client, newsroom, settings):
    vacancy = f.vacancy(
        newsroom["vacancies"], position="Soon closed", closes_in=timedelta(seconds=1)
    )
    assert vacancy.is_open
    VacancyPage.objects.filter(pk=vacancy.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    assert "Soon closed" not in client.get(newsroom["vacancies"].url).content.decode()


def test_deadline_is_shown_in_the_office_time_zone(client, newsroom, settings):
    settings.TIME_ZONE = "Asia/Bishkek"
    deadline = datetime(2019, 7, 5, 18, 0, tzinfo=BISHKEK)
    vacancy = f.vacancy(newsroom["vacancies"], deadline=deadline)
    body = client.get(vacancy.url).content.decode()
    assert "5 July 2019, 18:00" in body
    assert "Bishkek, UTC+6" in body
    # Machine-readable for the reader's-zone script: the same instant in UTC.
    assert 'datetime="2019-07-05T12:00:00Z"' in body
    assert "newsroom/js/localtime.js" in body


def test_a_vacancy_cannot_be_published_without_a_deadline(newsroom):
    page = VacancyPage(
        title="No deadline",
        slug="no-deadline",
        position="Clerk",
        duty_station="Bishkek",
        apply_email="hr@example.org",
        live=False,
    )
    newsroom["vacancies"].add_child(instance=page)  # a draft without a deadline is fine
    with pytest.raises(ValidationError) as excinfo:
        page.save_revision().publish()
    assert "cannot be published without" in str(excinfo.value)


def test_a_vacancy_needs_a_way_to_apply(newsroom):
    page = VacancyPage(
        title="No way",
        slug="no-way",
        position="Clerk",
        duty_station="Bishkek",
        deadline=timezone.now() + timedelta(days=3),
    )
    with pytest.raises(ValidationError) as excinfo:
        newsroom["vacancies"].add_child(instance=page)
    assert "Say how to apply" in str(excinfo.value)


class TestAdminForm:
    """Through the Wagtail admin, as an editor."""

    def _post(self, client, index, action, **extra):
        data = {
            "title": "Vacancy announcement: Driver",
            "slug": "driver",
            "position": "Driver",
            "grade": "G2",
            "duty_station": "Osh",
            "contract_type": "",
            "posting_date": "",
            "deadline": "",
            "apply_email": "hr@example.org",
            "apply_by_hand": "",
            "apply_url": "",
            "application_documents": "",
            "lead": "",
            "body-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        }
        data.update(extra)
        if action:
            data[action] = "1"
        return client.post(f"/admin/pages/add/newsroom/vacancypage/{index.pk}/", data)

    def test_publishing_without_a_deadline_says_why(self, admin_client, newsroom):
        response = self._post(admin_client, newsroom["vacancies"], "action-publish")
        assert response.status_code == 200
        assert "a vacancy cannot be published without one" in response.content.decode()
        assert not VacancyPage.objects.filter(slug="driver").exists()

    def test_a_draft_may_wait_for_its_deadline(self, admin_client, newsroom):
        response = self._post(admin_client, newsroom["vacancies"], None)
        assert response.status_code == 302
        assert VacancyPage.objects.get(slug="driver").live is False

    def test_typed_deadline_means_office_time(self, admin_client, newsroom, settings):
        settings.TIME_ZONE = "Asia/Bishkek"
        response = self._post(
            admin_client, newsroom["vacancies"], "action-publish", deadline="2030-07-05 18:00"
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        page = VacancyPage.objects.get(slug="driver")
        assert page.live
        assert page.deadline == datetime(2030, 7, 5, 18, 0, tzinfo=BISHKEK)


def test_days_left_counts_calendar_days_in_the_office_zone(newsroom, settings):
    settings.TIME_ZONE = "Asia/Bishkek"
    today = timezone.localdate(None, BISHKEK)
    deadline = datetime.combine(today + timedelta(days=21), time(18, 0), tzinfo=BISHKEK)
    vacancy = f.vacancy(newsroom["vacancies"], closes_in=deadline - timezone.now())
    assert vacancy.days_left == 21  # whatever the hour now, as on a calendar
