"""Forms for sign-up, the profile (each group of fields with its visibility), photo and deletion."""

import re
from urllib.parse import urlsplit

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.socialaccount.forms import SignupForm as AllauthSocialSignupForm
from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kopuro.accounts.models import Profile, Term, Visibility
from kopuro.accounts.services import member_sign_up
from kopuro.core.uploads import PolicyImageField

error_messages = {
    "linkedin": _(
        "Enter the address of your LinkedIn profile, such as https://www.linkedin.com/in/your-name."
    ),
    "photo_required": _("Choose a photo to upload."),
    "terms": _("Please accept the terms of use and the privacy notice to create an account."),
    "confirm": _("This does not match. Type your e-mail address exactly as shown."),
    "password": _("The password is not correct."),
}


WEB_URL = URLValidator(schemes=["http", "https"])


def _terms_label():
    return format_html(
        _('I accept the <a href="{}">terms of use and privacy notice</a> (version {}).'),
        reverse_lazy("core:privacy"),
        settings.KOPURO_TERMS_VERSION,
    )


class MemberSignupFields(forms.Form):
    """What Kopuro adds to allauth's sign-up forms: a display name and the accepted terms,
    saved with the account or not at all."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("As other members will see it. You can change it later."),
    )
    accept_terms = forms.BooleanField(
        label=lazy(_terms_label, SafeString)(),
        required=True,
        error_messages={"required": error_messages["terms"]},
    )

    def save(self, request):
        with transaction.atomic():
            user = super().save(request)
            member_sign_up(user=user, display_name=self.cleaned_data["display_name"])
        return user


class SignupForm(MemberSignupFields, AllauthSignupForm):
    """Sign-up with e-mail and password."""

    field_order = ["display_name", "email", "password1", "password2", "accept_terms"]

    def validate_unique_email(self, value) -> str:
        """Say plainly that the address is taken, on the form (the issue asks for a clear
        message, not allauth's silent "check your mail" for enumeration prevention). Password
        reset keeps enumeration prevention; sign-up is rate limited per IP."""
        email = super().validate_unique_email(value)
        if self.account_already_exists:
            raise get_adapter().validation_error("email_taken")
        return email


class SocialSignupForm(MemberSignupFields, AllauthSocialSignupForm):
    """The short form after a first sign-in with Google, Facebook or LinkedIn: the name to show
    and the terms, which a provider cannot accept on the member's behalf."""

    field_order = ["display_name", "email", "accept_terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = str(self.sociallogin.account.extra_data.get("name") or "").strip()
        self.initial.setdefault("display_name", name[:80])


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, vocabulary: str, **kwargs):
        super().__init__(queryset=Term.objects.filter(vocabulary=vocabulary), **kwargs)

    def label_from_instance(self, obj: Term) -> str:
        return obj.label

    def _check_values(self, value):
        # Django passes any string to the database as a key; a number beyond a 64-bit integer
        # makes SQLite (and PostgreSQL) fail with a server error instead of a form error.
        for pk in value if isinstance(value, list | tuple) else ():
            if not (isinstance(pk, str | int) and re.fullmatch(r"[0-9]{1,18}", str(pk))):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


# Fields of the profile form, grouped as the page shows them; each group ends with who may
# see it. The groups map onto Profile.VISIBILITY_GROUPS.
PROFILE_SECTIONS = [
    ("about", _("About you"), [("display_name", None), ("headline", "headline"), ("bio", "bio")]),
    (
        "place",
        _("Where you are from and where you live"),
        [
            ("origin_country", None),
            ("origin_region", "origin"),
            ("residence_country", None),
            ("residence_city", "residence"),
        ],
    ),
    (
        "skills",
        _("What you know"),
        [
            ("languages", "languages"),
            ("expertise", None),
            ("interests", None),
            ("tags", "expertise"),
        ],
    ),
    ("give", _("What you offer and seek"), [("offers", None), ("seeks", "offers")]),
    ("links", _("Links"), [("website", None), ("linkedin", "links")]),
    (
        "privacy",
        _("Directory and photo"),
        [("in_directory", None), ("photo_visibility", None)],
    ),
]


VISIBILITY_LABELS = {
    "headline": _("Who can see your headline"),
    "bio": _("Who can see “About me”"),
    "origin": _("Who can see where you are from"),
    "residence": _("Who can see where you live"),
    "languages": _("Who can see your languages"),
    "expertise": _("Who can see your expertise and interests"),
    "offers": _("Who can see what you offer and seek"),
    "links": _("Who can see your links"),
    "photo": _("Who can see your photo"),
}


class ProfileForm(forms.ModelForm):
    languages = TermChoiceField(
        Term.Vocabulary.LANGUAGE, required=False, label=_("Languages I speak")
    )
    expertise = TermChoiceField(
        Term.Vocabulary.EXPERTISE, required=False, label=_("Fields of expertise")
    )
    interests = TermChoiceField(Term.Vocabulary.EXPERTISE, required=False, label=_("Interests"))
    offers = TermChoiceField(Term.Vocabulary.CONTRIBUTION, required=False, label=_("What I offer"))
    seeks = TermChoiceField(Term.Vocabulary.CONTRIBUTION, required=False, label=_("What I seek"))
    tags = forms.CharField(
        label=_("Other skills and interests"),
        required=False,
        max_length=500,
        help_text=_("Your own words, separated by commas."),
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "headline",
            "headline_visibility",
            "bio",
            "bio_visibility",
            "origin_country",
            "origin_region",
            "origin_visibility",
            "residence_country",
            "residence_city",
            "residence_visibility",
            "languages",
            "languages_visibility",
            "expertise",
            "interests",
            "expertise_visibility",
            "offers",
            "seeks",
            "offers_visibility",
            "website",
            "linkedin",
            "links_visibility",
            "photo_visibility",
            "in_directory",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, sections=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["tags"] = ", ".join(sorted(t.name for t in self.instance.tags.all()))
        for name in ("website", "linkedin"):
            if name in self.fields:
                # Links are shown to others: web addresses only (no ftp:, no javascript:).
                self.fields[name].validators.append(WEB_URL)
        for group, label in VISIBILITY_LABELS.items():
            name = f"{group}_visibility"
            if name in self.fields:
                # Always sent by the select; when missing, the current choice stays.
                self.fields[name].required = False
                self.fields[name].label = label
        self.sections = sections
        if sections is not None:
            keep = set()
            for key, _title, items in PROFILE_SECTIONS:
                if key in sections:
                    for name, group in items:
                        keep.add(name)
                        if group:
                            keep.add(f"{group}_visibility")
            for name in list(self.fields):
                if name not in keep:
                    del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        for group in VISIBILITY_LABELS:
            name = f"{group}_visibility"
            if name in self.fields and not cleaned.get(name):
                cleaned[name] = getattr(self.instance, name)
        return cleaned

    def clean_linkedin(self) -> str:
        value = self.cleaned_data.get("linkedin", "")
        if value:
            host = (urlsplit(value).hostname or "").lower()
            if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
                raise forms.ValidationError(error_messages["linkedin"], code="linkedin")
        return value

    def clean_tags(self) -> list[str]:
        raw = self.cleaned_data.get("tags", "")
        names = []
        for part in raw.split(","):
            name = " ".join(part.split())[:60]
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
        if len(names) > 20:
            raise forms.ValidationError(_("Add at most 20 of your own words."))
        return names

    def grouped(self):
        """The form's fields in their sections, each visibility select after its fields."""
        out = []
        for key, title, items in PROFILE_SECTIONS:
            if self.sections is not None and key not in self.sections:
                continue
            fields = []
            for name, group in items:
                fields.append(self[name])
                if group:
                    fields.append(self[f"{group}_visibility"])
            out.append({"key": key, "title": title, "fields": fields})
        return out


class PhotoForm(forms.Form):
    photo = PolicyImageField(
        label=_("Photo"),
        error_messages={"required": error_messages["photo_required"]},
    )
    photo_visibility = forms.ChoiceField(
        label=VISIBILITY_LABELS["photo"],
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        required=False,  # always sent by the select; when missing, the current choice stays
    )

    def __init__(self, *args, require_photo: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # With a photo already there, the form may change only who sees it.
        self.fields["photo"].required = require_photo
        self.fields["photo"].help_text = _(
            "JPEG, PNG, WebP or GIF, up to %(size)s. We remove location and camera data."
        ) % {"size": filesizeformat(settings.KOPURO_UPLOAD_MAX_BYTES)}


class DeleteAccountForm(forms.Form):
    confirm_email = forms.CharField(label=_("Type your e-mail address to confirm"), max_length=254)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self):
        value = self.cleaned_data["confirm_email"].strip().lower()
        if value != self.user.email.lower():
            raise forms.ValidationError(error_messages["confirm"], code="confirm")
        return value
