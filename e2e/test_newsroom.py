"""Journeys through the newsroom: a vacancy, a press release in two languages, a procurement
notice's clarifications and an event in a calendar.

The demo content (kopuro/newsroom/demo_content.py) is what the office published, all of it in
the past, plus three samples dated relative to the day the demo was loaded (an open vacancy, a
request for quotations under way and an event coming up; kopuro/newsroom/demo.py), so the
journeys read dates from the page rather than hard-coding today's.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from playwright.sync_api import Page, expect

from e2e.support.steps import download, heading, nav_item, switch_language

OFFICE = ZoneInfo("Asia/Bishkek")
READER = ZoneInfo("Europe/Moscow")  # three hours behind the office
PHONE = {"width": 360, "height": 740}
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _utc(stamp: str) -> datetime:
    """A `<time datetime="2026-12-20T12:00:00Z">` value as an aware datetime."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _office_time(when: datetime) -> str:
    local = when.astimezone(OFFICE)
    return f"{local.day} {local:%B %Y, %H:%M} (Bishkek, UTC+6)"


def _closes_in(deadline: datetime) -> set[str]:
    """What "closes in N days" says: the calendar days left in the office's zone (a journey that
    runs across midnight in Bishkek may see the next day's count)."""
    counts = set()
    for now in (datetime.now(UTC), datetime.now(UTC) + timedelta(minutes=2)):
        counts.add((deadline.astimezone(OFFICE).date() - now.astimezone(OFFICE).date()).days)
    return {f"Closes in {n} day{'s' if n != 1 else ''}" for n in counts}


def _deadline(page: Page, label: str = "Deadline"):
    """The "Deadline" fact of a vacancy (a <dd> after its <dt>)."""
    return page.locator(f"dt:text-is('{label}') + dd")


def test_reader_finds_an_open_vacancy_downloads_its_terms_and_sees_the_deadline(new_page, tmp_path):
    page = new_page(timezone_id="Europe/Moscow")
    page.goto("/en/")
    nav_item(page, "link", "Vacancies").click()
    expect(heading(page)).to_have_text("Vacancies")

    # The open list, nearest deadline first, each with "closes in N days".
    open_list = page.get_by_role("region", name="Open vacancies")
    first = open_list.get_by_role("listitem").first
    stamp = first.locator("time[data-local-time]").get_attribute("datetime")
    deadline = _utc(stamp)
    assert deadline > datetime.now(UTC), f"the first open vacancy closed at {deadline}"
    badge = first.get_by_text(re.compile(r"^Closes (today|in \d+ days?)$"))
    expect(badge).to_be_visible()
    assert badge.inner_text() in _closes_in(deadline), badge.inner_text()
    expect(first).to_contain_text(_office_time(deadline))
    position = first.get_by_role("heading", level=2).inner_text()

    first.get_by_role("link", name=position).click()
    expect(heading(page)).to_contain_text(position)
    expect(page.get_by_text("This vacancy is closed")).to_have_count(0)

    # The deadline in the office's zone, and (added by the page's script) in the reader's own.
    deadline_fact = _deadline(page)
    expect(deadline_fact).to_contain_text(_office_time(deadline))
    expect(deadline_fact).to_contain_text(re.compile(r"Closes (today|in \d+ days?)"))
    reader = deadline.astimezone(READER)
    reader_time = deadline_fact.locator(".nr-yourtime")
    # Written like the office's time: day, month, year and a 24-hour clock.
    expect(reader_time).to_have_text(
        re.compile(rf"^\W*{reader.day} {reader:%B %Y}(,| at) {reader:%H:%M} \(your time\)$")
    )
    assert reader.hour != deadline.astimezone(OFFICE).hour  # the reader's time is really another

    # The terms of reference arrive as a real PDF with a name worth keeping.
    name, data = download(page, page.get_by_role("link", name="Terms of reference"), tmp_path)
    assert re.fullmatch(r"[A-Za-z0-9][\w.-]*\.pdf", name), name
    assert name not in ("download.pdf", "document.pdf"), name
    assert data.startswith(b"%PDF-1."), data[:16]
    assert data.rstrip().endswith(b"%%EOF"), data[-16:]
    xref_at = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data).group(1))
    assert data[xref_at : xref_at + 4] == b"xref", "startxref does not point at the xref table"
    assert re.search(rb"/Title \((?:[^)\\]|\\.)*Terms of Reference\)", data), "no title in the PDF"

    # The same page as the office's readers see it: only the office's zone.
    home = new_page(timezone_id="Asia/Bishkek")
    home.goto(page.url)
    expect(_deadline(home)).to_contain_text(_office_time(deadline))
    expect(_deadline(home).locator(".nr-yourtime")).to_have_count(0)


