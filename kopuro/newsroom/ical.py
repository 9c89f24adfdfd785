"""iCalendar (RFC 5545) files, written by hand: one event's "add to calendar" file, and a feed of
events and deadlines (vacancies, questions and submissions for procurement notices).

The rules that matter, all from RFC 5545 section 3: lines end in CRLF; a line longer than 75
octets is folded (CRLF and one space), never inside a UTF-8 character; text values escape
backslash, semicolon, comma and newlines; times are written in UTC ("Z"), so no VTIMEZONE
component is needed and every calendar shows them in its reader's own zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

CRLF = "\r\n"
PRODID = "-//Kopuro//Newsroom//EN"


def escape_text(value: str) -> str:
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets (74 after the leading space)."""
    if len(line.encode("utf-8")) <= 75:
        return line
    pieces: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def utc_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent(
    *,
    uid: str,
    start: datetime,
    end: datetime | None,
    summary: str,
    description: str = "",
    location: str = "",
    url: str = "",
    geo: tuple | None = None,
    updated: datetime | None = None,
    all_day_dates: tuple[date, date] | None = None,
) -> list[str]:
    """One VEVENT. `all_day_dates` (first day, last day) makes it a whole-day event."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}",
        f"DTSTAMP:{utc_stamp(updated or timezone.now())}",
    ]
    if all_day_dates is not None:
        first, last = all_day_dates
        # DTEND of a whole-day event is the day after the last one (RFC 5545 3.6.1).
        lines.append(f"DTSTART;VALUE=DATE:{first:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}")
    else:
        lines.append(f"DTSTART:{utc_stamp(start)}")
        if end is not None and end > start:
            lines.append(f"DTEND:{utc_stamp(end)}")
    lines.append(f"SUMMARY:{escape_text(summary)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if geo is not None and None not in geo:
        lines.append(f"GEO:{float(geo[0]):.6f};{float(geo[1]):.6f}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[list[str]], *, name: str = "") -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines.append("METHOD:PUBLISH")
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(event)
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF


def _abs(request, page) -> str:
    return request.build_absolute_uri(page.get_url(request))


def _uid(page, what: str, request) -> str:
    return f"{what}-{page.translation_key}-{page.locale.language_code}@{request.get_host()}"


def event_lines(request, event) -> list[str]:
    url = _abs(request, event)
    location = ", ".join(part for part in (event.venue, event.address) if part)
    description = "\n\n".join(part for part in (event.lead, url) if part)
    return vevent(
        uid=_uid(event, "event", request),
        start=event.start,
        end=event.end,
        summary=event.title,
        description=description,
        location=location,
        url=url,
        geo=(event.latitude, event.longitude),
        updated=event.last_published_at,
        all_day_dates=(
            (event.local_start.date(), (event.local_end or event.local_start).date())
            if event.all_day
            else None
        ),
    )


def deadline_lines(request, page, *, what: str, summary: str, when: datetime) -> list[str]:
    url = _abs(request, page)
    return vevent(
        uid=_uid(page, what, request),
        start=when,
        end=None,
        summary=summary,
        description="\n\n".join(part for part in (page.summary, url) if part),
        url=url,
        updated=page.last_published_at,
    )


def _response(body: str, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_response(request, *, event) -> HttpResponse:
    if not event.start:
        from django.http import Http404

        raise Http404
    body = calendar([event_lines(request, event)], name=event.title)
    return _response(body, filename=f"{event.slug}.ics", attachment=True)


def calendar_response(request, *, index) -> HttpResponse:
    """Every event of this language, with the deadlines of vacancies and procurement notices."""
    from kopuro.newsroom.models import EventPage, TenderPage, VacancyPage
    from kopuro.newsroom.selectors import private_q

    locale = index.locale
    hidden = private_q()
    entries: list[list[str]] = []
    events = (
        EventPage.objects.live()
        .descendant_of(index)
        .filter(start__isnull=False)
        .select_related("locale")
        .defer_streamfields()
        .exclude(hidden)
        .order_by("-start")[:500]
    )
    entries.extend(event_lines(request, event) for event in events)
    vacancies = (
        VacancyPage.objects.live()
        .filter(locale=locale, deadline__isnull=False)
        .select_related("locale")
        .defer_streamfields()
        .exclude(hidden)
        .order_by("-deadline")[:200]
    )
    for vacancy in vacancies:
        entries.append(
            deadline_lines(
                request,
                vacancy,
                what="vacancy-deadline",
                summary=_("Application deadline: %(title)s") % {"title": vacancy.position},
                when=vacancy.deadline,
            )
        )
    tenders = (
        TenderPage.objects.live()
        .filter(locale=locale, submission_deadline__isnull=False)
        .select_related("locale")
        .defer_streamfields()
        .exclude(hidden)
        .order_by("-submission_deadline")[:200]
    )
    for tender in tenders:
        if tender.questions_deadline:
            entries.append(
                deadline_lines(
                    request,
                    tender,
                    what="tender-questions",
                    summary=_("Deadline for questions: %(title)s") % {"title": tender.title},
                    when=tender.questions_deadline,
                )
            )
        entries.append(
            deadline_lines(
                request,
                tender,
                what="tender-submission",
                summary=_("Submission deadline: %(title)s") % {"title": tender.title},
                when=tender.submission_deadline,
            )
        )
    name = _("%(site)s: events and deadlines") % {"site": index.get_parent().title}
    return _response(calendar(entries, name=name), filename="calendar.ics", attachment=False)
