"""The answering form, built from a survey's questions, and the results filter."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kopuro.insights.models import Survey

TEXT_MAX = 2000


@dataclass
class Question:
    """One question of a survey, as the form and the results page use it."""

    kind: str
    key: str
    text: str
    help: str
    required: bool
    show_if_question: str
    show_if_answer: str
    choices: list[tuple[str, str]]  # (value, label); scale: ("3", "3 · label")
    min_value: int | None = None
    max_value: int | None = None

    @property
    def field_name(self) -> str:
        return f"q_{self.key}"

    @property
    def conditional(self) -> bool:
        return bool(self.show_if_question and self.show_if_answer)

    def label_for(self, value: str) -> str:
        if self.kind == "country":
            return str(countries.name(value) or value)
        return dict(self.choices).get(value, value)


def questions_of(survey: Survey) -> list[Question]:
    out = []
    for block in survey.questions:
        v = block.value
        kind = block.block_type
        choices: list[tuple[str, str]] = []
        lo = hi = None
        if kind in ("single_choice", "multiple_choice"):
            choices = [(c["value"], c["label"]) for c in v["choices"]]
        elif kind == "scale":
            lo, hi = v["min_value"], v["max_value"]
            if lo is None or hi is None or hi < lo or hi - lo > 20:
                lo, hi = 1, 5
            for n in range(lo, hi + 1):
                label = str(n)
                if n == lo and v.get("min_label"):
                    label = f"{n} · {v['min_label']}"
                elif n == hi and v.get("max_label"):
                    label = f"{n} · {v['max_label']}"
                choices.append((str(n), label))
        elif kind == "number":
            lo, hi = v.get("min_value"), v.get("max_value")
        out.append(
            Question(
                kind=kind,
                key=v["key"],
                text=v["text"],
                help=v.get("help") or "",
                required=bool(v.get("required")),
                show_if_question=v.get("show_if_question") or "",
                show_if_answer=v.get("show_if_answer") or "",
                choices=choices,
                min_value=lo,
                max_value=hi,
            )
        )
    return out


class SurveyForm(forms.Form):
    """Every question as a field. Conditional questions are always shown (no JavaScript needed)
    with an "answer only if …" hint; clean() drops an answer to a question whose condition is not
    met, and asks for a required one only when it is."""

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = questions_of(survey)
        by_key = {q.key: q for q in self.questions}
        for q in self.questions:
            self.fields[q.field_name] = self._field(q)
            field = self.fields[q.field_name]
            hints = [q.help] if q.help else []
            if q.conditional:
                ctrl = by_key.get(q.show_if_question)
                if ctrl is not None:
                    hints.append(
                        _("Answer only if you answered “%(answer)s” to “%(question)s”.")
                        % {"answer": ctrl.label_for(q.show_if_answer), "question": ctrl.text}
                    )
            field.help_text = " ".join(str(h) for h in hints)
            field.show_required = q.required
        self.fields["consent"] = forms.BooleanField(
            label=_(
                "I agree that the office stores my answers to improve its services and publishes "
                "only summaries in which no group is smaller than 5 people."
            ),
            error_messages={"required": _("Please give your consent to send your answers.")},
        )

    def _field(self, q: Question) -> forms.Field:
        common = {"label": q.text, "required": q.required and not q.conditional}
        required_msg = {"required": _("Please answer this question.")}
        if q.kind in ("single_choice", "scale"):
            return forms.ChoiceField(
                choices=q.choices, widget=forms.RadioSelect, error_messages=required_msg, **common
            )
        if q.kind == "multiple_choice":
            return forms.MultipleChoiceField(
                choices=q.choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages=required_msg,
                **common,
            )
        if q.kind == "number":
            return forms.IntegerField(
                min_value=q.min_value,
                max_value=q.max_value,
                error_messages={
                    **required_msg,
                    "min_value": _("Please give a number of at least %(limit_value)s."),
                    "max_value": _("Please give a number of at most %(limit_value)s."),
                    "invalid": _("Please give a whole number."),
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                **common,
            )
        if q.kind == "country":
            return forms.ChoiceField(
                choices=[("", _("— choose a country —")), *list(countries)],
                error_messages=required_msg,
                **common,
            )
        return forms.CharField(
            max_length=TEXT_MAX,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages=required_msg,
            **common,
        )

    def visible(self, q: Question, data: dict) -> bool:
        if not q.conditional:
            return True
        answer = data.get(f"q_{q.show_if_question}")
        if isinstance(answer, list):
            return q.show_if_answer in answer
        return answer not in (None, "") and str(answer) == q.show_if_answer

    def clean(self):
        data = super().clean()
        for q in self.questions:
            name = q.field_name
            if name not in data:  # its own validation failed
                if not self.visible(q, data) and name in self.errors:
                    del self.errors[name]  # an answer to a hidden question is ignored
                    data[name] = None
                continue
            if not self.visible(q, data):
                data[name] = None
            elif q.required and data.get(name) in (None, "", []):
                self.add_error(name, _("Please answer this question."))
        return data

    def answers(self) -> list[dict]:
        """Answer rows (as keyword arguments) from the cleaned data."""
        rows = []
        for q in self.questions:
            value = self.cleaned_data.get(q.field_name)
            if value in (None, "", []):
                continue
            if q.kind == "multiple_choice":
                rows += [{"question": q.key, "value": v} for v in value]
            elif q.kind in ("scale", "number"):
                rows.append({"question": q.key, "value": str(int(value)), "number": int(value)})
            elif q.kind == "text":
                rows.append({"question": q.key, "text": value.strip()})
            else:
                rows.append({"question": q.key, "value": value})
        return rows

    def country(self) -> str:
        for q in self.questions:
            if q.kind == "country" and self.cleaned_data.get(q.field_name):
                return self.cleaned_data[q.field_name]
        return ""


class ResultsFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country of residence"), required=False)
    language = forms.ChoiceField(label=_("Language of the answers"), required=False)

    def __init__(self, *args, country_codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((c, str(countries.name(c))) for c in country_codes), key=lambda p: p[1]
        )
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}
