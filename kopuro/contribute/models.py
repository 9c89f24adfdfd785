"""Contribute: organisations, opportunities to give back with expressions of interest, and
requests for expertise with the members Kopuro proposes for them.

An opportunity is open until its deadline: "closed" is computed when it is read (like the
newsroom's vacancies), never by a job that has to run on time.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from kopuro.accounts.models import Term

USER = settings.AUTH_USER_MODEL


def logo_path(instance, filename: str) -> str:
    return f"organisations/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1][-4:]}"


class Organisation(models.Model):
    class Kind(models.TextChoices):
        DIASPORA = "diaspora", _("Diaspora association")
        NGO = "ngo", _("Non-governmental organisation")
        GOVERNMENT = "government", _("Government body")
        COMPANY = "company", _("Company")
        INTERNATIONAL = "international", _("International organisation")
        ACADEMIC = "academic", _("University or research institute")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True)
    description = models.TextField(_("description"), max_length=4000)
    sectors = models.ManyToManyField(
        Term,
        verbose_name=_("sectors"),
        related_name="organisations",
        limit_choices_to={"vocabulary": Term.Vocabulary.EXPERTISE},
    )
    countries = CountryField(_("countries of operation"), multiple=True, blank=True)
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("contribute:organisation", kwargs={"slug": self.slug})

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Membership(models.Model):
    """A member's place in an organisation. An administrator acts for it (posts opportunities
    and requests) and is checked by staff: the organisation shows as verified once staff have
    verified one of its administrators."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    title = models.CharField(_("position"), max_length=100, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.organisation_id} ({self.role})"


class Opportunity(models.Model):
    class Kind(models.TextChoices):
        VOLUNTEERING = "volunteering", _("Volunteering")
        MENTORING = "mentoring", _("Mentoring")
        INVESTMENT = "investment", _("Investment")
        SKILLS = "skills", _("Knowledge and skills transfer")
        JOB = "job", _("Job")
        PARTNERSHIP = "partnership", _("Project partnership")
        DONATION = "donation", _("Donation or crowdfunding")
        EVENT = "event", _("Event")

    class Mode(models.TextChoices):
        REMOTE = "remote", _("Remote")
        ON_SITE = "on-site", _("On site")
        EITHER = "either", _("Remote or on site")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), max_length=6000)
    posted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="opportunities"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opportunities",
    )
    sectors = models.ManyToManyField(
        Term,
        verbose_name=_("sectors"),
        related_name="opportunities",
        limit_choices_to={"vocabulary": Term.Vocabulary.EXPERTISE},
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    region = models.CharField(_("region or city"), max_length=120, blank=True)
    mode = models.CharField(_("where"), max_length=10, choices=Mode.choices, default=Mode.EITHER)
    skills = models.CharField(_("skills sought"), max_length=300, blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "created_at"]), models.Index(fields=["deadline"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contribute:opportunity", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        if self.withdrawn_at:
            return False
        return self.deadline is None or self.deadline > timezone.now()

    @staticmethod
    def open_q(now=None) -> Q:
        now = now or timezone.now()
        return Q(withdrawn_at__isnull=True) & (Q(deadline__isnull=True) | Q(deadline__gt=now))


class Interest(models.Model):
    """A member's expression of interest in an opportunity and where it stands."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="interests")
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SENT)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "user"], name="interest_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.opportunity_id} ({self.status})"


class ExpertiseRequest(models.Model):
    """A request for expertise (as a government asks diaspora professionals for help)."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what is needed"), max_length=6000)
    expertise = models.ManyToManyField(
        Term,
        verbose_name=_("expertise needed"),
        related_name="expertise_requests",
        limit_choices_to={"vocabulary": Term.Vocabulary.EXPERTISE},
    )
    languages = models.ManyToManyField(
        Term,
        verbose_name=_("languages needed"),
        related_name="+",
        blank=True,
        limit_choices_to={"vocabulary": Term.Vocabulary.LANGUAGE},
    )
    duration = models.CharField(_("duration"), max_length=100)
    place = models.CharField(_("place"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    remote = models.BooleanField(_("can be done remotely"), default=False)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="expertise_requests",
    )
    requested_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("request for expertise")
        verbose_name_plural = _("requests for expertise")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contribute:expertise_request", kwargs={"pk": self.pk})


class ExpertiseMatch(models.Model):
    """A member proposed for a request, the score and reasons that made it, and their answer."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    request = models.ForeignKey(ExpertiseRequest, on_delete=models.CASCADE, related_name="matches")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="expertise_matches")
    score = models.PositiveSmallIntegerField(default=0)
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    invited_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "user"], name="expertise_match_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} for {self.request_id} ({self.status})"


class ContributeSettings(models.Model):
    """A member's consent to be proposed for requests for expertise."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="contribute_settings")
    expertise_requests = models.BooleanField(
        _("Organisations and the office may invite me to requests for expertise"), default=False
    )

    def __str__(self) -> str:
        return f"settings {self.user_id}"
