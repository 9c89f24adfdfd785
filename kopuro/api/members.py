"""Member endpoints: my profile, the member directory, a member's profile, my connections and my
conversations, for a signed-in session or a personal token (kopuro/api/auth.py).

They read through the same selectors as the pages, so a field shows only as its visibility lets
the asking member see it, blocked and held members are left out, and the directory filters and
orders exactly as /members/ does.
"""

from __future__ import annotations

from datetime import datetime

from django.core.paginator import Paginator
from django.utils import translation
from ninja import Query, Router, Schema

from kopuro.accounts import selectors as account_selectors
from kopuro.api.auth import MEMBER_AUTH, need_scope
from kopuro.api.common import COUNTRY_PATTERN, LANG, ErrorOut, Lang, PageMeta
from kopuro.api.models import Scope

router = Router(tags=["members"], auth=MEMBER_AUTH)

MEMBER_ERRORS = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class MemberRef(Schema):
    handle: str
    name: str


class ProfileOut(Schema):
    """A member's profile: a field the asking member may not see is null or empty."""

    handle: str
    name: str
    photo_url: str | None
    headline: str
    bio: str
    lives_in_country: str | None
    lives_in_city: str
    from_country: str | None
    from_region: str
    languages: list[str]
    expertise: list[str]
    interests: list[str]
    offers: list[str]
    seeks: list[str]
    website: str
    linkedin: str
    member_since: datetime


class MyProfileOut(ProfileOut):
    in_directory: bool
    visibility: dict[str, str]


def _labels(terms) -> list[str]:
    return [t.label for t in terms.all()]


def _profile(profile, visible: set[str]) -> dict:
    def show(group: str, value, empty=""):
        return value if group in visible else empty

    return {
        "handle": profile.handle,
        "name": profile.display_name,
        "photo_url": profile.photo_small.url
        if "photo" in visible and profile.photo_small
        else None,
        "headline": show("headline", profile.headline),
        "bio": show("bio", profile.bio),
        "lives_in_country": show("residence", profile.residence_country.code or None, None),
        "lives_in_city": show("residence", profile.residence_city),
        "from_country": show("origin", profile.origin_country.code or None, None),
        "from_region": show("origin", profile.origin_region),
        "languages": show("languages", _labels(profile.languages), []),
        "expertise": show("expertise", _labels(profile.expertise), []),
        "interests": show("expertise", _labels(profile.interests), []),
        "offers": show("offers", _labels(profile.offers), []),
        "seeks": show("offers", _labels(profile.seeks), []),
        "website": show("links", profile.website),
        "linkedin": show("links", profile.linkedin),
        "member_since": profile.created_at,
    }


@router.get("/me/profile", response={200: MyProfileOut, 404: ErrorOut, **MEMBER_ERRORS})
def my_profile(request, lang: Lang = LANG):
    """The asking member's own profile, every field, with who may see each group."""
    need_scope(request, Scope.PROFILE_READ)
    profile = account_selectors.profile_queryset().filter(user=request.user).first()
    if profile is None:
        return 404, {"detail": "You have no profile yet."}
    with translation.override(lang):
        data = _profile(profile, set(profile.VISIBILITY_GROUPS))
    data["in_directory"] = profile.in_directory
    data["visibility"] = {g: getattr(profile, f"{g}_visibility") for g in profile.VISIBILITY_GROUPS}
    return data


class DirectoryItem(Schema):
    handle: str
    name: str
    photo_url: str | None
    headline: str
    location: str
    expertise: list[str]
    connection: str  # "", "accepted", "pending_out" (you asked), "pending_in" (they asked)


class DirectoryPage(Schema):
    meta: PageMeta
    page: int
    pages: int
    items: list[DirectoryItem]


