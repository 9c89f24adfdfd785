"""The information service: destination guides, cross-country topics, service points,
information terminals and their anonymous reach figures.

Tree (one per language, under each HomePage):
    HomePage
      GuideIndexPage /guides/          (listing; /guides/help/ lists hotlines and service points)
        GuidePage /guides/russia/      (a destination, or the home country for returnees)
        TopicPage /guides/trafficking/ (a subject across countries)

Guides and topics are translated with wagtail-localize into the interface languages; Uzbek and
Tajik versions are inline rows on the page (see languages.py and docs/decisions/0005).
Service points are plain models with one text row per language (all five), so Uzbek and Tajik
names and opening hours sit beside the others.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from kopuro.core.models import PhonePreviewMixin
from kopuro.infodesk.blocks import SectionsBlock
from kopuro.infodesk.languages import EXTRA_LANGUAGE_CHOICES, language_choices

key_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{0,59}$",
    _("Use lower-case Latin letters, digits and hyphens, e.g. 'south-korea'."),
)

# --- Pages ----------------------------------------------------------------------------------------


class GuideIndexPage(PhonePreviewMixin, RoutablePageMixin, Page):
    """/guides/: every destination guide and topic; /guides/help/ the service points."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["infodesk.GuidePage", "infodesk.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guides index")

    @path("")
    def listing(self, request):
        from kopuro.infodesk import selectors

        return self.render(request, context_overrides=selectors.guide_index(index=self))

    @path("help/")
    def help(self, request):
        from kopuro.infodesk import selectors
        from kopuro.infodesk.forms import ServicePointFilterForm

        form = ServicePointFilterForm(request.GET or None)
        context = selectors.service_point_listing(
            form=form, language=self.locale.language_code, request=request
        )
        return self.render(
            request,
            template="infodesk/help_page.html",
            context_overrides={**context, "form": form},
        )


class BaseInfoPage(PhonePreviewMixin, RoutablePageMixin, Page):
    """What guides and topics share: a stable key, a summary, sections, Uzbek/Tajik versions."""

    key = models.CharField(
        _("key"),
        max_length=60,
        validators=[key_validator],
        help_text=_(
            "Stable name used by kiosks and reach figures, e.g. 'russia'; "
            "the same in every language."
        ),
    )
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    sections = StreamField(SectionsBlock(), verbose_name=_("sections"), blank=True)

    parent_page_types = ["infodesk.GuideIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [SynchronizedField("key")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("sections"),
        index.FilterField("locale"),
        index.FilterField("key"),
    ]

    class Meta:
        abstract = True

    @path("")
    def main(self, request):
        return self.render(request)

    @path("in/<str:language>/")
    def in_language(self, request, language: str):
        """The Uzbek or Tajik version, inside this page's (Russian, say) interface."""
        from django.http import Http404

        from kopuro.infodesk import selectors

        version = selectors.extra_version(page=self, language=language)
        if version is None:
            raise Http404
        return self.render(request, context_overrides={"version": version})

    def get_context(self, request, *args, **kwargs):
        from kopuro.infodesk import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.info_page_context(page=self))
        return context


class GuidePage(BaseInfoPage):
    class Audience(models.TextChoices):
        LEAVING = "leaving", _("People going to work or live there")
        RETURNING = "returning", _("People coming home")

    country = CountryField(_("country"))
    audience = models.CharField(
        _("for"), max_length=10, choices=Audience.choices, default=Audience.LEAVING
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("key"), FieldPanel("country"), FieldPanel("audience")]),
        FieldPanel("summary"),
        FieldPanel("sections"),
        InlinePanel("extra_languages", label=_("Uzbek and Tajik versions")),
    ]
    override_translatable_fields = [
        SynchronizedField("key"),
        SynchronizedField("country"),
        SynchronizedField("audience"),
    ]
    template = "infodesk/info_page.html"

    class Meta:
        verbose_name = _("destination guide")
        verbose_name_plural = _("destination guides")


