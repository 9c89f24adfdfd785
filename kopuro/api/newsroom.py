"""News, events, vacancies and tenders: the newsroom's public listings, read through
kopuro.newsroom.selectors (the same live, public pages and open/closed rules as the site)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.http import Http404
from django.utils import translation
from ninja import Path, Query, Router, Schema

from kopuro.api.common import (
    ANY,
    LANG,
    LIMIT,
    OFFSET,
    SLUG_PATTERN,
    Lang,
    PageMeta,
    detail_responses,
    paginate,
    responses,
)
from kopuro.newsroom import selectors
from kopuro.newsroom.models import (
    EventIndexPage,
    NewsIndexPage,
    NewsKind,
    TenderIndexPage,
    VacancyIndexPage,
)

router = Router(tags=["newsroom"])

ID = Path(..., ge=1, le=2**31 - 1, description="The page's id.")
NewsKindValue = Literal[tuple(NewsKind.values)]  # type: ignore[valid-type]


def _index(model, lang: str):
    return model.objects.live().filter(locale__language_code=lang).first()


def _url(page, request) -> str:
    return request.build_absolute_uri(page.get_url(request) or "/")


class TopicOut(Schema):
    slug: str
    name: str


class NewsOut(Schema):
    id: int
    title: str
    url: str
    kind: str
    kind_label: str
    date: date
    dateline_place: str
    lead: str
    topics: list[TopicOut]


class NewsList(PageMeta):
    items: list[NewsOut]


@router.get(
    "/news", response=responses(NewsList), summary="News: press releases, statements, stories"
)
def news(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    kind: NewsKindValue | None = ANY,
    topic: str | None = Query(None, pattern=SLUG_PATTERN, description="A topic's slug."),
    year: int | None = Query(None, ge=1900, le=2999),
):
    with translation.override(lang):
        index = _index(NewsIndexPage, lang)
        if index is None:
            return {**paginate([], limit=limit, offset=offset)[0], "items": []}
        filters = selectors.NewsFilters(kind=kind or "", year=year, topic=topic or "")
        meta, pages = paginate(
            selectors.news_list(index=index, filters=filters), limit=limit, offset=offset
        )
        selectors.with_localized_topics(pages, index.locale)
        return {**meta, "items": [news_item(p, request) for p in pages]}


def news_item(p, request) -> dict:
    return {
        "id": p.pk,
        "title": p.title,
        "url": _url(p, request),
        "kind": p.kind,
        "kind_label": str(p.get_kind_display()),
        "date": p.date,
        "dateline_place": p.dateline_place,
        "lead": p.lead,
        "topics": [{"slug": t.slug, "name": t.name} for t in p.topic_list],
    }


@router.get(
    "/news/{id}",
    response=detail_responses(NewsOut),
    summary="One news item (live and public in the language asked for)",
)
def news_one(request, id: int = ID, lang: Lang = LANG):
    with translation.override(lang):
        index = _index(NewsIndexPage, lang)
        page = selectors.news_list(index=index).filter(pk=id).first() if index else None
        if page is None:
            raise Http404
        selectors.with_localized_topics([page], index.locale)
        return news_item(page, request)


class EventOut(Schema):
    id: int
    title: str
    url: str
    lead: str
    start: datetime | None
    end: datetime | None
    all_day: bool
    time_zone: str
    venue: str
    address: str
    registration_url: str


class EventList(PageMeta):
    items: list[EventOut]


@router.get("/events", response=responses(EventList), summary="Events, upcoming (default) or past")
def events(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    when: Literal["upcoming", "past"] = Query("upcoming"),
):
    with translation.override(lang):
        index = _index(EventIndexPage, lang)
        if index is None:
            return {**paginate([], limit=limit, offset=offset)[0], "items": []}
        select = selectors.events_upcoming if when == "upcoming" else selectors.events_past
        meta, pages = paginate(select(index=index), limit=limit, offset=offset)
        return {**meta, "items": [event_item(p, request) for p in pages]}


def event_item(p, request) -> dict:
    return {
        "id": p.pk,
        "title": p.title,
        "url": _url(p, request),
        "lead": p.lead,
        "start": p.start,
        "end": p.end,
        "all_day": p.all_day,
        "time_zone": p.time_zone,
        "venue": p.venue,
        "address": p.address,
        "registration_url": p.registration_url,
    }


@router.get(
    "/events/{id}",
    response=detail_responses(EventOut),
    summary="One event, upcoming or past",
)
def event(request, id: int = ID, lang: Lang = LANG):
    with translation.override(lang):
        index = _index(EventIndexPage, lang)
        page = _one(index, (selectors.events_upcoming, selectors.events_past), id)
        return event_item(page, request)


def _one(index, selects, pk: int):
    """The live, public page `pk` as one of the index's listings has it, else 404."""
    for select in selects if index is not None else ():
        page = select(index=index).filter(pk=pk).first()
        if page is not None:
            return page
    raise Http404