@router.get("/members", response={200: DirectoryPage, **MEMBER_ERRORS})
def directory(
    request,
    lang: Lang = LANG,
    q: str = Query("", max_length=200, description="Words in name, headline, skills…"),
    residence_country: str | None = Query(
        None, pattern=COUNTRY_PATTERN, description="Lives in (ISO country code)."
    ),
    residence_city: str = Query("", max_length=80),
    origin_country: str | None = Query(
        None, pattern=COUNTRY_PATTERN, description="From (ISO country code)."
    ),
    origin_region: str = Query("", max_length=80),
    expertise: int | None = Query(None, ge=1, le=10**9, description="Expertise term id."),
    language: int | None = Query(None, ge=1, le=10**9, description="Language term id."),
    offers: int | None = Query(None, ge=1, le=10**9, description="Offers term id."),
    seeks: int | None = Query(None, ge=1, le=10**9, description="Looking-for term id."),
    sort: str = Query("relevance", pattern=r"^(relevance|newest|complete)$"),
    page: int = Query(1, ge=1, le=10_000),
):
    """The member directory as the asking member sees it on /members/ (the same filters, order
    and visibility, one page of the page's size). A country or term id that is none of Kopuro's
    matches nobody."""
    from kopuro.connect import selectors as connect_selectors
    from kopuro.connect.forms import DirectoryForm

    need_scope(request, Scope.DIRECTORY_READ)
    given = {
        "q": q,
        "residence_country": residence_country,
        "residence_city": residence_city,
        "origin_country": origin_country,
        "origin_region": origin_region,
        "expertise": expertise or "",
        "language": language or "",
        "offers": offers or "",
        "seeks": seeks or "",
        "sort": sort,
    }
    with translation.override(lang):
        form = DirectoryForm({k: v for k, v in given.items() if v not in ("", None)})
        if form.is_valid():
            page_obj, cards = connect_selectors.directory_page(
                viewer=request.user, filters=form.filters(), page=page
            )
        else:  # a country or term id that is none of ours: nobody matches (as in the listings)
            page_obj, cards = Paginator([], connect_selectors.PAGE_SIZE).get_page(1), []
        items = [
            {
                "handle": c.profile.handle,
                "name": c.profile.display_name,
                "photo_url": c.profile.photo_small.url
                if c.show_photo and c.profile.photo_small
                else None,
                "headline": c.headline,
                "location": c.location,
                "expertise": [t.label for t in c.expertise],
                "connection": c.status,
            }
            for c in cards
        ]
    count = page_obj.paginator.count
    size = page_obj.paginator.per_page
    return {
        "meta": {"count": count, "limit": size, "offset": (page_obj.number - 1) * size},
        "page": page_obj.number,
        "pages": page_obj.paginator.num_pages,
        "items": items,
    }


@router.get("/members/{handle}", response={200: ProfileOut, 404: ErrorOut, **MEMBER_ERRORS})
def member(request, handle: str, lang: Lang = LANG):
    """A member's profile as the asking member may see it (404 when they may not open it)."""
    need_scope(request, Scope.DIRECTORY_READ)
    if len(handle) > 40:
        return 404, {"detail": "No member with this address."}
    profile = account_selectors.profile_get_for_viewer(handle=handle, viewer=request.user)
    if profile is None:
        return 404, {"detail": "No member with this address."}
    with translation.override(lang):
        return _profile(profile, account_selectors.visible_groups(profile, request.user))


class ConnectionOut(Schema):
    id: int
    member: MemberRef
    note: str
    since: datetime


class ConnectionsOut(Schema):
    incoming: list[ConnectionOut]
    outgoing: list[ConnectionOut]
    accepted: list[ConnectionOut]


def _other(user, me) -> dict:
    profile = getattr(user, "profile", None)
    return {
        "handle": profile.handle if profile else "",
        "name": profile.display_name if profile else "",
    }


@router.get("/me/connections", response={200: ConnectionsOut, **MEMBER_ERRORS})
def my_connections(request):
    """Requests waiting for me, requests I sent, and my connections."""
    from kopuro.connect import selectors as connect_selectors

    need_scope(request, Scope.CONNECTIONS_READ)
    me = request.user
    overview = connect_selectors.connections_overview(viewer=me)

    def row(c, note: bool):
        other = c.recipient if c.sender_id == me.pk else c.sender
        return {
            "id": c.pk,
            "member": _other(other, me),
            "note": c.note if note else "",
            "since": c.answered_at or c.created_at,
        }

    return {
        "incoming": [row(c, True) for c in overview["incoming"]],
        "outgoing": [row(c, True) for c in overview["outgoing"]],
        "accepted": [row(c, False) for c in overview["accepted"]],
    }


class ConversationOut(Schema):
    id: int
    member: MemberRef
    unread: int
    last_message_at: datetime | None
    last_message: str
    last_from_me: bool


@router.get("/me/conversations", response={200: list[ConversationOut], **MEMBER_ERRORS})
def my_conversations(request):
    """My conversations, newest first (without members on the other side of a block)."""
    from kopuro.connect import selectors as connect_selectors

    need_scope(request, Scope.MESSAGES_READ)
    me = request.user
    return [
        {
            "id": r.conversation.pk,
            "member": _other(r.other, me),
            "unread": r.unread,
            "last_message_at": r.conversation.last_message_at,
            "last_message": r.last.body[:200] if r.last else "",
            "last_from_me": bool(r.last and r.last.sender_id == me.pk),
        }
        for r in connect_selectors.conversations_for(viewer=me)
    ]