class TopicPage(BaseInfoPage):
    class Icon(models.TextChoices):
        WARNING = "warning", _("Warning sign")
        CHECK = "check", _("Check mark")
        SCALES = "scales", _("Scales")
        SHIELD = "shield", _("Shield")

    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.WARNING)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("key"), FieldPanel("icon")]),
        FieldPanel("summary"),
        FieldPanel("sections"),
        InlinePanel("extra_languages", label=_("Uzbek and Tajik versions")),
    ]
    override_translatable_fields = [SynchronizedField("key"), SynchronizedField("icon")]
    template = "infodesk/info_page.html"

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class BaseExtraLanguage(Orderable):
    language = models.CharField(_("language"), max_length=5, choices=EXTRA_LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    sections = StreamField(SectionsBlock(), verbose_name=_("sections"), blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("sections"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class GuideExtraLanguage(BaseExtraLanguage):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="extra_languages")


class TopicExtraLanguage(BaseExtraLanguage):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="extra_languages")


# --- Service points -------------------------------------------------------------------------------


def city_field_choices() -> list[tuple[str, str]]:
    """A callable, so migrations do not carry the list (kopuro/infodesk/cities.py)."""
    from kopuro.infodesk.cities import CITIES

    return [(key, city.names["en"]) for key, city in CITIES.items()]


class ServicePoint(index.Indexed, ClusterableModel):
    """A hotline, consulate, service centre, NGO, shelter or legal-aid desk people can turn to."""

    class Kind(models.TextChoices):
        HOTLINE = "hotline", _("Hotline")
        CONSULATE = "consulate", _("Consulate or embassy")
        CENTRE = "centre", _("Migration service centre")
        NGO = "ngo", _("Non-governmental organisation")
        SHELTER = "shelter", _("Shelter")
        LEGAL = "legal", _("Legal aid")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    country = CountryField(_("country"))
    city = models.CharField(
        _("city"),
        max_length=40,
        blank=True,
        choices=city_field_choices,
        help_text=_("Used for 'nearest to me' when a visitor picks a city."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phones = models.TextField(
        _("phones"),
        blank=True,
        help_text=_("One per line, with the country code, e.g. '+996 312 000 000'."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=40,
        blank=True,
        help_text=_("Language codes separated by commas, e.g. 'ky,ru'."),
    )
    free = models.BooleanField(_("free of charge"), default=True)
    around_the_clock = models.BooleanField(_("open 24 hours"), default=False)
    active = models.BooleanField(_("shown"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map point")),
        FieldPanel("phones"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
        FieldRowPanel(
            [FieldPanel("languages"), FieldPanel("free"), FieldPanel("around_the_clock")]
        ),
        FieldPanel("active"),
        InlinePanel("texts", label=_("Name, address and hours per language"), min_num=1),
    ]
    search_fields = [index.FilterField("kind"), index.FilterField("country")]

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("hotlines and service points")
        ordering = ["country", "city", "kind", "pk"]

    def __str__(self) -> str:
        text = self.text_for(settings.LANGUAGE_CODE)
        return text.name if text else f"{self.get_kind_display()} #{self.pk}"

    def text_for(self, language: str) -> ServicePointText | None:
        """The text in `language`, else Russian, else English, else any (prefetch `texts`)."""
        texts = {t.language: t for t in self.texts.all()}
        for code in (language, "ru", settings.LANGUAGE_CODE):
            if code in texts:
                return texts[code]
        return next(iter(texts.values()), None)

    @cached_property
    def phone_list(self) -> list[dict[str, str]]:
        found = []
        for line in self.phones.splitlines():
            number = line.strip()
            if not number:
                continue
            digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
            found.append({"display": number, "uri": "tel:" + digits})
        return found

    @property
    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class ServicePointText(Orderable):
    point = ParentalKey(ServicePoint, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=5, choices=language_choices)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("name")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["point", "language"], name="infodesk_point_text_once")
        ]


# --- "Listen": spoken versions of sections --------------------------------------------------------


class SectionAudio(models.Model):
    """The spoken version of one section in one language, made by espeak-ng (tasks.py)."""

    class Status(models.TextChoices):
        READY = "ready", _("ready")
        UNAVAILABLE = "unavailable", _("no voice for this language")
        FAILED = "failed", _("failed")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    section = models.CharField(max_length=60)  # the section kind
    language = models.CharField(max_length=5)
    text_digest = models.CharField(max_length=64)
    status = models.CharField(max_length=12, choices=Status.choices)
    file = models.FileField(upload_to="infodesk/audio/", blank=True)
    bytes = models.PositiveIntegerField(default=0)
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "section", "language"], name="infodesk_audio_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.section} ({self.language}): {self.status}"

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("infodesk:audio", args=[self.pk, self.text_digest[:10]])


# --- Information terminals ------------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Terminal(models.Model):
    """A touch-screen kiosk at an airport, border crossing, service centre or local authority.

    Its secret token is shown once when issued and only its SHA-256 is kept (the token is 32
    random bytes, so a plain hash is enough); revoking it stops the kiosk's reports at once.
    """

    code = models.CharField(
        _("code"),
        max_length=30,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9-]{0,29}$",
                _("Latin letters, digits and hyphens, e.g. 'FRU-AIRPORT-1'."),
            )
        ],
        help_text=_("Part of the kiosk's address: /kiosk/<code>/."),
    )
    name = models.CharField(_("name"), max_length=120)
    place = models.CharField(_("place"), max_length=200, help_text=_("Building and room."))
    region = models.CharField(_("region"), max_length=80)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("Who looks after it on site.")
    )
    languages = models.CharField(
        _("languages"),
        max_length=40,
        default="ky,ru,en,uz,tg",
        help_text=_("Language codes it offers, in order, separated by commas."),
    )
    active = models.BooleanField(_("active"), default=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_issued_at = models.DateTimeField(null=True, blank=True, editable=False)
    token_revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    app_version = models.CharField(max_length=40, blank=True, editable=False)
    content_version = models.CharField(max_length=40, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map point")),
        FieldRowPanel([FieldPanel("installed_on"), FieldPanel("contact")]),
        MultiFieldPanel([FieldPanel("languages"), FieldPanel("active")], heading=_("Kiosk")),
    ]

    class Meta:
        verbose_name = _("information terminal")
        verbose_name_plural = _("information terminals")
        ordering = ["region", "code"]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"

    @property
    def language_list(self) -> list[str]:
        from kopuro.infodesk.languages import all_languages

        known = all_languages()
        codes = [c.strip() for c in self.languages.split(",") if c.strip() in known]
        return codes or known

    @property
    def has_token(self) -> bool:
        return bool(self.token_hash) and self.token_revoked_at is None

    def token_matches(self, token: str) -> bool:
        if not self.has_token or not self.active or not token:
            return False
        return hmac.compare_digest(self.token_hash, hash_token(token))

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)


