from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopuro.api.models import PERSONAL_SCOPES

EXPIRY = [
    ("30", _("in 30 days")),
    ("90", _("in 90 days")),
    ("365", _("in a year")),
    ("never", _("never")),
]
MAX_LIVE_TOKENS = 10


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What it is for, so you recognise it later (“my calendar script”)."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("What it may read"),
        choices=[(s.value, s.label) for s in PERSONAL_SCOPES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing the token may read.")},
    )
    expires = forms.ChoiceField(label=_("Expires"), choices=EXPIRY, initial="90")

    def expires_at(self):
        value = self.cleaned_data["expires"]
        return None if value == "never" else timezone.now() + timedelta(days=int(value))