class VacancyOut(Schema):
    id: int
    title: str
    url: str
    position: str
    grade: str
    duty_station: str
    contract_type: str
    posting_date: date | None
    deadline: datetime | None


class VacancyList(PageMeta):
    items: list[VacancyOut]


@router.get(
    "/vacancies", response=responses(VacancyList), summary="Vacancies, open (default) or closed"
)
def vacancies(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    status: Literal["open", "closed"] = Query("open"),
):
    return _deadline_listing(request, VacancyIndexPage, VacancyOut, lang, limit, offset, status)


class TenderOut(Schema):
    id: int
    title: str
    url: str
    reference_number: str
    project: str
    donor: str
    selection_method: str
    announced_on: date | None
    questions_deadline: datetime | None
    submission_deadline: datetime | None


class TenderList(PageMeta):
    items: list[TenderOut]


@router.get(
    "/tenders", response=responses(TenderList), summary="Procurement notices, open or closed"
)
def tenders(
    request,
    lang: Lang = LANG,
    limit: int = LIMIT,
    offset: int = OFFSET,
    status: Literal["open", "closed"] = Query("open"),
):
    return _deadline_listing(request, TenderIndexPage, TenderOut, lang, limit, offset, status)


@router.get(
    "/vacancies/{id}",
    response=detail_responses(VacancyOut),
    summary="One vacancy, open or closed",
)
def vacancy(request, id: int = ID, lang: Lang = LANG):
    return _deadline_item(request, VacancyIndexPage, VacancyOut, lang, id)


@router.get(
    "/tenders/{id}",
    response=detail_responses(TenderOut),
    summary="One procurement notice, open or closed",
)
def tender(request, id: int = ID, lang: Lang = LANG):
    return _deadline_item(request, TenderIndexPage, TenderOut, lang, id)


def _deadline_fields(p, schema, request) -> dict:
    fields = [f for f in schema.model_fields if f not in ("id", "title", "url")]
    return {"id": p.pk, "title": p.title, "url": _url(p, request)} | {
        f: getattr(p, f) for f in fields
    }


def _deadline_item(request, index_model, schema, lang, pk):
    with translation.override(lang):
        index = _index(index_model, lang)
        selects = [
            getattr(selectors, index_model.open_selector),
            getattr(selectors, index_model.closed_selector),
        ]
        return _deadline_fields(_one(index, selects, pk), schema, request)


def _deadline_listing(request, index_model, schema, lang, limit, offset, status):
    """Vacancies or tenders: the index's own open or closed selector (DeadlineIndexPage names
    them), one page of it, each item with the fields its schema lists."""
    with translation.override(lang):
        index = _index(index_model, lang)
        if index is None:
            return {**paginate([], limit=limit, offset=offset)[0], "items": []}
        name = index_model.open_selector if status == "open" else index_model.closed_selector
        meta, pages = paginate(getattr(selectors, name)(index=index), limit=limit, offset=offset)
        return {**meta, "items": [_deadline_fields(p, schema, request) for p in pages]}
