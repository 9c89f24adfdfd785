"""Forms for Contribute. They validate input only; views call one service with the result."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kopuro.accounts.forms import TermChoiceField
from kopuro.accounts.models import Term
from kopuro.contribute.models import Membership, Opportunity, Organisation
from kopuro.core.uploads import PolicyImageField
from kopuro.learn.forms import CountriesField, WebURLField

error_messages = {
    "deadline_past": _("The deadline has passed already. Choose a date in the future."),
    "not_admin": _("Only an organisation's administrators can post on its behalf."),
}


def _term_slugs(vocabulary: str, empty) -> list:
    terms = Term.objects.filter(vocabulary=vocabulary).order_by("position", "label_en")
    return [("", empty), *[(t.slug, t.label) for t in terms]]


class _Filters(forms.Form):
    def filters(self) -> dict:
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: v for k, v in data.items() if v not in (None, "", False)}

    @property
    def active_count(self) -> int:
        return len([k for k in self.filters() if k not in ("q", "sort")])


class OrganisationFilterForm(_Filters):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Type"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    country = forms.ChoiceField(label=_("Works in (country)"), required=False)
    verified = forms.BooleanField(label=_("Verified only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any type")), *Organisation.Kind.choices]
        self.fields["sector"].choices = _term_slugs(Term.Vocabulary.EXPERTISE, _("Any sector"))
        self.fields["country"].choices = [("", _("Any country")), *list(countries)]


class OpportunityFilterForm(_Filters):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    mode = forms.ChoiceField(label=_("Where"), required=False)
    closed = forms.BooleanField(label=_("Show closed ones too"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *Opportunity.Kind.choices]
        self.fields["sector"].choices = _term_slugs(Term.Vocabulary.EXPERTISE, _("Any sector"))
        self.fields["country"].choices = [("", _("Any country")), *list(countries)]
        self.fields["mode"].choices = [("", _("Anywhere")), *Opportunity.Mode.choices]


class OrganisationForm(forms.ModelForm):
    sectors = TermChoiceField(Term.Vocabulary.EXPERTISE, label=_("Sectors"))
    countries = CountriesField(label=_("Countries of operation"), required=False)
    website = WebURLField(label=_("Website"), required=False, max_length=300)
    logo_upload = PolicyImageField(label=_("Logo"), required=False)

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "description",
            "sectors",
            "countries",
            "country",
            "city",
            "website",
            "email",
            "phone",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"city": _("Where its office is; it is shown on the map.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["countries"] = [str(c) for c in self.instance.countries]

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["countries"] = self.cleaned_data.get("countries") or []
        return data


class JoinForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Your role"),
        choices=[
            (Membership.Role.MEMBER, _("I am a member or volunteer")),
            (
                Membership.Role.ADMIN,
                _("I act for it (staff will check before it shows as verified)"),
            ),
        ],
        widget=forms.RadioSelect,
        initial=Membership.Role.MEMBER,
    )
    title = forms.CharField(label=_("Your position (optional)"), required=False, max_length=100)


class _OnBehalf:
    """An "on behalf of" choice limited to the organisations the member administers."""

    def _limit_organisations(self, user):
        field = self.fields["organisation"]
        if user.is_staff:
            field.queryset = Organisation.objects.order_by("name")
        else:
            field.queryset = Organisation.objects.filter(
                memberships__user=user, memberships__role=Membership.Role.ADMIN
            ).order_by("name")
        if getattr(self, "staff_only", False):
            # Requests come from the office (staff) or from an organisation one administers.
            field.empty_label = _("The office") if user.is_staff else None
            field.required = not user.is_staff
        else:
            field.empty_label = _("Myself")
        field.error_messages["invalid_choice"] = error_messages["not_admin"]


class OrganisationChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not str(value).isdigit() or len(str(value)) > 12:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class OpportunityForm(_OnBehalf, forms.ModelForm):
    organisation = OrganisationChoiceField(
        label=_("Posted by"), queryset=Organisation.objects.none(), required=False
    )
    sectors = TermChoiceField(Term.Vocabulary.EXPERTISE, label=_("Sectors"))
    countries = CountriesField(label=_("Countries"), required=False)
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day to respond. It closes by itself at the end of that day."),
    )

    class Meta:
        model = Opportunity
        fields = [
            "title",
            "kind",
            "organisation",
            "description",
            "sectors",
            "countries",
            "region",
            "mode",
            "skills",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_organisations(user)
        if self.instance.pk:
            self.initial["countries"] = [str(c) for c in self.instance.countries]
            if self.instance.deadline:
                self.initial["deadline"] = timezone.localtime(self.instance.deadline).date()

    def clean_deadline(self):
        day = self.cleaned_data.get("deadline")
        if day is None:
            return None
        if day.year > 9000:
            raise forms.ValidationError(error_messages["deadline_past"])
        import datetime

        end = timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))
        if self.instance.pk and self.instance.deadline == end:
            return end
        if end <= timezone.now():
            raise forms.ValidationError(error_messages["deadline_past"], code="deadline_past")
        return end

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["countries"] = self.cleaned_data.get("countries") or []
        data["deadline"] = self.cleaned_data.get("deadline")
        return data


class InterestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What you can offer and how to reach you. The poster sees your name and this message."
        ),
        error_messages={"required": _("Please write a few words about what you can offer.")},
    )


class ExpertiseRequestForm(_OnBehalf, forms.Form):
    staff_only = True
    title = forms.CharField(label=_("Title"), max_length=200)
    organisation = OrganisationChoiceField(
        label=_("Requested by"), queryset=Organisation.objects.none(), required=False
    )
    description = forms.CharField(
        label=_("What is needed"), max_length=6000, widget=forms.Textarea(attrs={"rows": 6})
    )
    expertise = TermChoiceField(Term.Vocabulary.EXPERTISE, label=_("Expertise needed"))
    languages = TermChoiceField(
        Term.Vocabulary.LANGUAGE, label=_("Languages needed"), required=False
    )
    duration = forms.CharField(
        label=_("Duration"), max_length=100, help_text=_("For example “two weeks in May”.")
    )
    place = forms.CharField(label=_("Place"), max_length=120, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    remote = forms.BooleanField(label=_("Can be done remotely"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_organisations(user)
        self.fields["country"].choices = [("", _("Any or none")), *list(countries)]


class ContributeSettingsForm(forms.Form):
    expertise_requests = forms.BooleanField(
        label=_("Organisations and the office may invite me to requests for expertise"),
        required=False,
        help_text=_(
            "Kopuro proposes you when your expertise fits, using only what your profile lets "
            "members see. You decide on each invitation."
        ),
    )