class EventBatch(models.Model):
    """A batch of anonymous kiosk events already counted: a replay is recognised by its id."""

    terminal = models.ForeignKey(Terminal, on_delete=models.CASCADE, related_name="batches")
    batch_id = models.UUIDField()
    events = models.PositiveIntegerField()
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["terminal", "batch_id"], name="infodesk_batch_once")
        ]

    def __str__(self) -> str:
        return f"{self.batch_id} ({self.events} events)"


class DailyReach(models.Model):
    """Anonymous counts per day, source (a terminal, or the web), topic, section and language.

    Nothing about a person is kept: no session id, address or device; a kiosk session is
    counted when someone picks a language, a view when a section is opened.
    """

    WEB = "web"

    day = models.DateField()
    source = models.CharField(max_length=30)  # a terminal's code, or "web"
    terminal = models.ForeignKey(
        Terminal, on_delete=models.SET_NULL, null=True, blank=True, related_name="reach"
    )
    topic = models.CharField(max_length=60, blank=True)  # a guide's or topic's key
    section = models.CharField(max_length=60, blank=True)
    language = models.CharField(max_length=5, blank=True)
    sessions = models.PositiveIntegerField(default=0)
    views = models.PositiveIntegerField(default=0)
    helpful_yes = models.PositiveIntegerField(default=0)
    helpful_no = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("daily reach")
        verbose_name_plural = _("daily reach")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "source", "topic", "section", "language"],
                name="infodesk_reach_once",
            )
        ]
        indexes = [models.Index(fields=["source", "day"])]

    def __str__(self) -> str:
        return f"{self.day} {self.source} {self.topic}/{self.section} {self.language}"
