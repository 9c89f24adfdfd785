"""Procurement notices: a timeline that never runs backwards, where the process stands today, and
clarifications every bidder can read."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kopuro.newsroom.models import TenderPage
from kopuro.newsroom.selectors import tender_timeline
from kopuro.newsroom.services import tender_clarification_publish
from kopuro.newsroom.tests import factories as f

BISHKEK = ZoneInfo("Asia/Bishkek")


def test_a_backwards_timeline_is_refused_with_the_dates_named(newsroom, settings):
    settings.TIME_ZONE = "Asia/Bishkek"
    page = TenderPage(
        title="Backwards",
        slug="backwards",
        announced_on=date(2018, 5, 7),
        questions_deadline=datetime(2018, 5, 20, 23, 59, tzinfo=BISHKEK),
        answers_published_at=datetime(2018, 5, 21, 17, 0, tzinfo=BISHKEK),
        submission_deadline=datetime(2018, 5, 19, 17, 0, tzinfo=BISHKEK),
    )
    with pytest.raises(ValidationError) as excinfo:
        newsroom["tenders"].add_child(instance=page)
    message = excinfo.value.message_dict["submission_deadline"][0]
    assert "submission deadline (19 May 2018, 17:00)" in message
    assert "answers published (21 May 2018, 17:00)" in message


def test_questions_may_close_on_the_day_of_announcement(newsroom):
    f.tender(
        newsroom["tenders"],
        announced_on=date(2018, 5, 7),
        questions_deadline=datetime(2018, 5, 7, 18, 0, tzinfo=BISHKEK),
        answers_published_at=None,
        submission_deadline=datetime(2018, 5, 23, 17, 0, tzinfo=BISHKEK),
    )


def test_the_admin_form_shows_the_backwards_message(admin_client, newsroom):
    from wagtail.test.utils.form_data import rich_text

    data = {
        "title": "RFP",
        "slug": "rfp",
        "reference_number": "",
        "project": "",
        "donor": "",
        "addressed_to": "",
        "selection_method": "qcbs",
        "announced_on": "2018-05-07",
        "questions_deadline": "2018-05-20 23:59",
        "answers_published_at": "2018-05-10 17:00",
        "submission_deadline": "2018-05-23 17:00",
        "lead": "",
        "submission_instructions": rich_text(""),
        "lots-count": "0",
        "body-count": "0",
        "documents-count": "0",
        "clarifications-TOTAL_FORMS": "0",
        "clarifications-INITIAL_FORMS": "0",
        "clarifications-MIN_NUM_FORMS": "0",
        "clarifications-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "1",
    }
    response = admin_client.post(
        f"/admin/pages/add/newsroom/tenderpage/{newsroom['tenders'].pk}/", data
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The timeline runs backwards" in body
    assert not TenderPage.objects.filter(slug="rfp").exists()


def test_the_timeline_shows_where_the_process_stands_today(client, newsroom):
    now = timezone.now()
    tender = f.tender(
        newsroom["tenders"],
        announced_on=timezone.localdate(now - timedelta(days=5)),
        questions_deadline=now - timedelta(days=1),
        answers_published_at=now + timedelta(days=1),
        submission_deadline=now + timedelta(days=3),
    )
    states = [(s["key"], s["state"]) for s in tender_timeline(tender=tender, now=now)]
    assert states == [
        ("announced", "done"),
        ("questions", "done"),
        ("answers", "current"),
        ("submission", "upcoming"),
    ]
    body = client.get(tender.url).content.decode()
    assert "Today the process is at: answers published." in body
    assert 'aria-current="step"' in body


def test_a_closed_tender_says_so_and_moves_to_the_archive(client, newsroom):
    index = newsroom["tenders"]
    closed = f.tender(index, title="Old request", closes_in=-timedelta(days=1))
    f.tender(index, title="Open request")
    assert "Every step has passed" in client.get(closed.url).content.decode()
    listing = client.get(index.url).content.decode()
    assert "Open request" in listing and "Old request" not in listing
    assert "Old request" in client.get(index.url + "archive/").content.decode()


def test_clarifications_are_published_dated_for_every_bidder(client, newsroom):
    tender = f.tender(newsroom["tenders"])
    tender_clarification_publish(
        tender=tender,
        question="May proposals be sent by e-mail?",
        answer="No: by hand, in a sealed envelope.",
        published_on=date(2018, 5, 21),
    )
    body = client.get(tender.url).content.decode()
    assert "May proposals be sent by e-mail?" in body
    assert "No: by hand, in a sealed envelope." in body
    assert "21 May 2018" in body


def test_documents_are_downloads(client, newsroom):
    doc = f.make_document("Section IV. Terms of Reference")
    tender = f.tender(
        newsroom["tenders"],
        documents=[
            (
                "document",
                {"document": doc, "title": "Section IV. Terms of Reference", "description": ""},
            )
        ],
    )
    body = client.get(tender.url).content.decode()
    assert doc.url in body and "Section IV. Terms of Reference" in body
    download = client.get(doc.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
