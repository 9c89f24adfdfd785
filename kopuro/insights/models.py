"""Surveys: feedback and diaspora-mapping questionnaires staff build in the admin.

A survey is a translatable snippet (like newsroom.Topic): its translations share a
translation_key, a slug, an invitation token and its questions' keys; only the wording differs.
Responses always belong to the *source* survey (the oldest of the translations, see
Survey.source()), so results count every language together and a response records the language
it was given in.

Questions are a StreamField of one block per question. Each question has a `key` (letters,
digits, dashes) that is the same in every translation (wagtail-localize does not offer a
RegexBlock for translation) and each choice a `value`; answers are stored as Answer rows keyed by
those, one row per chosen option, so a results page is one GROUP BY.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

KEY_REGEX = r"^[a-z0-9][a-z0-9_-]*$"
KEY_HELP = _("Letters a–z, digits, dashes; the same in every language (e.g. 'country').")


def new_token() -> str:
    return secrets.token_urlsafe(16)


class ChoiceOptionBlock(blocks.StructBlock):
    value = blocks.RegexBlock(
        regex=KEY_REGEX,
        label=_("value"),
        help_text=KEY_HELP,
        error_messages={"invalid": _("Use letters a–z, digits and dashes.")},
    )
    label = blocks.CharBlock(label=_("label"), max_length=200)


class QuestionBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=KEY_REGEX,
        label=_("key"),
        help_text=KEY_HELP,
        error_messages={"invalid": _("Use letters a–z, digits and dashes.")},
    )
    text = blocks.CharBlock(label=_("question"), max_length=300)
    help = blocks.CharBlock(label=_("help text"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("required"), required=False)
    show_if_question = blocks.RegexBlock(
        regex=KEY_REGEX,
        required=False,
        label=_("show only if the question with this key…"),
        error_messages={"invalid": _("Use letters a–z, digits and dashes.")},
    )
    show_if_answer = blocks.RegexBlock(
        regex=KEY_REGEX,
        required=False,
        label=_("…was answered with this value"),
        error_messages={"invalid": _("Use letters a–z, digits and dashes.")},
    )


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), label=_("choices"), min_num=1)


class ScaleQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(label=_("lowest"), default=1)
    max_value = blocks.IntegerBlock(label=_("highest"), default=5)
    min_label = blocks.CharBlock(label=_("label of the lowest"), required=False, max_length=80)
    max_label = blocks.CharBlock(label=_("label of the highest"), required=False, max_length=80)


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(label=_("smallest allowed"), required=False)
    max_value = blocks.IntegerBlock(label=_("largest allowed"), required=False)


QUESTION_BLOCKS = [
    ("single_choice", ChoiceQuestionBlock(label=_("Single choice"))),
    ("multiple_choice", ChoiceQuestionBlock(label=_("Multiple choice"))),
    ("scale", ScaleQuestionBlock(label=_("Scale"))),
    ("number", NumberQuestionBlock(label=_("Number"))),
    ("country", QuestionBlock(label=_("Country"))),
    ("text", QuestionBlock(label=_("Free text"))),
]


class Survey(TranslatableMixin, models.Model):
    class Audience(models.TextChoices):
        ANYONE = "anyone", _("Anyone")
        MEMBERS = "members", _("Signed-in members")
        INVITATION = "invitation", _("Whoever has the invitation link")

    class Limit(models.TextChoices):
        MEMBER = "member", _("One per member (members must sign in)")
        SESSION = "session", _("One per browser (or per member when signed in)")

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("Feedback")
        MAPPING = "mapping", _("Diaspora mapping")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in the address, e.g. 'platform-feedback'; the same in every language."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.FEEDBACK)
    audience = models.CharField(
        _("who may answer"), max_length=20, choices=Audience, default=Audience.ANYONE
    )
    invitation_token = models.CharField(
        _("invitation token"),
        max_length=64,
        default=new_token,
        help_text=_("The secret in the invitation link; change it to close old links."),
    )
    limit = models.CharField(
        _("responses allowed"), max_length=20, choices=Limit, default=Limit.SESSION
    )
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    results_public = models.BooleanField(
        _("results are public"),
        default=False,
        help_text=_("Anyone may see the summary (groups under 5 respondents are never shown)."),
    )
    thank_you = models.TextField(_("thank-you message"), blank=True)
    questions = StreamField(QUESTION_BLOCKS, verbose_name=_("questions"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience"), FieldPanel("limit")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [FieldPanel("results_public"), FieldPanel("invitation_token")], heading=_("Access")
        ),
        FieldPanel("questions"),
        FieldPanel("thank_you"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("invitation_token"),
        SynchronizedField("kind"),
        SynchronizedField("audience"),
        SynchronizedField("limit"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("results_public"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:answer", args=[self.slug])

    def clean(self):
        super().clean()
        if self.slug:
            taken = Survey.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(
                translation_key=self.translation_key
            )
            if taken.exists():
                raise ValidationError({"slug": _("Another survey already uses this slug.")})
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A survey must close after it opens.")})
        keys = [q.value["key"] for q in self.questions]
        if len(keys) != len(set(keys)):
            raise ValidationError({"questions": _("Two questions have the same key.")})

    def source(self) -> Survey:
        """The translation responses belong to: the oldest one."""
        if getattr(self, "_source", None) is None:
            self._source = (
                Survey.objects.filter(translation_key=self.translation_key).order_by("pk").first()
            )
        return self._source

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return "not_open"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.state() == "open"


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_responses",
    )
    language = models.CharField(max_length=10, db_index=True)
    country = CountryField(blank=True, db_index=True)
    consent_at = models.DateTimeField()
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["survey", "member"])]

    def __str__(self) -> str:
        return f"{self.survey} · {self.submitted_at:%Y-%m-%d}"


class Answer(models.Model):
    """One answer to one question: a chosen option (one row per option of a multiple choice),
    a number (scale and number questions, `value` holds it as text too), a country code, or a
    free text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=64)
    value = models.CharField(max_length=64, blank=True)
    number = models.IntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "value"])]

    def __str__(self) -> str:
        return f"{self.question}={self.value or self.text[:20]}"
