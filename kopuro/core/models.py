"""Shared models: the home page, branding site settings and the audit log."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PreviewableMixin


class PhonePreviewMixin:
    """Editors preview a page first at the width of a small phone (360 px, what many of our
    readers have), then at Wagtail's usual phone, tablet and desktop widths."""

    @property
    def preview_sizes(self):
        small_phone = {
            "name": "small-phone",
            "icon": "mobile-alt",
            "device_width": 360,
            "label": _("Preview on a small phone (360 px)"),
        }
        return [small_phone, *PreviewableMixin.DEFAULT_PREVIEW_SIZES]


class HomePage(PhonePreviewMixin, Page):
    """The front door: what Kopuro offers, with live content from each part that exists.

    Translated with wagtail-localize like every page; sections below the intro are filled from
    selectors at render time, so they show only what really exists (never a placeholder).
    """

    hero_title = models.CharField(_("headline"), max_length=120)
    hero_text = models.TextField(_("introduction"), max_length=600, blank=True)
    hub_text = models.TextField(
        _("diaspora hub text"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences on connecting, learning and contributing."),
    )
    info_text = models.TextField(
        _("information service text"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences on rules, rights, risks and hotlines."),
    )
    newsroom_text = models.TextField(
        _("newsroom text"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences on the office's news, events and notices."),
    )
    body = RichTextField(
        _("more"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul"]
    )

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        MultiFieldPanel(
            [FieldPanel("hub_text"), FieldPanel("info_text"), FieldPanel("newsroom_text")],
            heading=_("The three parts"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from kopuro.core.selectors import home_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(viewer=request.user))
        return context


colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits.")
)


@register_setting(icon="image")
class BrandingSettings(BaseSiteSetting):
    """How the office brands its Kopuro: the default is unbranded and neutral."""

    platform_name = models.CharField(_("platform name"), max_length=60, default="Kopuro")
    tagline = models.CharField(_("tagline"), max_length=120, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default="#1f5f8b", validators=[colour_validator]
    )
    footer_contacts = models.TextField(
        _("footer contacts"), blank=True, help_text=_("Address, phone and e-mail; one per line.")
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)

    panels = [
        FieldPanel("platform_name"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("primary_colour"),
        FieldPanel("footer_contacts"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("telegram_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("branding")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        pairs = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("Telegram", self.telegram_url),
        ]
        return [(name, url) for name, url in pairs if url]


class AuditLogEntry(models.Model):
    """One state change that someone must be able to account for later (pretix's log_action).

    The actor is kept as a label too, so an entry still says who acted after that account is
    deleted. Wagtail's own log covers page edits; this covers everything else.
    """

    action = models.CharField(_("action"), max_length=80, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("actor label"), max_length=200, blank=True)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} by {self.actor_label or '-'}"
