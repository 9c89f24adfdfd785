"""Members: the User (e-mail login), their Profile with a visibility per field, the controlled
vocabularies profiles draw on, and the record of what each member consented to."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A Kopuro account. The e-mail address is the login; there is no username."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    # The interface language the member last used (from the /en/ /ru/ /ky/ address), so what is
    # sent to them later without a request (notification e-mails, digests) speaks it too.
    language = models.CharField(_("language"), max_length=8, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        profile = getattr(self, "profile", None)
        return profile.display_name if profile else self.email

    def get_short_name(self) -> str:
        return self.get_full_name()


class Term(models.Model):
    """An entry in a controlled vocabulary, labelled in every interface language.

    One table serves fields of expertise (used for expertise and interests), kinds of
    contribution (what members offer and seek) and languages spoken.
    """

    class Vocabulary(models.TextChoices):
        EXPERTISE = "expertise", _("Field of expertise")
        CONTRIBUTION = "contribution", _("Kind of contribution")
        LANGUAGE = "language", _("Language")

    vocabulary = models.CharField(_("vocabulary"), max_length=20, choices=Vocabulary.choices)
    slug = models.SlugField(_("code"), max_length=60)
    label_en = models.CharField(_("label (English)"), max_length=100)
    label_ru = models.CharField(_("label (Russian)"), max_length=100)
    label_ky = models.CharField(_("label (Kyrgyz)"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("vocabulary term")
        verbose_name_plural = _("vocabulary terms")
        ordering = ["vocabulary", "position", "label_en"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "slug"], name="term_unique_slug")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        lang = (get_language() or "en")[:2]
        return getattr(self, f"label_{lang}", "") or self.label_en


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only")
    PRIVATE = "private", _("Only me")


def visibility_field(default: str = Visibility.MEMBERS):
    return models.CharField(
        _("who can see this"), max_length=10, choices=Visibility.choices, default=default
    )


class TaggedProfile(TaggedItemBase):
    content_object = models.ForeignKey("Profile", on_delete=models.CASCADE, related_name="+")


def photo_path(instance, filename: str) -> str:
    # Random names: a photo's address tells nothing about whose it is.
    import uuid

    return f"profiles/{uuid.uuid4().hex}/{filename.rsplit('/', 1)[-1]}"


class Profile(models.Model):
    """What a member tells the community about themselves, each part with its own visibility.

    The display name is shown to whoever may see the profile at all; every other group of
    fields has a `<group>_visibility`. `in_directory` is a separate choice: a member can keep a
    profile that people they contact can open, without being listed in the directory.
    """

    VISIBILITY_GROUPS = (
        "photo",
        "headline",
        "bio",
        "origin",
        "residence",
        "languages",
        "expertise",
        "offers",
        "links",
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    handle = models.SlugField(_("profile address"), max_length=40, unique=True)
    display_name = models.CharField(_("display name"), max_length=80)

    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    photo_small = models.ImageField(upload_to=photo_path, blank=True, editable=False)
    photo_visibility = visibility_field(Visibility.PUBLIC)

    headline = models.CharField(
        _("headline"),
        max_length=120,
        blank=True,
        help_text=_("One line about you, such as “Civil engineer in Almaty”."),
    )
    headline_visibility = visibility_field(Visibility.PUBLIC)
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    bio_visibility = visibility_field(Visibility.MEMBERS)

    origin_country = CountryField(_("country of origin"), blank=True)
    origin_region = models.CharField(_("region or city of origin"), max_length=80, blank=True)
    origin_visibility = visibility_field(Visibility.MEMBERS)

    residence_country = CountryField(_("country of residence"), blank=True)
    residence_city = models.CharField(_("city of residence"), max_length=80, blank=True)
    residence_visibility = visibility_field(Visibility.MEMBERS)

    languages = models.ManyToManyField(
        Term,
        verbose_name=_("languages I speak"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": Term.Vocabulary.LANGUAGE},
    )
    languages_visibility = visibility_field(Visibility.MEMBERS)

    expertise = models.ManyToManyField(
        Term,
        verbose_name=_("fields of expertise"),
        blank=True,
        related_name="experts",
        limit_choices_to={"vocabulary": Term.Vocabulary.EXPERTISE},
    )
    interests = models.ManyToManyField(
        Term,
        verbose_name=_("interests"),
        blank=True,
        related_name="interested",
        limit_choices_to={"vocabulary": Term.Vocabulary.EXPERTISE},
    )
    tags = TaggableManager(
        verbose_name=_("other skills and interests"),
        through=TaggedProfile,
        blank=True,
        help_text=_("Your own words, separated by commas."),
    )
    expertise_visibility = visibility_field(Visibility.PUBLIC)

    offers = models.ManyToManyField(
        Term,
        verbose_name=_("what I offer"),
        blank=True,
        related_name="offered_by",
        limit_choices_to={"vocabulary": Term.Vocabulary.CONTRIBUTION},
    )
    seeks = models.ManyToManyField(
        Term,
        verbose_name=_("what I seek"),
        blank=True,
        related_name="sought_by",
        limit_choices_to={"vocabulary": Term.Vocabulary.CONTRIBUTION},
    )
    offers_visibility = visibility_field(Visibility.MEMBERS)

    website = models.URLField(_("website"), max_length=300, blank=True)
    linkedin = models.URLField(_("LinkedIn"), max_length=300, blank=True)
    links_visibility = visibility_field(Visibility.MEMBERS)

    in_directory = models.BooleanField(
        _("show me in the member directory"),
        default=False,
        help_text=_("Other members can find you by search and filters."),
    )
    onboarded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [
            models.Index(fields=["in_directory", "residence_country"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("accounts:profile", kwargs={"handle": self.handle})

    @property
    def public_photo_url(self) -> str:
        """The small photo's address when everyone may see it, else ""."""
        if self.photo_small and self.photo_visibility == Visibility.PUBLIC:
            return self.photo_small.url
        return ""


class Consent(models.Model):
    """What a member accepted and when: the terms and privacy notice at sign-up, by version."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("Terms of use and privacy notice")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    version = models.CharField(max_length=20)
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-accepted_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.version}"