def test_reader_without_javascript_sees_the_deadline_in_the_office_time_zone(new_page, tmp_path):
    page = new_page(javascript=False, timezone_id="Europe/Moscow")
    page.goto("/en/vacancies/")
    first = page.get_by_role("region", name="Open vacancies").get_by_role("listitem").first
    position = first.get_by_role("heading", level=2).inner_text()
    first.get_by_role("link", name=position).click()
    expect(heading(page)).to_contain_text(position)
    expect(_deadline(page)).to_contain_text("(Bishkek, UTC+6)")
    expect(page.locator(".nr-yourtime")).to_have_count(0)  # nothing pretends to know the zone
    name, data = download(page, page.get_by_role("link", name="Terms of reference"), tmp_path)
    assert name.endswith(".pdf") and data.startswith(b"%PDF-"), name

    # In Russian the office's zone is named in Russian too.
    switch_language(page, "Русский")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(heading(page)).to_have_text(CYRILLIC)
    expect(_deadline(page, "Крайний срок")).to_contain_text("(Бишкек, UTC+6)")


def test_reader_switches_a_press_release_to_russian(page):
    page.goto("/en/news/")
    expect(heading(page)).to_have_text("News")
    release = (
        page.get_by_role("article").filter(has=page.get_by_text("Press release", exact=True)).first
    )
    title = release.get_by_role("heading", level=2).inner_text()
    release.get_by_role("link", name=title).click()
    expect(heading(page)).to_have_text(title)
    address = re.sub(r"^https?://[^/]+", "", page.url)
    assert address.startswith("/en/news/"), address
    dateline = page.locator(".nr-dateline time")
    english_dateline = dateline.text_content().strip()  # e.g. "BISHKEK, 13 June 2017"
    issued = dateline.get_attribute("datetime")
    assert re.fullmatch(r"[A-Z ]+, \d{1,2} [A-Z][a-z]+ \d{4}", english_dateline), english_dateline

    switch_language(page, "Русский")
    # The Russian translation of the same release, not the Russian home page.
    expect(page).to_have_url(re.compile(re.escape(address.replace("/en/", "/ru/", 1)) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(heading(page)).to_have_text(CYRILLIC)
    assert heading(page).inner_text() != title
    expect(page.get_by_text("Пресс-релиз", exact=True)).to_be_visible()
    expect(dateline).to_have_attribute("datetime", issued)
    day, year = issued[8:].lstrip("0"), issued[:4]
    expect(dateline).to_have_text(re.compile(rf"^[А-ЯЁ ]+, {day} [а-яё]+ {year}$"))
    expect(page.locator(".nr-untranslated")).to_have_count(0)  # a translation, not an alias

    switch_language(page, "English")
    expect(page).to_have_url(re.compile(re.escape(address) + "$"))
    expect(heading(page)).to_have_text(title)


def _check_timeline(page: Page) -> list[datetime]:
    """The timeline's four steps in order, each passed or to come as today says; one step marked
    current while the process runs. Returns the steps' moments."""
    timeline = page.get_by_role("list", name="Timeline")
    steps = timeline.get_by_role("listitem")
    expect(steps).to_have_count(4)
    labels = [s.locator(".nr-timeline__label").inner_text() for s in steps.all()]
    assert labels == [
        "Announcement",
        "Deadline for questions",
        "Answers published",
        "Submission deadline",
    ], labels
    whens = [
        _utc(t) if t.endswith("Z") else datetime.fromisoformat(t).replace(tzinfo=OFFICE)
        for t in (s.locator("time").get_attribute("datetime") for s in steps.all())
    ]
    assert whens == sorted(whens), f"the timeline runs backwards: {whens}"
    now = datetime.now(UTC)
    for step, when in zip(steps.all(), whens, strict=True):
        expect(step).to_contain_text("passed" if when <= now else re.compile("next|to come"))
    if whens[-1] <= now:
        expect(page.get_by_text("Every step has passed: this request is closed.")).to_be_visible()
        expect(timeline.locator("[aria-current='step']")).to_have_count(0)
    else:
        expect(timeline.locator("[aria-current='step']")).to_have_count(1)
    expect(steps.last).to_contain_text(_office_time(whens[-1]))
    return whens


def _check_clarifications(page: Page) -> None:
    """Questions and the office's answers, each dated."""
    clarifications = page.get_by_role("region", name="Clarifications")
    expect(clarifications).to_be_visible()
    qa = clarifications.locator(".nr-qa").first
    expect(qa.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    expect(qa.locator("time")).to_have_text(re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$"))
    expect(qa).to_contain_text(re.compile(r"Question:\s*\S.+\?"))
    expect(qa).to_contain_text(re.compile(r"Answer:\s*\S"))


def test_reader_finds_a_tenders_clarifications_on_a_phone(new_page):
    page = new_page(**PHONE)
    page.goto("/en/")
    nav_item(page, "link", "Tenders").click()
    expect(heading(page)).to_have_text("Procurement notices")

    # The demo's sample request for quotations is under way: it takes proposals today.
    taking = page.get_by_role("region", name="Taking proposals")
    notice = taking.get_by_role("article").first
    expect(notice.get_by_text(re.compile(r"^Closes (today|in \d+ days?)$"))).to_be_visible()
    title = notice.get_by_role("heading", level=2).inner_text()
    notice.get_by_role("link", name=title).click()
    expect(heading(page)).to_have_text(title)
    _check_clarifications(page)
    whens = _check_timeline(page)
    assert whens[0] <= datetime.now(UTC) < whens[-1], "the sample should be under way"

    # The office's 2018 request for proposals is in the archive, every step behind it.
    page.go_back()
    page.get_by_role("link", name=re.compile(r"Closed notices \(\d+\)")).click()
    expect(heading(page)).to_have_text("Closed procurement notices")
    notice = page.get_by_role("article").first
    expect(notice).to_contain_text("Closed")
    title = notice.get_by_role("heading", level=2).inner_text()
    notice.get_by_role("link", name=title).click()
    expect(heading(page)).to_have_text(title)
    _check_clarifications(page)
    whens = _check_timeline(page)
    assert whens[-1] < datetime.now(UTC)


def _parse_calendar(data: bytes) -> icalendar.Calendar:
    """Parse an iCalendar file, after the checks a lenient parser skips (RFC 5545 3.1)."""
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n"), text[:40]
    assert text.endswith("END:VCALENDAR\r\n"), text[-40:]
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines), "a bare LF or CR"
    too_long = [line for line in lines if len(line.encode("utf-8")) > 75]
    assert not too_long, too_long
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID"), dict(calendar)
    for event in calendar.walk("VEVENT"):
        assert event.get("UID") and event.get("DTSTAMP") and event.get("SUMMARY"), event
        start = event.decoded("DTSTART")
        if isinstance(start, datetime):
            raw = event["DTSTART"].to_ical().decode()
            assert raw.endswith("Z") or "TZID" in event["DTSTART"].params, raw
    return calendar


def test_reader_adds_an_event_to_their_calendar(page, tmp_path):
    page.goto("/en/events/")
    expect(heading(page)).to_have_text("Events")
    # An event with a time of day (not a whole-day one): the 2017 exhibition opening.
    past = page.get_by_role("region", name="Past events")
    event = past.get_by_role("article").filter(has_text=re.compile(r", \d\d:\d\d")).first
    title = event.get_by_role("heading", level=2).inner_text()
    event.get_by_role("link", name=title).click()
    expect(heading(page)).to_have_text(title)
    when = page.locator("dt:text-is('When') + dd time").first
    starts = _utc(when.get_attribute("datetime"))
    expect(when).to_contain_text("(Bishkek, UTC+6)")

    name, data = download(page, page.get_by_role("link", name="Add to calendar"), tmp_path)
    assert name.endswith(".ics") and name != ".ics", name
    calendar = _parse_calendar(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1, events
    (vevent,) = events
    assert str(vevent["SUMMARY"]) == title
    assert vevent.decoded("DTSTART") == starts
    assert str(vevent["URL"]).endswith(re.sub(r"^https?://[^/]+", "", page.url))
    uid = str(vevent["UID"])

    # The events page's iCalendar feed has the same event (same UID) and the vacancy deadlines.
    page.goto("/en/events/")
    feed = page.get_by_role("link", name=re.compile("Subscribe to events and deadlines"))
    response = page.request.get(feed.get_attribute("href"))
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("text/calendar"), response.headers
    feed_events = _parse_calendar(response.body()).walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in feed_events}
    assert len(by_uid) == len(feed_events), "two events share a UID"
    assert str(by_uid[uid]["SUMMARY"]) == title
    assert by_uid[uid].decoded("DTSTART") == starts
    summaries = [str(e["SUMMARY"]) for e in feed_events]
    assert any(s.startswith("Application deadline:") for s in summaries), summaries
