"""The newsroom: the office's public site, as Wagtail pages translated with wagtail-localize.

Tree (each index sits once under a home page, one home per language):
    HomePage
      NewsIndexPage /news/        -> NewsPage, PhotoStoryPage
      EventIndexPage /events/     -> EventPage, PhotoStoryPage
      VacancyIndexPage /vacancies/ -> VacancyPage
      TenderIndexPage /tenders/   -> TenderPage
      ContentPage (about, contacts, terms) -> ContentPage

Whether a vacancy or a tender is open is never stored: it follows from its deadline and the
time of the request (selectors.py), so nobody has to close anything by hand.
Date-times are stored aware (UTC in the database) and shown in the office's time zone
(settings.TIME_ZONE) or, for events, in the event's own zone; the admin forms take them in that
zone too (forms.py).
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from kopuro.core.models import PhonePreviewMixin
from kopuro.newsroom import blocks
from kopuro.newsroom.forms import (
    NO_ANNOUNCEMENT,
    NO_DEADLINE,
    NO_SUBMISSION_DEADLINE,
    EventPageForm,
    TenderPageForm,
    VacancyPageForm,
)

# --- Shared pieces --------------------------------------------------------------------------------


def office_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def office_zone_name() -> str:
    """A callable default, so migrations do not freeze one installation's TIME_ZONE."""
    return settings.TIME_ZONE


