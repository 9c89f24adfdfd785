"""Events: upcoming first, past in an archive, and an .ics that calendars accept."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone

from kopuro.newsroom import ical
from kopuro.newsroom.tests import factories as f

ALMATY = ZoneInfo("Asia/Almaty")


def test_upcoming_first_and_past_in_the_archive(client, newsroom):
    index = newsroom["events"]
    f.event(index, title="Next month", starts_in=timedelta(days=30))
    f.event(index, title="Next week", starts_in=timedelta(days=7))
    f.event(index, title="Last year", starts_in=-timedelta(days=365))
    body = client.get(index.url).content.decode()
    assert body.index("Next week") < body.index("Next month") < body.index("Last year")
    assert body.index("Coming up") < body.index("Past events")
    assert "Last year" in client.get(index.url + "archive/").content.decode()


def test_an_event_happening_now_is_still_coming_up(client, newsroom):
    f.event(newsroom["events"], title="Happening now", starts_in=-timedelta(hours=1), hours=3)
    body = client.get(newsroom["events"].url).content.decode()
    assert body.index("Happening now") < body.index("Subscribe")
    assert "Past events" not in body


def test_event_times_are_shown_in_the_event_zone(client, newsroom):
    event = f.event(
        newsroom["events"],
        start=datetime(2018, 4, 18, 9, 0, tzinfo=ALMATY),
        end=datetime(2018, 4, 18, 17, 0, tzinfo=ALMATY),
        time_zone="Asia/Almaty",
    )
    body = client.get(event.url).content.decode()
    assert "18 April 2018, 09:00" in body and "Almaty" in body
    assert "openstreetmap.org/?mlat=42.874600" in body


def _parse(body: bytes) -> icalendar.Calendar:
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")  # CRLF only
    for line in body.split(b"\r\n"):
        assert len(line) <= 75, line  # folded
    return icalendar.Calendar.from_ical(body)


def test_add_to_calendar_file_parses(client, newsroom):
    event = f.event(
        newsroom["events"],
        title="Workshop; with, commas \\ and a very long title that must be folded across several lines in the file — ü",
        start=datetime(2018, 4, 18, 9, 0, tzinfo=ALMATY),
        end=datetime(2018, 4, 19, 17, 0, tzinfo=ALMATY),
        venue="Holiday Inn Almaty",
        lead="Line one.\nLine two.",
    )
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    cal = _parse(response.content)
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == datetime(2018, 4, 18, 9, 0, tzinfo=ALMATY)
    assert vevent.decoded("DTEND") == datetime(2018, 4, 19, 17, 0, tzinfo=ALMATY)
    assert "Line one.\nLine two." in str(vevent["DESCRIPTION"])
    assert str(vevent["LOCATION"]).startswith("Holiday Inn Almaty")
    assert vevent["URL"] == "http://testserver" + event.url
    assert "GEO" in vevent


def test_an_all_day_event_uses_dates(client, newsroom):
    event = f.event(
        newsroom["events"],
        start=datetime(2017, 4, 5, 0, 0, tzinfo=ZoneInfo("Asia/Bishkek")),
        end=datetime(2017, 4, 6, 23, 59, tzinfo=ZoneInfo("Asia/Bishkek")),
        all_day=True,
    )
    (vevent,) = _parse(client.get(event.url + "ics/").content).walk("VEVENT")
    assert str(vevent.decoded("DTSTART")) == "2017-04-05"
    assert str(vevent.decoded("DTEND")) == "2017-04-07"  # the day after the last one
    assert "5–6 April 2017" in client.get(event.url).content.decode()


def test_calendar_feed_has_events_and_deadlines(client, newsroom):
    f.event(newsroom["events"], title="A workshop")
    f.vacancy(newsroom["vacancies"], position="Driver")
    f.tender(newsroom["tenders"], title="A request")
    response = client.get(newsroom["events"].url + "calendar/")
    assert response.status_code == 200
    summaries = {str(e["SUMMARY"]) for e in _parse(response.content).walk("VEVENT")}
    assert summaries == {
        "A workshop",
        "Application deadline: Driver",
        "Deadline for questions: A request",
        "Submission deadline: A request",
    }
    uids = [str(e["UID"]) for e in _parse(response.content).walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "ж" * 100
    folded = ical.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in pieces)
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line
    assert ical.escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_photo_story_slideshow_works_without_javascript(client, newsroom):
    story = f.photo_story(newsroom["events"], photos=3)
    body = client.get(story.url).content.decode()
    assert body.count('class="nr-slide"') == 3
    for n in (1, 2, 3):
        assert f'id="photo-{n}"' in body and f'href="#photo-{n}"' in body
    assert 'tabindex="0"' in body  # the strip scrolls with the arrow keys
    assert "A. Winner" in body and "© Test" in body
    assert timezone.now()  # no clock assumption beyond "it runs"


def test_an_event_links_back_to_the_news_about_it(client, newsroom):
    event = f.event(newsroom["events"], title="Workshop on safe migration")
    link = {"label": "The workshop", "page": event, "url": "", "description": ""}
    f.news(newsroom["news"], title="A release about the workshop", body=[("link", link)])
    draft = f.news(newsroom["news"], title="A withdrawn release", body=[("link", link)])
    draft.unpublish()
    f.news(newsroom["news"], title="An unrelated release")

    body = client.get(event.url).content.decode()
    assert "In the news" in body
    assert "A release about the workshop" in body
    assert "A withdrawn release" not in body and "An unrelated release" not in body


def test_an_event_nobody_wrote_about_has_no_news_section(client, newsroom):
    event = f.event(newsroom["events"])
    assert "In the news" not in client.get(event.url).content.decode()
