"""Forms for Learn: the library's search and facets (GET), contributing a resource, and the
moderator's reason for returning one. They validate input only."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kopuro.accounts.forms import TermChoiceField
from kopuro.accounts.models import Term
from kopuro.core.uploads import (
    PolicyDocumentField,
    PolicyImageField,
    check_document,
    check_image,
    check_size,
    document_kind,
)
from kopuro.learn.models import Resource

error_messages = {
    "file_type": _(
        "This kind of file is not accepted. Upload a PDF, a Word, Excel or PowerPoint file "
        "(.docx, .xlsx, .pptx), an OpenDocument file, plain text or CSV, or an image (JPEG, "
        "PNG, WebP or GIF)."
    ),
    "file_or_link": _("Add a file or a link (or both), so readers can get the resource."),
    "web_link": _("Enter a web address that starts with http:// or https://."),
    "year": _("Enter a year between 1950 and %(max)s."),
    "course_link": _("Add the enrolment link or a link to the course."),
}

WEB_URL = URLValidator(schemes=["http", "https"])

SORT_CHOICES = [("newest", _("Newest")), ("saved", _("Most saved"))]


class ResourceFileField(PolicyDocumentField):
    """A document on the allow-list or an image, judged by content (kopuro.core.uploads)."""

    def to_python(self, data):
        f = forms.FileField.to_python(self, data)
        if f is None:
            return None
        check_size(f)
        f.seek(0)
        head = f.read(1024 * 1024)
        f.seek(0)
        try:
            is_document = document_kind(head) is not None
        except Exception:  # macros: let check_document give its own message
            is_document = True
        if is_document:
            check_document(f)
            return f
        try:
            check_image(f)
        except ValidationError as e:
            if e.code in ("too_many_pixels", "too_large"):
                raise
            raise ValidationError(error_messages["file_type"], code="file_type") from None
        return f


class WebURLField(forms.URLField):
    default_validators = [WEB_URL]
    default_error_messages = {"invalid": error_messages["web_link"]}

    def to_python(self, value):
        value = (value or "").strip()
        if value and "://" not in value and not value.lower().startswith(("http:", "https:")):
            # Django would quietly prefix "http://"; a link like "javascript:…" or "ftp:…"
            # must be refused, not rewritten.
            if ":" in value.split("/", 1)[0]:
                raise ValidationError(error_messages["web_link"], code="invalid")
        return super().to_python(value)


class CountriesField(forms.MultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=list(countries), **kwargs)
        self.widget.attrs.setdefault("size", 6)


def _term_choices(vocabulary: str, empty) -> list:
    terms = Term.objects.filter(vocabulary=vocabulary).order_by("position", "label_en")
    return [("", empty), *[(t.slug, t.label) for t in terms]]


class LibraryForm(forms.Form):
    """The library's search, facets and sort. Every field is optional; a bad value is reported
    and left out, the rest applies."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Words in the title, summary or publisher"),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    FACETS = ("kind", "topic", "language", "country", "year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *Resource.Kind.choices]
        self.fields["topic"].choices = _term_choices(Term.Vocabulary.EXPERTISE, _("Any topic"))
        self.fields["language"].choices = _term_choices(Term.Vocabulary.LANGUAGE, _("Any language"))
        self.fields["country"].choices = [("", _("Any country")), *list(countries)]

    def filters(self) -> dict:
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: v for k, v in data.items() if v not in (None, "")}

    def show_counts(self, facets: dict) -> None:
        """Label each choice with how many resources it would show, and keep only choices that
        show some (plus the one chosen)."""
        chosen = self.filters()
        for name in ("kind", "topic", "language", "country"):
            counts = facets.get(name, {})
            field = self.fields[name]
            options = [field.choices[0]]
            for value, label in field.choices[1:]:
                n = counts.get(value, 0)
                if n or chosen.get(name) == value:
                    options.append((value, f"{label} ({n})"))
            field.choices = options

    @property
    def active_count(self) -> int:
        return len([k for k in self.filters() if k in self.FACETS])


class ResourceForm(forms.ModelForm):
    """Contribute or edit a resource. A file or a link is needed; courses add their details."""

    languages = TermChoiceField(Term.Vocabulary.LANGUAGE, label=_("Languages"))
    topics = TermChoiceField(Term.Vocabulary.EXPERTISE, label=_("Topics"))
    countries = CountriesField(
        label=_("Countries it is about"),
        required=False,
        help_text=_("Leave empty when it is not about particular countries."),
    )
    upload = ResourceFileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, office documents or an image; %(limit)s at most."),
    )
    remove_file = forms.BooleanField(label=_("Remove the current file"), required=False)
    external_url = WebURLField(
        label=_("Link"),
        required=False,
        max_length=500,
        help_text=_("Where the resource is published (a web page or a video)."),
    )
    enrolment_url = WebURLField(label=_("Enrolment link"), required=False, max_length=500)
    cover_upload = PolicyImageField(label=_("Cover image"), required=False)

    class Meta:
        model = Resource
        fields = [
            "title",
            "summary",
            "kind",
            "languages",
            "topics",
            "countries",
            "publisher",
            "year",
            "licence",
            "external_url",
            "provider",
            "duration",
            "level",
            "certificate",
            "enrolment_url",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.conf import settings
        from django.template.defaultfilters import filesizeformat

        self.fields["upload"].help_text = self.fields["upload"].help_text % {
            "limit": filesizeformat(settings.KOPURO_UPLOAD_MAX_BYTES)
        }
        self.fields["year"].widget = forms.NumberInput(attrs={"min": 1950, "max": 2100})
        if self.instance.pk:
            self.initial["countries"] = [str(c) for c in self.instance.countries]
        if not (self.instance.pk and self.instance.file):
            del self.fields["remove_file"]

    def clean_year(self):
        year = self.cleaned_data.get("year")
        top = datetime.date.today().year + 1
        if year is not None and not (1950 <= year <= top):
            raise ValidationError(error_messages["year"], params={"max": top}, code="year")
        return year

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("upload")) or (
            self.instance.pk and self.instance.file and not data.get("remove_file")
        )
        if not has_file and not data.get("external_url") and not self.has_error("upload"):
            if not self.has_error("external_url"):
                self.add_error("external_url", error_messages["file_or_link"])
        if data.get("kind") == Resource.Kind.COURSE:
            if not (data.get("enrolment_url") or data.get("external_url")):
                if not self.has_error("enrolment_url"):
                    self.add_error("enrolment_url", error_messages["course_link"])
        return data

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["countries"] = self.cleaned_data.get("countries") or []
        return data


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it returned?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the resource is returned.")},
    )
