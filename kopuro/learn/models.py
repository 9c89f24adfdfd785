"""Learn: the resource library.

A resource is a guide, toolkit, report, law, information material, course, video or data set,
with a file (checked by content, kopuro.core.uploads) or a link. Members contribute resources
that wait in the moderation queue; staff publish directly. Every save keeps a revision.

Resources are plain models rather than Wagtail pages: members write them through a front-end
form, they have one language set each (a resource in Russian is its own row), and the library
needs facets over many-to-many fields, which a page tree does not give cheaply.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from kopuro.accounts.models import Term

USER = settings.AUTH_USER_MODEL


def resource_file_path(instance, filename: str) -> str:
    return f"resources/{uuid.uuid4().hex}/{filename.rsplit('/', 1)[-1][-120:]}"


def resource_cover_path(instance, filename: str) -> str:
    return f"resources/covers/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1][-4:]}"


class Resource(models.Model):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TOOLKIT = "toolkit", _("Toolkit")
        RESEARCH = "research", _("Research report")
        LAW = "law", _("Law or policy")
        INFORMATION = "information", _("Public information material")
        COURSE = "course", _("Course or e-learning")
        VIDEO = "video", _("Video")
        DATASET = "dataset", _("Data set")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for moderation")
        RETURNED = "returned", _("Returned to the contributor")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Licence(models.TextChoices):
        CC_BY = "cc-by", _("Creative Commons Attribution (CC BY)")
        CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution-ShareAlike (CC BY-SA)")
        CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution-NonCommercial (CC BY-NC)")
        PUBLIC_DOMAIN = "public-domain", _("Public domain")
        REUSE = "reuse", _("Free to share with credit to the publisher")
        RESERVED = "reserved", _("All rights reserved (read only)")

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True, allow_unicode=False)
    summary = models.TextField(_("summary"), max_length=2000)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    languages = models.ManyToManyField(
        Term,
        verbose_name=_("languages"),
        related_name="+",
        limit_choices_to={"vocabulary": Term.Vocabulary.LANGUAGE},
    )
    topics = models.ManyToManyField(
        Term,
        verbose_name=_("topics"),
        related_name="resources",
        limit_choices_to={"vocabulary": Term.Vocabulary.EXPERTISE},
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.REUSE
    )
    file = models.FileField(_("file"), upload_to=resource_file_path, blank=True, max_length=200)
    file_kind = models.CharField(max_length=10, blank=True, editable=False)
    file_size = models.PositiveIntegerField(default=0, editable=False)
    external_url = models.URLField(_("link"), max_length=500, blank=True)
    cover = models.ImageField(_("cover image"), upload_to=resource_cover_path, blank=True)

    # Courses
    provider = models.CharField(_("course provider"), max_length=200, blank=True)
    duration = models.CharField(_("duration"), max_length=100, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    certificate = models.BooleanField(_("a certificate is given"), default=False)
    enrolment_url = models.URLField(_("enrolment link"), max_length=500, blank=True)

    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    return_reason = models.TextField(_("reason for returning"), max_length=2000, blank=True)
    contributor = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    save_count = models.PositiveIntegerField(default=0)
    download_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["status", "save_count"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learn:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_course(self) -> bool:
        return self.kind == self.Kind.COURSE


class ResourceRevision(models.Model):
    """What a resource said after each save, who saved it and why (the history staff read)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="revisions")
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True)
    action = models.CharField(max_length=20)  # created, edited, published, returned, withdrawn
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.resource_id} {self.action}"


class Bookmark(models.Model):
    """A resource in a member's library."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="bookmarks")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "resource"], name="bookmark_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} ♥ {self.resource_id}"
