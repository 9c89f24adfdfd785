"""Survey results: k-anonymous summaries per question, CSV/XLSX exports, a member's own data.

A results page costs the same handful of queries whatever the number of responses: one count,
two GROUP BYs over Answer, one over Response for the country filter.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from kopuro.core.selectors import K_ANONYMITY
from kopuro.insights.models import Answer, Response, Survey
from kopuro.insights.survey_forms import Question, questions_of

TOP_COUNTRIES = 15


@dataclass
class Bar:
    label: str
    count: int | None  # None: a group of fewer than K_ANONYMITY, not shown
    percent: int = 0
    y: int = 0  # the bar's row in the SVG
    complement: bool = False  # hidden because a smaller hidden group could be worked out


@dataclass
class QuestionResult:
    question: Question
    answered: int
    bars: list[Bar] = field(default_factory=list)
    average: float | None = None
    too_few: bool = False  # fewer than K_ANONYMITY answered it
    free_text: bool = False

    @property
    def svg_height(self) -> int:
        return max(1, len(self.bars)) * 10


def responses_for(source: Survey, filters: dict):
    qs = Response.objects.filter(survey=source)
    if filters.get("country"):
        qs = qs.filter(country=filters["country"])
    if filters.get("language"):
        qs = qs.filter(language=filters["language"])
    return qs


def filter_countries(source: Survey) -> list[str]:
    """Countries offered in the filter: only those with at least K_ANONYMITY respondents."""
    return list(
        Response.objects.filter(survey=source)
        .exclude(country="")
        .values("country")
        .annotate(n=Count("id"))
        .filter(n__gte=K_ANONYMITY)
        .values_list("country", flat=True)
    )


def _bar(label: str, n: int, total: int) -> Bar:
    if 0 < n < K_ANONYMITY:
        return Bar(label=label, count=None)
    return Bar(label=label, count=n, percent=round(100 * n / total) if total else 0)


def _suppress_complement(bars: list[Bar]) -> None:
    """Answers that exclude each other add up to the number who answered: with one group hidden
    it could be worked out from the others, so the smallest shown group is hidden too."""
    hidden = [b for b in bars if b.count is None]
    shown = [b for b in bars if b.count]
    if len(hidden) == 1 and shown:
        smallest = min(shown, key=lambda b: b.count)
        smallest.count, smallest.percent, smallest.complement = None, 0, True


def summarize(survey: Survey, source: Survey, filters: dict) -> tuple[int, list[QuestionResult]]:
    """(respondents, results per question); no results at all under K_ANONYMITY respondents.
    `survey` gives the wording (the reader's language), `source` holds the responses."""
    responses = responses_for(source, filters)
    total = responses.count()
    if total < K_ANONYMITY:
        return total, []
    answers = Answer.objects.filter(response__in=responses)
    answered = dict(
        answers.values("question")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("question", "n")
    )
    counts: dict[str, dict[str, int]] = {}
    for question, value, n in (
        answers.exclude(value="").values("question", "value").annotate(n=Count("id"))
    ).values_list("question", "value", "n"):
        counts.setdefault(question, {})[value] = n
    results = []
    for q in questions_of(survey):
        n_answered = answered.get(q.key, 0)
        r = QuestionResult(question=q, answered=n_answered)
        results.append(r)
        if q.kind == "text":
            r.free_text = True
            continue
        if n_answered < K_ANONYMITY:
            r.too_few = True
            continue
        by_value = counts.get(q.key, {})
        if q.kind in ("single_choice", "multiple_choice", "scale"):
            r.bars = [_bar(label, by_value.get(value, 0), n_answered) for value, label in q.choices]
        elif q.kind == "country":
            ranked = sorted(by_value.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = [(c, n) for c, n in ranked if n >= K_ANONYMITY][:TOP_COUNTRIES]
            rest = n_answered - sum(n for _c, n in shown)
            r.bars = [_bar(str(countries.name(c) or c), n, n_answered) for c, n in shown]
            if rest:
                r.bars.append(_bar(_("Other countries"), rest, n_answered))
        elif q.kind == "number":
            total_n = sum(by_value.values())
            if total_n:
                r.average = round(sum(int(v) * n for v, n in by_value.items()) / total_n, 1)
        if q.kind == "scale" and by_value and all(b.count is not None for b in r.bars):
            # with a group hidden, the average would help work it out: shown only when none is
            total_n = sum(by_value.values())
            r.average = round(sum(int(v) * n for v, n in by_value.items()) / total_n, 1)
        if q.kind != "multiple_choice":
            _suppress_complement(r.bars)
        for i, bar in enumerate(r.bars):
            bar.y = i * 10
    return total, results


# --- Exports (staff) ------------------------------------------------------------------------------


def _safe(value) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def export_rows(source: Survey) -> tuple[list[str], list[list[str]]]:
    """(header, rows): one row per response, one column per question key (choices as their
    values, several joined with '; '), no member identities."""
    questions = questions_of(source)
    header = ["response", "submitted_at", "language", "country", "consent_at"]
    header += [q.key for q in questions]
    rows = []
    responses = Response.objects.filter(survey=source).order_by("pk").prefetch_related("answers")
    for resp in responses:
        by_q: dict[str, list[str]] = {}
        for a in resp.answers.all():
            by_q.setdefault(a.question, []).append(a.text or a.value)
        row = [
            str(resp.pk),
            timezone.localtime(resp.submitted_at).isoformat(timespec="seconds"),
            resp.language,
            str(resp.country or ""),
            timezone.localtime(resp.consent_at).isoformat(timespec="seconds"),
        ]
        row += [_safe("; ".join(by_q.get(q.key, []))) for q in questions]
        rows.append(row)
    return header, rows


def export_csv(source: Survey) -> str:
    header, rows = export_rows(source)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def export_xlsx(source: Survey) -> bytes:
    from openpyxl import Workbook

    header, rows = export_rows(source)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=source.slug[:31] or "survey")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- A member's own responses ---------------------------------------------------------------------


@dataclass
class OwnResponse:
    response: Response
    survey: Survey
    answers: list[tuple[str, str]]  # (question, answer)


def own_responses(user, locale=None) -> list[OwnResponse]:
    responses = list(
        Response.objects.filter(member=user)
        .select_related("survey")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("pk")))
    )
    translated = {}
    if locale is not None and responses:
        translated = {
            s.translation_key: s
            for s in Survey.objects.filter(
                locale=locale, translation_key__in={r.survey.translation_key for r in responses}
            )
        }
    out = []
    for resp in responses:
        survey = translated.get(resp.survey.translation_key, resp.survey)
        qs = {q.key: q for q in questions_of(survey)}
        grouped: dict[str, list[str]] = {}
        for a in resp.answers.all():
            q = qs.get(a.question)
            shown = a.text or (q.label_for(a.value) if q else a.value)
            grouped.setdefault(a.question, []).append(shown)
        pairs = [(qs[k].text if k in qs else k, ", ".join(v)) for k, v in grouped.items()]
        out.append(OwnResponse(response=resp, survey=survey, answers=pairs))
    return out


def export_surveys(user) -> list[dict]:
    """The member's survey responses, for the my-data archive."""
    return [
        {
            "survey": o.survey.title,
            "submitted_at": o.response.submitted_at,
            "consent_at": o.response.consent_at,
            "language": o.response.language,
            "answers": [{"question": q, "answer": a} for q, a in o.answers],
        }
        for o in own_responses(user)
    ]


def erase_surveys(user) -> None:
    """Account deletion: the member's responses go with it."""
    Response.objects.filter(member=user).delete()
