"""Forms for Connect: they validate input only; views call a service or selector with it."""

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kopuro.accounts.models import Term
from kopuro.connect.models import NotificationPreference, Report
from kopuro.connect.notifications import kinds
from kopuro.connect.selectors import directory_terms

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("newest", _("Newest members")),
    ("complete", _("Most complete profiles")),
]


def _attrs(attrs: dict) -> str:
    """Attributes as django/forms/widgets/attrs.html writes them (in order; True alone)."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False and value is not None
        ),
    )


class QuickTextInput(forms.TextInput):
    """A text <input> written out in Python, as Django's input template writes it (without a
    template render: the directory's form has four, on every search)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        value = self.format_value(value)
        value_html = format_html(' value="{}"', value) if value is not None else ""
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            value_html,
            _attrs(final_attrs),
        )


class QuickSelect(forms.Select):
    """A <select> written out in Python: the HTML of Django's select templates (the same
    attributes, escaped the same way), without a template render per option. The directory's
    two country lists hold about 250 options each; through the templates they were most of the
    page's time. Flat choices are written in one loop over (value, label) pairs, without
    building Django's option dicts; grouped choices go through `optgroups`."""

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return self._render_groups(name, value, attrs)
        final_attrs = self.build_attrs(self.attrs, attrs)
        selected = set(self.format_value(value))
        parts = [format_html('<select name="{}"{}>', name, _attrs(final_attrs))]
        found = False
        escaped = self.choices.escaped() if isinstance(self.choices, Ready) else _escape(choices)
        for option_value, value_html, label_html in escaped:
            mark = ""
            if not found and option_value in selected:
                found, mark = True, " selected"
            parts.append(f'<option value="{value_html}"{mark}>{label_html}</option>')
        parts.append("</select>")
        return mark_safe("\n".join(parts))  # noqa: S308 - every part is escaped above

    def _render_groups(self, name, value, attrs):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option["value"],
                    _attrs(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("\n".join(parts))  # noqa: S308 - every part is escaped above


class TermChoiceField(forms.ModelChoiceField):
    """A vocabulary term by id; a value that is no term (or no number) is a form error.

    The terms come from `selectors.directory_terms` (the data cache), not from a query per field: the
    choices are (id, label in the active language) and a value is looked up among them."""

    def __init__(self, *args, vocabulary: str, **kwargs):
        super().__init__(*args, queryset=Term.objects.none(), **kwargs)
        self.vocabulary = vocabulary

    def label_from_instance(self, obj):
        return obj.label

    def load_terms(self) -> None:
        """Fill the choices from the cached terms (once per form, in the active language)."""
        self.terms = {t.pk: t for t in directory_terms(self.vocabulary)}
        self.queryset = Term.objects.filter(vocabulary=self.vocabulary)
        self.choices = Ready(
            [("", self.empty_label), *((t.pk, t.label) for t in self.terms.values())]
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not str(value).isdigit() or len(str(value)) > 12:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        found = self.terms.get(int(value))
        if found is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found


class Ready(BaseChoiceIterator):
    """Choices already in Django's normal form ((value, label) pairs): assigned to a field
    without being copied and normalised again for every form; QuickSelect escapes them once
    (the country lists are kept per language, so once per worker)."""

    def __init__(self, pairs: list[tuple]):
        self.pairs = pairs
        self._escaped = None

    def __iter__(self):
        return iter(self.pairs)

    def escaped(self) -> list[tuple[str, str, str]]:
        if self._escaped is None:
            self._escaped = _escape(self.pairs)
        return self._escaped


def _escape(choices) -> list[tuple[str, str, str]]:
    """(value as the form compares it, value and label escaped as Django's template would)."""
    out = []
    for option_value, label in choices:
        option_value = "" if option_value is None else str(option_value)
        out.append((option_value, conditional_escape(option_value), conditional_escape(label)))
    return out


_COUNTRY_CHOICES: dict[str, Ready] = {}


def _countries() -> Ready:
    """("", "Any country") and every country, named and sorted in the active language: plain
    strings, built once per language and worker (the list is fixed while the process runs)."""
    language = get_language() or ""
    found = _COUNTRY_CHOICES.get(language)
    if found is None:
        pairs = [("", str(_("Any country"))), *((code, str(name)) for code, name in countries)]
        found = _COUNTRY_CHOICES[language] = Ready(pairs)
    return found


class DirectoryForm(forms.Form):
    """The directory's search and filters (GET). Every field is optional."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Name, headline, skills or interests"),
        widget=QuickTextInput(attrs={"type": "search"}),
    )
    residence_country = forms.ChoiceField(
        label=_("Lives in (country)"), required=False, widget=QuickSelect
    )
    residence_city = forms.CharField(
        label=_("Lives in (city)"), required=False, max_length=80, widget=QuickTextInput
    )
    origin_country = forms.ChoiceField(
        label=_("From (country)"), required=False, widget=QuickSelect
    )
    origin_region = forms.CharField(
        label=_("From (region or city)"), required=False, max_length=80, widget=QuickTextInput
    )
    expertise = TermChoiceField(
        vocabulary=Term.Vocabulary.EXPERTISE,
        label=_("Expertise"),
        required=False,
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    language = TermChoiceField(
        vocabulary=Term.Vocabulary.LANGUAGE,
        label=_("Speaks"),
        required=False,
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    offers = TermChoiceField(
        vocabulary=Term.Vocabulary.CONTRIBUTION,
        label=_("Offers"),
        required=False,
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    seeks = TermChoiceField(
        vocabulary=Term.Vocabulary.CONTRIBUTION,
        label=_("Looking for"),
        required=False,
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"), choices=SORT_CHOICES, required=False, widget=QuickSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residence_country"].choices = _countries()
        self.fields["origin_country"].choices = _countries()
        for name in ("expertise", "language", "offers", "seeks"):
            self.fields[name].load_terms()

    def filters(self) -> dict:
        """The valid part of the input: a bad field is reported and left out, the rest applies."""
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: v for k, v in data.items() if v not in (None, "")}

    @property
    def active_count(self) -> int:
        return len([k for k in self.filters() if k not in ("q", "sort")])


class ConnectionRequestForm(forms.Form):
    note = forms.CharField(
        label=_("A note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say who you are and why you would like to connect. 500 characters at most."),
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please write a message.")},
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The member will not learn who reported them."),
    )


class MemberSettingsForm(forms.Form):
    messages_from_anyone = forms.BooleanField(
        label=_("Members I am not connected with may write to me"), required=False
    )


class NotificationSettingsForm(forms.Form):
    """One choice per registered notification kind."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=NotificationPreference.Delivery.choices,
                initial=current.get(kind.key, kind.default),
                widget=forms.RadioSelect,
            )