def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA time zone name (a callable, so migrations do not carry the list)."""
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def in_zone(value: datetime | None, zone: zoneinfo.ZoneInfo | None = None) -> datetime | None:
    if value is None:
        return None
    return value.astimezone(zone or office_zone())


def format_when(value: datetime | None, zone: zoneinfo.ZoneInfo | None = None) -> str:
    """'23 May 2018, 17:00' in the given zone (the office's by default), for messages."""
    if value is None:
        return ""
    return date_format(in_zone(value, zone), "DATETIME_FORMAT")


class BaseNewsroomPage(PhonePreviewMixin, Page):
    """Fields every newsroom article has: a lead, a picture for listings and sharing, a body."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=800,
        help_text=_("One or two sentences that say what happened; shown in listings and feeds."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared on social media."),
    )
    body = StreamField(blocks.BodyBlock(), verbose_name=_("body"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]

    class Meta:
        abstract = True

    @property
    def summary(self) -> str:
        return self.search_description or self.lead


class BaseIndexPage(PhonePreviewMixin, RoutablePageMixin, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A sentence or two shown above the list."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1
    per_page = 10

    class Meta:
        abstract = True

    def paginate(self, request, items):
        from django.core.paginator import Paginator

        return Paginator(items, self.per_page).get_page(request.GET.get("page"))

    def feed_response(self, request, feed_type: str):
        from kopuro.newsroom.feeds import feed_for

        return feed_for(self, feed_type)(request)


# --- Press contacts -------------------------------------------------------------------------------


@register_snippet
class PressContact(index.Indexed, models.Model):
    """Someone journalists can call about a release; shown as a contact card under it."""

    name = models.CharField(_("name"), max_length=120)
    unit = models.CharField(
        _("unit"),
        max_length=120,
        blank=True,
        help_text=_("Office or team, e.g. 'IOM HQ' or 'Sub-regional office for Central Asia'."),
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("With country code.")
    )
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("unit"), FieldPanel("phone"), FieldPanel("email")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    @property
    def phone_uri(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


# --- Topics ---------------------------------------------------------------------------------------


@register_snippet
class Topic(TranslatableMixin, models.Model):
    """A subject news is filed under ("migrants' rights"), translated like pages.

    A translated page keeps pointing at the topics its source page chose (wagtail-localize copies
    many-to-many values as they are), so pages show each topic in the reader's language through
    selectors.localized_topics(), and the listing filters by the slug, which all translations of
    a topic share.
    """

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        allow_unicode=True,
        help_text=_("Used in addresses, e.g. 'migrants-rights'; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.slug:
            taken = Topic.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(
                translation_key=self.translation_key
            )
            if taken.exists():
                raise ValidationError({"slug": _("Another topic already uses this slug.")})


# --- News -----------------------------------------------------------------------------------------


class NewsKind(models.TextChoices):
    PRESS_RELEASE = "press_release", _("Press release")
    PRESS_ANNOUNCEMENT = "press_announcement", _("Press announcement")
    STATEMENT = "statement", _("Statement")
    ANNOUNCEMENT = "announcement", _("Announcement")


class NewsIndexPage(BaseIndexPage):
    """/news/: every release, statement and announcement, filtered by kind, year and tag."""

    subpage_types = ["newsroom.NewsPage", "newsroom.PhotoStoryPage"]

    class Meta:
        verbose_name = _("news index")

    @path("")
    def listing(self, request):
        from kopuro.newsroom import selectors

        filters = selectors.NewsFilters.from_query(request.GET)
        hidden = selectors.private_q()
        items = selectors.news_list(index=self, filters=filters, hidden=hidden)
        page_obj = self.paginate(request, items)
        selectors.with_localized_topics(page_obj.object_list)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "page_obj": page_obj,
                "kinds": NewsKind.choices,
                "years": selectors.news_years(index=self, hidden=hidden),
                "topics": selectors.news_topics(index=self, hidden=hidden),
                "photo_stories": selectors.photo_stories(parent=self, hidden=hidden),
            },
        )

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return self.feed_response(request, "rss")

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return self.feed_response(request, "atom")


class NewsPageContact(Orderable):
    page = ParentalKey("newsroom.NewsPage", related_name="press_contacts", on_delete=models.CASCADE)
    contact = models.ForeignKey(
        PressContact, verbose_name=_("contact"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("contact")]


class NewsPage(BaseNewsroomPage):
    """A press release, press announcement, statement or announcement."""

    kind = models.CharField(
        _("kind"), max_length=30, choices=NewsKind.choices, default=NewsKind.PRESS_RELEASE
    )
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The date the release is issued.")
    )
    dateline_place = models.CharField(
        _("dateline place"),
        max_length=80,
        blank=True,
        help_text=_("Where it is issued from, e.g. 'BISHKEK'; shown as 'BISHKEK, 31 May 2018'."),
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="news_pages",
        verbose_name=_("topics"),
        help_text=_("What the item is about; readers filter the news by topic."),
    )

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("dateline_place")]),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("press_contacts", label=_("Press contacts")),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BaseNewsroomPage.search_fields,
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def dateline(self) -> str:
        day = date_format(self.date, "DATE_FORMAT")
        return f"{self.dateline_place}, {day}" if self.dateline_place else day

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from kopuro.newsroom import selectors

        context["contacts"] = [
            c.contact for c in self.press_contacts.select_related("contact").all()
        ]
        context["topics"] = selectors.localized_topics(self.topics.all())
        return context


# --- Events ---------------------------------------------------------------------------------------


class EventIndexPage(BaseIndexPage):
    """/events/: what is coming first, then an archive of past events; an iCalendar feed."""

    subpage_types = ["newsroom.EventPage", "newsroom.PhotoStoryPage"]

    class Meta:
        verbose_name = _("events index")

    @path("")
    def listing(self, request):
        from kopuro.newsroom import selectors

        now, hidden = timezone.now(), selectors.private_q()
        past = selectors.events_past(index=self, now=now, hidden=hidden)
        recent_past = list(past[:4])
        return self.render(
            request,
            context_overrides={
                "upcoming": selectors.events_upcoming(index=self, now=now, hidden=hidden),
                "recent_past": recent_past[:3],
                "more_past": len(recent_past) > 3,
                "photo_stories": selectors.photo_stories(parent=self, hidden=hidden),
            },
        )

    @path("archive/", name="archive")
    def archive(self, request):
        from kopuro.newsroom import selectors

        items = selectors.events_past(index=self, now=timezone.now())
        return self.render(
            request,
            template="newsroom/event_archive_page.html",
            context_overrides={"page_obj": self.paginate(request, items)},
        )

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from kopuro.newsroom import ical

        return ical.calendar_response(request, index=self)


class EventPage(RoutablePageMixin, BaseNewsroomPage):
    """A workshop, conference, ceremony or exhibition, with an "add to calendar" file."""

    start = models.DateTimeField(_("starts"), null=True, blank=False)
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick when only the days are known: the times are then not shown."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default=office_zone_name,
        help_text=_("Where the event happens; its times are entered and shown in this zone."),
    )
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("e.g. 'Main Conference Hall, AUCA'.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Map point, in decimal degrees, e.g. 42.874621."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Map point, in decimal degrees, e.g. 74.569762."),
    )
    organisers = StreamField(
        [("organisation", blocks.OrganisationBlock())],
        verbose_name=_("organisers"),
        blank=True,
    )
    speakers = StreamField(
        [("person", blocks.PersonBlock())], verbose_name=_("speakers"), blank=True
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("Where people sign up, if they must.")
    )

    base_form_class = EventPageForm
    parent_page_types = ["newsroom.EventIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("organisers"),
        FieldPanel("speakers"),
        FieldPanel("registration_url"),
    ]
    search_fields = [
        *BaseNewsroomPage.search_fields,
        index.SearchField("venue"),
        index.SearchField("address"),
        index.FilterField("start"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            zone = self.zone
            raise ValidationError(
                {
                    "end": _("The event ends (%(end)s) before it starts (%(start)s).")
                    % {"end": format_when(self.end, zone), "start": format_when(self.start, zone)}
                }
            )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return office_zone()

    @property
    def local_start(self):
        return in_zone(self.start, self.zone)

    @property
    def local_end(self):
        return in_zone(self.end, self.zone)

    @property
    def same_day(self) -> bool:
        return bool(self.start and self.end and self.local_start.date() == self.local_end.date())

    @property
    def last_moment(self):
        return self.end or self.start

    @property
    def is_past(self) -> bool:
        last = self.last_moment
        return bool(last and last < timezone.now())

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            if self.address:
                return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    def get_context(self, request, *args, **kwargs):
        from kopuro.newsroom import selectors

        context = super().get_context(request, *args, **kwargs)
        context["in_the_news"] = selectors.news_about(self)
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        from kopuro.newsroom import ical

        return ical.event_response(request, event=self)


# --- Photo stories --------------------------------------------------------------------------------


class PhotoStoryPage(BaseNewsroomPage):
    """An exhibition or photo story: a gallery with captions and credits, and its awards.

    The slideshow is CSS scroll-snap with a numbered link to each slide: it works with the
    keyboard and without JavaScript.
    """

    date = models.DateField(_("date"), default=timezone.localdate)
    gallery = StreamField([("photo", blocks.PhotoBlock())], verbose_name=_("gallery"), blank=True)
    awards = StreamField(
        [("award", blocks.AwardBlock())],
        verbose_name=_("awards"),
        blank=True,
        help_text=_("Award categories and their winners."),
    )

    parent_page_types = ["newsroom.NewsIndexPage", "newsroom.EventIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("gallery"),
        FieldPanel("awards"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("photo story")
        verbose_name_plural = _("photo stories")

    def get_context(self, request, *args, **kwargs):
        from kopuro.newsroom.selectors import gallery_with_renditions

        context = super().get_context(request, *args, **kwargs)
        context["photos"] = gallery_with_renditions(self.gallery)
        return context


# --- Vacancies ------------------------------------------------------------------------------------


class ContractType(models.TextChoices):
    FIXED_TERM = "fixed_term", _("Fixed-term")
    SHORT_TERM = "short_term", _("Short-term")
    SPECIAL_SERVICE = "special_service", _("Special service agreement")
    CONSULTANCY = "consultancy", _("Consultancy")
    INTERNSHIP = "internship", _("Internship")


class DeadlineIndexPage(BaseIndexPage):
    """An index of items that close at a deadline: open ones first, closed ones in an archive,
    with RSS and Atom feeds. Subclasses name their selectors (in kopuro.newsroom.selectors), the
    template of one item, and the archive's words; the listing's template extends
    newsroom/deadline_index_page.html, and both archives share newsroom/deadline_archive_page.html."""

    open_selector = ""
    closed_selector = ""
    item_template = ""
    archive_heading = ""
    archive_intro = ""
    archive_empty = ""

    class Meta:
        abstract = True

    def _selector(self, name: str):
        from kopuro.newsroom import selectors

        return getattr(selectors, name)

    @path("")
    def listing(self, request):
        from kopuro.newsroom import selectors

        now, hidden = timezone.now(), selectors.private_q()
        closed = self._selector(self.closed_selector)
        return self.render(
            request,
            context_overrides={
                "open_items": self._selector(self.open_selector)(
                    index=self, now=now, hidden=hidden
                ),
                "closed_count": closed(index=self, now=now, hidden=hidden).count(),
                "now": now,
            },
        )

    @path("archive/", name="archive")
    def archive(self, request):
        items = self._selector(self.closed_selector)(index=self, now=timezone.now())
        return self.render(
            request,
            template="newsroom/deadline_archive_page.html",
            context_overrides={"page_obj": self.paginate(request, items)},
        )

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return self.feed_response(request, "rss")

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return self.feed_response(request, "atom")


class VacancyIndexPage(DeadlineIndexPage):
    """/vacancies/: open posts, nearest deadline first; closed ones in an archive."""

    subpage_types = ["newsroom.VacancyPage"]
    open_selector = "vacancies_open"
    closed_selector = "vacancies_closed"
    item_template = "newsroom/includes/vacancy_item.html"
    archive_heading = _("Closed vacancies")
    archive_intro = _("These posts no longer take applications.")
    archive_empty = _("No closed vacancies yet.")

    class Meta:
        verbose_name = _("vacancies index")


class DeadlineMixin:
    """Open or closed by a deadline, worked out at read time."""

    deadline_field = "deadline"

    @property
    def closes_at(self) -> datetime | None:
        return getattr(self, self.deadline_field)

    def is_open_at(self, now: datetime) -> bool:
        return bool(self.closes_at and self.closes_at > now)

    @property
    def is_open(self) -> bool:
        return self.is_open_at(timezone.now())

    @property
    def time_left(self) -> timedelta | None:
        if not self.is_open:
            return None
        return self.closes_at - timezone.now()

    @property
    def days_left(self) -> int | None:
        """Calendar days from today to the deadline's day, both in the office's time zone: what a
        reader counts on a calendar ("closes in 21 days" on 29 November for 20 December)."""
        if self.closes_at is None:
            return None
        today = timezone.localdate(timezone.now(), office_zone())
        return (in_zone(self.closes_at).date() - today).days

    @property
    def closes_today(self) -> bool:
        return bool(
            self.is_open and in_zone(self.closes_at).date() == timezone.localdate(timezone.now())
        )


class VacancyPage(DeadlineMixin, BaseNewsroomPage):
    """A vacancy announcement with its deadline in the office's time zone."""

    position = models.CharField(_("position"), max_length=200)
    grade = models.CharField(_("grade"), max_length=20, blank=True, help_text=_("e.g. 'G3'."))
    duty_station = models.CharField(_("duty station"), max_length=120)
    contract_type = models.CharField(
        _("contract type"), max_length=30, choices=ContractType.choices, blank=True
    )
    posting_date = models.DateField(_("posting date"), null=True, blank=True)
    deadline = models.DateTimeField(
        _("application deadline"),
        null=True,
        blank=False,
        help_text=_("Date and time in the office's time zone. Needed before publishing."),
        error_messages={"blank": NO_DEADLINE},
    )
    terms_of_reference = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("terms of reference"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    apply_email = models.EmailField(
        _("apply by e-mail to"), blank=True, help_text=_("e.g. 'hrkg@iom.int'.")
    )
    apply_by_hand = models.TextField(
        _("apply by hand"),
        blank=True,
        max_length=600,
        help_text=_("Where and how to deliver, e.g. 'in a sealed envelope marked …'."),
    )
    apply_url = models.URLField(_("apply online at"), blank=True)
    application_documents = models.CharField(
        _("what to send"),
        max_length=300,
        blank=True,
        help_text=_("e.g. 'CV, cover letter and references'."),
    )

    base_form_class = VacancyPageForm
    parent_page_types = ["newsroom.VacancyIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [SynchronizedField("grade")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("grade"), FieldPanel("contract_type")]),
        FieldPanel("duty_station"),
        FieldRowPanel([FieldPanel("posting_date"), FieldPanel("deadline")]),
        FieldPanel("lead"),
        FieldPanel("terms_of_reference"),
        MultiFieldPanel(
            [
                FieldPanel("application_documents"),
                FieldPanel("apply_email"),
                FieldPanel("apply_by_hand"),
                FieldPanel("apply_url"),
            ],
            heading=_("How to apply"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BaseNewsroomPage.search_fields,
        index.SearchField("position"),
        index.SearchField("duty_station"),
        index.FilterField("deadline"),
    ]

    error_messages = {
        "no_way_to_apply": _(
            "Say how to apply: give an e-mail address, delivery by hand or a link (one is enough)."
        ),
    }

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def clean(self):
        super().clean()
        if not (self.apply_email or self.apply_by_hand.strip() or self.apply_url):
            raise ValidationError({"apply_email": self.error_messages["no_way_to_apply"]})


# --- Procurement notices --------------------------------------------------------------------------


class SelectionMethod(models.TextChoices):
    QCBS = "qcbs", _("Quality- and cost-based selection")
    QBS = "qbs", _("Quality-based selection")
    LCS = "lcs", _("Least-cost selection")
    FBS = "fbs", _("Fixed-budget selection")
    CQS = "cqs", _("Selection based on consultants' qualifications")
    RFQ = "rfq", _("Request for quotations")


class TenderIndexPage(DeadlineIndexPage):
    """/tenders/: procurement notices still taking proposals, then an archive."""

    subpage_types = ["newsroom.TenderPage"]
    open_selector = "tenders_open"
    closed_selector = "tenders_closed"
    item_template = "newsroom/includes/tender_item.html"
    archive_heading = _("Closed procurement notices")
    archive_intro = _(
        "Their submission deadlines have passed; documents and clarifications stay here for "
        "the record."
    )
    archive_empty = _("No closed notices yet.")

    class Meta:
        verbose_name = _("procurement notices index")


class TenderPage(DeadlineMixin, BaseNewsroomPage):
    """A request for proposals (or quotations) with its full timeline and clarifications."""

    reference_number = models.CharField(
        _("reference number"), max_length=60, blank=True, help_text=_("As printed on the request.")
    )
    project = models.CharField(_("project"), max_length=200, blank=True)
    donor = models.CharField(_("donor"), max_length=200, blank=True)
    addressed_to = models.CharField(
        _("addressed to"), max_length=200, blank=True, help_text=_("e.g. 'Service providers'.")
    )
    selection_method = models.CharField(
        _("selection method"), max_length=10, choices=SelectionMethod.choices, blank=True
    )
    lots = StreamField([("lot", blocks.LotBlock())], verbose_name=_("lots"), blank=True)
    announced_on = models.DateField(
        _("date of announcement"),
        null=True,
        blank=False,
        error_messages={"blank": NO_ANNOUNCEMENT},
    )
    questions_deadline = models.DateTimeField(_("deadline for questions"), null=True, blank=True)
    answers_published_at = models.DateTimeField(
        _("answers published"),
        null=True,
        blank=True,
        help_text=_("When the answers to all questions are published here."),
    )
    submission_deadline = models.DateTimeField(
        _("submission deadline"),
        null=True,
        blank=False,
        help_text=_("Date and time in the office's time zone. Needed before publishing."),
        error_messages={"blank": NO_SUBMISSION_DEADLINE},
    )
    documents = StreamField(
        [("document", blocks.DocumentBlock())],
        verbose_name=_("documents"),
        blank=True,
        help_text=_("The sections of the request, each as a download."),
    )
    submission_instructions = RichTextField(
        _("how to submit"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Subject line, address, what to put in the envelope, late proposals."),
    )

    base_form_class = TenderPageForm
    deadline_field = "submission_deadline"
    parent_page_types = ["newsroom.TenderIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [SynchronizedField("reference_number")]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("reference_number"),
                FieldRowPanel([FieldPanel("project"), FieldPanel("donor")]),
                FieldPanel("addressed_to"),
                FieldPanel("selection_method"),
            ],
            heading=_("The request"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("announced_on"),
                FieldRowPanel(
                    [FieldPanel("questions_deadline"), FieldPanel("answers_published_at")]
                ),
                FieldPanel("submission_deadline"),
            ],
            heading=_("Timeline (office time zone)"),
        ),
        FieldPanel("lead"),
        FieldPanel("lots"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("submission_instructions"),
        InlinePanel("clarifications", label=_("Clarifications (questions and answers)")),
    ]
    search_fields = [
        *BaseNewsroomPage.search_fields,
        index.SearchField("reference_number"),
        index.SearchField("project"),
        index.SearchField("donor"),
        index.FilterField("submission_deadline"),
    ]

    class Meta:
        verbose_name = _("procurement notice")
        verbose_name_plural = _("procurement notices")

    def get_context(self, request, *args, **kwargs):
        from kopuro.newsroom.selectors import tender_timeline

        context = super().get_context(request, *args, **kwargs)
        steps = tender_timeline(tender=self)
        context["steps"] = steps
        context["current_step"] = next((s for s in steps if s["state"] == "current"), None)
        context["clarifications"] = list(self.clarifications.all())
        return context

    def timeline_steps(self) -> list[tuple[str, str, object]]:
        """(key, label, when) in the order the process runs; `when` is a date or a datetime."""
        steps = [
            ("announced", _("Announcement"), self.announced_on),
            ("questions", _("Deadline for questions"), self.questions_deadline),
            ("answers", _("Answers published"), self.answers_published_at),
            ("submission", _("Submission deadline"), self.submission_deadline),
        ]
        return [step for step in steps if step[2] is not None]

    def clean(self):
        super().clean()
        steps = self.timeline_steps()
        for (_key, earlier_label, earlier), (key, later_label, later) in zip(
            steps, steps[1:], strict=False
        ):
            # A date-only step spans its day: a deadline on announcement day is in order.
            if _as_comparable(later, end_of_day=True) < _as_comparable(earlier, end_of_day=False):
                field = {
                    "questions": "questions_deadline",
                    "answers": "answers_published_at",
                    "submission": "submission_deadline",
                }[key]
                raise ValidationError(
                    {
                        field: _(
                            "The timeline runs backwards: %(later)s (%(later_when)s) comes "
                            "before %(earlier)s (%(earlier_when)s). Each step must come after "
                            "the one before it."
                        )
                        % {
                            "later": later_label.lower(),
                            "later_when": _format_step(later),
                            "earlier": earlier_label.lower(),
                            "earlier_when": _format_step(earlier),
                        }
                    }
                )


def _as_comparable(value, *, end_of_day: bool) -> datetime:
    """A date as the first (or last) moment of its day in the office's time zone."""
    if isinstance(value, datetime):
        return value
    start = datetime(value.year, value.month, value.day, tzinfo=office_zone())
    return start + timedelta(days=1) - timedelta(microseconds=1) if end_of_day else start


def _format_step(value) -> str:
    if isinstance(value, datetime):
        return format_when(value)
    return date_format(value, "DATE_FORMAT")


class TenderClarification(TranslatableMixin, Orderable):
    """A question a bidder asked and the office's answer, published for every bidder."""

    page = ParentalKey(TenderPage, related_name="clarifications", on_delete=models.CASCADE)
    question = models.TextField(_("question"), max_length=2000)
    answer = models.TextField(_("answer"), max_length=4000)
    published_on = models.DateField(_("published on"), default=timezone.localdate)

    panels = [FieldPanel("published_on"), FieldPanel("question"), FieldPanel("answer")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")


# --- Generic content ------------------------------------------------------------------------------


class ContentPage(BaseNewsroomPage):
    """About the office, the advisory board, contacts, terms: the same body blocks as news."""

    parent_page_types = ["core.HomePage", "newsroom.ContentPage"]
    subpage_types = ["newsroom.ContentPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
