"""Forms: the service-point filters (a GET form: it changes nothing)."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kopuro.infodesk.cities import city_choices
from kopuro.infodesk.languages import language_choices
from kopuro.infodesk.models import ServicePoint


class ServicePointFilterForm(forms.Form):
    error_messages = {
        "half_location": _("Send both the latitude and the longitude, or neither."),
    }

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *ServicePoint.Kind.choices]
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Speaks"), required=False)
    free = forms.BooleanField(label=_("Free of charge only"), required=False)
    near = forms.ChoiceField(label=_("Nearest to"), required=False)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lng = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        used = ServicePoint.objects.filter(active=True).values_list("country", flat=True)
        codes = sorted(set(used))
        names = dict(countries)
        self.fields["country"].choices = [("", _("Any country"))] + sorted(
            ((c, str(names.get(c, c))) for c in codes), key=lambda kv: kv[1]
        )
        self.fields["language"].choices = [("", _("Any language")), *language_choices()]
        self.fields["near"].choices = [("", _("Choose a city")), *city_choices(language)]

    def clean(self):
        data = super().clean()
        if (data.get("lat") is None) != (data.get("lng") is None):
            raise forms.ValidationError(self.error_messages["half_location"], code="half_location")
        return data
